#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The main job: set up and build, then replay every machine bundle the
# project carries against the kernel code of the default tree and report,
# bundle by bundle, whether the kernel's groups match what a real kernel
# formed; then a short fuzz campaign (FUZZ_TIME seconds, default 60) with
# a summary of its findings.  Exit status as isofuzz replay's: the worst
# over all bundles (the campaign's findings are reported, not failed on:
# the unmutated tree's findings are still being explained).
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
if "$isofuzz" fuzz --out "$out" --time "${FUZZ_TIME:-60}"; then rc=0; else rc=$?; fi
[ $rc -le 1 ] || { echo "isofuzz fuzz failed (exit $rc)"; status=$rc; }
for f in "$out"/findings/*; do
	[ -f "$f/report.txt" ] || continue
	printf '  %-60s %s\n' "$(basename "$f")" "$(sed -n '3s/^what: //p' "$f/report.txt" | cut -c1-60)"
done
first=$(ls -d "$out"/findings/P* 2>/dev/null | head -1)
if [ -n "$first" ]; then
	echo
	echo "== the first finding's report ($first/report.txt), abridged:"
	sed -n '1,/^== tables/p' "$first/report.txt" | head -60
fi
exit $status
