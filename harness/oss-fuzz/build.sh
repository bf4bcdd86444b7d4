#!/bin/bash -eu
# SPDX-License-Identifier: GPL-2.0-only
#
# harness/oss-fuzz/build.sh: the fuzz targets as OSS-Fuzz and
# ClusterFuzzLite build them.  Reads only what those systems set: $CC
# $CFLAGS (sanitizer and coverage flags), $LIB_FUZZING_ENGINE (libFuzzer's
# -fsanitize=fuzzer, or AFL++'s driver with CC=afl-clang-fast), $OUT,
# $WORK, $SRC ($CXX and $CXXFLAGS: isofuzz has no C++).  The builder image
# needs the Debian packages of harness/setup.sh (cmake, libz3-dev,
# libpci-dev, acpica-tools, xz-utils, zip) and linux-source-6.12.
#
# Into $OUT, for each harness/fuzz/target_NAME.c: fuzz_NAME, its seeds
# fuzz_NAME_seed_corpus.zip (isofuzz fuzz --seeds-only), fuzz_NAME.dict
# (harness/oss-fuzz/NAME.dict) and fuzz_NAME.options; and lib/, the shared
# libraries the runner image lacks (Z3, pciutils), found through the
# targets' $ORIGIN/lib run path.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
[ -f "$top/harness/fuzz_cmd.c" ] || top=$SRC/isofuzz
build=$WORK/isofuzz-build
# $CFLAGS reach the build's own tools too (kextract, hextable, isofuzz
# --seeds-only): a tool's exit-time leak is no reason to fail the build
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

# The project's own sanitizer flags and its coverage flags give way to
# $CFLAGS; the AFL++ sub-build and custom mutator are for isofuzz fuzz only.
cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$CFLAGS" \
	-DISOFUZZ_SANITIZE=OFF -DISOFUZZ_FUZZ_INSTRUMENT= -DISOFUZZ_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" \
	-DISOFUZZ_AFL=OFF -DCMAKE_BUILD_RPATH='$ORIGIN/lib'
cmake --build "$build" -j"$(nproc)" --target fuzz-targets isofuzz corpus

mkdir -p "$OUT/lib"
for t in "$build"/harness/fuzz_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	cp "$t" "$OUT/$name"
	seeds=$WORK/seeds-$name
	rm -rf "$seeds"
	"$build/harness/isofuzz" fuzz --out "$seeds" --target "${name#fuzz_}" --seeds-only >/dev/null
	rm -f "$OUT/${name}_seed_corpus.zip"
	(cd "$seeds/corpus" && zip -q -r "$OUT/${name}_seed_corpus.zip" .)
	[ ! -f "$here/${name#fuzz_}.dict" ] || cp "$here/${name#fuzz_}.dict" "$OUT/$name.dict"
	# as isofuzz fuzz runs libFuzzer
	printf '[libfuzzer]\nmax_len = 65536\ntimeout = 5\n' > "$OUT/$name.options"
	# what the runner image has: the C runtime, libstdc++, libgcc
	ldd "$t" | awk '$3 ~ /^\// { print $3 }' |
		grep -Ev '/(libc|libm|libdl|libpthread|librt|libstdc\+\+|libgcc_s|ld-linux[^/]*)\.so' |
		xargs -r cp -L -t "$OUT/lib"
done
