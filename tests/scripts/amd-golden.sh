#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# amd-golden.sh ISOFUZZ BUNDLE...: for AMD-Vi golden bundles recorded from
# the real 6.12 kernel under QEMU (amd-iommu at 00:01.0), the harness's
# interrupt-remapping state and mode, its "AMD-Vi:" log lines, the PCI DMA
# aliases setup_aliases() enables and the probe's "Adding to iommu group"
# lines (group numbers and probe order) must be the real kernel's
# (expected/dmesg, timestamps stripped).  Groups are checked by the replay
# itself against expected/iommu_groups.
set -u
isofuzz=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

lines='^AMD-Vi: |^pci [0-9a-f:.]*: (Enabling fixed DMA alias|Adding to iommu group)'
for b in "$@"; do
	# the real kernel's remapping state, read from its own log
	ir=off
	grep -q 'AMD-Vi: Interrupt remapping enabled' "$b/expected/dmesg" && ir="on, xapic mode"
	grep -q 'AMD-Vi: X2APIC enabled' "$b/expected/dmesg" && ir="on, x2apic mode"
	golden_check "$b" "$lines" '' "$ir"
done
finish
