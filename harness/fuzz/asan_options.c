// SPDX-License-Identifier: GPL-2.0-only
/*
 * ASan's defaults in the fuzz targets, and only there: a report in the
 * kernel's code (compiled with -fsanitize-recover=address) returns to
 * kernel_report.c instead of ending the process, as KASAN's kasan.fault=
 * report does in a real kernel; every report, not once per place
 * (suppress_equal_pcs), so that each run past one is known.  The harness's own code is compiled
 * without recovery and still stops at its first report.  ASAN_OPTIONS in
 * the environment overrides this (halt_on_error=1 restores the old
 * behaviour).
 */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "halt_on_error=0:suppress_equal_pcs=0";
}
