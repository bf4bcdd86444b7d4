#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# amd-handmade.sh ISOFUZZ BUNDLE...: the hand-built AMD-Vi bundles
# (tests/handmade-amd/make-ivrs.py): the replay agrees with
# expected/iommu_groups, every line of expected/lines appears in the
# replay's report and log, and no line of expected/absent does.  The
# expectations come from the AMD IOMMU specification and the kernel's
# documented behaviour, reasoned in each expected/README.
set -u
isofuzz=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

for b in "$@"; do
	name=$(basename "$b")
	expect_exit 0 "$name: groups as expected/iommu_groups" "$isofuzz" replay --log "$b"
	while IFS= read -r line; do
		grep -qxF -- "$line" "$tmp/out" && pass "$name: has '$line'" ||
			fail "$name: no line '$line'"
	done < "$b/expected/lines"
	[ -f "$b/expected/absent" ] || continue
	while IFS= read -r line; do
		grep -qxF -- "$line" "$tmp/out" && fail "$name: unexpected line '$line'" ||
			pass "$name: no '$line'"
	done < "$b/expected/absent"
done
finish
