#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# amd-handmade.sh ISOFUZZ [--exit N] BUNDLE...: the hand-built AMD-Vi bundles
# (tests/handmade-amd/make-ivrs.py): the replay agrees with
# expected/iommu_groups, every line of expected/lines appears in the
# replay's report and log, and no line of expected/absent does.  The
# expectations come from the AMD IOMMU specification and the kernel's
# documented behaviour, reasoned in each expected/README.  --exit N: the
# replay's exit status is N (3 for the findings/ cases, where the kernel's
# code does not return) instead of 0.
set -u
isofuzz=$1; shift
base_exit=0
[ "${1:-}" = --exit ] && { base_exit=$2; shift 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

for b in "$@"; do
	name=$(basename "$b")
	# a violation expected/verdict reasons is exit 1 (verdict.sh checks it)
	bwant=$base_exit
	[ "$base_exit" -eq 0 ] && bwant=$(verdict_exit "$b/expected/verdict")
	expect_exit "$bwant" "$name: replay (groups as expected/iommu_groups)" "$isofuzz" replay --log "$b"
	grep -q "^groups differ" "$tmp/out" && fail "$name: groups differ from expected/iommu_groups"
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
