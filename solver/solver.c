// SPDX-License-Identifier: GPL-2.0-only
/*
 * One judgement: facts, then per property the fast check and (unless the
 * caller is the fuzzer's hot path) Z3, which must agree; every reported
 * violation is a Z3 model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "solver.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void fail(struct sv_verdict *v, const char *fmt, const char *a, const char *b)
{
	if (v->internal_error)
		return;
	v->internal_error = true;
	snprintf(v->error, sizeof(v->error), fmt, a ? a : "", b ? b : "");
}

/* Which properties the observation lets us judge. */
static void judgeable(const struct sv_facts *f, struct sv_verdict *v)
{
	static const char no_units[] = "not judged (the kernel side reports no units)";

	if (!f->judge_units) {
		v->status[SV_P3] = v->status[SV_P4] = v->status[SV_P6] = SV_NOT_JUDGED;
		strcpy(v->not_judged[SV_P3], no_units);
		strcpy(v->not_judged[SV_P4], no_units);
		strcpy(v->not_judged[SV_P6], no_units);
	}
	if (!f->obs->groups) {
		v->status[SV_P5] = SV_NOT_JUDGED;
		strcpy(v->not_judged[SV_P5], "not judged (the kernel side reports no reserved regions)");
	}
}

static int report(const struct sv_facts *f, struct sv_verdict *v, struct sv_violation *w)
{
	struct sv_violation *n = realloc(v->v, (v->nr + 1) * sizeof(*n));
	char b[13];

	if (!n)
		return -1;
	v->v = n;
	sv_explain(f, w);
	w->a_group = w->a >= 0 ? f->fns[w->a].group : -1;
	w->b_group = w->b >= 0 ? f->fns[w->b].group : -1;
	strcpy(w->a_bdf, w->a >= 0 ? sv_bdf(&f->fns[w->a], b) : "");
	strcpy(w->b_bdf, w->b >= 0 ? sv_bdf(&f->fns[w->b], b) : "");
	strcpy(w->via_bdf, w->prop == SV_P2 && w->x >= 0 ? sv_bdf(&f->fns[w->x], b) : "");
	v->v[v->nr++] = *w;
	return 0;
}

static bool in_set(const struct sv_found *s, const struct sv_violation *w)
{
	for (size_t i = 0; i < s->nr; i++)
		if (sv_same_key(&s->v[i], w))
			return true;
	return false;
}

static int judge(const struct sv_facts *f, struct sv_z3 *z, enum sv_prop p,
		 const struct sv_options *opt, struct sv_verdict *v)
{
	unsigned max = opt->max_report ? opt->max_report : 8;
	/* the cross-check compares every violation; else max are reported */
	struct sv_found fast = { .keep = opt->mode == SV_MODE_CROSSCHECK ? 0 : max }, all = { 0 };
	double t = now_ms();
	int ret = -1;

	if (sv_fast_check(f, p, &fast)) {
		fail(v, "out of memory in the fast check%s%s", NULL, NULL);
		goto out;
	}
	v->fast_ms += now_ms() - t;
	v->count[p] = fast.total;
	v->status[p] = fast.total ? SV_VIOLATED : SV_HOLDS;
	if (!z) {
		for (size_t i = 0; i < fast.nr && i < max; i++)
			if (report(f, v, &fast.v[i]))
				goto out;
		ret = 0;
		goto out;
	}

	t = now_ms();
	{
		struct sv_violation w;
		int sat = sv_z3_find(z, p, NULL, &w);

		if (sat < 0) {
			fail(v, "%s%s", sv_z3_error(z), NULL);
			goto out;
		}
		if (sat != (fast.total > 0)) {
			fail(v, "%s: the fast check and Z3 disagree (%s)", sv_prop_name(p),
			     sat ? "Z3 finds a violation the fast check does not" :
				   "Z3 finds none");
			goto out;
		}
	}
	for (size_t i = 0; i < fast.nr && i < max; i++) {
		struct sv_violation w;
		int sat = sv_z3_find(z, p, &fast.v[i], &w);

		if (sat <= 0) {
			fail(v, "%s: Z3 does not confirm a violation of the fast check%s",
			     sv_prop_name(p), sat < 0 ? sv_z3_error(z) : "");
			goto out;
		}
		if (report(f, v, &w))
			goto out;
	}
	if (opt->mode == SV_MODE_CROSSCHECK) {
		long n = sv_z3_enumerate(z, p, fast.total + 1, &all);

		if (n < 0) {
			fail(v, "%s%s", sv_z3_error(z), NULL);
			goto out;
		}
		for (size_t i = 0; i < all.nr; i++)
			if (!in_set(&fast, &all.v[i]))
				fail(v, "%s: Z3 finds a violation the fast check misses%s",
				     sv_prop_name(p), NULL);
		if ((size_t)n != fast.total)
			fail(v, "%s: Z3 and the fast check count different violations%s",
			     sv_prop_name(p), NULL);
	}
	v->z3_ms += now_ms() - t;
	if (getenv("SV_PROFILE"))
		fprintf(stderr, "%s: z3 %.1f ms\n", sv_prop_name(p), now_ms() - t);
	ret = v->internal_error ? -1 : 0;
out:
	sv_found_release(&fast);
	sv_found_release(&all);
	return ret;
}

int solver_check(const struct platform *p, const struct observation *obs,
		 const struct sv_options *opt, struct sv_verdict *v)
{
	static const struct sv_options defaults = { SV_MODE_Z3, 0 };
	struct sv_facts f;
	struct sv_z3 *z = NULL;
	int ret = 0;

	memset(v, 0, sizeof(*v));
	if (!opt)
		opt = &defaults;
	if (sv_facts_build(&f, p, obs)) {
		sv_facts_release(&f);
		fail(v, "out of memory building facts%s%s", NULL, NULL);
		return -1;
	}
	strcpy(v->table_note, f.table_note);
	judgeable(&f, v);
	if (opt->mode != SV_MODE_FAST) {
		double t = now_ms();

		z = sv_z3_new(&f);
		if (!z) {
			fail(v, "cannot create a Z3 context%s%s", NULL, NULL);
			ret = -1;
			goto out;
		}
		sv_z3_size(z, &v->z3_facts, &v->z3_rules);
		v->z3_ms += now_ms() - t;
		v->ran_z3 = true;
	}
	v->ran_fast = true;
	for (int i = 0; i < SV_NR_PROPS; i++)
		if (v->status[i] != SV_NOT_JUDGED && judge(&f, z, i, opt, v))
			ret = -1;
out:
	sv_z3_free(z);
	sv_facts_release(&f);
	return ret;
}

int solver_exit_status(const struct sv_verdict *v)
{
	if (v->internal_error)
		return 3;
	for (int i = 0; i < SV_NR_PROPS; i++)
		if (v->status[i] == SV_VIOLATED)
			return 1;
	return 0;
}
