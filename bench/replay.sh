#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# bench/replay.sh [ISOFUZZ] [N]: wall time of `isofuzz replay` per golden
# bundle, median of N runs (default 21), in one sitting so the figures are
# comparable with each other.  Includes process start and bundle loading;
# with the default sanitizer build, ASan's start-up dominates small bundles.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
isofuzz=${1:-$top/build/harness/isofuzz}
n=${2:-21}
printf '%-20s %9s %12s\n' bundle functions median_ms
for b in "$top"/tests/bundles/*; do
	[ -d "$b/sys" ] || continue
	funcs=$(ls "$b/sys/bus/pci/devices" | wc -l)
	i=0
	: > /tmp/isofuzz-bench.$$
	while [ $i -lt "$n" ]; do
		s=$(date +%s%N)
		"$isofuzz" replay -q "$b" >/dev/null 2>&1 || true
		echo $(( ($(date +%s%N) - s) )) >> /tmp/isofuzz-bench.$$
		i=$((i + 1))
	done
	med=$(sort -n /tmp/isofuzz-bench.$$ | sed -n "$(( (n + 1) / 2 ))p")
	printf '%-20s %9s %12.2f\n' "$(basename "$b")" "$funcs" "$(awk -v m="$med" 'BEGIN{print m/1000000}')"
done
rm -f /tmp/isofuzz-bench.$$

# The kernel run itself: the largest bundle replayed 200 times in one
# process (load + kernel boot + grouping + compare each time), per run.
big=$(for b in "$top"/tests/bundles/*; do echo "$(ls "$b/sys/bus/pci/devices" | wc -l) $b"; done | sort -n | tail -1 | cut -d' ' -f2)
args=
i=0; while [ $i -lt 200 ]; do args="$args $big"; i=$((i + 1)); done
s=$(date +%s%N)
# shellcheck disable=SC2086
"$isofuzz" replay -q $args >/dev/null 2>&1 || true
t=$(($(date +%s%N) - s))
printf 'in-process: %s replayed 200 times: %.3f ms per replay\n' "$(basename "$big")" \
	"$(awk -v t="$t" 'BEGIN{print t/200/1000000}')"
