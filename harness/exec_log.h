/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * When a campaign first ran each input.  libFuzzer's fork mode copies a
 * job's new inputs into the corpus only when the job ends (jobs last up to
 * minutes), so the corpus files' times say little; instead the pipeline
 * target, when ISOFUZZ_EXEC_LOG names a file, appends "HASH MS" for every
 * input it runs (HASH: fnv1a of the bytes, MS: CLOCK_MONOTONIC in
 * milliseconds, one clock for all jobs).  verify-patch reads it to say how
 * long the patched campaign took to produce an input.  One write per line
 * on an O_APPEND file: the jobs' lines never interleave.
 */
#ifndef ISOFUZZ_EXEC_LOG_H
#define ISOFUZZ_EXEC_LOG_H

#include <stddef.h>
#include <stdint.h>

#define EXEC_LOG_ENV "ISOFUZZ_EXEC_LOG"

/* CLOCK_MONOTONIC in milliseconds */
uint64_t exec_log_now_ms(void);

/* The target's side: note one input (nothing unless EXEC_LOG_ENV is set). */
void exec_log_note(const uint8_t *data, size_t size);

/* The reader's side: each hash's first time. */
struct exec_log {
	uint64_t *keys, *ms;		/* open addressing; key 0 is "empty" */
	size_t cap, nr;
};

/* Read path (missing: empty log); 0, or -1 out of memory. */
int exec_log_read(struct exec_log *l, const char *path);
/* The first time hash was run, or UINT64_MAX when never. */
uint64_t exec_log_first(const struct exec_log *l, uint64_t hash);
void exec_log_release(struct exec_log *l);

#endif
