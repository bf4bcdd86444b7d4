# SPDX-License-Identifier: GPL-2.0-only
# Shared by the test scripts: a check that prints what it checked.
fails=0
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
finish() { [ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }; }

# campaign_ran OUT: an isofuzz fuzz campaign's output (OUT) says it ran
# inputs.  libFuzzer's fork mode counts a job's executions when the job
# ends, which on a loaded machine may be after a short campaign (CI saw a
# 3 s campaign end with "0 execs" and ten findings).  So any of: counted
# executions; inputs added to the corpus beyond the seeds; a finding, new
# or known, which is an input the target ran.
campaign_ran() {
	seeds=$(sed -n 's/^fuzz: \([0-9]*\) seeds in.*/\1/p' "$1" | head -1)
	corpus=$(sed -n 's/^fuzz: done: .* corpus \([0-9]*\) .*/\1/p' "$1")
	found=$(sed -n 's/^fuzz: done: .* findings: new \([0-9]*\) known \([0-9]*\) .*/\1 + \2/p' "$1")
	grep -q "^fuzz: done: [1-9][0-9]* execs" "$1" ||
		{ [ -n "$seeds" ] && [ "${corpus:-0}" -gt "$seeds" ]; } ||
		{ [ -n "$found" ] && [ $(($found)) -gt 0 ]; }
}
# expect_exit WANT DESCRIPTION CMD...: run CMD, compare its exit status
expect_exit() {
	want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" && got=0 || got=$?
	if [ "$got" -eq "$want" ]; then pass "$what (exit $got)"; else
		fail "$what: exit $got, want $want"; sed 's/^/    /' "$tmp/out" "$tmp/err"; fi
}
# log_lines_match NAME BUNDLE REGEX [EXCLUDE]: the replay's log lines
# matching REGEX ($tmp/out) are the real kernel's (BUNDLE/expected/dmesg,
# timestamps stripped), leaving out the real lines matching EXCLUDE
log_lines_match() {
	sed 's/^\[[^]]*\] //' "$2/expected/dmesg" | grep -E "$3" |
		grep -Ev "${4:-^\$^}" > "$tmp/want"
	grep -E "$3" "$tmp/out" > "$tmp/got"
	if diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
		pass "$1: log lines are the real kernel's ($(wc -l < "$tmp/want") lines)"
	else
		fail "$1: log lines differ from expected/dmesg"; sed 's/^/    /' "$tmp/diff"
	fi
}
# table_bundle TOPOLOGY DIR: a bundle in DIR with TOPOLOGY's PCI functions,
# MADT and command line, and no firmware IOMMU table yet
table_bundle() {
	mkdir -p "$2/sys/firmware/acpi/tables" "$2/sys/bus/pci" "$2/proc"
	cp -r "$1/sys/bus/pci/devices" "$2/sys/bus/pci/"
	cp "$1/sys/firmware/acpi/tables/APIC" "$2/sys/firmware/acpi/tables/"
	cp "$1/proc/cmdline" "$2/proc/cmdline"
}
# expected/verdict (written by hand from solver/README.md's rules):
#   verdict: isolated | violation
#   property: P2            (violation: a property the output must name)
#   match: TEXT             (any number: text the output must contain)
# verdict_exit FILE: the replay exit status it implies (0, or 1 for a
# violation); a missing file is an isolated verdict
verdict_exit() {
	grep -q "^verdict: violation" "$1" 2>/dev/null && echo 1 || echo 0
}
# verdict_lines FILE NAME: $tmp/out names FILE's properties as violated and
# contains its match lines
verdict_lines() {
	for p in $(sed -n 's/^property: *//p' "$1" 2>/dev/null); do
		grep -q "^  $p .*: violated" "$tmp/out" && pass "$2: $p violated" ||
			{ fail "$2: $p not violated"; sed 's/^/    /' "$tmp/out"; }
	done
	sed -n 's/^match: *//p' "$1" 2>/dev/null > "$tmp/matches"
	while IFS= read -r m; do
		grep -qF -- "$m" "$tmp/out" && pass "$2: shows '$m'" || fail "$2: missing '$m'"
	done < "$tmp/matches"
}
# golden_check BUNDLE REGEX EXCLUDE IR: a golden bundle replays to the real
# kernel's groups, log lines (log_lines_match) and "interrupt remapping:" IR
golden_check() {
	# exit 1 only for the violation expected/verdict reasons (verdict.sh
	# checks which); a difference in groups fails
	expect_exit "$(verdict_exit "$1/expected/verdict")" "$(basename "$1") replays" "$isofuzz" replay --log "$1"
	grep -q "^groups differ" "$tmp/out" && fail "$(basename "$1"): groups differ from the real kernel's"
	log_lines_match "$(basename "$1")" "$1" "$2" "$3"
	grep -qx "interrupt remapping: $4" "$tmp/out" && pass "$(basename "$1"): interrupt remapping: $4" ||
		fail "$(basename "$1"): want 'interrupt remapping: $4', got '$(grep '^interrupt remapping' "$tmp/out")'"
}
# real_tables DIR TOPOLOGY: skip the test when DIR is absent, else make the
# bundle $b (table_bundle) that each table of DIR is tried in
real_tables() {
	if [ ! -d "$1" ]; then
		echo "SKIP: $1 is absent (the real-tables data set is not on this machine)"
		exit 0
	fi
	b=$tmp/bundle
	table_bundle "$2" "$b"
}
