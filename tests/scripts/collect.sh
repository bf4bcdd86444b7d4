#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# isofuzz collect on a fake machine: a tree laid out like / (sysfs with its
# dynamic/ and data/ table folders, iommu_groups, /dev/kmsg records, procfs)
# made from a golden bundle.  What comes out must be that bundle: the same
# bytes, the same groups, the log as dmesg prints it; and replaying it
# agrees with the kernel that formed those groups.
set -u
isofuzz=$1 golden=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

root=$tmp/root
mkdir -p "$root/sys/kernel/iommu_groups" "$root/dev" "$root/sys/class/iommu"
cp -r "$golden/sys" "$golden/proc" "$root/"
mkdir -p "$root/sys/firmware/acpi/tables/dynamic" "$root/sys/firmware/acpi/tables/data"
while read -r n devs; do
	n=${n%:}
	mkdir -p "$root/sys/kernel/iommu_groups/$n/devices"
	for dev in $devs; do ln -s "../../../../bus/pci/devices/$dev" "$root/sys/kernel/iommu_groups/$n/devices/$dev"; done
done < "$golden/expected/iommu_groups"
# /dev/kmsg records: PRI,SEQ,USEC,FLAGS;message and a continuation line
printf '6,1,690397,-;DMAR: Host address width 39\n SUBSYSTEM=acpi\n4,2,1000000,-;second line\n' > "$root/dev/kmsg"

expect_exit 0 "collect from a fake root" "$isofuzz" collect --root "$root" "$tmp/b"
same=yes
for f in $(cd "$golden" && find sys proc -type f); do
	cmp -s "$golden/$f" "$tmp/b/$f" || { same=no; echo "    differs or missing: $f"; }
done
[ "$same" = yes ] && pass "every file of the machine's sys and proc, byte for byte" || fail "files differ"
[ -d "$tmp/b/sys/firmware/acpi/tables/dynamic" ] && fail "copied tables/dynamic/" || pass "no table folders copied"
printf '[    0.690397] DMAR: Host address width 39\n[    1.000000] second line\n' > "$tmp/want"
cmp -s "$tmp/want" "$tmp/b/expected/dmesg" && pass "/dev/kmsg records as dmesg prints them" ||
	{ fail "expected/dmesg"; cat "$tmp/b/expected/dmesg"; }
"$isofuzz" replay "$tmp/b" > "$tmp/out" 2>&1
grep -q '^groups agree with' "$tmp/out" && pass "replay agrees with the collected groups" ||
	{ fail "replay of the collected bundle"; sed 's/^/    /' "$tmp/out" | head; }

# IOMMU off: no groups folder, an empty expected/iommu_groups
rm -rf "$root/sys/kernel/iommu_groups" "$tmp/b"
expect_exit 0 "collect with the IOMMU off" "$isofuzz" collect --root "$root" "$tmp/b"
[ -f "$tmp/b/expected/iommu_groups" ] && [ ! -s "$tmp/b/expected/iommu_groups" ] &&
	pass "no groups: an empty expected/iommu_groups" || fail "expected/iommu_groups with the IOMMU off"

# as an unprivileged reader sees sysfs: 64 bytes of config space
dev=$(ls "$root/sys/bus/pci/devices" | head -1)
head -c 64 "$golden/sys/bus/pci/devices/$dev/config" > "$root/sys/bus/pci/devices/$dev/config"
rm -rf "$tmp/b"
expect_exit 2 "collect without root's view of config space" "$isofuzz" collect --root "$root" "$tmp/b"
grep -q "devices/$dev/config: 64 bytes of config space: collect as root" "$tmp/err" &&
	pass "says: collect as root" || { fail "diagnosis"; cat "$tmp/err"; }
rm -rf "$tmp/b"
expect_exit 2 "collect from a tree that is no machine" "$isofuzz" collect --root "$tmp/none" "$tmp/b"
expect_exit 2 "collect without DIR" "$isofuzz" collect
finish
