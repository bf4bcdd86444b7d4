#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# verdict.sh ISOFUZZ BUNDLE: replay BUNDLE and hold the verdict to
# BUNDLE/expected/verdict, written by hand from the rules in
# solver/README.md (never from the harness's output):
#   verdict: isolated | violation
#   property: P2            (violation: a property the output must name)
#   match: TEXT             (any number: text a violation line must contain)
#   # reasoning ...
set -u
isofuzz=$1 b=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
exp=$b/expected/verdict
verdict=$(sed -n 's/^verdict: *//p' "$exp")
case $verdict in
isolated) code=0 ;;
violation) code=1 ;;
*) echo "FAIL: $exp: no 'verdict:' line"; exit 1 ;;
esac
expect_exit "$code" "$(basename "$b"): $verdict" "$isofuzz" replay -q "$b"
for p in $(sed -n 's/^property: *//p' "$exp"); do
	if grep -q "^ *$p: " "$tmp/out"; then pass "$p named"; else fail "$p not named"; sed 's/^/    /' "$tmp/out"; fi
done
sed -n 's/^match: *//p' "$exp" > "$tmp/matches"
while IFS= read -r m; do
	if grep -qF -- "$m" "$tmp/out"; then pass "shows: $m"; else fail "missing: $m"; fi
done < "$tmp/matches"
# --json carries the same verdict
"$isofuzz" replay --json "$b" > "$tmp/json" 2>/dev/null
if grep -q "\"result\": \"$verdict\"" "$tmp/json"; then pass "--json: $verdict"; else fail "--json does not say $verdict"; fi
for p in $(sed -n 's/^property: *//p' "$exp"); do
	grep -q "\"property\": \"$p\"" "$tmp/json" && pass "--json names $p" || fail "--json lacks $p"
done
# isolated: no property may be violated, and the verdict line says so
[ "$code" -eq 0 ] && ! grep -q "violated" "$tmp/out" && pass "nothing violated"
finish
