#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# regression.sh ISOFUZZ DIR: every folder of the regression corpus
# (corpus/regression) is explained (README.md) and names what it explains
# (explains); every bundle there replays to its expected/verdict (reasoned
# by hand, format: lib.sh), or, with expected/crash, stops as a crash of
# the kernel's code with that signature (exit 3) and never as a harness crash.
set -u
isofuzz=$1 dir=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
n=0
for b in "$dir"/*/; do
	b=${b%/}
	name=$(basename "$b")
	[ -s "$b/README.md" ] && pass "$name: README.md" || fail "$name: no README.md"
	[ -d "$b/sys" ] || continue
	n=$((n + 1))
	if [ -f "$b/expected/crash" ]; then
		sig=$(cat "$b/expected/crash")
		expect_exit 3 "$name: the kernel code crashes" "$isofuzz" replay -q "$b"
		grep -qF "the kernel code crashed: $sig " "$tmp/err" && pass "$name: names $sig" ||
			{ fail "$name: no 'crashed: $sig'"; tail -3 "$tmp/err" | sed 's/^/    /'; }
		continue
	fi
	if [ ! -f "$b/expected/verdict" ]; then
		fail "$name: neither expected/verdict nor expected/crash"
		continue
	fi
	expect_exit "$(verdict_exit "$b/expected/verdict")" "$name: $(sed -n 's/^verdict: *//p' "$b/expected/verdict")" \
		"$isofuzz" replay "$b"
	verdict_lines "$b/expected/verdict" "$name"
	[ "$(verdict_exit "$b/expected/verdict")" -eq 0 ] && ! grep -q ": violated" "$tmp/out" &&
		pass "$name: nothing violated"
done
[ "$n" -gt 0 ] && pass "$n bundles" || fail "no bundle in $dir"
finish
