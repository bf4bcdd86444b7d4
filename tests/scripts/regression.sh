#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# regression.sh ISOFUZZ DIR: every folder of the regression corpus
# (corpus/regression) is explained (README.md) and names what it explains
# (explains); every bundle there replays to its expected/verdict (reasoned
# by hand, format: lib.sh), or, with expected/crash, stops as a crash or a
# hang of the kernel's code with that signature (exit 3) and never as a
# harness crash, or, with expected/hang, is ended by the run watchdog with
# that kernel function on the stack; a folder's fixed/ bundle (its table
# corrected) must run without either.
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
	# fixed/: the same machine with the table corrected as README.md says:
	# the kernel code must then run to its end (the finding is that entry's)
	if [ -d "$b/fixed/sys" ]; then
		"$isofuzz" replay -q "$b/fixed" >"$tmp/out" 2>"$tmp/err"
		[ $? -ne 3 ] && pass "$name: fixed table runs through" ||
			{ fail "$name: fixed table still fails"; tail -1 "$tmp/err" | sed 's/^/    /'; }
	fi
	# expected/hang: the function the run watchdog must find the kernel in
	if [ -f "$b/expected/hang" ]; then
		fn=$(cat "$b/expected/hang")
		expect_exit 3 "$name: the kernel code hangs" "$isofuzz" replay -q "$b"
		grep "hang.*: the kernel code ran for .*, in " "$tmp/err" | grep -qE "[ ,]$fn(,|\$)" &&
			pass "$name: hangs in $fn" ||
			{ fail "$name: no hang in $fn"; tail -1 "$tmp/err" | sed 's/^/    /'; }
		continue
	fi
	if [ -f "$b/expected/crash" ]; then
		sig=$(cat "$b/expected/crash")
		expect_exit 3 "$name: the kernel code crashes" "$isofuzz" replay -q "$b"
		# a hang (timeout-*) is named by the watchdog, a crash by the sanitizer
		what=crashed
		case $sig in timeout-*) what=hung ;; esac
		line="the kernel code $what: $sig "
		# UBSan hands replay no report to sign: its own line names the
		# place, FILE:LINE:COL that the campaign's signature spells with -
		case $sig in ubsan-kernel-*)
			line=$(echo "${sig#ubsan-kernel-}" | sed 's/-\([0-9]*\)-\([0-9]*\)$/:\1:\2/')
			line="/ktree/.*/$line: runtime error: " ;;
		esac
		grep -q -- "$line" "$tmp/err" && pass "$name: names $sig" ||
			{ fail "$name: no '$line'"; tail -3 "$tmp/err" | sed 's/^/    /'; }
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
