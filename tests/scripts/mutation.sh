#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The answer comes from the kernel tree: copy the tree the harness was
# built from, change one line of pci_device_group() (stop honouring ACS:
# never break out of the upstream walk), rebuild against the copy, and the
# groups of a bundle with ACS root ports must change (they merge into the
# root bus's groups) while the unmodified build agrees with the real kernel.
set -u
src=$1 tree=$2 work=$3 bundle=$4
tmp=$work/tmp; rm -rf "$work"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"

cp -r "$tree" "$work/tree"
f=$work/tree/drivers/iommu/iommu.c
line='if (pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))'
grep -qF "$line" "$f" || { fail "the line to mutate is not in $f"; finish; }
sed -i "s/if (pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/if (0 \&\& pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/" "$f"
grep -qF "if (0 && pci_acs_path_enabled" "$f" && pass "mutated: $line" || fail "sed did not apply"

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
rm -rf "$work"
finish
