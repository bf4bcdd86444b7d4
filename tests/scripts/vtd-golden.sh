#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# vtd-golden.sh ISOFUZZ BUNDLE...: for golden bundles recorded from the real
# 6.12 kernel under QEMU, the harness's interrupt-remapping state and mode
# and its DMAR:/DMAR-IR: log lines must be the real kernel's (expected/dmesg,
# timestamps stripped).
#
# Known gap: five messages come from intel_iommu_init()'s own body and
# init_dmars(), which the harness does not run (it calls the steps of
# intel_iommu_init() that decide units, scopes and groups; see
# kmod-stubs/vtd/boot_vtd.c).  They are listed here and nowhere else.
set -u
isofuzz=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

not_run='^DMAR: (No RMRR found|No ATSR found|No SATC found|dmar[0-9]+: Using Queued invalidation|Intel\(R\) Virtualization Technology for Directed I/O)$'

for b in "$@"; do
	# the real kernel's remapping state, read from its own log
	mode=$(sed -n 's/.*DMAR-IR: Enabled IRQ remapping in \([a-z0-9]*\) mode.*/\1/p' "$b/expected/dmesg")
	ir=off
	[ -z "$mode" ] || ir="on, $mode mode"
	golden_check "$b" '^DMAR(-IR)?: ' "$not_run" "$ir"
done
finish
