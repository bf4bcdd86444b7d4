#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# verdict.sh ISOFUZZ BUNDLE: replay BUNDLE and hold the verdict to
# BUNDLE/expected/verdict, written by hand from the rules in
# solver/README.md, never from the harness's output (format: lib.sh)
set -u
isofuzz=$1 b=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
exp=$b/expected/verdict
verdict=$(sed -n 's/^verdict: *//p' "$exp")
case $verdict in
isolated|violation) ;;
*) echo "FAIL: $exp: no 'verdict:' line"; exit 1 ;;
esac
code=$(verdict_exit "$exp")
expect_exit "$code" "$(basename "$b"): $verdict" "$isofuzz" replay -q "$b"
verdict_lines "$exp" "$(basename "$b")"
# --json carries the same verdict
"$isofuzz" replay --json "$b" > "$tmp/json" 2>/dev/null
if grep -q "\"result\": \"$verdict\"" "$tmp/json"; then pass "--json: $verdict"; else fail "--json does not say $verdict"; fi
for p in $(sed -n 's/^property: *//p' "$exp"); do
	grep -q "\"property\": \"$p\"" "$tmp/json" && pass "--json names $p" || fail "--json lacks $p"
done
# isolated: no property may be violated, and the verdict line says so
[ "$code" -eq 0 ] && ! grep -q "violated" "$tmp/out" && pass "nothing violated"
finish
