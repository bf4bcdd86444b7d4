// SPDX-License-Identifier: GPL-2.0-only
/*
 * The specification in Z3 (quantifier-free bit-vectors): every fact is an
 * entry of a table indexed by function (bus[3] = #x02, acs_rr[3] = true,
 * ...), looked up with an if-then-else chain over the index, which keeps
 * the whole problem in QF_BV for Z3's SAT core (uninterpreted functions
 * over integer indices were 30x slower at 64 functions).  Indices, groups,
 * units and kinds are 16-bit vectors, #xffff standing for "none" (-1).
 * Every property is one existential formula over index
 * variables d, e (the two functions), x, y (their ancestors-or-self where
 * the paths meet), c1, c2 (the bridges that own conventional requests), r
 * (a requester ID).  A model is a counterexample: the values of those
 * variables are the witness the report prints.  Universal parts of the
 * rules ("every port above validates sources") range over the finite set
 * of ports and are expanded into conjunctions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "z3_terms.h"

/* ---- queries ----------------------------------------------------------------- */

static long val(struct sv_z3 *z, Z3_model m, Z3_ast t)
{
	Z3_ast out;
	int64_t v = -1;
	uint64_t u;

	if (!Z3_model_eval(C(z), m, t, true, &out))
		return -1;
	if (Z3_get_sort_kind(C(z), Z3_get_sort(C(z), out)) == Z3_BV_SORT)
		return Z3_get_numeral_uint64(C(z), out, &u) ? (long)u : -1;
	return Z3_get_numeral_int64(C(z), out, &v) ? (long)v : -1;
}

static bool holds(struct sv_z3 *z, Z3_model m, Z3_ast t)
{
	Z3_ast out;

	return Z3_model_eval(C(z), m, t, true, &out) && Z3_get_bool_value(C(z), out) == Z3_L_TRUE;
}

/* The key of v as a formula over the query variables. */
static Z3_ast key(struct sv_z3 *z, const struct sv_violation *v)
{
	switch (v->prop) {
	case SV_P1:
	case SV_P2:
		return AND(z, eq(z, z->d, num(z, v->a)), eq(z, z->e, num(z, v->b)));
	case SV_P3:
		return AND(z, eq(z, z->d, num(z, v->a)), eq(z, z->r, bv(z, (unsigned)v->rid, z->B16)));
	case SV_P4:
		if (v->reason == SV_R_IR_OFF)
			return AND(z, eq(z, z->d, num(z, v->a)), eq(z, z->r, bv(z, (unsigned)v->rid, z->B16)));
		return AND(z, eq(z, z->d, num(z, v->a)), eq(z, z->e, num(z, v->b)));
	case SV_P5:
		return AND(z, eq(z, z->d, num(z, v->a)), eq(z, z->m, num(z, v->item)));
	default:
		return eq(z, z->m, num(z, v->item));
	}
}

static void from_model(struct sv_z3 *z, enum sv_prop p, int sub, Z3_model m, struct sv_violation *v)
{
	memset(v, 0, sizeof(*v));
	v->prop = p;
	v->a = v->b = v->x = v->y = v->rid = v->item = -1;
	v->confirmed = true;
	switch (p) {
	case SV_P1:
		v->reason = SV_R_SHARED_RID;
		v->a = val(z, m, z->d);
		v->b = val(z, m, z->e);
		v->rid = val(z, m, z->r);
		break;
	case SV_P2:
		v->a = val(z, m, z->d);
		v->b = val(z, m, z->e);
		v->reason = SV_R_SPOOF;
		if (holds(z, m, sv_z3_meet(z))) {
			for (size_t i = 0; i < sizeof(hop_reasons) / sizeof(hop_reasons[0]); i++)
				if (holds(z, m, sv_z3_hop_reason(z, hop_reasons[i]))) {
					v->reason = hop_reasons[i];
					v->x = val(z, m, z->x);
					v->y = val(z, m, z->y);
					break;
				}
		}
		if (v->reason == SV_R_NO_UF && v->x >= 0)
			v->y = sv_uf_gap(z->f, &z->f->fns[v->x]);
		break;
	case SV_P3:
		v->a = val(z, m, z->d);
		v->rid = val(z, m, z->r);
		v->reason = SV_R_NO_UNIT;
		for (size_t u = 0; u < z->f->nr_units; u++)
			if (holds(z, m, sv_z3_cov_unit(z, u, at(z, A_SEG, z->d), z->r))) {
				v->reason = SV_R_OTHER_UNIT;
				v->x = (int)u;
				break;
			}
		break;
	case SV_P4:
		v->a = val(z, m, z->d);
		v->reason = sub ? SV_R_SID_ADMITS : SV_R_IR_OFF;
		if (sub)
			v->b = val(z, m, z->e);
		else
			v->rid = val(z, m, z->r);
		v->item = v->a >= 0 ? z->f->fns[v->a].group : -1;
		break;
	case SV_P5:
		v->reason = SV_R_NO_REGION;
		v->a = val(z, m, z->d);
		v->item = val(z, m, z->m);
		break;
	default:
		v->reason = SV_R_IRQ_UNCOVERED;
		v->item = val(z, m, z->m);
		v->x = v->item >= 0 ? z->f->irqs[v->item].unit : -1;
		break;
	}
}

