#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# bench/throughput.sh [BUILD_DIR] [OPT_BUILD_DIR|-] [FUZZ_SECONDS]
#
# The harness's cost beside the kernel code's, in one sitting:
#  1. bench_throughput (bench/throughput.c) in BUILD_DIR, the ASan+UBSan
#     build fuzzing uses, on the fixed input set (the campaign's seeds and
#     their mutants from fixed seeds): execs/s per core of the whole
#     pipeline, the kernel code's time per input, their ratio, the stages;
#  2. the same inputs in an optimised build without sanitizers
#     (OPT_BUILD_DIR, default BUILD_DIR-opt, configured and built here when
#     missing; "-" skips it);
#  3. the real rate: `isofuzz fuzz --time FUZZ_SECONDS --jobs 1` (default
#     60), libFuzzer and its fork mode included;
#  4. bench_throughput again on the corpus that campaign grew, inputs the
#     fuzzer kept rather than the seeds.
# bench/profile.sh says what the kernel-code stage is made of.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
opt=${2:-$build-opt}
secs=${3:-60}
[ -x "$build/bench/bench_throughput" ] || { echo "throughput.sh: $build/bench/bench_throughput: not built" >&2; exit 2; }

tmp=$(mktemp -d /tmp/isofuzz-throughput.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/inputs"

echo "== ASan+UBSan build ($build)"
"$build/bench/bench_throughput" -w "$tmp/inputs" 2>/dev/null

if [ "$opt" != - ]; then
	if [ ! -x "$opt/bench/bench_throughput" ]; then
		echo "throughput.sh: building $opt (no sanitizers, -O3)" >&2
		cmake -S "$top" -B "$opt" -DCMAKE_C_COMPILER=clang-14 -DISOFUZZ_SANITIZE=OFF \
			-DCMAKE_BUILD_TYPE=Release >/dev/null
		cmake --build "$opt" -j2 --target bench_throughput >/dev/null
	fi
	echo
	echo "== optimised build without sanitizers ($opt), the same inputs"
	"$opt/bench/bench_throughput" "$tmp/inputs" 2>/dev/null
fi

echo
echo "== isofuzz fuzz --time $secs --jobs 1 ($build)"
"$build/harness/isofuzz" fuzz --out "$tmp/campaign" --time "$secs" --jobs 1 |
	grep -E '^fuzz: (done|[0-9 ]+ seeds)' || true

echo
echo "== ASan+UBSan build on the corpus that campaign grew"
"$build/bench/bench_throughput" "$tmp/campaign/corpus" 2>/dev/null
