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
	name=$(basename "$b")
	# the verdict is verdict.sh's concern; here only that it ran
	want=0
	grep -q "^verdict: violation" "$b/expected/verdict" 2>/dev/null && want=1
	expect_exit "$want" "$name replays" "$isofuzz" replay --log "$b"
	sed 's/^\[[^]]*\] //' "$b/expected/dmesg" | grep -E '^DMAR(-IR)?: ' |
		grep -Ev "$not_run" > "$tmp/want"
	grep -E '^DMAR(-IR)?: ' "$tmp/out" > "$tmp/got"
	if diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
		pass "$name: DMAR/DMAR-IR lines are the real kernel's ($(wc -l < "$tmp/want") lines)"
	else
		fail "$name: DMAR/DMAR-IR lines differ from expected/dmesg"; sed 's/^/    /' "$tmp/diff"
	fi
	# the real kernel's remapping state, read from its own log
	mode=$(sed -n 's/.*DMAR-IR: Enabled IRQ remapping in \([a-z0-9]*\) mode.*/\1/p' "$b/expected/dmesg")
	want="interrupt remapping: ${mode:+on, $mode mode}"
	[ -n "$mode" ] || want="interrupt remapping: off"
	grep -qx "$want" "$tmp/out" && pass "$name: $want" ||
		fail "$name: want '$want', got '$(grep '^interrupt remapping' "$tmp/out")'"
done
finish
