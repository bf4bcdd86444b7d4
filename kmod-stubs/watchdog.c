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
 */
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>

#include "kshim_internal.h"

extern jmp_buf kshim_bug_jmp;
static volatile sig_atomic_t fired;

static void expired(int sig)
{
	fired = 1;
	longjmp(kshim_bug_jmp, 1);
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
	set_timer(KSHIM_WATCHDOG_SECONDS);
}

/* Stop the timer; whether it fired during the run. */
int kshim_watchdog_disarm(void)
{
	set_timer(0);
	return fired;
}
