#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# bench/engines.sh [ISOFUZZ] [SECONDS] [TARGET]: libFuzzer against AFL++ on
# one target (default pipeline), one campaign each of SECONDS (default 60)
# with one job, one after the other, each from the same fresh seeds, as
# `isofuzz fuzz` runs them.  Prints each engine's executions, execs/s over
# its run (AFL++'s run time includes its calibration of the seeds, as
# libFuzzer's includes running them) and findings, and the ratio of the
# rates.  Coverage is each engine's own count (libFuzzer's counters,
# AFL++'s edges), not comparable between them.  One sitting, one core:
# run it on an idle machine.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
isofuzz=${1:-$top/build/harness/isofuzz}
secs=${2:-60}
target=${3:-pipeline}
work=$(mktemp -d /tmp/isofuzz-engines.XXXXXX)
trap 'rm -rf "$work"' EXIT
printf '%-10s %9s %7s %9s %7s  %s\n' engine execs secs execs/s cov findings
for e in libfuzzer afl; do
	"$isofuzz" fuzz --out "$work/$e" --engine "$e" --target "$target" --time "$secs" \
		--jobs 1 > "$work/$e.out" 2>&1 || true
	# fuzz: done: N execs in Ss (R/s)  cov C  corpus K  findings: ...
	line=$(grep '^fuzz: done:' "$work/$e.out") ||
		{ echo "$e: no summary line:"; cat "$work/$e.out"; exit 1; }
	echo "$line" | sed 's/^fuzz: done: \([0-9]*\) execs in \([0-9]*\)s (\([0-9]*\)\/s)  cov \([0-9]*\).*findings: \(.*\)$/\1 \2 \3 \4 \5/' |
		{ read -r x s r c f; printf '%-10s %9s %7s %9s %7s  %s\n' "$e" "$x" "$s" "$r" "$c" "$f"; echo "$r" > "$work/$e.rate"; }
done
awk -v a="$(cat "$work/afl.rate")" -v l="$(cat "$work/libfuzzer.rate")" \
	'BEGIN { if (l > 0) printf "afl/libfuzzer execs/s: %.2f\n", a / l }'
