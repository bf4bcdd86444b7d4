// SPDX-License-Identifier: GPL-2.0-only
/*
 * The whole pipeline on every input: grammar → platform → the kernel's
 * code (kshim_run, pristine state per run) → the solver's fast check; a
 * violation is confirmed by Z3 and written as a finding.  The custom
 * mutator edits the platform tree structurally (grammars/).
 *
 * Environment: ISOFUZZ_FINDINGS=DIR writes findings there (none without).
 * An ASan report in the kernel's code is written as a finding here
 * (kernel_report.c); any other crash is libFuzzer's to catch, and `isofuzz
 * fuzz` turns its artifact into a finding afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "build.h"
#include "bundle.h"
#include "exec_log.h"
#include "finding.h"
#include "grammar.h"
#include "kernel_report.h"
#include "solver.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max);

static const char *findings;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	findings = getenv("ISOFUZZ_FINDINGS");
	if (findings && !*findings)
		findings = NULL;
	return 0;
}

static void report(const struct platform *p, const struct g_node *tree, const uint8_t *data,
		   size_t size, const struct observation *obs, const struct sv_verdict *v,
		   const char *sig, const char *what)
{
	struct finding f = { sig, p, tree, data, size, v, what, obs->log, obs->log_len };

	if (findings && finding_write(findings, &f) == 1)
		fprintf(stderr, "isofuzz-finding: %s\n", sig);
}

/* a finding of this signature is on disk already: no need to confirm it again */
static int known(const char *sig)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", findings, sig);
	return !access(path, F_OK);
}

static void judge(const struct platform *p, const struct g_node *tree, const uint8_t *data,
		  size_t size, const struct observation *obs)
{
	static const struct sv_options fast = { SV_MODE_FAST, 1 }, z3 = { SV_MODE_Z3, 4 };
	struct sv_verdict v;
	char sig[256];
	int st;

	solver_check(p, obs, &fast, &v);
	st = solver_exit_status(&v);
	if (st == 1)
		finding_signature(&v, obs, sig, sizeof(sig));
	sv_verdict_release(&v);
	if (st == 0 || !findings || (st == 1 && known(sig)))
		return;
	/* only a new kind of violation pays for Z3 */
	solver_check(p, obs, &z3, &v);
	st = solver_exit_status(&v);
	if (st == 1)
		report(p, tree, data, size, obs, &v, sig, "isolation violated");
	else if (st == 3)
		report(p, tree, data, size, obs, &v, "solver-internal-error", v.error);
	else
		report(p, tree, data, size, obs, &v, "solver-fast-z3-disagree",
		       "the fast check found a violation Z3 does not confirm");
	sv_verdict_release(&v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct g_node *tree;
	struct platform p;
	struct observation obs;
	struct finding run = { .platform = &p, .input = data, .input_len = size };
	int bug, reported;

	exec_log_note(data, size);	/* when this input first ran (verify-patch) */
	tree = g_platform_from_input(data, size);
	if (!tree)
		return 0;
	run.tree = tree;
	if (g_build(tree, &p)) {
		g_node_free(tree);
		return 0;
	}
	kernel_report_arm(&run, findings);
	bug = kshim_run(&p, &obs);
	reported = kernel_report_disarm();
	if (bug) {
		char sig[160];

		snprintf(sig, sizeof(sig), "kernel-BUG");
		report(&p, tree, data, size, &obs, NULL, sig, obs.failure ? obs.failure : "BUG()");
	} else if (!reported) {
		judge(&p, tree, data, size, &obs);
	}
	observation_release(&obs);
	platform_release(&p);
	g_node_free(tree);
	return 0;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max, unsigned seed)
{
	size_t n;

	/* now and then bytes as bytes: the input is then read as generator choices */
	if (seed % 16 == 0)
		return LLVMFuzzerMutate(data, size, max);
	n = g_platform_mutate(data, size, max, seed);
	return n ? n : LLVMFuzzerMutate(data, size, max);
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
				 uint8_t *out, size_t max, unsigned seed)
{
	/* a device, a scope, an entry of one platform grafted into the other */
	return g_platform_crossover(d1, s1, d2, s2, out, max, seed);
}
