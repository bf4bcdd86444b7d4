#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make-golden.sh - regenerate the golden machine bundles in tests/bundles/
# by booting the real Debian kernel under QEMU (tests/qemu/golden.sh) on
# each topology listed below.
#
# Usage: make-golden.sh [-o OUTROOT] [-l|--list] [NAME...]
#   no NAME: every bundle; OUTROOT defaults to tests/bundles next to this
#   script's tests/ folder.  -l lists the names and descriptions.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUTROOT=$(cd "$HERE/.." && pwd)/bundles
LIST=

while [ $# -gt 0 ]; do
	case $1 in
	-o)        OUTROOT=$2; shift 2 ;;
	-l|--list) LIST=1; shift ;;
	-h|--help) sed -n '/^# Usage/,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	--)        shift; break ;;
	-*)        echo "${0##*/}: unknown option $1" >&2; exit 2 ;;
	*)         break ;;
	esac
done
WANT=("$@")

# ------------------------------------------------------------ building blocks
# Every helper appends QEMU arguments to the array A.
A=()
dev()  { A+=(-device "$1"); }
# a 1 MiB all-zero block back-end, for virtio-blk-pci / nvme / ahci disks
blk()  { A+=(-blockdev "driver=null-co,node-name=$1,size=1048576,read-zeroes=on"); }
# rp ID CHASSIS BUS ADDR [extra]: a QEMU generic PCIe root port (has ACS)
rp()   { dev "pcie-root-port,id=$1,chassis=$2,bus=$3,addr=$4${5:+,$5}"; }
# ioh3420 ID CHASSIS BUS ADDR [extra]: Intel X58 root port model
ioh()  { dev "ioh3420,id=$1,chassis=$2,bus=$3,addr=$4${5:+,$5}"; }
# usp ID BUS: switch upstream port (x3130, no ACS)
usp()  { dev "x3130-upstream,id=$1,bus=$2"; }
# dsp ID CHASSIS BUS ADDR [extra]: switch downstream port (xio3130, no ACS)
dsp()  { dev "xio3130-downstream,id=$1,chassis=$2,slot=0,bus=$3,addr=$4${5:+,$5}"; }

BUNDLES=()          # names, in order
declare -A DESC     # name -> one-line description
declare -A ARGS     # name -> NUL-free, newline-separated golden.sh arguments

# define NAME "description" [golden.sh options...]; uses and clears A
define() {
	local name=$1 desc=$2; shift 2
	BUNDLES+=("$name")
	DESC[$name]=$desc
	ARGS[$name]=$(printf '%s\n' "$@" -- "${A[@]}")
	A=()
}

# ---------------------------------------------------------------- bundles

# 1. separate-slot root ports (ACS) with one endpoint each, one empty port
blk d1; blk d2
rp rp1 1 pcie.0 2.0; dev "e1000e,bus=rp1,romfile="
rp rp2 2 pcie.0 3.0; dev "virtio-net-pci,bus=rp2,romfile="
rp rp3 3 pcie.0 4.0; dev "virtio-blk-pci,bus=rp3,drive=d1"
rp rp4 4 pcie.0 5.0; dev "nvme,bus=rp4,drive=d2,serial=rp4nvme"
rp rp5 5 pcie.0 6.0
define rp-acs "5 pcie-root-ports in separate slots, 4 with an endpoint, 1 empty"

# 2. a switch without ACS, plus a plain root port for contrast
blk d1
rp rp1 1 pcie.0 2.0
usp up1 rp1
dsp dn1 11 up1 0.0; dev "e1000e,bus=dn1,romfile="
dsp dn2 12 up1 1.0; dev "virtio-rng-pci,bus=dn2"
dsp dn3 13 up1 2.0; dev "nvme,bus=dn3,drive=d1,serial=dn3nvme"
rp rp2 2 pcie.0 3.0; dev "virtio-net-pci,bus=rp2,romfile="
define switch-noacs "root port -> x3130 upstream -> 3 xio3130 downstream ports with endpoints; plus a root port with an endpoint"

# 3. multifunction root ports: pcie-root-port x4 in slot 2, ioh3420 x3 in slot 3
blk d1
rp rp1 1 pcie.0 2.0 multifunction=on; dev "e1000e,bus=rp1,romfile="
rp rp2 2 pcie.0 2.1;                  dev "virtio-rng-pci,bus=rp2"
rp rp3 3 pcie.0 2.2;                  dev "virtio-net-pci,bus=rp3,romfile="
rp rp4 4 pcie.0 2.3
ioh io1 5 pcie.0 3.0 multifunction=on; dev "virtio-blk-pci,bus=io1,drive=d1"
ioh io2 6 pcie.0 3.1;                  dev "pci-testdev,bus=io2"
ioh io3 7 pcie.0 3.2;                  dev "virtio-rng-pci,bus=io3"
define rp-multifunction "multifunction slots of root ports: 4 pcie-root-port functions (3 with endpoints) and 3 ioh3420 functions with endpoints"

