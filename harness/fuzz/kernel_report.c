// SPDX-License-Identifier: GPL-2.0-only
/*
 * An ASan report in the kernel's code, in the fuzz targets only.
 *
 * A kernel built with KASAN reports a bad access and carries on
 * (kasan.fault=report, its default).  The fuzz targets do the same for the
 * compiled kernel code: kmod-stubs compiles it with
 * -fsanitize-recover=address and asan_options.c sets halt_on_error=0, so
 * that a report no longer ends the fuzzing process.  Before, each one (the
 * kernel's heap overflow in ir_parse_one_ioapic_scope is a mutation away
 * from most seeds) ended a libFuzzer fork-mode job, and the restarts (a
 * new process, ASan's quarantine faulted in again, the job's seeds
 * replayed and its "new" units written again) cost more than the fuzzing.
 *
 * ASan calls report() once it has printed a report:
 *  - no frame in the kernel's code (the harness's own code, or a libc
 *    interceptor the harness called), or outside kshim_run: abort(), and
 *    libFuzzer keeps the input as before.  The harness's code is compiled
 *    without recovery: its own checks never return anyway.
 *  - in the kernel's code: the finding is written here, signed as
 *    `isofuzz fuzz` signs libFuzzer's crash artifacts
 *    (finding_crash_signature), deduplicated by finding_write, with the
 *    report as its log.  Then:
 *  - a READ: the run goes on to its end, the kernel having read a
 *    redzone's bytes where a KASAN kernel reads whatever lies past its
 *    object, but it is not judged (kernel_report_disarm says so): the
 *    report is its finding, and a verdict on it would not replay, since
 *    `isofuzz replay` stops at the report.  asan_options.c turns off ASan's
 *    once-per-place suppression so that every such run is told apart.
 *  - anything else (a WRITE, a bad free): the process exits with ASan's
 *    status before the access is made (ASan checks before the store), so a
 *    wild write never corrupts the harness's state; fork mode starts a
 *    fresh job.
 * UBSan stays non-recoverable everywhere.  `isofuzz replay`, the tests and
 * the benches keep ASan's halt_on_error=1 and stop at the first report
 * (bench_throughput links this file, not asan_options.c: ASan then halts
 * after report() has written the finding).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernel_report.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif

#ifdef HAVE_ASAN
#include <sanitizer/asan_interface.h>

static const struct finding *armed;
static const char *armed_dir;
static int reported;

static void report(const char *text)
{
	struct finding f;
	char sig[256];
	int read = strstr(text, "\nREAD of size ") != NULL;

	finding_crash_signature("crash", text, sig, sizeof(sig));
	if (!armed || strncmp(sig, "crash-kernel-", 13))
		abort();
	reported = 1;
	f = *armed;
	f.signature = sig;
	f.what = read ? "an ASan report in the kernel's code, a bad read (the log below); "
			"the run went on" :
			"an ASan report in the kernel's code (the log below); the process "
			"stopped before the access";
	f.log = text;
	f.log_len = strlen(text);
	if (armed_dir) {
		int ret = finding_write(armed_dir, &f);

		if (ret == 1)
			fprintf(stderr, "isofuzz-finding: %s\n", sig);
		if (ret < 0 && !read)
			abort();
	} else if (!read) {
		/* nowhere to write it: libFuzzer's artifact keeps the input */
		abort();
	}
	if (!read)
		_exit(1);
}

/* from the start: a harness report before the first run must stop too */
__attribute__((constructor)) static void install(void)
{
	__asan_set_error_report_callback(report);
}

void kernel_report_arm(const struct finding *run, const char *findings)
{
	armed = run;
	armed_dir = findings;
	reported = 0;
}

int kernel_report_disarm(void)
{
	armed = NULL;
	return reported;
}
#else
void kernel_report_arm(const struct finding *run, const char *findings)
{
	(void)run;
	(void)findings;
}

int kernel_report_disarm(void)
{
	return 0;
}
#endif
