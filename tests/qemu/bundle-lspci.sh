#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# bundle-lspci.sh BUNDLE [lspci options...]
# Show a machine bundle's PCI config spaces with the host's lspci, e.g.
#   tests/qemu/bundle-lspci.sh tests/bundles/rp-acs -vvv
# (turns sys/bus/pci/devices/*/config into an "lspci -xxxx" dump and reads
# it back with "lspci -F").  Default options: -nn -vvv.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: ${0##*/} BUNDLE [lspci options...]" >&2; exit 2; }
b=$1; shift
[ $# -gt 0 ] || set -- -nn -vvv
command -v lspci >/dev/null || { echo "${0##*/}: lspci not found (apt-get install pciutils)" >&2; exit 1; }
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
for c in "$b"/sys/bus/pci/devices/*/config; do
	d=${c%/config}; d=${d##*/}
	echo "$d device"
	od -An -v -tx1 -w16 "$c" | awk '{ printf "%02x:%s\n", (NR - 1) * 16, substr($0, 1) }'
	echo
done > "$dump"
lspci -F "$dump" "$@"
