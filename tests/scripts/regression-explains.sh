#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# regression-explains.sh MINIMIZE DIR: every folder of the regression corpus
# whose fuzz input gives a property finding has that finding's signature
# (as build/harness/minimize prints it) matched by a glob of its explains:
# a folder explains what it shows, not a neighbour, and a solver change that
# renames its reason shows here rather than as a new finding of a campaign.
set -u
minimize=$1 dir=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
n=0
for b in "$dir"/*/; do
	b=${b%/}
	name=$(basename "$b")
	[ -f "$b/input" ] && [ -f "$b/explains" ] || continue
	rm -rf "$tmp/min"
	sig=$("$minimize" "$b" "$tmp/min" 2>&1 | sed -n 's/^minimize: \([^ :]*\): [0-9]* -> [0-9]* nodes$/\1/p')
	[ -n "$sig" ] || continue	# a crash or hang: regression.sh checks it
	n=$((n + 1))
	ok=
	while IFS= read -r glob; do
		case $glob in '#'*|'') continue ;; esac
		# shellcheck disable=SC2254
		case $sig in $glob) ok=1 ;; esac
	done < "$b/explains"
	[ -n "$ok" ] && pass "$name: explains $sig" || fail "$name: $sig matches no glob of explains"
done
[ "$n" -gt 0 ] && pass "$n folders with a property finding" || fail "no folder has a property finding"
finish
