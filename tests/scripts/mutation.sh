#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The answer comes from the kernel tree: copy the tree the harness was
# built from, change one line of pci_device_group() (stop honouring ACS:
# never break out of the upstream walk), rebuild against the copy, and the
# groups of a bundle with ACS root ports must change (they merge into the
# root bus's groups) while the unmodified build agrees with the real kernel.
# With AMD_BUNDLE (tests/handmade-amd/amd-alias-other-bus) a second line
# changes in the same copy: setup_aliases() in drivers/iommu/amd/iommu.c
# stops checking that an IVRS alias is on the device's bus, so the alias
# 01:00.0 of RCiEP 00:04.0 becomes PCI DMA alias devfn 00.0 on bus 0.
set -u
src=$1 tree=$2 work=$3 bundle=$4 amd_bundle=${5:-}
tmp=$work/tmp; rm -rf "$work"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"

cp -r "$tree" "$work/tree"
f=$work/tree/drivers/iommu/iommu.c
line='if (pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))'
grep -qF "$line" "$f" || { fail "the line to mutate is not in $f"; finish; }
sed -i "s/if (pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/if (0 \&\& pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/" "$f"
grep -qF "if (0 && pci_acs_path_enabled" "$f" && pass "mutated: $line" || fail "sed did not apply"
if [ -n "$amd_bundle" ]; then
	f=$work/tree/drivers/iommu/amd/iommu.c
	line='PCI_BUS_NUM(ivrs_alias) == pdev->bus->number)'
	grep -qF "$line" "$f" || { fail "the line to mutate is not in $f"; finish; }
	sed -i 's/PCI_BUS_NUM(ivrs_alias) == pdev->bus->number)/1)/' "$f"
	grep -qF "$line" "$f" && fail "sed did not apply" || pass "mutated: $line"
fi

cmake -S "$src" -B "$work/build" -DCMAKE_C_COMPILER=clang-14 -DKERNEL_SRC="$work/tree" >"$tmp/cmake.log" 2>&1 &&
	cmake --build "$work/build" --target isofuzz -j2 >>"$tmp/cmake.log" 2>&1 ||
	{ fail "build against the mutated tree"; tail -20 "$tmp/cmake.log"; finish; }
pass "built against the mutated tree"
expect_exit 1 "the mutant's groups differ from the real kernel's" \
	"$work/build/harness/isofuzz" replay -q "$bundle"
cat "$tmp/out"
# with ACS ignored, each root port's endpoint joins its root port's group
grep -q "^+ kernel group: 0000:00:02.0 0000:01:00.0$" "$tmp/out" &&
	pass "root port 00:02.0 and its endpoint 01:00.0 merged" ||
	fail "expected 00:02.0 and 01:00.0 in one group"
if [ -n "$amd_bundle" ]; then
	expect_exit 1 "the AMD mutant's groups differ from the hand-derived ones" \
		"$work/build/harness/isofuzz" replay -q --log "$amd_bundle"
	grep -qx "pci 0000:00:04.0: Enabling fixed DMA alias to 00.0" "$tmp/out" &&
		pass "setup_aliases() took the other-bus alias as a PCI DMA alias" ||
		fail "expected 'Enabling fixed DMA alias to 00.0' for 00:04.0"
fi
rm -rf "$work"
finish
