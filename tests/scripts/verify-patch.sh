#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# verify-patch.sh ISOFUZZ TREE WORK: two changes to copies of the kernel
# tree, each judged by isofuzz verify-patch against the unchanged copy.
#
# Known bad: pci_acs_flags_enabled() answers "enabled" for a function with
# no ACS capability.  PCIe 6.7.6: without ACS a multifunction device may
# route peer requests between its functions internally, so the kernel must
# keep them in one group; the changed tree splits ep-multifunction's
# 01:00.0/.1/.2 (PCIe endpoint functions without ACS) into groups of their
# own, and the solver finds P2 peer paths between them.  Exit 1, P2
# introduced.  (QEMU's 00:1f.x are conventional functions, which
# pci_acs_enabled() refuses before it looks at the capability: they stay.)
#
# Known good (for isolation): pci_device_group() stops honouring ACS on
# the upstream walk (the line mutation.sh changes), so every device joins
# its root port's group.  Larger groups isolate no worse: groups differ,
# nothing introduced, the switch bundles' P2 violations fixed.  Exit 0.
set -u
isofuzz=$1 tree=$2 work=$3
tmp=$work/tmp; rm -rf "$work"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"

cp -r "$tree" "$work/base"
cp -r "$tree" "$work/bad"
cp -r "$tree" "$work/good"

perl -0pi -e 's/(static bool pci_acs_flags_enabled\(struct pci_dev \*pdev, u16 acs_flags\)\n\{\n\tint pos;\n\tu16 cap, ctrl;\n\n\tpos = pdev->acs_cap;\n\tif \(!pos\)\n\t\treturn) false;/$1 true;/' \
	"$work/bad/drivers/pci/pci.c"
cmp -s "$tree/drivers/pci/pci.c" "$work/bad/drivers/pci/pci.c" &&
	fail "the known-bad change did not apply" || pass "known bad: no ACS capability reads as ACS enabled"
sed -i 's/if (pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/if (0 \&\& pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/' \
	"$work/good/drivers/iommu/iommu.c"
cmp -s "$tree/drivers/iommu/iommu.c" "$work/good/drivers/iommu/iommu.c" &&
	fail "the known-good change did not apply" || pass "known good: ACS ignored on the upstream walk"

expect_exit 1 "known bad: verify-patch says a violation is introduced" \
	"$isofuzz" verify-patch --cache "$work/cache" --base "$work/base" --patched "$work/bad"
grep -q "^  introduced: P2: 0000:01:00.[012] reaches 0000:01:00.[012] inside multifunction device 0000:01:00" "$tmp/out" &&
	pass "the introduced violation is P2 between the functions of 01:00" ||
	{ fail "no P2 introduced inside 01:00"; sed 's/^/    /' "$tmp/out" | head -40; }
grep -q "^== .*/ep-multifunction: differs (exit 0 base, 1 patched)" "$tmp/out" &&
	pass "ep-multifunction differs" || fail "ep-multifunction not reported"
grep -q "^== .*/rp-acs: differs" "$tmp/out" && fail "rp-acs (no multifunction) reported" ||
	pass "rp-acs, without multifunction devices, does not differ"

expect_exit 0 "known good: nothing introduced" \
	"$isofuzz" verify-patch --cache "$work/cache" --base "$work/base" --patched "$work/good" \
	--bundle "$(dirname "$0")/../bundles/switch-noacs"
grep -q "introduced:" "$tmp/out" && fail "a violation reported as introduced" || pass "no violation introduced"
grep -q "^  fixed: *P2: 0000:03:00.0 reaches 0000:04:00.0 via downstream port" "$tmp/out" &&
	pass "switch-noacs's P2 between downstream ports is fixed" || fail "switch-noacs P2 not fixed"
grep -Eq "^verify-patch: [0-9]+ bundles, [1-9][0-9]* differ" "$tmp/out" && pass "groups differ" ||
	fail "no difference reported"

# usage errors: exit 2 with a message
expect_exit 2 "a base that is no tree" "$isofuzz" verify-patch --base "$work/none" --patched "$work/good"
grep -q "neither a kernel tree directory" "$tmp/err" && pass "says why" || fail "no reason given"
expect_exit 2 "a --bundle that is no bundle" "$isofuzz" verify-patch --base "$work/base" \
	--patched "$work/good" --bundle "$work"
rm -rf "$work"
finish
