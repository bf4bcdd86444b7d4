#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# bench/profile.sh [BUILD_DIR] [PASSES]: where bench_throughput's time goes,
# sampled by perf (Debian: linux-perf).  Each sample of the timed passes is
# put in the stage its stack is in (the innermost of throughput.c's __wrap_
# frames) and charged to the code of its leaf frame: the kernel's compiled
# functions (kmod-stubs' kernel_code objects), the shim, the grammar
# engine, the solver, the harness, the sanitizer and libFuzzer runtime
# (hooks the instrumented code calls, allocator), libc, Z3, or the OS
# (system calls, page faults).  This is what decides which part of a run
# bench_throughput calls "the kernel code": the stage "kernel code" should
# be mostly the kernel's functions and what they call.
#
# Shim helpers the kernel code inlines (static inlines of the shim headers)
# count as the kernel's; inlined kernel helpers in shim files as the shim's.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
passes=${2:-15}
bench=$build/bench/bench_throughput
command -v perf >/dev/null || { echo "profile.sh: perf not found (apt-get install linux-perf)" >&2; exit 2; }
[ -x "$bench" ] || { echo "profile.sh: $bench: not built" >&2; exit 2; }

tmp=$(mktemp -d /tmp/isofuzz-profile.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# symbol -> which part of the project defines it
for part in kernel:kmod-stubs/CMakeFiles/kernel_code.dir shim:kmod-stubs/CMakeFiles/kshim.dir \
	    grammar:grammars/CMakeFiles/grammars.dir solver:solver/CMakeFiles/solver.dir \
	    harness:harness/CMakeFiles/harness.dir harness:bench/CMakeFiles/bench_throughput.dir; do
	find "$build/${part#*:}" -name '*.o' -exec nm --defined-only {} + 2>/dev/null |
		awk -v p="${part%%:*}" 'NF == 3 && $2 ~ /[tTwW]/ { print $3, p }'
done > "$tmp/parts"

perf record -q -F 2999 -g -o "$tmp/perf.data" -- "$bench" -p "$passes" >/dev/null 2>&1
perf script -i "$tmp/perf.data" -F ip,sym,dso 2>/dev/null | awk -v parts="$tmp/parts" '
BEGIN {
	while ((getline l < parts) > 0) {
		split(l, f, " ")
		if (f[1] in part && part[f[1]] != f[2])
			part[f[1]] = part[f[1]] == "kernel" || f[2] == "kernel" ? "kernel?" : part[f[1]]
		else
			part[f[1]] = f[2]
	}
	stage["__wrap_g_platform_from_input"] = "decode"
	stage["__wrap_g_build"] = "g_build"
	stage["__wrap_kshim_run"] = "shim set-up+observe+teardown"
	stage["__wrap_solver_check"] = "fast check (and Z3)"
	stage["__wrap_finding_write"] = "finding write"
	split("kshim_parse_cmdline pci_request_acs kshim_enumerate kshim_probe_groups " \
	      "kshim_vtd_early kshim_vtd_late kshim_amd_detect kshim_amd_late", k, " ")
	for (i in k)
		stage["__wrap_" k[i]] = "kernel code"
	ncols = split("kernel shim runtime libc OS grammar solver z3 harness other", cols, " ")
}
function code(sym, dso) {
	if (dso ~ /kernel\.kallsyms/) return "OS"
	if (dso ~ /libc\.so|ld-linux/) return "libc"
	if (dso ~ /libz3/) return "z3"
	if (sym in part) return part[sym] == "kernel?" ? "kernel" : part[sym]
	if (sym ~ /^(__asan|__ubsan|__sanitizer|__interceptor|__lsan|_ZN6__asan|_ZN11__sanitizer|_ZN7__ubsan|_ZN6fuzzer)/ || \
	    dso ~ /bench_throughput/) return "runtime"
	return "other"
}
function flush(   st, where, i) {
	if (!n) return
	st = ""
	where = 0
	for (i = 1; i <= n; i++) {
		if (st == "" && (sy[i] in stage)) st = stage[sy[i]]
		if (sy[i] == "run_pass") where = 1
	}
	if (where) {
		if (st == "") st = "target glue"
		c = code(sy[1], ds[1])
		cell[st, c]++
		row[st]++
		total++
		if (st == "kernel code") {
			leaf[sy[1] " (" c ")"]++
			# the nearest frame of the project: whose call the time is
			for (i = 1; i <= n; i++) {
				o = code(sy[i], ds[i])
				if (o ~ /^(kernel|shim|grammar|solver|harness)$/)
					break
			}
			owner[i <= n ? o : "other", c]++
		}
	} else
		outside++
	n = 0
}
/^[ \t]*$/ { flush(); next }
{
	n++
	ds[n] = $NF
	sy[n] = $2
}
END {
	flush()
	if (!total) { print "profile.sh: no samples in the timed passes"; exit 1 }
	printf "%d samples in the timed passes (%d outside them: start-up, seeds, crash screening)\n", total, outside
	printf "%% of the samples, by stage (rows) and by the code the time is spent in (columns):\n"
	printf "%-30s", "stage"
	for (i = 1; i <= ncols; i++) printf " %7s", cols[i]
	printf " %7s\n", "total"
	nst = split("decode|g_build|shim set-up+observe+teardown|kernel code|fast check (and Z3)|finding write|target glue", order, "|")
	for (s = 1; s <= nst; s++) {
		if (!(order[s] in row)) continue
		printf "%-30s", order[s]
		for (i = 1; i <= ncols; i++) printf " %7.1f", 100 * cell[order[s], cols[i]] / total
		printf " %7.1f\n", 100 * row[order[s]] / total
	}
	printf "\nthe stage \"kernel code\", %% of its %d samples by the nearest frame of the project\n", row["kernel code"]
	printf "(rows: whose call it is) and by the code of the leaf frame (columns):\n"
	printf "%-30s", "nearest project frame"
	for (i = 1; i <= ncols; i++) printf " %7s", cols[i]
	printf "\n"
	split("kernel shim harness other", own, " ")
	for (r = 1; r <= 4; r++) {
		printf "%-30s", own[r]
		for (i = 1; i <= ncols; i++) printf " %7.1f", 100 * owner[own[r], cols[i]] / row["kernel code"]
		printf "\n"
	}
	printf "\nthe stage \"kernel code\": its samples by leaf function (top 20)\n"
	for (l in leaf) printf "%6.1f%%  %s\n", 100 * leaf[l] / row["kernel code"], l | "sort -rn | head -20"
}'