# 4. a switch whose downstream ports are functions of one multifunction slot
blk d1
rp rp1 1 pcie.0 2.0
usp up1 rp1
dsp dn1 11 up1 0.0 multifunction=on; dev "e1000e,bus=dn1,romfile="
dsp dn2 12 up1 0.1;                  dev "virtio-rng-pci,bus=dn2"
dsp dn3 13 up1 0.2;                  dev "virtio-blk-pci,bus=dn3,drive=d1"
dsp dn4 14 up1 0.3
rp rp2 2 pcie.0 3.0
usp up2 rp2
dsp dn5 15 up2 0.0 multifunction=on; dev "virtio-net-pci,bus=dn5,romfile="
dsp dn6 16 up2 0.1;                  dev "pci-testdev,bus=dn6"
define switch-mf-dsp "2 switches whose downstream ports are functions of one multifunction slot, endpoints below"

# 5. multifunction endpoints, behind a root port and on the root bus
blk d1; blk d2
rp rp1 1 pcie.0 2.0
dev "virtio-net-pci,bus=rp1,addr=0.0,multifunction=on,romfile="
dev "virtio-blk-pci,bus=rp1,addr=0.1,drive=d1"
dev "virtio-rng-pci,bus=rp1,addr=0.2"
rp rp2 2 pcie.0 3.0
dev "e1000e,bus=rp2,addr=0.0,multifunction=on,romfile="
dev "e1000e,bus=rp2,addr=0.1,romfile="
dev "virtio-rng-pci,bus=pcie.0,addr=4.0,multifunction=on"
dev "pci-testdev,bus=pcie.0,addr=4.1"
dev "virtio-blk-pci,bus=pcie.0,addr=4.2,drive=d2"
dev "virtio-rng-pci,bus=pcie.0,addr=5.0,multifunction=on"
define ep-multifunction "multifunction endpoints: 3 and 2 functions behind root ports, 3 functions on the root bus, a lone multifunction=on function"

# 6. PCIe-to-PCI bridge with conventional devices and a nested PCI bridge
rp rp1 1 pcie.0 2.0
dev "pcie-pci-bridge,id=pb1,bus=rp1"
dev "e1000,bus=pb1,addr=1.0,romfile="
dev "virtio-rng-pci,bus=pb1,addr=2.0"
dev "pci-bridge,id=br1,bus=pb1,addr=3.0,chassis_nr=21"
dev "edu,bus=br1,addr=1.0"
dev "pci-testdev,bus=br1,addr=2.0"
dev "virtio-rng-pci,bus=br1,addr=3.0,multifunction=on"
dev "virtio-rng-pci,bus=br1,addr=3.1"
dev "i82801b11-bridge,id=dmi1,bus=pcie.0,addr=3.0"
dev "e1000,bus=dmi1,addr=1.0,romfile="
dev "edu,bus=dmi1,addr=2.0"
rp rp2 2 pcie.0 4.0; dev "e1000e,bus=rp2,romfile="
define pci-bridge "root port -> pcie-pci-bridge -> conventional devices + nested pci-bridge -> devices; i82801b11 DMI-to-PCI bridge on the root bus with devices"

# 7. root complex integrated endpoints on pcie.0
blk d1; blk d2
dev "e1000e,bus=pcie.0,addr=2.0,romfile="
dev "virtio-net-pci,bus=pcie.0,addr=3.0,romfile="
dev "nvme,bus=pcie.0,addr=4.0,drive=d1,serial=rcnvme"
dev "virtio-blk-pci,bus=pcie.0,addr=5.0,drive=d2"
dev "ich9-ahci,bus=pcie.0,addr=6.0"
dev "edu,bus=pcie.0,addr=7.0"
dev "pci-testdev,bus=pcie.0,addr=8.0"
dev "virtio-rng-pci,bus=pcie.0,addr=9.0"
define rciep "8 single-function endpoints directly on the root bus (PCIe RCiEPs and conventional devices)"

