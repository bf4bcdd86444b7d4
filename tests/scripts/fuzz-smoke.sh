#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# fuzz-smoke.sh ISOFUZZ TARGET SECONDS WORKDIR: a short campaign of one
# target; it must run (exit 0 or 1, never 2/3), print progress, seed then
# resume its corpus, and every finding it writes must be complete and, for
# a property violation, replay to a violation from its bundle alone.
set -u
isofuzz=$1 target=$2 secs=$3 dir=$4
tmp=$dir.tmp
rm -rf "$dir" "$tmp"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"
"$isofuzz" fuzz --out "$dir" --target "$target" --time "$secs" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -le 1 ] && pass "campaign ran (exit $rc)" || { fail "campaign exit $rc"; cat "$tmp/out" "$tmp/err"; }
grep -q "seeds in" "$tmp/out" && pass "seeded" || fail "no seeds"
grep -q "execs/s" "$tmp/out" && pass "progress line" || fail "no progress line"
[ -n "$(ls "$dir/corpus")" ] && pass "corpus kept" || fail "empty corpus"
for f in "$dir"/findings/*; do
	[ -d "$f" ] || continue
	n=$(basename "$f")
	[ -s "$f/report.txt" ] && [ -f "$f/input" ] && [ -d "$f/sys/bus/pci/devices" ] ||
		fail "$n: incomplete finding"
	case $n in P[1-6]-*)
		"$isofuzz" replay -q "$f" >"$tmp/replay" 2>&1; r=$?
		p=${n%%-*}
		if [ $r -eq 1 ] && grep -q "^ *$p: " "$tmp/replay"; then pass "$n replays to $p"
		else fail "$n: replay exit $r"; sed 's/^/    /' "$tmp/replay" | head -20; fi ;;
	esac
done
ls -a "$dir/findings" | grep -q '^\.tmp' && fail "a temporary finding left behind"
# a second run resumes from the corpus instead of seeding again
"$isofuzz" fuzz --out "$dir" --target "$target" --time 1 >"$tmp/out2" 2>&1
grep -q "resuming from" "$tmp/out2" && pass "resumed" || fail "did not resume"
expect_exit 2 "--engine afl is not yet" "$isofuzz" fuzz --out "$dir" --engine afl
expect_exit 2 "no --out" "$isofuzz" fuzz --time 1
rm -rf "$tmp"
finish
