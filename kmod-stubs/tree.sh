#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# tree.sh VERSION|PATH CACHE LISTS...
#
# Make the kernel files the harness compiles available under CACHE and print
# the tree's root.  With a version (6.12, 6.1) the tree is Debian's
# linux-source-VERSION package, installed when absent (we are root on the
# machines this runs on); only the files named by the lists' "file"
# directives, plus the two register/ID headers, are extracted, once.
# With a path, that tree is used in place.
set -eu
want=$1 cache=$2
shift 2
files="include/uapi/linux/pci_regs.h include/linux/pci_ids.h Makefile"
for l in "$@"; do
	files="$files $(sed -n 's/^file[[:space:]]\{1,\}\([^[:space:]#]*\).*/\1/p' "$l")"
done
# several lists may take from one file: name each once (tar fails on repeats)
files=$(printf '%s\n' $files | sort -u | tr '\n' ' ')
files=${files% }

case $want in
/*)
	for f in $files; do
		[ -f "$want/$f" ] || { echo "tree.sh: $want/$f: missing: not a kernel tree?" >&2; exit 2; }
	done
	echo "$want"
	exit 0 ;;
esac

tarball=/usr/src/linux-source-$want.tar.xz
if [ ! -f "$tarball" ]; then
	echo "tree.sh: installing linux-source-$want" >&2
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "linux-source-$want" >&2; then
		apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "linux-source-$want" >&2
	fi
fi
[ -f "$tarball" ] || { echo "tree.sh: $tarball: missing after install" >&2; exit 2; }

root=$cache/linux-source-$want
stamp=$root/.isofuzz-files
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$files" ] || [ "$tarball" -nt "$stamp" ]; then
	echo "tree.sh: extracting $(echo $files | wc -w) files from $tarball" >&2
	rm -rf "$root"
	mkdir -p "$cache"
	members=
	for f in $files; do members="$members linux-source-$want/$f"; done
	# shellcheck disable=SC2086
	tar -C "$cache" -xJf "$tarball" $members
	echo "$files" > "$stamp"
fi
echo "$root"
