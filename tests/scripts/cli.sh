#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The command line: usage errors exit 2, --help exits 0.
set -u
isofuzz=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
expect_exit 2 "no command" "$isofuzz"
expect_exit 2 "unknown command" "$isofuzz" frobnicate
expect_exit 0 "--help" "$isofuzz" --help
expect_exit 0 "replay --help" "$isofuzz" replay --help
expect_exit 2 "replay without a bundle" "$isofuzz" replay
expect_exit 2 "replay with an unknown option" "$isofuzz" replay --frob x
for c in import collect; do
	expect_exit 0 "$c --help" "$isofuzz" $c --help
	expect_exit 2 "$c with an unknown option" "$isofuzz" $c --frob x
done
expect_exit 2 "import without files" "$isofuzz" import -o "$tmp/b"
finish
