#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# compile-seed.sh SRC OUT HEXTABLE: one corpus seed into the raw table the
# kernel reads (what acpixtract would have written).  An .asl is an iasl
# data-table source; an .hex is commented hex text for what iasl 20200925
# cannot write (corpus/hextable.c).  On failure iasl's messages are shown
# and the build stops.  iasl runs under a time limit: it loops for ever on
# a subtable Length that does not match the subtable's fields.
set -u
src=$1 out=$2 hextable=$3
case $src in
*.hex)
	exec "$hextable" "$src" "$out" ;;
*.asl)
	tmp=$(mktemp -d) || exit 1
	trap 'rm -rf "$tmp"' EXIT
	if ! command -v iasl >/dev/null; then
		echo "$src: iasl is not installed (Debian: apt-get install acpica-tools)" >&2
		exit 1
	fi
	timeout 30 iasl -vi -p "$tmp/table" "$src" >"$tmp/log" 2>&1 </dev/null && rc=0 || rc=$?
	if [ "$rc" -eq 124 ]; then
		echo "$src: iasl did not finish in 30 s (a subtable Length that does not match its fields?)" >&2
		exit 1
	fi
	if [ "$rc" -ne 0 ] || [ ! -f "$tmp/table.aml" ]; then
		grep -i 'error' "$tmp/log" >&2 || cat "$tmp/log" >&2
		exit 1
	fi
	mv "$tmp/table.aml" "$out" ;;
*)
	echo "$src: a seed is an .asl (iasl) or .hex (hextable) source" >&2
	exit 1 ;;
esac
