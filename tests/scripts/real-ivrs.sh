#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# real-ivrs.sh ISOFUZZ DIR TOPOLOGY: every real IVRS table in DIR (one
# acpixtract binary per machine) runs through the kernel's AMD-Vi code
# (IVRS checksum, IVHD type choice and walk, device entries, special
# devices, IVMD, the southbridge IOAPIC check, unit set-up, probe) under
# ASan/UBSan, on the PCI functions, MADT and command line of bundle
# TOPOLOGY (a QEMU q35 machine with amd-iommu), with QEMU's IOMMU function
# (00:01.0, capability block at 0x40) moved to the devid of the table's
# first IVHD, so that unit initializes and probes the topology's devices.
# Further units of multi-IOMMU tables have no PCI function there: the
# kernel's amd_iommu_init_pci() fails on them as on such a machine.
# A table the kernel rejects must say why in its log (the deliberately
# corrupted fwts table: "IVRS invalid checksum"); a sanitizer report, a
# crash or an internal error (exit 3) fails, except the kernel findings
# listed below, which must keep reproducing until the kernel changes.
#
# Kernel findings (the kernel's code, not the harness):
#  - X370_Killer_Sli (coreboot): its IVHDs end at devid 03:1f.7, so the
#    rlookup table holds 0x400 entries (tbl_size(), init.c); the topology has
#    devices on buses 4-7.  check_device() (iommu.c) calls
#    rlookup_amd_iommu() before it compares the devid with last_bdf, and
#    __rlookup_amd_iommu() reads rlookup_table[0x400..] past the table's
#    pages: a heap out-of-bounds read whose value is then used as a unit
#    pointer.  Any device on a bus beyond the IVRS's last devid (a hot-added
#    or unlisted device) reaches it.
set -u
isofuzz=$1 dir=$2 topo=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
real_tables "$dir" "$topo"
n=0 grouped=0 ir=0 rejected=0 findings=0 violations=0
known='X370_Killer_Sli__4C483D36D3E6:heap-buffer-overflow:__rlookup_amd_iommu'
# known_finding TABLE: whether $tmp/err is the finding listed for TABLE
known_finding() {
	for k in $known; do
		case $1 in *"${k%%:*}"*) ;; *) continue ;; esac
		rest=${k#*:}
		grep -q "ERROR: AddressSanitizer: ${rest%%:*}" "$tmp/err" &&
			grep -m1 '#0 ' "$tmp/err" | grep -q " in ${rest#*:} " && return 0
	done
	return 1
}
for t in "$dir"/*; do
	[ -f "$t" ] || continue
	n=$((n + 1))
	cp "$t" "$b/sys/firmware/acpi/tables/IVRS"
	# the first IVHD's devid: a u16 at offset 48 + 4 (AMD IOMMU spec 5.2.2.2)
	devid=$(od -An -tu2 -j52 -N2 "$t" | tr -d ' ')
	bdf=$(printf '0000:%02x:%02x.%x' $((devid >> 8)) $(((devid >> 3) & 31)) $((devid & 7)))
	rm -rf "$b/sys/bus/pci/devices"; cp -r "$topo/sys/bus/pci/devices" "$b/sys/bus/pci/"
	if [ "$bdf" != 0000:00:01.0 ]; then
		mkdir -p "$b/sys/bus/pci/devices/$bdf"
		mv "$b/sys/bus/pci/devices/0000:00:01.0/config" "$b/sys/bus/pci/devices/$bdf/config"
		rmdir "$b/sys/bus/pci/devices/0000:00:01.0"
		# a function other than 0 is found only in a multifunction slot:
		# set bit 7 of function 0's header type (PCI 3.0, 6.2.1)
		f0=${bdf%.*}.0 cfg=$b/sys/bus/pci/devices/${bdf%.*}.0/config
		if [ "$f0" != "$bdf" ] && [ -f "$cfg" ]; then
			ht=$(od -An -tu1 -j14 -N1 "$cfg" | tr -d ' ')
			printf "\\$(printf %o $((ht | 128)))" |
				dd of="$cfg" bs=1 seek=14 conv=notrunc 2>/dev/null
		fi
	fi
	"$isofuzz" replay --log "$b" >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
	if known_finding "$t"; then
		findings=$((findings + 1))
		pass "kernel finding reproduces: $(basename "$t"): $(grep -m1 'ERROR: AddressSanitizer' "$tmp/err" | sed 's/.*Sanitizer: //; s/ on address.*//') in $(grep -m1 '#0 ' "$tmp/err" | sed 's/.* in \([^ ]*\) .*/\1/')"
		continue
	fi
	if grep -qE 'Sanitizer|runtime error' "$tmp/err" || [ "$rc" -gt 2 ]; then
		fail "$(basename "$t"): exit $rc"; head -5 "$tmp/err" | sed 's/^/    /'
		continue
	fi
	# exit 1: the solver's verdict on a table replayed on a machine it
	# was not written for (counted, not a failure)
	[ "$rc" -eq 1 ] && violations=$((violations + 1))
	grep -q '^0: ' "$tmp/out" && grouped=$((grouped + 1))
	grep -qx 'AMD-Vi: Interrupt remapping enabled' "$tmp/out" && ir=$((ir + 1))
	if grep -q 'IVRS invalid checksum' "$tmp/out"; then
		rejected=$((rejected + 1)); echo "rejected by the kernel: $(basename "$t")"
	fi
	case $t in
	*ivrs-0001__acpidump-0002*)
		grep -qx 'AMD-Vi: \[Firmware Bug\]: IVRS invalid checksum' "$tmp/out" &&
			pass "the corrupted fwts table is diagnosed: IVRS invalid checksum" ||
			fail "the corrupted fwts table is not diagnosed"
		! grep -q '^0: ' "$tmp/out" && pass "the corrupted fwts table gives no IOMMU groups" ||
			fail "the corrupted fwts table gave IOMMU groups" ;;
	esac
done
[ "$findings" -eq "$(echo $known | wc -w)" ] || fail "$findings of $(echo $known | wc -w) listed kernel findings reproduced: update the list"
[ "$n" -gt 0 ] && pass "$n real IVRS tables: $grouped formed groups, $ir enabled interrupt remapping, $rejected rejected by the kernel, $findings kernel finding(s), $violations judged violating on this topology" ||
	fail "no tables in $dir"
finish
