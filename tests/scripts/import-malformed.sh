#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Every malformed input to isofuzz import gets one line naming the file, the
# line (or offset) and what is wrong, and exit 2; cut-off inputs never crash
# it (the build has ASan and UBSan on: a finding exits with another status).
set -u
isofuzz=$1 good=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

# diagnosed WHAT PATTERN FILE...: exit 2 with one stderr line matching PATTERN
diagnosed() {
	what=$1 pattern=$2
	shift 2
	rm -rf "$tmp/b"
	expect_exit 2 "$what" "$isofuzz" import -o "$tmp/b" "$@"
	if [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q -- "$pattern" "$tmp/err"; then
		pass "$what: $(cat "$tmp/err")"
	else
		fail "$what: want one line matching '$pattern'"; sed 's/^/    /' "$tmp/err"
	fi
}
# a device the inputs below change; -xxxx text of a good bundle
dev=$good/sys/bus/pci/devices/0000:00:00.0
hex() { od -An -v -tx1 -w16 "$1" | awk '{ o = (NR - 1) * 16; printf(o < 256 ? "%02x:%s\n" : "%03x:%s\n", o, $0) }'; }
{ echo "00:00.0 Host bridge: Intel Corporation Device 29c0"; hex "$dev/config"; echo; } > "$tmp/x.txt"
dmar=$good/sys/firmware/acpi/tables/DMAR
{ echo "DMAR @ 0x0000000000000000"
  od -An -v -tx1 -w16 "$dmar" | awk '{ printf("    %04X:%s\n", (NR - 1) * 16, toupper($0)) }'; echo; } > "$tmp/a.txt"

rm -rf "$tmp/b"; expect_exit 0 "the good -xxxx and acpidump texts import" "$isofuzz" import -o "$tmp/b" "$tmp/x.txt" "$tmp/a.txt"
expect_exit 2 "import without -o" "$isofuzz" import "$tmp/x.txt"
expect_exit 2 "import into a folder that is not empty" "$isofuzz" import -o "$tmp/b" "$tmp/x.txt"

# acpidump text
sed '3d' "$tmp/a.txt" > "$tmp/bad"
diagnosed "acpidump: a hex line missing" "bad:3: offset 0x0020 out of sequence: 0x0010 expected" "$tmp/bad" "$tmp/x.txt"
head -n -2 "$tmp/a.txt" > "$tmp/bad"
diagnosed "acpidump: the last hex line cut off" "bad:1: DMAR: length field says .* bytes, .* came" "$tmp/bad" "$tmp/x.txt"
sed '1s/DMAR/APIC/' "$tmp/a.txt" > "$tmp/bad"
diagnosed "acpidump: header and bytes disagree" "bad:1: the header names APIC, the bytes say DMAR" "$tmp/bad" "$tmp/x.txt"
printf 'DMAR @ 0x0000000000000000\n\n' > "$tmp/bad"
diagnosed "acpidump: a header without hex" "bad:1: DMAR: no hex data follows" "$tmp/bad" "$tmp/x.txt"
sed '1d' "$tmp/a.txt" | sed '1d' > "$tmp/bad"
diagnosed "acpidump: hex that starts mid-table" "bad:1: hex at offset 0x0010 outside any table" "$tmp/bad" "$tmp/x.txt"
{ echo "Raw Table Data: Length 999 (0x3E7)"; echo; sed 1d "$tmp/a.txt"; } > "$tmp/bad"
diagnosed "acpidump: Raw Table Data with another length" "bad:1: Raw Table Data says 999 bytes" "$tmp/bad" "$tmp/x.txt"
sed '2s/0000: 44 4D/0000: 00 4D/' "$tmp/a.txt" > "$tmp/bad"
diagnosed "acpidump: a signature that is not one" "bad:1: the header names DMAR, the bytes say ????" "$tmp/bad" "$tmp/x.txt"
sed '3s/0010: ../0010: zz/' "$tmp/a.txt" > "$tmp/bad"
diagnosed "acpidump: a line with no hex bytes" "bad:3: offset 0x0010: no hex bytes" "$tmp/bad" "$tmp/x.txt"

# acpixtract binaries
head -c 20 "$dmar" > "$tmp/dmar.dat"
diagnosed "binary: a table cut off" "dmar.dat:offset 0: DMAR: length field says" "$tmp/dmar.dat" "$tmp/x.txt"
printf 'DM\0R\10\0\0\0' > "$tmp/dmar.dat"
diagnosed "binary: a bad signature" "dmar.dat:offset 0: byte 2 of the signature is 0x00" "$tmp/dmar.dat" "$tmp/x.txt"

# lspci -xxxx
sed '1d' "$tmp/x.txt" > "$tmp/bad"
diagnosed "-xxxx: hex before any device line" "bad:1: hex before any device line" "$tmp/bad"
sed '4d' "$tmp/x.txt" > "$tmp/bad"
diagnosed "-xxxx: a hex line missing" "bad:4: offset 30 out of sequence: 20 expected" "$tmp/bad"
sed '3s/ [0-9a-f][0-9a-f]$//' "$tmp/x.txt" > "$tmp/bad"
diagnosed "-xxxx: a line of 15 bytes" "bad:3: column 49: 16 hex bytes expected" "$tmp/bad"
head -n 8 "$tmp/x.txt" > "$tmp/bad"
diagnosed "-xxxx: 112 bytes of config space" "bad:1: 112 bytes of config space" "$tmp/bad"
cat "$tmp/x.txt" "$tmp/x.txt" > "$tmp/bad"
diagnosed "-xxxx: one device twice" "bad:.*: 0000:00:00.0 came already (.*bad:1)" "$tmp/bad"
sed '2s/^00: 86 80/00: ff ff/' "$tmp/x.txt" > "$tmp/bad"
diagnosed "-xxxx: vendor ffff" "bad:1: vendor ID ffff" "$tmp/bad"

# lspci -vvnn
v() { printf '00:1c.0 PCI bridge [0604]: Intel Corporation Root Port [8086:3a40] (prog-if 00 [Normal decode])\n'
      printf '\tBus: primary=00, secondary=05, subordinate=05, sec-latency=0\n'
      printf '\tCapabilities: [40] Express (v1) Root Port (Slot+), MSI 00\n\t\tDevCap:\tMaxPayload 128 bytes, PhantFunc 0\n'
      printf '\tCapabilities: [100 v1] Access Control Services\n'
      printf '\t\tACSCap:\tSrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-\n'
      printf '\t\tACSCtl:\tSrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-\n\n'; }
v > "$tmp/v.txt"
rm -rf "$tmp/b"; expect_exit 0 "the good -vvnn text imports" "$isofuzz" import -o "$tmp/b" "$tmp/v.txt"
v | sed '1s/ \[0604\]//' > "$tmp/bad"
diagnosed "-vvnn: no class code (lspci without -nn)" "bad:1: no \[cccc\] class code" "$tmp/bad"
v | sed '3s/.*/\tCapabilities: <access denied>/' > "$tmp/bad"
diagnosed "-vvnn: capabilities not shown (not root)" "bad:3: capabilities not shown: run lspci -vvnn as root" "$tmp/bad"
v | sed '3s/\[40\]/[20]/' > "$tmp/bad"
diagnosed "-vvnn: a capability in the header" "bad:3: capability offset 0x20" "$tmp/bad"
v | sed '3s/Root Port/Sideways Port/' > "$tmp/bad"
diagnosed "-vvnn: an unknown port type" "bad:3: unknown PCIe port type" "$tmp/bad"
v | sed '3s/(v1)/(v9)/' > "$tmp/bad"
diagnosed "-vvnn: an Express version" "bad:3: Express capability without (v1) or (v2)" "$tmp/bad"
v | sed '6s/UpstreamFwd+ //' > "$tmp/bad"
diagnosed "-vvnn: an ACS flag missing" "bad:6: UpstreamFwd+ or UpstreamFwd- missing" "$tmp/bad"
v | sed '5s/\[100 v1\]/[150 v1]/' > "$tmp/bad"
diagnosed "-vvnn: extended capabilities not at 0x100" "bad:1: extended capabilities start at 0x150" "$tmp/bad"
v | sed '2s/secondary=05/secondary=zz/' > "$tmp/bad"
diagnosed "-vvnn: a bad Bus: line" "bad:2: Bus: primary=XX" "$tmp/bad"
v | sed '4s/PhantFunc 0/PhantFunc 5/' > "$tmp/bad"
diagnosed "-vvnn: phantom functions 5" "bad:4: PhantFunc" "$tmp/bad"
{ v; printf '\tCapabilities: [40] MSI: Enable-\n'; } > "$tmp/bad"
diagnosed "-vvnn: one capability offset twice" "bad:9: capability offset 0x40 listed twice" "$tmp/bad"

# neither format; options
printf 'hello\nworld\n' > "$tmp/bad"
diagnosed "a file of no known format" "bad: not acpidump text" "$tmp/bad"
diagnosed "tables only, no PCI functions" "no PCI functions" "$tmp/a.txt"
printf '0000:00:00.0\n' > "$tmp/groups"
diagnosed "--groups: a line without a group number" "groups:1:" --groups "$tmp/groups" "$tmp/x.txt"

# cut-off inputs: a diagnosis or a bundle, never a crash
data=${3:-}
for f in "$tmp/x.txt" "$tmp/a.txt" "$tmp/v.txt" ${data:+"$data/t3500/lspci-vvnn.txt" "$data/t3500/acpidump.txt"}; do
	[ -f "$f" ] || continue
	size=$(wc -c < "$f") bad=0
	for cut in 1 7 33 100 257 1000 4099 9000 20000 65000; do
		[ "$cut" -lt "$size" ] || continue
		head -c "$cut" "$f" > "$tmp/cut"
		rm -rf "$tmp/b"
		"$isofuzz" import -o "$tmp/b" "$tmp/cut" "$tmp/x.txt" > /dev/null 2> "$tmp/err"
		rc=$?
		[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || { bad=1; echo "    $(basename "$f") cut at $cut: exit $rc"; head -5 "$tmp/err"; }
	done
	[ "$bad" -eq 0 ] && pass "$(basename "$f") cut anywhere: exit 0 or 2" || fail "$(basename "$f") cut: a crash"
done
finish
