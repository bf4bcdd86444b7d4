#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Runs do not depend on what ran before: every bundle replayed in one
# process, forwards and backwards, prints the same groups for each.
# (The binary is built with LeakSanitizer, which fails it on a leak.)
set -u
isofuzz=$1 dir=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
set -- "$dir"/*
fwd=$*
rev=
for b in "$@"; do rev="$b $rev"; done
# split the output at each "== BUNDLE" header into one file per bundle
split_out() {
	mkdir -p "$2"
	awk -v d="$2" '/^== /{ n = $2; sub(/.*\//, "", n); f = d "/" n; next } { print > f }' "$1"
}
# shellcheck disable=SC2086
"$isofuzz" replay $fwd > "$tmp/fwd" 2>&1 || true
# shellcheck disable=SC2086
"$isofuzz" replay $rev > "$tmp/rev" 2>&1 || true
split_out "$tmp/fwd" "$tmp/f"; split_out "$tmp/rev" "$tmp/r"
for b in "$@"; do
	n=$(basename "$b")
	if cmp -s "$tmp/f/$n" "$tmp/r/$n" && [ -s "$tmp/f/$n" ]; then pass "$n: same groups in both orders"
	else fail "$n differs between orders"; diff "$tmp/f/$n" "$tmp/r/$n" | head; fi
done
grep -q "LeakSanitizer" "$tmp/fwd" "$tmp/rev" && fail "leak reported" || pass "no leak reported"
finish
