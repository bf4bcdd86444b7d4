#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# fuzz-kernel.sh ISOFUZZ TREE WORK: `isofuzz fuzz --kernel` runs its
# campaign on the code of the tree it is given.  A copy of TREE with its
# Makefile's SUBLEVEL changed to 999 is a tree no build of this project has
# seen: the campaign must build against it and run the fuzz target of that
# build, whose kernel version then reads 6.x.999 (the version the harness
# reports is read from the tree it compiled).
set -u
isofuzz=$1 tree=$2 work=$3
tmp=$work/tmp; rm -rf "$work"; mkdir -p "$tmp"
. "$(dirname "$0")/lib.sh"

cp -r "$tree" "$work/tree"
sed -i 's/^SUBLEVEL = .*/SUBLEVEL = 999/' "$work/tree/Makefile"
grep -qx "SUBLEVEL = 999" "$work/tree/Makefile" && pass "the copy's SUBLEVEL is 999" ||
	{ fail "sed did not apply"; finish; }
ver=$(sed -n 's/^VERSION = //p' "$work/tree/Makefile").$(sed -n 's/^PATCHLEVEL = //p' "$work/tree/Makefile").999
"$isofuzz" --version | grep -qF "$ver" && fail "this build already says $ver" ||
	pass "this build's kernel code is not $ver"

"$isofuzz" fuzz --kernel "$work/tree" --cache "$work/cache" --out "$work/campaign" --time 3 \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -le 1 ] && pass "the campaign ran (exit $rc)" ||
	{ fail "fuzz --kernel: exit $rc"; sed 's/^/    /' "$tmp/out" "$tmp/err" | tail -30; finish; }
build=$(sed -n "s|^fuzz: --kernel $work/tree: the harness built against it in ||p" "$tmp/out")
case $build in
"$work/cache/"*) pass "built in the cache: $build" ;;
*) fail "no build in $work/cache named"; sed 's/^/    /' "$tmp/out" | head ;;
esac
grep -qx "fuzz: kernel code from linux $ver" "$tmp/out" &&
	pass "the campaign ran the kernel code of linux $ver" ||
	{ fail "the campaign does not say linux $ver"; sed 's/^/    /' "$tmp/out" | head; }
"$build/harness/isofuzz" --version | grep -qF "linux $ver" && pass "that build's --version: $ver" ||
	fail "that build's --version is not $ver"
campaign_ran "$tmp/out" && pass "inputs were run" ||
	{ fail "no 'fuzz: done' with executions, no corpus growth"; grep '^fuzz: ' "$tmp/out" | tail -3; }
[ -n "$(ls "$work/campaign/corpus")" ] && pass "a corpus in $work/campaign" || fail "no corpus"
# every finding's report names the tree's version (none may be found in 3 s)
for r in "$work"/campaign/findings/*/report.txt; do
	[ -f "$r" ] || continue
	grep -qx "kernel code: linux $ver" "$r" && pass "$(basename "$(dirname "$r")"): linux $ver" ||
		fail "$r does not name linux $ver"
done

expect_exit 2 "--kernel that is neither tree nor version" \
	"$isofuzz" fuzz --kernel "$work/none" --cache "$work/cache" --out "$work/c2" --time 1
grep -q "neither a kernel tree directory" "$tmp/err" && pass "says why" || fail "no reason given"
mkdir -p "$work/empty"
expect_exit 2 "--kernel a directory that is no kernel tree" \
	"$isofuzz" fuzz --kernel "$work/empty" --cache "$work/cache" --out "$work/c2" --time 1
grep -q "not a kernel tree" "$tmp/err" && pass "says why" || fail "no reason given"
expect_exit 2 "--cache without --kernel" "$isofuzz" fuzz --cache "$work/cache" --out "$work/c2"
rm -rf "$work"
finish
