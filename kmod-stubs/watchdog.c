// SPDX-License-Identifier: GPL-2.0-only
/*
 * A run's CPU-time limit.  Kernel code fed a malformed table can loop for
 * ever (an IVRS block of length 0: every walk in drivers/iommu/amd/init.c
 * steps by the block's length); a real kernel hangs at boot there.  The run
 * ends like a BUG() instead: after KSHIM_WATCHDOG_SECONDS of CPU time the
 * timer's handler jumps back to the run, which reports the hang as the
 * run's failure.  The jump leaves the interrupted kernel code where it was,
 * which is safe for the loops this is meant for (no lock, no allocation in
 * progress); the run's state is then discarded as after any BUG().
 *
 * A hang is named by where it was: the handler keeps the interrupted stack
 * (backtrace() only walks it), and after the jump the kernel functions on
 * it are named, innermost first, as a sanitizer report's frames would be.
 */
#include <execinfo.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "kshim_internal.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/common_interface_defs.h>
#define HAVE_SYMBOLIZER 1
#endif
#endif

extern jmp_buf kshim_bug_jmp;
static volatile sig_atomic_t fired;
static void *stack[64];
static volatile int depth;

static void expired(int sig)
{
	fired = 1;
	depth = backtrace(stack, 64);
	longjmp(kshim_bug_jmp, 1);
}

/*
 * The kernel functions (a file of the tree the build compiled,
 * kshim_kernel_tree, as the finding signatures have it) on the stack the
 * watchdog interrupted, inlined ones included, innermost first: "f, g, h";
 * "" when unknown.
 */
void kshim_watchdog_where(char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = 0;
#ifdef HAVE_SYMBOLIZER
	for (int i = 0; i < depth && n + 1 < size; i++) {
		/* a return address points after its call: name the call */
		char *pc = (char *)stack[i] - (i > 0);
		char frames[4096];

		__sanitizer_symbolize_pc(pc, "%f %s", frames, sizeof(frames));
		/* one NUL-terminated string per inlined frame, then "" */
		for (char *f = frames; *f && f < frames + sizeof(frames); f += strlen(f) + 1) {
			char *sp = strchr(f, ' ');

			if (!sp || !strstr(sp, kshim_kernel_tree))
				continue;
			n += snprintf(buf + n, size - n, "%s%.*s", n ? ", " : "", (int)(sp - f), f);
			if (n >= size)
				return;
		}
	}
#endif
}

static void set_timer(int seconds)
{
	struct itimerval t = { .it_value = { .tv_sec = seconds } };

	setitimer(ITIMER_PROF, &t, NULL);
}

void kshim_watchdog_arm(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = expired;
	sa.sa_flags = SA_NODEFER;	/* not left blocked after the jump */
	sigaction(SIGPROF, &sa, NULL);
	fired = 0;
	depth = 0;
	/* backtrace() loads its unwinder on first use: not in the handler */
	if (!stack[0])
		backtrace(stack, 1);
	set_timer(KSHIM_WATCHDOG_SECONDS);
}

/* Stop the timer; whether it fired during the run. */
int kshim_watchdog_disarm(void)
{
	set_timer(0);
	return fired;
}
