# SPDX-License-Identifier: GPL-2.0-only
# Shared by the test scripts: a check that prints what it checked.
fails=0
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
finish() { [ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }; }
# expect_exit WANT DESCRIPTION CMD...: run CMD, compare its exit status
expect_exit() {
	want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" && got=0 || got=$?
	if [ "$got" -eq "$want" ]; then pass "$what (exit $got)"; else
		fail "$what: exit $got, want $want"; sed 's/^/    /' "$tmp/out" "$tmp/err"; fi
}
