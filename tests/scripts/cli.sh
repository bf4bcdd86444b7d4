#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# cli.sh ISOFUZZ BUNDLE ASL: the command line.  Usage errors exit 2,
# --help exits 0; replay takes a bundle, or a lone DMAR table as raw bytes
# (acpixtract's dmar.dat, iasl's .aml) or as an iasl source (ASL), alone or
# on --topology BUNDLE.
set -u
isofuzz=$1 bundle=$2 asl=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
expect_exit 2 "no command" "$isofuzz"
expect_exit 2 "unknown command" "$isofuzz" frobnicate
expect_exit 0 "--help" "$isofuzz" --help
expect_exit 0 "replay --help" "$isofuzz" replay --help
expect_exit 2 "replay without a bundle" "$isofuzz" replay
expect_exit 2 "replay with an unknown option" "$isofuzz" replay --frob x

cp "$bundle/sys/firmware/acpi/tables/DMAR" "$tmp/dmar.dat"
expect_exit 0 "replay a lone raw DMAR (acpixtract's form), no topology" "$isofuzz" replay "$tmp/dmar.dat"
grep -qx "  devices: none" "$tmp/out" && pass "no topology: the unit has no devices" ||
	fail "no topology: want a unit without devices"
expect_exit 0 "replay a lone DMAR on --topology" "$isofuzz" replay --topology "$bundle" "$tmp/dmar.dat"
grep -q "^  devices: 0000:00:00.0" "$tmp/out" && pass "--topology: the bundle's devices are under the unit" ||
	fail "--topology: the bundle's devices are missing"
grep -q "groups agree" "$tmp/out" && fail "--topology: compared with the topology's expected groups" ||
	pass "--topology: the topology's expected groups are not used for another table"
expect_exit 2 "--topology with a bundle directory to replay" "$isofuzz" replay --topology "$bundle" "$bundle"
expect_exit 2 "--topology naming no bundle" "$isofuzz" replay --topology "$tmp/none" "$tmp/dmar.dat"
if command -v iasl >/dev/null; then
	expect_exit 0 "replay an .asl source (compiled by iasl)" "$isofuzz" replay "$asl"
	cp "$asl" "$tmp/table.asl"
	(cd "$tmp" && iasl -p "$tmp/table" "$tmp/table.asl" >/dev/null 2>&1 </dev/null)
	expect_exit 0 "replay iasl's .aml" "$isofuzz" replay "$tmp/table.aml"
else
	echo "SKIP: iasl is not installed: .asl input not tested"
fi
for c in import collect; do
	expect_exit 0 "$c --help" "$isofuzz" $c --help
	expect_exit 2 "$c with an unknown option" "$isofuzz" $c --frob x
done
expect_exit 2 "import without files" "$isofuzz" import -o "$tmp/b"
finish
