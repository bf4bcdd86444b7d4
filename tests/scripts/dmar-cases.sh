#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# dmar-cases.sh ISOFUZZ CORPUS TESTS CASE: one hand-built DMAR case
# (TESTS/dmar-cases/CASE, see its README) replayed as a lone table,
# CORPUS/CASE.dat (compiled from corpus/dmar/CASE.asl or .hex), on the
# topology the case names, with the case's own command line, cpuinfo,
# IOMMU registers and config-space changes.  Every line of
# expected/present must be a whole line of the output (the report and the
# kernel's log); no line of the output may contain a line of
# expected/absent.  The expectations are written by hand from the VT-d
# specification and the kernel's documented behaviour (expected/README).
set -u
isofuzz=$1 corpus=$2 tests=$3 name=$4
case=$tests/dmar-cases/$name
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

table=$name
[ -f "$case/table" ] && table=$(cat "$case/table")
topo=$tests/$(cat "$case/topology")
t=$tmp/topology
# the topology's machine without its DMAR and its IOMMU registers
mkdir -p "$t/sys/bus/pci" "$t/sys/firmware/acpi/tables" "$t/proc"
cp -r "$topo/sys/bus/pci/devices" "$t/sys/bus/pci/"
for f in "$topo"/sys/firmware/acpi/tables/*; do
	[ "$(basename "$f")" = DMAR ] || cp "$f" "$t/sys/firmware/acpi/tables/"
done
cp "$topo/proc/cmdline" "$t/proc/cmdline"
[ -f "$topo/proc/cpuinfo" ] && cp "$topo/proc/cpuinfo" "$t/proc/cpuinfo"
# the case's own parts
[ -f "$case/cmdline" ] && cp "$case/cmdline" "$t/proc/cmdline"
[ -f "$case/cpuinfo" ] && cp "$case/cpuinfo" "$t/proc/cpuinfo"
[ -d "$case/sys" ] && cp -r "$case/sys" "$t/"
if [ -f "$case/config-patches" ]; then
	# BDF OFFSET BYTE...: bytes written into a function's config space
	sed 's/#.*//' "$case/config-patches" | while read -r bdf off bytes; do
		[ -n "$bdf" ] || continue
		esc=
		for b in $bytes; do esc="$esc$(printf '\\%03o' "0x$b")"; done
		printf "$esc" | dd of="$t/sys/bus/pci/devices/$bdf/config" bs=1 seek=$((off)) \
			conv=notrunc 2>/dev/null
	done
fi

# the verdict: isolated unless expected/verdict (reasoned by hand, as for
# bundles: lib.sh) says violation
expect_exit "$(verdict_exit "$case/expected/verdict")" "$name replays" \
	"$isofuzz" replay --log --topology "$t" "$corpus/$table.dat"
verdict_lines "$case/expected/verdict" "$name"
if grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
	fail "$name: sanitizer report"; sed 's/^/    /' "$tmp/err"
fi
# a unit's device list continues on lines indented by spaces alone: one line
awk '/^           [^ ]/ { sub(/^ +/, " "); line = line $0; next }
     { if (NR > 1) print line; line = $0 } END { print line }' "$tmp/out" > "$tmp/report"
while IFS= read -r want; do
	[ -n "$want" ] || continue
	grep -Fxq -- "$want" "$tmp/report" && pass "$name: '$want'" || fail "$name: missing '$want'"
done < "$case/expected/present"
if [ -f "$case/expected/absent" ]; then
	while IFS= read -r not; do
		[ -n "$not" ] || continue
		grep -Fq -- "$not" "$tmp/report" && fail "$name: unexpected '$(grep -F -- "$not" "$tmp/report" | head -1)'" ||
			pass "$name: no '$not'"
	done < "$case/expected/absent"
fi
[ "$fails" -eq 0 ] || { echo "--- output:"; sed 's/^/    /' "$tmp/report"; }
finish
