// SPDX-License-Identifier: GPL-2.0-only
/*
 * A sanitizer report in the kernel's code during a replay.  ASan and UBSan
 * end the process after their report (no recovery: the kernel's state is
 * gone), with their own exit status, 1, which replay uses for "violation".
 * While the kernel's code runs, their death callback ends it instead as a
 * replay ends on a kernel BUG(): one line naming the kernel function, the
 * finding's signature as `isofuzz fuzz` would sign it, exit 3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash_report.h"
#include "diag.h"
#include "finding.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_SANITIZER_CALLBACKS 1
#endif
#endif

#ifdef HAVE_SANITIZER_CALLBACKS
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>

static const char *crash_what;
static char crash_text[65536];

/* ASan hands over its whole report: kept to sign it */
static void keep_report(const char *report)
{
	snprintf(crash_text, sizeof(crash_text), "%s", report);
}

static void died(void)
{
	char sig[256] = "";

	if (crash_text[0])
		finding_crash_signature("crash", crash_text, sig, sizeof(sig));
	fprintf(stderr, "isofuzz: %s: the kernel code crashed%s%s (the sanitizer's report above)\n",
		crash_what, sig[0] ? ": " : "", sig);
	_exit(EXIT_INTERNAL);
}

void crash_report_arm(const char *what)
{
	crash_what = what;
	crash_text[0] = 0;
	__asan_set_error_report_callback(keep_report);
	__sanitizer_set_death_callback(died);
}

void crash_report_disarm(void)
{
	/* a report after the run (a leak at exit) is the harness's own */
	__sanitizer_set_death_callback(NULL);
	__asan_set_error_report_callback(NULL);
}
#else
void crash_report_arm(const char *what)
{
	(void)what;
}

void crash_report_disarm(void)
{
}
#endif