# 8. everything together, 40+ functions
blk d1; blk d2; blk d3; blk d4
rp rp1 1 pcie.0 2.0 multifunction=on; dev "e1000e,bus=rp1,romfile="
rp rp2 2 pcie.0 2.1;                  dev "virtio-net-pci,bus=rp2,romfile="
rp rp3 3 pcie.0 2.2;                  dev "virtio-blk-pci,bus=rp3,drive=d1"
rp rp4 4 pcie.0 2.3;                  dev "virtio-rng-pci,bus=rp4"
rp rp5 5 pcie.0 3.0
usp up1 rp5
dsp dn1 11 up1 0.0; dev "nvme,bus=dn1,drive=d2,serial=bignvme1"
dsp dn2 12 up1 1.0; dev "pci-testdev,bus=dn2"
dsp dn3 13 up1 2.0 multifunction=on; dev "virtio-rng-pci,bus=dn3"
dsp dn4 14 up1 2.1; dev "e1000e,bus=dn4,romfile="
rp rp6 6 pcie.0 4.0
dev "pcie-pci-bridge,id=pb1,bus=rp6"
dev "e1000,bus=pb1,addr=1.0,romfile="
dev "virtio-rng-pci,bus=pb1,addr=2.0"
dev "pci-bridge,id=br1,bus=pb1,addr=3.0,chassis_nr=21"
dev "edu,bus=br1,addr=1.0"
dev "pci-testdev,bus=br1,addr=2.0"
dev "virtio-rng-pci,bus=pcie.0,addr=5.0,multifunction=on"
dev "pci-testdev,bus=pcie.0,addr=5.1"
dev "virtio-blk-pci,bus=pcie.0,addr=5.2,drive=d3"
dev "e1000e,bus=pcie.0,addr=6.0,romfile="
dev "nvme,bus=pcie.0,addr=7.0,drive=d4,serial=bignvme2"
dev "pci-bridge,id=br2,bus=pcie.0,addr=8.0,chassis_nr=22"
dev "edu,bus=br2,addr=1.0"
dev "virtio-rng-pci,bus=br2,addr=2.0"
dev "i82801b11-bridge,id=dmi1,bus=pcie.0,addr=9.0"
dev "e1000,bus=dmi1,addr=1.0,romfile="
ioh io1 7 pcie.0 a.0
dev "virtio-net-pci,bus=io1,addr=0.0,multifunction=on,romfile="
dev "virtio-rng-pci,bus=io1,addr=0.1"
dev "pci-testdev,bus=io1,addr=0.2"
define big "40+ functions: multifunction root ports, a switch with a multifunction downstream slot, PCIe-to-PCI and PCI bridges, DMI bridge, RCiEPs, multifunction endpoints"

# 9. the root ports of rp-multifunction with ACS switched off by the kernel
blk d1
rp rp1 1 pcie.0 2.0 multifunction=on; dev "e1000e,bus=rp1,romfile="
rp rp2 2 pcie.0 2.1;                  dev "virtio-rng-pci,bus=rp2"
rp rp3 3 pcie.0 2.2;                  dev "virtio-blk-pci,bus=rp3,drive=d1"
rp rp4 4 pcie.0 3.0;                  dev "virtio-net-pci,bus=rp4,romfile="
define rp-config-acs "multifunction and single root ports with ACS SV/RR/CR/UF cleared by pci=config_acs= (QEMU root port 1b36:000c)" \
	--cmdline "pci=config_acs=xx000x0@pci:1b36:000c"

# 10. the switch topology under AMD-Vi
blk d1
rp rp1 1 pcie.0 2.0
usp up1 rp1
dsp dn1 11 up1 0.0; dev "e1000e,bus=dn1,romfile="
dsp dn2 12 up1 1.0; dev "virtio-rng-pci,bus=dn2"
rp rp2 2 pcie.0 3.0
dev "pcie-pci-bridge,id=pb1,bus=rp2"
dev "e1000,bus=pb1,addr=1.0,romfile="
dev "edu,bus=pb1,addr=2.0"
rp rp3 3 pcie.0 4.0; dev "nvme,bus=rp3,drive=d1,serial=amdnvme"
dev "virtio-rng-pci,bus=pcie.0,addr=5.0,multifunction=on"
dev "pci-testdev,bus=pcie.0,addr=5.1"
define amd-mixed "AMD-Vi (amd-iommu at 00:01.0): switch, PCIe-to-PCI bridge, root port, multifunction RCiEPs" \
	--iommu amd

# 11-14. Intel interrupt remapping variants, all on one small topology:
# two root ports with an endpoint each, a PCIe-to-PCI bridge behind a third
# root port with a conventional e1000, and an RCiEP on pcie.0
ir_topo() {
	rp rp1 1 pcie.0 2.0; dev "e1000e,bus=rp1,romfile="
	rp rp2 2 pcie.0 3.0; dev "virtio-net-pci,bus=rp2,romfile="
	rp rp3 3 pcie.0 4.0
	dev "pcie-pci-bridge,id=pb1,bus=rp3"
	dev "e1000,bus=pb1,addr=1.0,romfile="
	dev "virtio-rng-pci,bus=pcie.0,addr=5.0"
}
ir_topo
define ir-on "IR topology, intel-iommu,intremap=on: the kernel enables IRQ remapping (xapic mode)"
ir_topo
define ir-off-device "IR topology, intel-iommu,intremap=off: no IR bit in ecap or INTR_REMAP flag in DMAR, so no IRQ remapping" \
	--iommu-opts intremap=off
