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
want=$(sed -n 's/^verdict: *//p' "$exp")
case $want in
isolated) code=0 ;;
violation) code=1 ;;
*) echo "FAIL: $exp: no 'verdict:' line"; exit 1 ;;
esac
expect_exit "$code" "$(basename "$b"): $want" "$isofuzz" replay -q "$b"
for p in $(sed -n 's/^property: *//p' "$exp"); do
	if grep -q "^ *$p: " "$tmp/out"; then pass "$p named"; else fail "$p not named"; sed 's/^/    /' "$tmp/out"; fi
done
sed -n 's/^match: *//p' "$exp" > "$tmp/matches"
while IFS= read -r m; do
	if grep -qF -- "$m" "$tmp/out"; then pass "shows: $m"; else fail "missing: $m"; fi
done < "$tmp/matches"
# isolated: no property may be violated, and the verdict line says so
[ "$code" -eq 0 ] && ! grep -q "violated" "$tmp/out" && pass "nothing violated"
finish
