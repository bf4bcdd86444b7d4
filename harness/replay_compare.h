/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * verify-patch's comparison: many bundles or fuzz inputs replayed by one
 * build in one process (`replay --batch`), and one input's replays by two
 * builds compared: the lines only one side printed, and the violations
 * (group numbers aside, as they shift whenever grouping changes anywhere)
 * the patched side introduces or fixes.
 */
#ifndef ISOFUZZ_REPLAY_COMPARE_H
#define ISOFUZZ_REPLAY_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One replay: what it printed (stdout and stderr) and its exit status. */
struct replay_result {
	char *text;
	int status;
};

/*
 * Replay paths[0..n) with the isofuzz at bin (--input: fuzz inputs; fast:
 * --solver=fast, the fast check alone) into res[0..n), batched, the
 * build's kernel tree ktree named "KTREE" in them.  A replay that kills the process (a sanitizer report
 * from the kernel's code) is that input's result, status EXIT_INTERNAL;
 * the batch continues after it.  0, or -1 (message on stderr).
 */
int replay_batch(const char *bin, const char *ktree, char *const *paths, size_t n, bool inputs,
		 bool fast, struct replay_result *res);
void replay_results_release(struct replay_result *res, size_t n);

struct compare_tally {
	int compared, differ, introduced, fixed, errors;
	int known;	/* patched-only crashes the regression corpus explains */
};

/*
 * Compare base and patched replays of one input; when they differ print to
 * out "== LABEL: differs (exit B base, P patched)", the lines only one side
 * printed (not when quiet), and the violations introduced (always) and
 * fixed (not when quiet).  Returns the number of violations introduced
 * (a patched replay failing where the base one did not counts as one), or
 * -1 out of memory; *differs says whether they differ at all.
 */
int replay_compare(const char *label, const struct replay_result *base,
		   const struct replay_result *patched, bool quiet, FILE *out,
		   bool *differs, struct compare_tally *t);

#endif
