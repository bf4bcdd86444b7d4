#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The main job: set up and build, then replay every machine bundle the
# project carries against the kernel code of the default tree and report,
# bundle by bundle, whether the kernel's groups match what a real kernel
# formed; then a short fuzz campaign (FUZZ_TIME seconds, default 60) with
# a summary of its findings, new ones (no corpus/regression folder explains
# them) first.  Exit status as isofuzz replay's, the worst over all bundles
# and the campaign: 1 when a bundle differs or the campaign found something
# new, 2 or 3 when a bundle or the campaign could not run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/harness/setup.sh" "$build"
isofuzz=$build/harness/isofuzz

echo "isofuzz: $("$isofuzz" --version)"
status=0
# Each bundle: its groups against the real kernel's (expected/iommu_groups)
# and the properties the solver finds violated against those reasoned by
# hand (expected/verdict); either disagreeing is a failure (exit 1).
for b in "$top"/tests/bundles/* "$top"/tests/bundles-amd/* "$top"/tests/handmade/*; do
	[ -d "$b/sys" ] || continue
	start=$(date +%s%N)
	if out=$("$isofuzz" replay "$b" 2>&1); then rc=0; else rc=$?; fi
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	nr=$(printf '%s\n' "$out" | grep -c '^[0-9]*:' || true)
	bad=0
	if printf '%s\n' "$out" | grep -q '^groups agree with'; then
		groups="groups as the real kernel's"
	elif printf '%s\n' "$out" | grep -q '^groups differ from'; then
		groups="groups DIFFER from the real kernel's"; bad=1
	else
		groups="no real-kernel groups to compare"
	fi
	got=$(printf '%s\n' "$out" | sed -n 's/^  \(P[1-6]\) .*: violated.*/\1/p' | sort -u | tr '\n' ' ')
	want=$(sed -n 's/^property: *//p' "$b/expected/verdict" 2>/dev/null | sort -u | tr '\n' ' ')
	if [ $rc -ge 2 ]; then
		verdict="could not be replayed (exit $rc)"; bad=$rc
	elif [ "$got" = "$want" ]; then
		verdict=${got:+"violates ${got% } as expected"}
		verdict=${verdict:-isolated}
	else
		verdict="violates '${got% }', expected '${want% }'"; bad=1
	fi
	printf '%-24s %3s groups %5s ms  %s; %s\n' "$(basename "$b")" "$nr" "$ms" "$groups" "$verdict"
	[ $bad -eq 0 ] || printf '%s\n' "$out" | sed 's/^/    /'
	[ $bad -gt $status ] && status=$bad
done

out=${FUZZ_OUT:-$build/fuzz-campaign}
echo
echo "isofuzz fuzz: ${FUZZ_TIME:-60} s of the whole pipeline into $out (resumes its corpus)"
# progress shown live, the summary kept (a pipeline's status is tee's)
{
	if "$isofuzz" fuzz --out "$out" --time "${FUZZ_TIME:-60}" 2>&1; then rc=0; else rc=$?; fi
	echo $rc > "$out.rc"
} | tee "$out.log"
rc=$(cat "$out.rc")
mkdir -p "$out" && grep '^fuzz: \(new\|known\) ' "$out.log" > "$out/summary" || true
# new findings fail the job as a replay that differs does (exit 1)
case $rc in
0) ;;
1) [ $status -ge 1 ] || status=1 ;;
*) echo "isofuzz fuzz failed (exit $rc)"; status=$rc ;;
esac
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
# the known ones are listed above by isofuzz fuzz, each with its README
first=$(for s in $new; do echo "$out/findings/$s"; done | head -1)
if [ -n "$first" ]; then
	echo
	echo "== the first new finding's report ($first/report.txt), abridged:"
	sed -n '1,/^== tables/p' "$first/report.txt" | head -60
fi
exit $status