ir_topo
define ir-off-cmdline "IR topology, intel-iommu,intremap=on but kernel intremap=off: hardware has IR, the kernel leaves it off" \
	--cmdline intremap=off
# QEMU 7.2 refuses eim=on under TCG ("eim=on requires
# accel=kvm,kernel-irqchip=split") unless x-buggy-eim=on skips that check,
# and TCG drops x2apic from any -cpu ("TCG doesn't support requested
# feature: CPUID.01H:ECX.x2apic"), so the guest has EIM but no x2APIC
ir_topo
define ir-eim-xapic "IR topology, intel-iommu,intremap=on,eim=on,x-buggy-eim=on: EIM in ecap, but TCG gives no x2APIC, so IRQ remapping stays in xapic mode" \
	--iommu-opts intremap=on,eim=on,x-buggy-eim=on

# 15-. The foundation's topologies again under AMD-Vi (amd-iommu,intremap=on
# at 00:01.0, a slot none of them uses), and interrupt-remapping variants.
# amd NAME FROM "description" [golden.sh options...]: FROM's QEMU arguments
amd() {
	local name=$1 from=$2 desc=$3; shift 3
	BUNDLES+=("$name")
	DESC[$name]=$desc
	ARGS[$name]=$(printf '%s\n' --iommu amd "$@" "${ARGS[$from]}")
}
amd amd-rp-acs rp-acs "AMD-Vi over rp-acs: root ports with ACS, one endpoint each"
amd amd-switch-noacs switch-noacs "AMD-Vi over switch-noacs: a switch without ACS"
amd amd-ep-multifunction ep-multifunction "AMD-Vi over ep-multifunction: multifunction endpoints"
amd amd-pci-bridge pci-bridge "AMD-Vi over pci-bridge: QEMU's IVRS describes each conventional bus with an alias range"
amd amd-rciep rciep "AMD-Vi over rciep: endpoints on the root bus"
amd amd-big big "AMD-Vi over big: 40+ functions"
amd amd-ir-off-device ir-on "AMD-Vi with amd-iommu,intremap=off over the IR topology: QEMU's IVRS leaves out the IOAPIC, so the kernel disables remapping" \
	--iommu-opts intremap=off
amd amd-ir-off-cmdline ir-on "AMD-Vi, intremap=on but kernel intremap=off: the kernel leaves remapping off" \
	--cmdline intremap=off
# (intremap=off with ivrs_ioapic= forcing remapping on is no golden bundle:
# QEMU's unit then does not remap, and the real kernel panics with "timer
# doesn't work through Interrupt-remapped IO-APIC")
amd amd-ivrs-ioapic ir-on "AMD-Vi, IOAPIC 0 mapped on the command line too (ivrs_ioapic=0@00:14.0): the command line wins over the IVRS entry" \
	--cmdline "ivrs_ioapic=0@00:14.0"
amd amd-ivrs-ioapic-old ir-on "AMD-Vi, ivrs_ioapic[0]=00:14.0: the deprecated syntax, warned about and honoured" \
	--cmdline "ivrs_ioapic[0]=00:14.0"
amd amd-dump pci-bridge "AMD-Vi over pci-bridge with amd_iommu_dump: the kernel logs every IVHD entry it parses" \
	--cmdline amd_iommu_dump

# ------------------------------------------------------------------- run
if [ -n "$LIST" ]; then
	for n in "${BUNDLES[@]}"; do printf '%-18s %s\n' "$n" "${DESC[$n]}"; done
	exit 0
fi
if [ ${#WANT[@]} -eq 0 ]; then WANT=("${BUNDLES[@]}"); fi
for n in "${WANT[@]}"; do
	[ -n "${DESC[$n]+x}" ] || { echo "${0##*/}: no bundle named $n (try --list)" >&2; exit 2; }
done

mkdir -p "$OUTROOT"
failed=()
for n in "${WANT[@]}"; do
	mapfile -t args <<< "${ARGS[$n]}"
	# options come first, then "--" and the QEMU arguments
	opts=() i=0
	while [ "${args[$i]}" != -- ]; do opts+=("${args[$i]}"); i=$((i + 1)); done
	echo "== $n: ${DESC[$n]}" >&2
	# AMD bundles live in bundles-amd/ (tests/scripts/amd-golden.sh)
	out=$OUTROOT/$n
	case " ${opts[*]-} " in *" --iommu amd "*) out=$OUTROOT-amd/$n; mkdir -p "$OUTROOT-amd" ;; esac
	if ! "$HERE/golden.sh" ${opts[@]+"${opts[@]}"} "$out" "${args[@]:$i}"; then
		failed+=("$n")
	fi
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "${0##*/}: FAILED: ${failed[*]}" >&2
	exit 1
fi
