#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# real-dmar.sh ISOFUZZ DIR TOPOLOGY: every real DMAR table in DIR (one
# acpixtract binary per machine) runs through the kernel's DMAR parsing,
# unit set-up, scope matching and interrupt-remapping code under ASan/UBSan,
# on the PCI functions, MADT and command line of bundle TOPOLOGY (a QEMU
# q35 machine: host bridge, root ports, LPC/SATA/SMBus at 00:1f).  A
# table may be refused as bad input (exit 2, diagnosed) or parse (exit 0);
# a sanitizer report, a crash or an internal error (exit 3) fails.
set -u
isofuzz=$1 dir=$2 topo=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
real_tables "$dir" "$topo"
n=0 parsed=0 refused=0 violations=0
for t in "$dir"/*; do
	[ -f "$t" ] || continue
	n=$((n + 1))
	cp "$t" "$b/sys/firmware/acpi/tables/DMAR"
	"$isofuzz" replay --log "$b" >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
	if grep -qE 'Sanitizer|runtime error' "$tmp/err" || [ "$rc" -gt 2 ]; then
		fail "$(basename "$t"): exit $rc"; head -5 "$tmp/err" | sed 's/^/    /'
	elif [ "$rc" -eq 2 ]; then
		refused=$((refused + 1)); echo "refused: $(basename "$t"): $(head -1 "$tmp/err")"
	else
		# exit 1: the solver's verdict on a table replayed on a machine
		# it was not written for (counted, not a failure)
		[ "$rc" -eq 1 ] && violations=$((violations + 1))
		parsed=$((parsed + 1))
	fi
done
[ "$parsed" -gt 0 ] || fail "no table reached the kernel code"
[ "$n" -gt 0 ] && pass "$n real DMAR tables: $parsed parsed, $refused refused as bad input, $violations judged violating on this topology" ||
	fail "no tables in $dir"
finish
