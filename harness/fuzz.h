/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * isofuzz fuzz's campaigns, one per engine (fuzz_cmd.c libFuzzer,
 * fuzz_afl.c AFL++), and what they share: the progress line, and the end
 * of a campaign (crash artifacts in DIR/crashes signed by a rerun of the
 * libFuzzer target and written as findings, the summary, the exit status).
 */
#ifndef ISOFUZZ_FUZZ_H
#define ISOFUZZ_FUZZ_H

#include "seed.h"

void fuzz_progress(const char *findings, long elapsed, long rate, long cov, long corp);
/* DIR/crashes/{crash,timeout,oom}-*: findings (each once: NAME.done) */
void process_crashes(const char *target, enum seed_target kind, const char *dir);
int fuzz_finish(const char *target, enum seed_target kind, const char *dir, unsigned secs,
		long execs, long cov, long corp);

/*
 * An AFL++ campaign of target name (its AFL++ build) on DIR/corpus: jobs
 * afl-fuzz instances in DIR/afl, their queues and crashes brought back to
 * DIR/corpus and DIR/crashes at the end (or, if killed, at the next start).
 * lf_target: the libFuzzer build of the same target, for fuzz_finish.
 */
int afl_campaign(const char *lf_target, const char *name, enum seed_target kind,
		 const char *dir, unsigned secs, unsigned jobs);

#endif
