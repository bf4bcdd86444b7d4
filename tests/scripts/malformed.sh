#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# malformed.sh ISOFUZZ BUNDLE: malformed bundles and lone tables get a
# one-line diagnosis naming the file (and offset or line), and exit 2.
set -u
isofuzz=$1 good=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

fresh() { rm -rf "$tmp/b"; cp -r "$good" "$tmp/b"; }
# diagnosed WHAT PATTERN [INPUT]: exit 2 with one stderr line matching PATTERN
diagnosed() {
	expect_exit 2 "$1" "$isofuzz" replay "${3:-$tmp/b}"
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

# lone tables
dmar=$good/sys/firmware/acpi/tables/DMAR
head -c 20 "$dmar" > "$tmp/short.dat"
diagnosed "a 20-byte table" "short.dat: 20 bytes: too short" "$tmp/short.dat"
{ printf 'APIC'; tail -c +5 "$dmar"; } > "$tmp/apic.dat"
diagnosed "a table that is not a DMAR" "apic.dat:offset 0: signature \"APIC\"" "$tmp/apic.dat"
head -c 100 "$dmar" > "$tmp/cut.dat"
diagnosed "a table cut short" "cut.dat:offset 4: length field .* exceeds the file's 100 bytes" "$tmp/cut.dat"
{ cat "$dmar"; printf 'xxxx'; } > "$tmp/long.dat"
diagnosed "a table with bytes after it" "long.dat:offset 4: length field .* but the file has" "$tmp/long.dat"
if command -v iasl >/dev/null; then
	# iasl's own DMAR template with one field label misspelt
	(cd "$tmp" && iasl -T DMAR >/dev/null 2>&1 </dev/null)
	sed 's/Host Address Width/Host Adress Width/' "$tmp/dmar.asl" > "$tmp/bad.asl"
	line=$(grep -n 'Host Adress Width' "$tmp/bad.asl" | cut -d: -f1)
	diagnosed "an .asl iasl cannot compile" "bad.asl:line $line: iasl could not compile it: error.*Invalid field label" "$tmp/bad.asl"
	printf '[0004]  Signature : "DMAR"\n[0004]  Nonsense Field : 00\n' > "$tmp/crash.asl"
	diagnosed "an .asl iasl crashes on" "crash.asl: iasl \\(crashed\\|could not\\)" "$tmp/crash.asl"
fi
mkdir "$tmp/nobin"
ln -s "$(command -v sh)" "$tmp/nobin/sh"
printf 'x\n' > "$tmp/t.asl"
expect_exit 2 "an .asl without iasl installed" env PATH="$tmp/nobin" "$isofuzz" replay "$tmp/t.asl"
grep -q "t.asl: .*iasl is not installed" "$tmp/err" && pass "iasl missing: $(cat "$tmp/err")" ||
	fail "iasl missing: want a message naming iasl"
finish
