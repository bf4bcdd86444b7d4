#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# lint.sh ISOFUZZ TESTS CORPUS REAL MODE: isofuzz lint.
#   cases   each hand-made table with one defect (tests/lint/*.asl,
#           corpus/dmar seeds compiled in CORPUS, tests/handmade-amd
#           bundles) gives exactly tests/lint/CASE.expected, the lines
#           reasoned from the specification (tests/lint/README.md);
#           QEMU's own tables lint clean (info only, exit 0);
#   usage   --help, bad input named with file and offset, exit 2;
#   corrupt the deliberately corrupted IVRS of REAL/IVRS is diagnosed by
#           lint (its checksum) and by import;
#   real    every table of REAL lints with exit 0 or 1: no crash, no
#           sanitizer report, no exit 2 or 3.
set -u
isofuzz=$1 tests=$2 corpus=$3 real=$4 mode=$5
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
rp=$tests/bundles/rp-acs

# lint_case NAME EXIT ARGS...: the output is tests/lint/NAME.expected
lint_case() {
	name=$1 want=$2
	shift 2
	expect_exit "$want" "$name" "$isofuzz" lint "$@"
	if diff -u "$tests/lint/$name.expected" "$tmp/out" > "$tmp/diff"; then
		pass "$name: the expected findings"
	else
		fail "$name: findings differ"; sed 's/^/    /' "$tmp/diff"
	fi
}

case $mode in
cases)
	for c in include-all-twice rmrr-ram rmrr-unaligned scope-type-mismatch; do
		lint_case "$c" 1 --topology "$rp" "$tests/lint/$c.asl"
	done
	for c in drhd-unaligned ioapic-unmapped overlapping-scopes scope-missing-device andd-unterminated; do
		lint_case "$c" 1 --topology "$rp" "$corpus/$c.dat"
	done
	for c in amd-alias-other-bus amd-block-51h amd-checksum amd-ioapic-missing; do
		lint_case "$c" 1 "$tests/handmade-amd/$c"
	done
	# QEMU's tables: clean but for the HPET no scope names (info)
	lint_case qemu-rp-acs 0 "$rp"
	lint_case qemu-amd-rp-acs 0 "$tests/bundles-amd/amd-rp-acs"
	lint_case qemu-dmar-alone 0 "$rp/sys/firmware/acpi/tables/DMAR"
	;;
usage)
	expect_exit 0 "lint --help" "$isofuzz" lint --help
	grep -q "^usage: isofuzz lint" "$tmp/out" && pass "--help prints the usage" || fail "--help: no usage"
	expect_exit 2 "no argument" "$isofuzz" lint
	expect_exit 2 "unknown option" "$isofuzz" lint --bogus "$rp"
	expect_exit 2 "missing file" "$isofuzz" lint "$tmp/none.dat"
	grep -q "none.dat" "$tmp/err" && pass "missing file named" || fail "missing file not named"
	printf 'APIC\044\0\0\0' > "$tmp/apic.dat"; head -c 28 /dev/zero >> "$tmp/apic.dat"
	expect_exit 2 "another signature" "$isofuzz" lint "$tmp/apic.dat"
	grep -q 'apic.dat:offset 0: signature "APIC"' "$tmp/err" && pass "signature diagnosed at offset 0" ||
		{ fail "signature not diagnosed"; cat "$tmp/err"; }
	head -c 40 "$rp/sys/firmware/acpi/tables/DMAR" > "$tmp/short.dat"
	expect_exit 2 "a cut table" "$isofuzz" lint "$tmp/short.dat"
	grep -q 'short.dat:offset 4: length field' "$tmp/err" && pass "cut table diagnosed at offset 4" ||
		{ fail "cut table not diagnosed"; cat "$tmp/err"; }
	expect_exit 0 "--quiet" "$isofuzz" lint --quiet "$rp"
	[ -s "$tmp/out" ] && fail "--quiet printed something" || pass "--quiet prints nothing"
	expect_exit 1 "--quiet, findings" "$isofuzz" lint --quiet "$tests/handmade-amd/amd-checksum"
	;;
corrupt)
	bad=$real/IVRS/fwts__fwts-test__ivrs-0001__acpidump-0002.log.dat
	[ -f "$bad" ] || { echo "SKIP: $bad is absent (the real-tables data set is not on this machine)"; exit 0; }
	expect_exit 1 "lint: corrupted IVRS" "$isofuzz" lint "$bad"
	grep -q "^error IVRS+0x9: checksum 0x6c is wrong: the bytes sum to 0x35, not 0 .*(acpi-checksum)$" "$tmp/out" &&
		pass "lint names the wrong checksum" || { fail "lint: checksum not diagnosed"; cat "$tmp/out"; }
	grep -q "IVRSReservedBitsNonZero" "$tmp/out" && pass "lint names the reserved bits" ||
		fail "lint: reserved bits not diagnosed"
	printf '00:00.0 Host bridge [0600]: Intel Corporation 440FX [8086:1237] (rev 02)\n' > "$tmp/lspci"
	expect_exit 0 "import: corrupted IVRS kept" "$isofuzz" import -o "$tmp/b" "$bad" "$tmp/lspci"
	grep -q "ivrs-0001__acpidump-0002.log.dat:offset 0: warning: IVRS checksum 0x6c is wrong" "$tmp/err" &&
		pass "import names the wrong checksum" || { fail "import: checksum not diagnosed"; cat "$tmp/err"; }
	;;
real)
	[ -d "$real" ] || { echo "SKIP: $real is absent (the real-tables data set is not on this machine)"; exit 0; }
	n=0 clean=0 flagged=0
	for t in "$real"/DMAR/* "$real"/IVRS/*; do
		[ -f "$t" ] || continue
		n=$((n + 1))
		"$isofuzz" lint "$t" >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
		if grep -qE 'Sanitizer|runtime error' "$tmp/err" || [ "$rc" -gt 1 ]; then
			fail "$(basename "$t"): exit $rc"; head -5 "$tmp/err" | sed 's/^/    /'
		elif [ "$rc" -eq 1 ]; then
			flagged=$((flagged + 1))
			sed -n 's/.*(\([^)]*\))$/\1/p' "$tmp/out" >> "$tmp/checks"
		else
			clean=$((clean + 1))
		fi
	done
	[ "$n" -gt 0 ] || fail "no tables in $real"
	pass "$n real tables: $clean clean, $flagged with findings"
	[ -s "$tmp/checks" ] && sort "$tmp/checks" | uniq -c | sort -rn | head -12
	;;
esac
finish
