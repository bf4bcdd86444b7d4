#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# fuzz-smoke.sh ISOFUZZ TARGET SECONDS WORKDIR [ENGINE]: a short campaign
# of one target (ENGINE libfuzzer, the default, or afl); it must run (exit
# 0 or 1, never 2/3), execute inputs, print progress, seed then resume its
# corpus, and every finding it writes must be complete and, for a property
# violation, replay to a violation from its bundle alone.
set -u
isofuzz=$1 target=$2 secs=$3 dir=$4 engine=${5:-libfuzzer}
tmp=$dir.tmp
rm -rf "$dir" "$tmp"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"
"$isofuzz" fuzz --out "$dir" --engine "$engine" --target "$target" --time "$secs" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -le 1 ] && pass "campaign ran (exit $rc)" || { fail "campaign exit $rc"; cat "$tmp/out" "$tmp/err"; }
grep -q "seeds in" "$tmp/out" && pass "seeded" || fail "no seeds"
grep -q "execs/s" "$tmp/out" && pass "progress line" || fail "no progress line"
if campaign_ran "$tmp/out"; then
	pass "inputs executed"
else
	fail "no executions"; cat "$tmp/out" "$tmp/err"
fi
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
if [ "$engine" = afl ]; then
	# AFL++'s finds are brought back into the corpus, and the custom
	# mutator (afl_custom_describe names its inputs) did some of them
	ls "$dir/corpus" | grep -q '^afl-' && pass "AFL++'s queue brought back" ||
		fail "nothing of AFL++'s queue in the corpus"
	if [ "$target" = pipeline ]; then
		ls "$dir/afl/main/queue" "$dir/afl/main/crashes" | grep -q ',grammar-' &&
			pass "grammar mutator used" || fail "no input from the grammar mutator"
	fi
fi
"$isofuzz" fuzz --out "$dir" --engine "$engine" --target "$target" --time 1 >"$tmp/out2" 2>&1
grep -q "resuming from" "$tmp/out2" && pass "resumed" || fail "did not resume"
if [ "$engine" = afl ]; then
	# the second campaign starts from the first one's finds
	ls "$dir/afl/main/queue" | grep -q ',orig:afl-' && pass "AFL++ resumed from its finds" ||
		fail "AFL++ did not start from the corpus"
fi
if [ "$engine" = afl ] && [ "$target" = pipeline ]; then
	# a campaign killed outright: its afl-fuzz go with it, and the next
	# campaign brings back what the killed one found
	"$isofuzz" fuzz --out "$dir" --engine afl --target "$target" --time 60 >"$tmp/out3" 2>&1 &
	pid=$!
	sleep 8
	kill -9 $pid; wait $pid 2>/dev/null
	sleep 2
	left=$(pgrep -f "afl-fuzz -i $dir/corpus" || true)
	[ -z "$left" ] && pass "killed campaign left no afl-fuzz" ||
		{ fail "afl-fuzz left running: $left"; kill $left; }
	"$isofuzz" fuzz --out "$dir" --engine afl --target "$target" --time 1 >"$tmp/out4" 2>&1
	grep -q "^fuzz: from $dir/afl: " "$tmp/out4" &&
		pass "the killed campaign's finds brought back" ||
		{ fail "nothing brought back from the killed campaign"; cat "$tmp/out4"; }
fi
expect_exit 2 "an unknown engine" "$isofuzz" fuzz --out "$dir" --engine honggfuzz
expect_exit 2 "no --out" "$isofuzz" fuzz --time 1
rm -rf "$tmp"
finish
