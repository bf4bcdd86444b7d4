#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# bench/coverage.sh [-t SECONDS] [-o DIR] [BUILD_DIR] [COV_BUILD_DIR]
#
# Line coverage of the kernel's compiled functions after a campaign:
#  1. `isofuzz fuzz --time SECONDS --jobs 1` (default 600) with BUILD_DIR's
#     fuzz build (ASan+UBSan, as fuzzing runs), into DIR/campaign (-t 0:
#     no campaign, DIR/campaign's corpus as it is);
#  2. a build with clang's source-based coverage in COV_BUILD_DIR (default
#     BUILD_DIR-cov; -DISOFUZZ_COVERAGE=ON, no sanitizers, configured and
#     built here when missing);
#  3. the campaign's corpus, and its crash artifacts one by one, run through
#     that build's fuzz_pipeline (each input once, no findings written);
#  4. llvm-profdata-14 merges the profiles, llvm-cov-14 reports.
#
# The kernel's code is what kextract pulled from the tree (BUILD/kgen/: one
# file per kernel file, only the listed functions and what they need, each
# with a #line back to the tree): the report covers those files and so only
# the functions the harness compiles, per kernel file and in total, then the
# least-covered functions.  Coverage counts a line of a kgen file; the
# kernel file it came from is named on the file's first line.
#
# DIR (default: a new /tmp/isofuzz-coverage.XXXXXX) keeps the campaign, the
# merged profile and the reports (coverage-files.txt, coverage-functions.txt).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
secs=600
out=
while getopts t:o:h opt; do
	case $opt in
	t) secs=$OPTARG ;;
	o) out=$OPTARG ;;
	h) sed -n '4,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "usage: bench/coverage.sh [-t SECONDS] [-o DIR] [BUILD_DIR] [COV_BUILD_DIR]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
build=${1:-$top/build}
cov=${2:-$build-cov}
case $secs in ''|*[!0-9]*) echo "coverage.sh: -t $secs: want seconds" >&2; exit 2 ;; esac
[ -x "$build/harness/isofuzz" ] || { echo "coverage.sh: $build/harness/isofuzz: not built" >&2; exit 2; }
for t in llvm-profdata-14 llvm-cov-14; do
	command -v $t >/dev/null || { echo "coverage.sh: $t not found (Debian: llvm-14)" >&2; exit 2; }
done
[ -n "$out" ] || out=$(mktemp -d /tmp/isofuzz-coverage.XXXXXX)
mkdir -p "$out"

# 1. the campaign (exit 1 only says it found something); -t 0 reports on DIR's
if [ "$secs" -gt 0 ]; then
	echo "coverage: $secs s campaign in $out/campaign"
	rc=0
	"$build/harness/isofuzz" fuzz --out "$out/campaign" --time "$secs" --jobs 1 >"$out/fuzz.log" 2>&1 || rc=$?
	[ $rc -le 1 ] || { cat "$out/fuzz.log" >&2; echo "coverage.sh: isofuzz fuzz: exit $rc" >&2; exit 3; }
	grep '^fuzz: done' "$out/fuzz.log" || true
elif [ ! -d "$out/campaign/corpus" ]; then
	echo "coverage.sh: -t 0: no campaign in $out/campaign to report on" >&2
	exit 2
fi

# 2. the coverage build (-O2: the shim needs the dead code -O0 keeps dropped)
bin=$cov/harness/fuzz_pipeline
if [ ! -x "$bin" ]; then
	echo "coverage: building $cov" >&2
	cmake -S "$top" -B "$cov" -DCMAKE_C_COMPILER=clang-14 -DISOFUZZ_COVERAGE=ON \
		-DISOFUZZ_SANITIZE=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build "$cov" -j2 --target fuzz_pipeline >/dev/null
fi

