/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * solver/: does any IOMMU group the kernel would expose break isolation?
 * The one entry point the harness uses.  It reads only the platform (the
 * ground truth) and the observation (what the kernel decided); see
 * solver/README.md for the properties and the rules behind them.
 */
#ifndef SOLVER_SOLVER_H
#define SOLVER_SOLVER_H

#include <isofuzz/platform.h>

#include "verdict.h"

enum sv_mode {
	/* fast check only: the fuzzer's hot path */
	SV_MODE_FAST,
	/*
	 * the default: the fast check finds, Z3 decides every property on its
	 * own (the two must agree), and every reported violation is confirmed
	 * by a Z3 model whose witness the report prints
	 */
	SV_MODE_Z3,
	/* as SV_MODE_Z3, and Z3 enumerates every violation: the sets must match */
	SV_MODE_CROSSCHECK,
};

struct sv_options {
	enum sv_mode mode;
	unsigned max_report;	/* violations reported per property; 0: 8 */
};

/*
 * Judge one run.  Always fills v (release with sv_verdict_release); returns
 * 0, or -1 on an internal error (v->internal_error, v->error say why: out of
 * memory, Z3 failure, or the fast check and Z3 disagree).
 */
int solver_check(const struct platform *p, const struct observation *obs,
		 const struct sv_options *opt, struct sv_verdict *v);

/* The command's exit status for a verdict: 0 isolated, 1 violation, 3 internal. */
int solver_exit_status(const struct sv_verdict *v);

#endif
