#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# harness/setup.sh [BUILD_DIR] [cmake options...]
#
# What both README commands start with: install the build's Debian packages
# when missing (root, as on the machines isofuzz runs on), then configure
# and build.  The kernel tree itself (linux-source-6.12 by default) is
# installed and extracted by the build (kmod-stubs/tree.sh).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
[ $# -gt 0 ] && shift

need=
for p in clang-14 libclang-rt-14-dev cmake make xz-utils libz3-dev pkg-config \
	 pciutils libpci-dev graphviz acpica-tools afl++ zip unzip; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
	echo "setup: installing$need" >&2
	apt-get update -q >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >&2
fi

cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER=clang-14 "$@" >&2
cmake --build "$build" -j"$(nproc)" >&2
