#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Boot the real kernel under QEMU with a golden bundle's recorded arguments
# and replay the fresh bundle: the harness must still agree with it.
set -u
isofuzz=$1 golden=$2 bundle=$3 out=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
rm -rf "$out"
expect_exit 0 "boot linux under QEMU with $(basename "$bundle")'s arguments" \
	"$golden" --from "$bundle/qemu-args" "$out"
expect_exit 0 "the fresh bundle replays to the real kernel's groups" "$isofuzz" replay -q "$out"
finish
