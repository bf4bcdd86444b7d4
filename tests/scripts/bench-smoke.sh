#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# bench-smoke.sh BENCH_THROUGHPUT: bench_throughput runs and its accounting
# holds together (no figure of speed is checked: benchmarks print those).
# The kernel-code stage is not empty (the --wrap timers took), no stage is
# negative (a stage counted twice would make "other" so), the seeds' known
# violations (tests/handmade's switch without ACS, P2) cost Z3 in the first
# pass only, as in the fuzz target, and -w writes the set that a second run
# reads back whole.
set -u
bench=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
expect_exit 0 "-h" "$bench" -h
expect_exit 2 "-p 0" "$bench" -p 0
expect_exit 2 "a corpus folder that does not exist" "$bench" "$tmp/none"
mkdir "$tmp/set"
expect_exit 0 "seeds and one mutant each, 2 passes, -w" "$bench" -p 2 -m 1 -w "$tmp/set"
cp "$tmp/out" "$tmp/first"
for s in decode g_build "shim set-up" "kernel code" "observe[+]teardown" "fast check" z3 \
	 "finding write" other total; do
	grep -Eq "^  $s +[0-9.]+ us" "$tmp/first" || fail "no non-negative figure for '$s'"
done
[ "$fails" -eq 0 ] && pass "every stage has a figure, none negative"
k=$(sed -n 's/^  kernel code alone *\([0-9.]*\) us.*/\1/p' "$tmp/first")
awk -v k="${k:-0}" 'BEGIN { exit !(k > 0) }' && pass "the kernel code's stage is timed ($k us)" ||
	fail "the kernel code's stage is empty: the --wrap timers did not take"
grep -Eq "^first pass .*, [1-9][0-9]* Z3 checks" "$tmp/first" && pass "new violations pay for Z3 in the first pass" ||
	fail "no Z3 check in the first pass"
grep -q "^  Z3 checks 0;" "$tmp/first" && pass "known violations skip Z3 in the later passes" ||
	fail "Z3 ran again on known violations"
n=$(sed -n 's/^bench_throughput: \([0-9]*\) inputs.*/\1/p' "$tmp/first")
[ "$n" = "$(ls "$tmp/set" | wc -l | tr -d ' ')" ] && pass "-w wrote the $n inputs that ran" ||
	fail "-w wrote $(ls "$tmp/set" | wc -l) inputs, $n ran"
expect_exit 0 "the written set" "$bench" -p 1 "$tmp/set"
grep -q "^bench_throughput: $n inputs ([^;]*; 0 more crash" "$tmp/out" && pass "the set reads back whole" ||
	fail "the set did not read back whole: $(head -1 "$tmp/out")"
finish
