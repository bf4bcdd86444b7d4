#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The fast check and Z3 agree on the whole corpus: every bundle under
# tests/ replayed with --solver=crosscheck, where Z3 enumerates every
# violation of every property and a set that differs from the fast
# check's is an internal error (exit 3).
set -u
isofuzz=$1 dir=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
for b in "$dir"/bundles/* "$dir"/bundles-amd/* "$dir"/handmade/*; do
	[ -d "$b/sys" ] || continue
	"$isofuzz" replay -q --solver=crosscheck "$b" >"$tmp/out" 2>&1 && got=0 || got=$?
	if [ "$got" -le 1 ] && ! grep -q "internal error" "$tmp/out"; then
		pass "$(basename "$b"): fast check = Z3 (exit $got)"
	else
		fail "$(basename "$b"): exit $got"; sed 's/^/    /' "$tmp/out"
	fi
done
finish
