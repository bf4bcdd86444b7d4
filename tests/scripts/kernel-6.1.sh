#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Debian's linux-source-6.1 builds with the same lists and shim and passes
# the same grouping tests.  One known difference between the versions:
# pci=config_acs= arrived in 6.11, so 6.1 ignores it ("Unknown option") and
# the rp-config-acs bundle (recorded on a real 6.12) keeps its ACS groups.
# A second: 6.1 builds without VT-d and AMD-Vi (no isolated-MSI API), so an
# AMD bundle replays topology-only: every function, the IOMMU's own 00:01.0
# too, is grouped as if one IOMMU covered it, which the real kernel does not.
set -u
src=$1 work=$2 tests=$3
tmp=$work/tmp; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"

cmake -S "$src" -B "$work/build" -DCMAKE_C_COMPILER=clang-14 -DKERNEL_VERSION=6.1 >"$tmp/cmake.log" 2>&1 &&
	cmake --build "$work/build" --target isofuzz -j2 >>"$tmp/cmake.log" 2>&1 ||
	{ fail "build against linux-source-6.1"; tail -20 "$tmp/cmake.log"; finish; }
isofuzz=$work/build/harness/isofuzz
pass "built: $("$isofuzz" --version)"
for b in "$tests"/bundles/* "$tests"/handmade/*; do
	[ -d "$b/sys" ] || continue
	case $(basename "$b") in
	rp-config-acs)
		expect_exit 1 "$(basename "$b") differs on 6.1 (no pci=config_acs=)" "$isofuzz" replay -q --log "$b"
		grep -q "PCI: Unknown option \`config_acs=" "$tmp/out" &&
			pass "6.1's pci= parser rejects config_acs=" || fail "no 'Unknown option' from 6.1" ;;
	*)
		# same groups as 6.12, hence the same verdict (expected/verdict)
		expect_exit "$(verdict_exit "$b/expected/verdict")" "$(basename "$b") agrees" "$isofuzz" replay -q "$b"
		grep -q "groups differ" "$tmp/out" && fail "$(basename "$b"): groups differ on 6.1" ;;
	esac
done
expect_exit 1 "amd-mixed replays topology-only on 6.1 (the IOMMU function gets a group)" \
	"$isofuzz" replay -q "$tests/bundles-amd/amd-mixed"
grep -q "0000:00:01.0" "$tmp/out" && pass "6.1: 00:01.0 (amd-iommu) is grouped topology-only" ||
	fail "6.1: amd-mixed did not replay topology-only"
finish
