#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# oss-fuzz.sh TOP WORKDIR ENGINE: run harness/oss-fuzz/build.sh with the
# variables OSS-Fuzz's compile step sets for ENGINE (libfuzzer: clang,
# ASan, -fsanitize=fuzzer; afl: afl-clang-fast, ASan, AFL++'s driver as
# libFuzzingEngine.a) into a fresh $OUT, then check what it left there and
# run every target on a part of its seed corpus.
set -u
top=$1 dir=$2 engine=$3
tmp=$dir/tmp
rm -rf "$dir"; mkdir -p "$dir/out" "$dir/work" "$tmp"
. "$(dirname "$0")/lib.sh"
san="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION -fsanitize=address -fsanitize-address-use-after-scope"
cc=$(command -v clang || command -v clang-14)
case $engine in
libfuzzer)
	set -- CC="$cc" CXX="${cc%clang*}clang++" CFLAGS="$san -fsanitize=fuzzer-no-link" \
		CXXFLAGS="$san -fsanitize=fuzzer-no-link -stdlib=libc++" LIB_FUZZING_ENGINE=-fsanitize=fuzzer ;;
afl)
	command -v afl-clang-fast >/dev/null || { echo "SKIP: no afl-clang-fast (Debian: afl++)"; exit 77; }
	cp /usr/lib/afl/libAFLDriver.a "$dir/libFuzzingEngine.a"
	set -- CC=afl-clang-fast CXX=afl-clang-fast++ CFLAGS="$san" CXXFLAGS="$san" \
		LIB_FUZZING_ENGINE="$dir/libFuzzingEngine.a" AFL_QUIET=1 \
		ASAN_OPTIONS=detect_leaks=0:symbolize=0:detect_odr_violation=0:abort_on_error=1 ;;
esac
# only what the builder image's environment has
env -i PATH="$PATH" HOME="${HOME:-/root}" SANITIZER=address FUZZING_ENGINE="$engine" \
	SRC="$(dirname "$top")" WORK="$dir/work" OUT="$dir/out" "$@" \
	bash -eu "$top/harness/oss-fuzz/build.sh" >"$tmp/build" 2>&1 &&
	pass "build.sh ($engine)" || { fail "build.sh ($engine)"; tail -30 "$tmp/build"; finish; }
out=$dir/out
targets=$(cd "$top/harness/fuzz" && ls target_*.c | sed 's/^target_\(.*\)\.c$/fuzz_\1/')
for t in $targets; do
	[ -x "$out/$t" ] && pass "$t in \$OUT" || { fail "$t missing from \$OUT"; continue; }
	[ -s "$out/${t}_seed_corpus.zip" ] && [ -s "$out/$t.options" ] && pass "$t: seeds and options" ||
		fail "$t: no seed corpus or options"
	[ ! -f "$top/harness/oss-fuzz/${t#fuzz_}.dict" ] || cmp -s "$top/harness/oss-fuzz/${t#fuzz_}.dict" "$out/$t.dict" &&
		pass "$t: dictionary" || fail "$t: dictionary not in \$OUT"
	d=$out/$t.dict
	if [ "$engine" = libfuzzer ] && [ -f "$d" ]; then
		# every entry parses (libFuzzer counts what it read)
		mkdir -p "$tmp/empty"
		want=$(grep -c '^[a-z_0-9]*="' "$d")
		"$out/$t" -dict="$d" -runs=0 -artifact_prefix="$tmp/" "$tmp/empty" 2>&1 |
			grep -q "^Dictionary: $want entries" && pass "$t: $want dictionary entries" ||
			fail "$t: libFuzzer does not read $want entries from $d"
	fi
	ldd "$out/$t" | grep -q "libz3.*=> $out/lib/" && pass "$t: Z3 from \$OUT/lib" ||
		fail "$t: Z3 not found in \$OUT/lib"
	seeds=$tmp/seeds-$t
	mkdir -p "$seeds"
	(cd "$seeds" && unzip -q "$out/${t}_seed_corpus.zip")
	n=$(ls "$seeds" | wc -l)
	# at least every table of the target's kind in the project's bundles
	# (raw targets: DMAR, IVRS; the pipeline: DMAR)
	sig=$(echo "${t#fuzz_}" | tr a-z A-Z); [ "$sig" = PIPELINE ] && sig=DMAR
	floor=$(ls "$top"/tests/bundles*/*/sys/firmware/acpi/tables/$sig | wc -l)
	[ "$n" -ge "$floor" ] && pass "$t: $n seeds" || fail "$t: $n seeds, fewer than the $floor bundles' ${sig}s"
	# the first 20 seeds, each run once (mutations would find the kernel's
	# known crashes within a few hundred runs: not this test's business)
	ls "$seeds" | head -20 | while read -r s; do echo "$seeds/$s"; done > "$tmp/some"
	if [ "$engine" = libfuzzer ]; then
		xargs "$out/$t" -artifact_prefix="$tmp/" < "$tmp/some" >"$tmp/run" 2>&1 &&
			[ "$(grep -c '^Executed ' "$tmp/run")" -eq "$(wc -l < "$tmp/some")" ]
	else
		# AFL++'s driver runs the files it is given once each; and the
		# target carries AFL++'s instrumentation
		xargs "$out/$t" < "$tmp/some" >"$tmp/run" 2>&1 &&
			afl-showmap -q -o "$tmp/map" -- "$out/$t" < "$(head -1 "$tmp/some")" &&
			[ -s "$tmp/map" ]
	fi
	r=$?
	[ $r -eq 0 ] && pass "$t runs its seeds" || { fail "$t on its seeds: exit $r"; tail -20 "$tmp/run"; }
done
finish
