#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# isofuzz replay --dot/--svg/--png on a golden bundle.  The picture is
# checked against sources other than the harness: the groups against the
# real kernel's (expected/iommu_groups), the names and ACS capabilities
# against what lspci prints for the same config space, the red edges
# against the verdict's violations; Graphviz must render it (skipped with a
# message when Graphviz is absent).
set -u
isofuzz=$1 b=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

"$isofuzz" replay --dot "$tmp/g.dot" "$b" > "$tmp/text" 2>&1
rc=$?
[ -s "$tmp/g.dot" ] && pass "--dot wrote a graph (replay exit $rc)" || fail "--dot wrote nothing"

# each expected group is one cluster holding exactly its functions
awk '/subgraph cluster_g/ { g = $2 } /^  }/ { g = "" } g && /^    "/ { split($0, q, "\""); print g, q[2] }' \
	"$tmp/g.dot" | sort > "$tmp/members"
ok=yes
while read -r n devs; do
	c=$(for dev in $devs; do awk -v d="$dev" '$2 == d { print $1 }' "$tmp/members"; done | sort -u)
	[ "$(echo "$c" | wc -w)" -eq 1 ] && [ "$(awk -v c="$c" '$1 == c' "$tmp/members" | wc -l)" -eq "$(echo "$devs" | wc -w)" ] ||
		{ ok=no; echo "    group $n ($devs) is not one cluster"; }
done < "$b/expected/iommu_groups"
[ "$ok" = yes ] && pass "each of the real kernel's groups is one cluster" || fail "clusters differ from the groups"

if command -v lspci >/dev/null; then
	for dev in "$b"/sys/bus/pci/devices/*; do
		echo "$(basename "$dev") dump"
		od -An -v -tx1 -w16 "$dev/config" | awk '{ o = (NR - 1) * 16; printf(o < 256 ? "%02x:%s\n" : "%03x:%s\n", o, $0) }'
		echo
	done > "$tmp/dump"
	ok=yes acs=0
	for dev in $(ls "$b/sys/bus/pci/devices"); do
		name=$(lspci -F "$tmp/dump" -s "$dev" 2>/dev/null | sed 's/^[0-9a-f:.]* [^:]*: //; s/ (rev [0-9a-f]*)$//; s/ (prog-if.*//')
		line=$(grep "^    \"$dev\" \[label=" "$tmp/g.dot")
		case $line in *"$name"*) ;; *) ok=no; echo "    $dev: no '$name' in its label" ;; esac
		if lspci -F "$tmp/dump" -s "$dev" -vvv 2>/dev/null | grep -q 'Access Control Services'; then
			acs=$((acs + 1))
			case $line in *"ACS"*peripheries=2*) ;; *) ok=no; echo "    $dev: ACS capable, not marked" ;; esac
		else
			case $line in *peripheries=2*) ok=no; echo "    $dev: marked ACS without the capability" ;; esac
		fi
	done
	[ "$ok" = yes ] && pass "names as lspci prints them; the $acs ACS-capable functions marked" ||
		fail "names or ACS marks differ from lspci's"
else
	echo "skip: lspci not installed: names and ACS marks not checked against it"
fi

# counterexamples: a red edge for each pair the verdict names
pairs=$(grep -c '^    P[1-6]: .* (group [0-9]*) .* (group [0-9]*)' "$tmp/text")
red=$(grep -c 'color=red, fontcolor=red, penwidth=2, constraint=false' "$tmp/g.dot")
[ "$pairs" -gt 0 ] && [ "$red" -ge "$pairs" ] && pass "$red red edges for the $pairs violations shown" ||
	fail "red edges $red, violations shown $pairs"

if command -v dot >/dev/null; then
	dot -Tsvg "$tmp/g.dot" -o "$tmp/g.svg" 2> "$tmp/err" && [ -s "$tmp/g.svg" ] &&
		pass "Graphviz renders it" || { fail "dot -Tsvg"; cat "$tmp/err"; }
	"$isofuzz" replay --svg "$tmp/r.svg" --png "$tmp/r.png" "$b" > /dev/null 2>&1
	grep -q '<svg' "$tmp/r.svg" && [ "$(head -c 4 "$tmp/r.png" | od -An -c | tr -d ' ')" = "211PNG" ] &&
		pass "--svg and --png" || fail "--svg/--png"
else
	echo "skip: Graphviz (dot) not installed: rendering not checked"
fi
PATH=/nonexistent expect_exit 2 "--svg without Graphviz on PATH" "$isofuzz" replay --svg "$tmp/x.svg" "$b"
grep -q "needs Graphviz" "$tmp/err" && pass "says Graphviz is needed" || fail "no word of Graphviz"
expect_exit 2 "--dot with two bundles" "$isofuzz" replay --dot "$tmp/x.dot" "$b" "$b"
finish
