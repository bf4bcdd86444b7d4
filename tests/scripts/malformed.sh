#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Malformed bundles get a one-line diagnosis naming the file, and exit 2.
set -u
isofuzz=$1 good=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

fresh() { rm -rf "$tmp/b"; cp -r "$good" "$tmp/b"; }
# diagnosed WHAT PATTERN: exit 2 with one stderr line matching PATTERN
diagnosed() {
	expect_exit 2 "$1" "$isofuzz" replay "$tmp/b"
	if [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "$2" "$tmp/err"; then
		pass "$1: $(cat "$tmp/err")"
	else
		fail "$1: want one line matching '$2'"; sed 's/^/    /' "$tmp/err"
	fi
}
dev=sys/bus/pci/devices/0000:01:00.0

fresh; expect_exit 0 "the unmodified bundle replays" "$isofuzz" replay "$tmp/b"
expect_exit 2 "a bundle that does not exist" "$isofuzz" replay "$tmp/nonexistent"

fresh; rm -rf "$tmp/b/sys/bus/pci/devices"
diagnosed "no PCI devices folder" "sys/bus/pci/devices"

fresh; rm "$tmp/b/$dev/config"
diagnosed "a device without its config file" "$dev/config"

fresh; head -c 32 "$good/$dev/config" > "$tmp/b/$dev/config"
diagnosed "a 32-byte config space" "$dev/config.*short config space"

fresh; mkdir "$tmp/b/sys/bus/pci/devices/0000:01:00.9"
diagnosed "a device folder that is not a PCI address" "0000:01:00.9.*not a PCI address"

# point the last standard capability back at the first: a loop
fresh
first=$(od -An -tu1 -j52 -N1 "$good/$dev/config" | tr -d ' ')
pos=$first
while :; do
	next=$(od -An -tu1 -j$((pos + 1)) -N1 "$good/$dev/config" | tr -d ' ')
	[ "$next" -eq 0 ] && break
	pos=$next
done
printf "$(printf '\\%03o' "$first")" | dd of="$tmp/b/$dev/config" bs=1 seek=$((pos + 1)) conv=notrunc 2>/dev/null
diagnosed "a capability list that loops" "$dev/config:offset 0x.*capability list loops"

fresh; printf '0000:00:00.0\n' > "$tmp/b/expected/iommu_groups"
diagnosed "an expected groups line without a group number" "expected/iommu_groups:1:"

fresh; printf '0: 0000:00:00.0\n1: 0000:00:00.0\n' > "$tmp/b/expected/iommu_groups"
diagnosed "a device listed in two expected groups" "expected/iommu_groups:2:.*twice"

fresh; printf '0: 0000:00:zz.0\n' > "$tmp/b/expected/iommu_groups"
diagnosed "a malformed address in expected groups" "expected/iommu_groups:1:.*column"
finish
