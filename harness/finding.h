/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Findings of a fuzz campaign: one directory per property and signature
 * under FINDINGS/, each a replayable bundle plus the fuzz input that made
 * it and a report.txt a person reads first.  Written to a temporary
 * directory and renamed into place, so a killed campaign never leaves half
 * a finding, and concurrent jobs finding the same thing keep one.
 */
#ifndef ISOFUZZ_FINDING_H
#define ISOFUZZ_FINDING_H

#include <stddef.h>
#include <stdint.h>

#include <isofuzz/platform.h>

#include "grammar.h"
#include "solver.h"

/* "P2-kernel-switch-port-without-acs-endpoint-endpoint" into buf */
void finding_signature(const struct sv_verdict *v, const struct observation *obs,
		       char *buf, size_t size);

struct finding {
	const char *signature;		/* directory name: property + signature */
	const struct platform *platform;
	const struct g_node *tree;	/* the platform as the grammar sees it, or NULL */
	const uint8_t *input;		/* the fuzz input, or NULL */
	size_t input_len;
	const struct sv_verdict *verdict;	/* Z3-confirmed, or NULL (a kernel BUG) */
	const char *what;		/* one line: what happened */
	const char *log;		/* the kernel's log of the run, or NULL */
	size_t log_len;
};

/*
 * "crash-kernel-FUNCTION" (fuzz_cmd.c): a sanitizer report signed by its
 * first frame in the kernel's code; artifact's name says crash/timeout/oom
 */
void finding_crash_signature(const char *artifact, const char *report, char *sig, size_t size);

/*
 * A run the watchdog ended ("hang in FUNCTION: ...", kmod-stubs/run.c)
 * signed as a campaign signs the fuzzer's timeout of the same input:
 * "timeout-kernel-FUNCTION".  0 signed, -1 not a named hang.
 */
int finding_hang_signature(const char *failure, char *sig, size_t size);

/* 1 written, 0 already known, -1 error (message on stderr) */
int finding_write(const char *findings_dir, const struct finding *f);
/*
 * Remove the half-written findings of writers that are gone (a job killed
 * as the campaign ended, or one that failed mid-write).  Only when no
 * writer runs any more.
 */
void finding_sweep(const char *findings_dir);

/* the report's tables section: `iasl -d` of dir's tables under a time and size limit */
void finding_disassemble(const char *bundle_dir, FILE *out);

#endif
