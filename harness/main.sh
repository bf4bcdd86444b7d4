#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The main job: set up and build, then replay every machine bundle the
# project carries against the kernel code of the default tree and report,
# bundle by bundle, whether the kernel's groups match what a real kernel
# formed; then a short fuzz campaign (FUZZ_TIME seconds, default 60) with
# a summary of its findings, new ones (no corpus/regression folder explains
# them) first.  Exit status as isofuzz replay's: the worst over all bundles
# (the campaign's findings are reported, not failed on).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/harness/setup.sh" "$build"
isofuzz=$build/harness/isofuzz

echo "isofuzz: $("$isofuzz" --version)"
status=0
for b in "$top"/tests/bundles/* "$top"/tests/handmade/*; do
	[ -d "$b/sys" ] || continue
	start=$(date +%s%N)
	if out=$("$isofuzz" replay "$b" 2>&1); then rc=0; else rc=$?; fi
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	groups=$(printf '%s\n' "$out" | grep -c '^[0-9]*:' || true)
	case $rc in
	0) verdict="agrees with its expected groups" ;;
	1) verdict="DIFFERS from its expected groups" ;;
	*) verdict="could not be replayed (exit $rc)" ;;
	esac
	printf '%-28s %3s groups  %5s ms  %s\n' "$(basename "$b")" "$groups" "$ms" "$verdict"
	[ $rc -eq 0 ] || { printf '%s\n' "$out" | sed 's/^/    /'; }
	[ $rc -gt $status ] && status=$rc
done

out=${FUZZ_OUT:-$build/fuzz-campaign}
echo
echo "isofuzz fuzz: ${FUZZ_TIME:-60} s of the whole pipeline into $out (resumes its corpus)"
# progress shown live, the summary kept (a pipeline's status is tee's)
{ if "$isofuzz" fuzz --out "$out" --time "${FUZZ_TIME:-60}"; then echo 0; else echo $?; fi > "$out.rc"; } |
	tee "$out.log"
rc=$(cat "$out.rc")
mkdir -p "$out" && grep '^fuzz: \(new\|known\) ' "$out.log" > "$out/summary" || true
[ $rc -le 1 ] || { echo "isofuzz fuzz failed (exit $rc)"; status=$rc; }
# isofuzz fuzz lists each finding as new or known (with the regression
# corpus folder that explains it): new ones first, and prominently
new=$(grep '^fuzz: new ' "$out/summary" 2>/dev/null | sed 's/^fuzz: new *//' || true)
if [ -n "$new" ]; then
	echo
	echo "== NEW findings (no corpus/regression folder explains them):"
	for s in $new; do
		printf '  %-60s %s\n' "$s" "$(sed -n '3s/^what: //p' "$out/findings/$s/report.txt" | cut -c1-60)"
	done
fi
echo
echo "== known findings (explained in corpus/regression):"
grep '^fuzz: known ' "$out/summary" 2>/dev/null | sed 's/^fuzz: known */  /' || true
first=$(for s in $new; do echo "$out/findings/$s"; done | head -1)
if [ -n "$first" ]; then
	echo
	echo "== the first new finding's report ($first/report.txt), abridged:"
	sed -n '1,/^== tables/p' "$first/report.txt" | head -60
fi
exit $status
