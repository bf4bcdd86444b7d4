#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# isofuzz import against pciutils and acpica-tools, on golden bundles (a real
# 6.12 kernel's groups, recorded under QEMU):
#  - bundle -> lspci -xxxx text (lspci -F) -> import: the same config bytes;
#  - bundle -> lspci -vvnn text (lspci -F) -> import: the same groups as the
#    real kernel formed, from synthesized config space;
#  - tables -> acpidump text -> import, and -> acpixtract -a -> import of
#    the binaries: the same bytes both ways.
# Skips (exit 77) when lspci is not installed.
set -u
isofuzz=$1
shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
command -v lspci >/dev/null || { echo "skip: lspci (pciutils) not installed"; exit 77; }

# the dump lspci -F reads: a device line, then the config space as lspci -x prints it
dump() {
	for dev in "$1"/sys/bus/pci/devices/*; do
		echo "$(basename "$dev") dump"
		od -An -v -tx1 -w16 "$dev/config" |
			awk '{ o = (NR - 1) * 16; printf(o < 256 ? "%02x:%s\n" : "%03x:%s\n", o, $0) }'
		echo
	done
}

# acpidump's text form of one table (the address zeroed, as from /sys)
acpidump_text() {
	printf '%s @ 0x0000000000000000\n' "$(head -c4 "$1")"
	od -An -v -tx1 -w16 "$1" | tr a-f A-F |
		awk '{ printf("    %04X:%s\n", (NR - 1) * 16, $0) }'
	echo
}

for b in "$@"; do
	name=$(basename "$b")
	rm -rf "$tmp/x" "$tmp/v" "$tmp/t" "$tmp/bin"
	dump "$b" > "$tmp/$name.dump"
	lspci -F "$tmp/$name.dump" -xxxx > "$tmp/$name.xxxx" 2>/dev/null
	lspci -F "$tmp/$name.dump" -vvnn > "$tmp/$name.vvnn" 2>/dev/null
	set -- "$b"/sys/firmware/acpi/tables/*
	[ -e "$1" ] || set --

	expect_exit 0 "$name: import of lspci -xxxx" "$isofuzz" import -o "$tmp/x" "$tmp/$name.xxxx"
	same=yes
	for dev in "$b"/sys/bus/pci/devices/*; do
		cmp -s "$dev/config" "$tmp/x/sys/bus/pci/devices/$(basename "$dev")/config" ||
			{ same=no; echo "    differs: $(basename "$dev")"; }
	done
	[ "$same" = yes ] && pass "$name: -xxxx gives every config space byte for byte" ||
		fail "$name: -xxxx config spaces differ"

	expect_exit 0 "$name: import of lspci -vvnn and the tables" "$isofuzz" import -o "$tmp/v" \
		--cmdline "$b/proc/cmdline" --groups "$b/expected/iommu_groups" "$tmp/$name.vvnn" "$@"
	n=$(ls "$tmp/v/sys/bus/pci/devices/"*/synthesized 2>/dev/null | wc -l)
	[ "$n" -eq "$(ls "$b/sys/bus/pci/devices" | wc -l)" ] &&
		pass "$name: every synthesized device says so ($n)" || fail "$name: $n synthesized notes"
	"$isofuzz" replay "$tmp/v" > "$tmp/out" 2>&1
	grep -q "^note: $n of $n functions have config space synthesized" "$tmp/out" &&
		pass "$name: replay says the config space is synthesized" ||
		fail "$name: replay does not say the config space is synthesized"
	if grep -q "^groups agree with" "$tmp/out"; then
		pass "$name: -vvnn gives the real kernel's groups"
	else
		fail "$name: -vvnn groups differ from the real kernel's"; sed 's/^/    /' "$tmp/out" | head -30
	fi

	# tables: acpidump text and acpixtract's binaries of it agree byte for byte
	[ $# -gt 0 ] || continue
	for t in "$@"; do acpidump_text "$t"; done > "$tmp/$name.acpidump"
	expect_exit 0 "$name: import of acpidump text" "$isofuzz" import -o "$tmp/t" \
		"$tmp/$name.acpidump" "$tmp/$name.xxxx"
	for t in "$@"; do
		cmp -s "$t" "$tmp/t/sys/firmware/acpi/tables/$(basename "$t")" &&
			pass "$name: $(basename "$t") from acpidump text, byte for byte" ||
			fail "$name: $(basename "$t") differs after acpidump text"
	done
	if command -v acpixtract >/dev/null; then
		mkdir "$tmp/bin"
		(cd "$tmp/bin" && acpixtract -a "$tmp/$name.acpidump" >/dev/null 2>&1)
		expect_exit 0 "$name: import of acpixtract's binaries" "$isofuzz" import -o "$tmp/xb" \
			"$tmp/bin/"*.dat "$tmp/$name.xxxx"
		for t in "$@"; do
			cmp -s "$t" "$tmp/xb/sys/firmware/acpi/tables/$(basename "$t")" &&
				pass "$name: acpixtract's $(basename "$t") is the acpidump text's" ||
				fail "$name: acpixtract's $(basename "$t") differs"
		done
		rm -rf "$tmp/xb"
	else
		echo "skip: acpixtract (acpica-tools) not installed: no cross-check of the text parser"
	fi
done
finish
