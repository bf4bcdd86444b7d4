#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# fuzz-kernel-report.sh ISOFUZZ FUZZ_PIPELINE REGRESSION_DIR: an ASan report
# in the kernel's code does not end a fuzz target (harness/fuzz/
# kernel_report.c).  Each crash-* case of the regression corpus, its input
# run by the pipeline target: the process carries on (exit 0), writes the
# finding its explains names (complete: report, input, bundle), judges
# nothing from that run, and the finding replays to the crash (exit 3,
# the function named); with ASAN_OPTIONS=halt_on_error=1 the target stops
# at the report as it used to.
set -u
isofuzz=$1 target=$2 corpus=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
for c in "$corpus"/crash-*; do
	[ -f "$c/input" ] || continue
	n=$(basename "$c")
	sig=$(grep -v '^#' "$c/explains" | head -1)
	rm -rf "$tmp/f"; mkdir "$tmp/f"
	ISOFUZZ_FINDINGS=$tmp/f "$target" "$c/input" >"$tmp/log" 2>&1; rc=$?
	[ $rc -eq 0 ] && pass "$n: the target went on past the report" ||
		{ fail "$n: target exit $rc"; tail -5 "$tmp/log"; }
	f=$tmp/f/$sig
	[ -s "$f/report.txt" ] && [ -f "$f/input" ] && [ -d "$f/sys/bus/pci/devices" ] &&
		pass "$n: finding $sig written" || { fail "$n: no complete finding $sig"; ls "$tmp/f"; }
	others=$(ls "$tmp/f" | grep -v "^$sig\$")
	[ -z "$others" ] && pass "$n: no verdict on the run" || fail "$n: also wrote $others"
	grep -q "ERROR: AddressSanitizer" "$f/report.txt" 2>/dev/null &&
		pass "$n: the report is the finding's log" || fail "$n: no ASan report in report.txt"
	"$isofuzz" replay -q "$f" >"$tmp/out" 2>&1; rc=$?
	fn=${sig#crash-kernel-}
	[ $rc -eq 3 ] && grep -q "crashed: $sig" "$tmp/out" && pass "$n: the finding replays to $fn" ||
		{ fail "$n: replay exit $rc"; tail -3 "$tmp/out"; }
	ASAN_OPTIONS=halt_on_error=1 "$target" "$c/input" >"$tmp/log" 2>&1; rc=$?
	[ $rc -ne 0 ] && pass "$n: halt_on_error=1 stops at the report (exit $rc)" ||
		fail "$n: halt_on_error=1 did not stop"
done
finish
