#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The test command: set up and build, then run the ctest suite.
# Extra arguments go to ctest (e.g. -L qemu for the real-kernel boots).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/harness/setup.sh" "$build"
cd "$build"
ctest --output-on-failure -j2 -LE qemu "$@"
