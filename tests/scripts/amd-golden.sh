#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# amd-golden.sh ISOFUZZ BUNDLE...: for AMD-Vi golden bundles recorded from
# the real 6.12 kernel under QEMU (amd-iommu at 00:01.0), the harness's
# interrupt-remapping state and mode, its "AMD-Vi:" log lines and the PCI
# DMA aliases setup_aliases() enables must be the real kernel's
# (expected/dmesg, timestamps stripped).  Groups are checked by the replay
# itself against expected/iommu_groups.
set -u
isofuzz=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

lines='^AMD-Vi: |^pci [0-9a-f:.]*: Enabling fixed DMA alias'
for b in "$@"; do
	name=$(basename "$b")
	expect_exit 0 "$name replays, groups as the real kernel's" "$isofuzz" replay --log "$b"
	sed 's/^\[[^]]*\] //' "$b/expected/dmesg" | grep -E "$lines" > "$tmp/want"
	grep -E "$lines" "$tmp/out" > "$tmp/got"
	if diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
		pass "$name: AMD-Vi and DMA-alias lines are the real kernel's ($(wc -l < "$tmp/want") lines)"
	else
		fail "$name: AMD-Vi/DMA-alias lines differ from expected/dmesg"; sed 's/^/    /' "$tmp/diff"
	fi
	# the real kernel's remapping state, read from its own log
	if grep -q 'AMD-Vi: Interrupt remapping enabled' "$b/expected/dmesg"; then
		want="interrupt remapping: on, xapic mode"
		grep -q 'AMD-Vi: X2APIC enabled' "$b/expected/dmesg" && want="interrupt remapping: on, x2apic mode"
	else
		want="interrupt remapping: off"
	fi
	grep -qx "$want" "$tmp/out" && pass "$name: $want" ||
		fail "$name: want '$want', got '$(grep '^interrupt remapping' "$tmp/out")'"
done
finish
