#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The main job: set up and build, then replay every machine bundle the
# project carries against the kernel code of the default tree and report,
# bundle by bundle, whether the kernel's groups match what a real kernel
# formed.  Exit status as isofuzz replay's: the worst over all bundles.
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
exit $status