# 3. every input once: libFuzzer runs files given as arguments one by one.
#    A batch that dies loses its profile, so its files then run one each.
rm -rf "$out/profraw"
mkdir "$out/profraw"
export LLVM_PROFILE_FILE="$out/profraw/%p.profraw"
unset ISOFUZZ_FINDINGS
run_each() {
	for f in "$@"; do
		timeout 60 "$bin" -timeout=30 "$f" >/dev/null 2>&1 || echo "coverage: $f: no profile (exit $?)" >&2
	done
}
find "$out/campaign/corpus" -type f | sort > "$out/inputs"
ninputs=$(wc -l < "$out/inputs")
split -l 200 "$out/inputs" "$out/batch."
for b in "$out"/batch.*; do
	# shellcheck disable=SC2046
	if ! timeout 600 "$bin" -timeout=30 $(cat "$b") >/dev/null 2>&1; then
		# shellcheck disable=SC2046
		run_each $(cat "$b")
	fi
	rm -f "$b"
done
ncrash=0
for f in "$out"/campaign/crashes/crash-* "$out"/campaign/crashes/timeout-*; do
	case $f in *.done|*'*'*) continue ;; esac
	run_each "$f"
	ncrash=$((ncrash + 1))
done
echo "coverage: replayed $ninputs corpus inputs and $ncrash crash/timeout artifacts"
llvm-profdata-14 merge -sparse "$out"/profraw/*.profraw -o "$out/merged.profdata"
rm -rf "$out/profraw"

# 4. the kernel's files: BUILD/kgen as the coverage build extracted them
files=$(ls "$cov"/kgen/*.c "$cov"/kgen/*.h)
# shellcheck disable=SC2086
llvm-cov-14 report "$bin" -instr-profile="$out/merged.profdata" $files > "$out/coverage-files.txt"
# shellcheck disable=SC2086
llvm-cov-14 report "$bin" -instr-profile="$out/merged.profdata" -show-functions $files \
	> "$out/coverage-functions.txt"

echo
echo "line coverage of the compiled kernel functions ($(sed -n '1s|.*/ktree/\([^/]*\)/.*|\1|p' "$cov/kgen/search.c"))"
printf '%-62s %9s %13s %7s\n' "kernel file (kgen file)" functions "lines hit" cover
awk -v kgen="$cov/kgen/" '
$1 ~ /\.[ch]$/ && NF >= 10 {
	f = kgen $1
	first = ""
	getline first < f
	close(f)
	src = first
	sub(/.*linux-source-[^\/]*\//, "", src)
	sub(/.*ktree\/[^\/]*\//, "", src)
	sub(/: kernel code.*/, "", src)
	if (src == first) src = $1
	name = $1
	fn = $5; fmiss = $6; ln = $8; lmiss = $9
	if (ln == 0) next
	printf "%-62s %4d/%-4d %6d/%-6d %6.1f%%\n", src " (" name ")", fn - fmiss, fn, ln - lmiss, ln, 100 * (ln - lmiss) / ln
	tf += fn; tfm += fmiss; tl += ln; tlm += lmiss
}
END {
	printf "%-62s %4d/%-4d %6d/%-6d %6.1f%%\n", "total", tf - tfm, tf, tl - tlm, tl, 100 * (tl - tlm) / tl
}' "$out/coverage-files.txt"

echo
echo "the 10 least-covered functions of the files the campaign reached (line coverage,"
echo "then most lines missed; a file no input reached is 0% above and left out here):"
awk '
/^File / { file = $2; gsub(/[\x27:]/, "", file); sub(/.*\//, "", file); next }
NF >= 10 && $1 != "Name" && $1 != "TOTAL" && $5 ~ /^[0-9]+$/ && $5 > 0 {
	name = $1
	sub(/^.*:/, "", name)
	# a header inline is listed once per file that includes it: the best one
	k = name " (" file ")"
	if (!(k in miss) || $6 < miss[k]) { miss[k] = $6; lines[k] = $5; cover[k] = $7; kfile[k] = file }
	if ($6 < $5) reached[file] = 1
}
END {
	for (k in miss)
		if (kfile[k] in reached)
			printf "%s %d %d %d %s\n", cover[k], miss[k], lines[k] - miss[k], lines[k], k
}
' "$out/coverage-functions.txt" | sed 's/%//' | sort -k1,1n -k2,2nr |
	awk '{ printf "  %6.1f%%  %4d/%-4d lines  %s\n", $1, $3, $4, $5 " " $6 }' | head -10
echo "(every function: $out/coverage-functions.txt)"