/* one check under the current assertions: 1 sat (v filled), 0 unsat, -1 */
static int check(struct sv_z3 *z, enum sv_prop p, int sub, struct sv_violation *v)
{
	Z3_lbool r = Z3_solver_check(C(z), z->s);
	Z3_model m;

	if (Z3_get_error_code(C(z)) != Z3_OK) {
		snprintf(z->err, sizeof(z->err), "z3: %s", Z3_get_error_msg(C(z), Z3_get_error_code(C(z))));
		return -1;
	}
	if (r == Z3_L_FALSE)
		return 0;
	if (r != Z3_L_TRUE) {
		snprintf(z->err, sizeof(z->err), "z3: unknown: %s",
			 Z3_solver_get_reason_unknown(C(z), z->s));
		return -1;
	}
	m = Z3_solver_get_model(C(z), z->s);
	Z3_model_inc_ref(C(z), m);
	from_model(z, p, sub, m, v);
	Z3_model_dec_ref(C(z), m);
	return 1;
}

/*
 * A fresh solver per rule: nothing is shared between rules (the facts are
 * the lookup tables inside each formula).  Which solver, measured with
 * bench/solver at 256 functions (ASan build, one run): P1 took 28 s in the
 * default (incremental SMT) solver and 0.34 s in QF_BV's bit-blasting one;
 * P2, whose rule is a disjunction over path shapes, took 6.4 s in the
 * default and 12.3 s in QF_BV's.  The rest take milliseconds either way.
 */
static Z3_solver new_solver(struct sv_z3 *z, enum sv_prop p)
{
	Z3_solver s = p == SV_P2 ? Z3_mk_simple_solver(C(z)) :
		Z3_mk_solver_for_logic(C(z), Z3_mk_string_symbol(C(z), "QF_BV"));

	Z3_solver_inc_ref(C(z), s);
	return s;
}

static int subrules(enum sv_prop p)
{
	return p == SV_P4 ? 2 : 1;
}

/*
 * Find (max 1, no pin), confirm (pin) or enumerate (max > 1) violations of
 * rule (p, sub) under the current assertions; returns how many, or -1.
 */
static long solve(struct sv_z3 *z, enum sv_prop p, int sub, int rsub,
		  const struct sv_violation *pin, size_t max, struct sv_found *out,
		  struct sv_violation *one)
{
	long n = 0;

	/*
	 * One check per answer.  (Splitting pairs by the first function, by
	 * assumption or by instantiating d, was measured slower at 256.)
	 */
	{
		struct sv_violation v;
		int ret;

		z->s = new_solver(z, p);
		Z3_solver_assert(C(z), z->s, sv_z3_rule(z, p, rsub));
		if (pin)
			Z3_solver_assert(C(z), z->s, key(z, pin));
		while ((size_t)n < max && (ret = check(z, p, sub, &v)) == 1) {
			if (out && sv_found_add(out, &v)) {
				ret = -1;
				break;
			}
			if (one)
				*one = v;
			n++;
			Z3_solver_assert(C(z), z->s, not(z, key(z, &v)));
		}
		Z3_solver_dec_ref(C(z), z->s);
		z->s = NULL;
		if (ret < 0)
			return -1;
	}
	return n;
}

