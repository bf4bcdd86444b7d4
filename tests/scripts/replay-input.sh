#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# replay-input.sh ISOFUZZ WORK CASE...: `replay --input` and `--batch`, as
# verify-patch's fuzzing half uses them, on the fuzz inputs of the
# regression corpus's findings.  One --batch process over all inputs must
# give each its own single run's output and exit status; a kernel crash
# ends only its own entry.
# (That an input replays as the bundle written from it is verify-patch.sh's
# check, on a bundle the current grammar wrote: the committed bundles were
# written by the grammar of their day, and an input lowers by today's.)
set -u
isofuzz=$1 work=$2
shift 2
tmp=$work/tmp; rm -rf "$work"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"

n=0 crashes=
for c in "$@"; do
	[ -f "$c/input" ] || continue
	name=$(basename "$c")
	"$isofuzz" replay --no-expected --all --input "$c/input" > "$tmp/$name.input" 2>&1
	rc=$?
	echo $rc > "$tmp/$name.input-rc"
	sed -i "s|$c/input|CASE|g" "$tmp/$name.input"
	case $rc in
	3) crashes="$crashes $c"; pass "$name: a kernel crash (exit 3)" ;;
	0|1) grep -q "^verdict" "$tmp/$name.input" && pass "$name: replays to a verdict (exit $rc)" ||
		fail "$name: no verdict printed" ;;
	*) fail "$name: exit $rc"; head -3 "$tmp/$name.input" ;;
	esac
	n=$((n + 1))
done
[ "$n" -gt 0 ] && pass "$n cases with an input" || fail "no case has an input"

# one batch over every input but the crashes (a crash ends the process,
# below): the same outputs and statuses one by one
inputs=
for c in "$@"; do
	[ -f "$c/input" ] && [ "$(cat "$tmp/$(basename "$c").input-rc")" != 3 ] && inputs="$inputs $c/input"
done
# shellcheck disable=SC2086
"$isofuzz" replay --batch --no-expected --all --input $inputs > "$tmp/batch" 2>&1
for c in $inputs; do
	c=${c%/input}
	name=$(basename "$c")
	awk -v h="== $c/input" '$0 == h { on = 1; next } on && /^== exit / { print; exit } on' \
		"$tmp/batch" > "$tmp/$name.batch"
	want="== exit $(cat "$tmp/$name.input-rc")"
	got=$(tail -1 "$tmp/$name.batch")
	sed -i '$d' "$tmp/$name.batch"
	sed -i "s|$c/input|CASE|g" "$tmp/$name.batch"
	[ "$got" = "$want" ] && pass "$name: batch says '$want'" || fail "$name: batch says '$got', want '$want'"
	cmp -s "$tmp/$name.batch" "$tmp/$name.input" && pass "$name: batch output is the single run's" ||
		{ fail "$name: batch output differs"; diff "$tmp/$name.input" "$tmp/$name.batch" | head | sed 's/^/    /'; }
done

# a crash ends only its own replay (each runs in a child process): its
# entry says "== exit 3", and the batch goes on with the next input
for c in $crashes; do
	name=$(basename "$c")
	next=${inputs# }; next=${next%% *}
	[ -n "$next" ] || { fail "no input to follow the crash"; continue; }
	"$isofuzz" replay --batch --no-expected --all --input "$c/input" "$next" > "$tmp/crash" 2>&1
	rc=$?
	awk -v h="== $c/input" '$0 == h { on = 1; next } on && /^== / { print; exit }' "$tmp/crash" \
		> "$tmp/crash-end"
	[ "$(cat "$tmp/crash-end")" = "== exit 3" ] && pass "$name: its entry ends with '== exit 3'" ||
		{ fail "$name: its entry ends with '$(cat "$tmp/crash-end")'"; head -3 "$tmp/crash"; }
	grep -qx "== $next" "$tmp/crash" && grep -q "^verdict" "$tmp/crash" && [ $rc = 3 ] &&
		pass "$name: the batch went on to the next input (exit 3, the worst)" ||
		fail "$name: the batch did not go on after the crash (exit $rc)"
done

# bad input: exit 2, the file named
expect_exit 2 "an input that does not exist" "$isofuzz" replay --input "$work/none"
grep -q "$work/none: No such file" "$tmp/err" && pass "names the file" || fail "no file named"
head -c 70000 /dev/zero > "$work/big"
expect_exit 2 "an input longer than the fuzz target takes" "$isofuzz" replay --input "$work/big"
grep -q "$work/big: larger than 65536 bytes" "$tmp/err" && pass "says so" || fail "no reason given"
expect_exit 2 "--input with --topology" "$isofuzz" replay --input --topology "$1" "$1/input"
rm -rf "$work"
finish