int sv_z3_find(struct sv_z3 *z, enum sv_prop p, const struct sv_violation *pin,
	       struct sv_violation *out)
{
	/* P2 with a pin: a path is the better witness; spoofing if none */
	for (int sub = p == SV_P2 && pin ? -1 : 0; sub < subrules(p); sub++) {
		long ret;

		if (pin && p == SV_P4 && (pin->reason == SV_R_SID_ADMITS) != sub)
			continue;
		ret = solve(z, p, sub < 0 ? 0 : sub, sub < 0 ? 1 : sub, pin, 1, NULL, out);
		if (ret)
			return ret < 0 ? -1 : 1;
	}
	return 0;
}

long sv_z3_enumerate(struct sv_z3 *z, enum sv_prop p, size_t max, struct sv_found *out)
{
	long n = 0;

	for (int sub = 0; sub < subrules(p); sub++) {
		long ret = solve(z, p, sub, sub, NULL, max - (size_t)n, out, NULL);

		if (ret < 0)
			return -1;
		n += ret;
	}
	return n;
}

static void quiet(Z3_context c, Z3_error_code e)
{
	(void)c;
	(void)e;	/* checked after each check() */
}

struct sv_z3 *sv_z3_new(const struct sv_facts *f)
{
	struct sv_z3 *z = calloc(1, sizeof(*z));
	Z3_config cfg;
	Z3_ast *vars[] = { &z->d, &z->e, &z->x, &z->y, &z->c1, &z->c2, &z->m };
	const char *names[] = { "d", "e", "x", "y", "c1", "c2", "m" };

	if (!z)
		return NULL;
	z->f = f;
	cfg = Z3_mk_config();
	Z3_set_param_value(cfg, "model", "true");
	z->ctx = Z3_mk_context(cfg);
	Z3_del_config(cfg);
	Z3_set_error_handler(z->ctx, quiet);
	z->I = Z3_mk_bv_sort(z->ctx, 16);
	z->B8 = Z3_mk_bv_sort(z->ctx, 8);
	z->B16 = Z3_mk_bv_sort(z->ctx, 16);
	z->B64 = Z3_mk_bv_sort(z->ctx, 64);
	z->Bool = Z3_mk_bool_sort(z->ctx);
	for (int a = 0; a < A_NR; a++)
		z->tab[a] = calloc(f->nr_fns ? f->nr_fns : 1, sizeof(long));
	z->giso_tab = calloc(f->obs->nr_groups > 0 ? f->obs->nr_groups : 1, sizeof(bool));
	for (int a = 0; a < A_NR; a++)
		if (!z->tab[a] || !z->giso_tab) {
			sv_z3_free(z);
			return NULL;
		}
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		*vars[i] = Z3_mk_const(z->ctx, Z3_mk_string_symbol(z->ctx, names[i]), z->I);
	z->r = Z3_mk_const(z->ctx, Z3_mk_string_symbol(z->ctx, "r"), z->B16);
	sv_z3_assert_facts(z);
	/* size of the model: every rule built once, expansions counted */
	for (int p = 0; p < SV_NR_PROPS; p++)
		for (int sub = 0; sub < subrules(p); sub++)
			(void)sv_z3_rule(z, p, sub);
	z->rules += SV_NR_PROPS + 1;	/* the property formulas themselves */
	z->counted = true;
	return z;
}

void sv_z3_size(const struct sv_z3 *z, size_t *facts, size_t *rules)
{
	*facts = z->facts;
	*rules = z->rules;
}

const char *sv_z3_error(const struct sv_z3 *z)
{
	return z->err;
}

void sv_z3_free(struct sv_z3 *z)
{
	if (!z)
		return;
	Z3_del_context(z->ctx);
	for (int a = 0; a < A_NR; a++)
		free(z->tab[a]);
	free(z->giso_tab);
	free(z);
}
