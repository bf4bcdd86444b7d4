/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by z3_model.c (context, queries, models) and z3_rules.c (the facts
 * and the properties as formulas): the fact tables' layout and the term
 * builders.  The encoding is described at the top of z3_model.c.
 */
#ifndef SOLVER_Z3_TERMS_H
#define SOLVER_Z3_TERMS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <z3.h>

#include "check.h"

enum { A_SEG, A_KIND, A_SECKIND, A_PTYPE, A_GROUP, A_UNIT, A_DEV,	/* Int */
       A_BUS, A_SEC, A_SUB,					/* BV8 */
       A_RID, A_PMASK, A_SID, A_SQM,				/* BV16 */
       A_BRIDGE, A_DMA, A_ACS, A_CAP_RR, A_CAP_CR, A_RR, A_CR,	/* Bool */
       A_UF, A_SV, A_PCIX, A_SIDKNOWN, A_SVT1, A_SVT2, A_RCTR,
       A_NR };
#define A_FIRST_BV8 A_BUS
#define A_FIRST_BV16 A_RID
#define A_FIRST_BOOL A_BRIDGE


struct sv_z3 {
	const struct sv_facts *f;
	Z3_context ctx;
	Z3_solver s;
	Z3_sort I, B8, B16, B64, Bool;
	long *tab[A_NR];		/* the facts: tab[attr][function] */
	bool *giso_tab;			/* group -> isolated MSI */
	Z3_ast d, e, x, y, c1, c2, r, m;
	Z3_ast cache_var[8];		/* lookups already built, per variable */
	Z3_ast cache[A_NR + 1][8];
	size_t facts, rules;		/* ground axioms; rule instances */
	bool counted;			/* rules counted once, at set-up */
	char err[160];
};

#define C(z) ((z)->ctx)

static inline Z3_ast num(struct sv_z3 *z, long v)
{
	return Z3_mk_unsigned_int64(C(z), (uint16_t)v, z->I);
}

static inline Z3_ast bv(struct sv_z3 *z, unsigned v, Z3_sort s)
{
	return Z3_mk_unsigned_int64(C(z), v, s);
}

static inline Z3_ast value(struct sv_z3 *z, int a, long v)
{
	if (a >= A_FIRST_BOOL)
		return v ? Z3_mk_true(C(z)) : Z3_mk_false(C(z));
	if (a >= A_FIRST_BV16)
		return bv(z, (unsigned)v, z->B16);
	if (a >= A_FIRST_BV8)
		return bv(z, (unsigned)v, z->B8);
	return num(z, v);
}

/*
 * Membership: the functions whose attribute a equals val, as a disjunction
 * of index equalities (or the negation of the complement's, if shorter).
 * Boolean facts and comparisons with a constant are sets, which the SAT
 * core propagates far better than a chain of if-then-elses.
 */
static inline Z3_ast member(struct sv_z3 *z, int a, Z3_ast v, long val)
{
	size_t n = z->f->nr_fns, hits = 0;
	Z3_ast *t;
	Z3_ast r;
	unsigned k = 0;
	bool neg;

	for (size_t i = 0; i < n; i++)
		hits += z->tab[a][i] == val;
	neg = hits > n / 2;
	t = malloc((neg ? n - hits : hits) * sizeof(*t) + 1);
	if (!t)
		return Z3_mk_false(C(z));
	for (size_t i = 0; i < n; i++)
		if ((z->tab[a][i] == val) != neg)
			t[k++] = Z3_mk_eq(C(z), v, num(z, (long)i));
	r = k ? Z3_mk_or(C(z), k, t) : Z3_mk_false(C(z));
	free(t);
	/* out of range indices are ruled out by in_dom() wherever it matters */
	return neg ? Z3_mk_not(C(z), r) : r;
}

/* attribute a of the function whose index is v: a table lookup */
static inline Z3_ast at(struct sv_z3 *z, int a, Z3_ast v)
{
	size_t n = z->f->nr_fns;
	uint64_t k;
	int slot = -1;
	Z3_ast t;

	if (Z3_is_numeral_ast(C(z), v) && Z3_get_numeral_uint64(C(z), v, &k))
		return value(z, a, k < n ? z->tab[a][k] : 0);
	for (int i = 0; i < 8; i++) {
		if (z->cache_var[i] == v || !z->cache_var[i]) {
			z->cache_var[i] = v;
			slot = i;
			break;
		}
	}
	if (slot >= 0 && z->cache[a][slot])
		return z->cache[a][slot];
	if (a >= A_FIRST_BOOL) {
		t = member(z, a, v, 1);
		if (slot >= 0)
			z->cache[a][slot] = t;
		return t;
	}
	/* out of range: the default of the last entry; in_dom() rules it out */
	t = value(z, a, n ? z->tab[a][n - 1] : 0);
	for (size_t i = n > 0 ? n - 1 : 0; i-- > 0; )
		t = Z3_mk_ite(C(z), Z3_mk_eq(C(z), v, num(z, (long)i)), value(z, a, z->tab[a][i]), t);
	if (slot >= 0)
		z->cache[a][slot] = t;
	return t;
}

static inline Z3_ast eq(struct sv_z3 *z, Z3_ast a, Z3_ast b)
{
	return Z3_mk_eq(C(z), a, b);
}

static inline Z3_ast not(struct sv_z3 *z, Z3_ast a)
{
	return Z3_mk_not(C(z), a);
}

static inline Z3_ast and_n(struct sv_z3 *z, unsigned n, const Z3_ast *a)
{
	return n ? Z3_mk_and(C(z), n, a) : Z3_mk_true(C(z));
}

static inline Z3_ast or_n(struct sv_z3 *z, unsigned n, const Z3_ast *a)
{
	return n ? Z3_mk_or(C(z), n, a) : Z3_mk_false(C(z));
}

#define AND(z, ...) ({ Z3_ast __a[] = { __VA_ARGS__ }; and_n(z, sizeof(__a) / sizeof(__a[0]), __a); })
#define OR(z, ...) ({ Z3_ast __a[] = { __VA_ARGS__ }; or_n(z, sizeof(__a) / sizeof(__a[0]), __a); })

static inline Z3_ast ule(struct sv_z3 *z, Z3_ast a, Z3_ast b)
{
	return Z3_mk_bvule(C(z), a, b);
}

/* A growable conjunction/disjunction under construction. */
struct terms {
	Z3_ast *t;
	unsigned n, cap;
};

static inline void push(struct sv_z3 *z, struct terms *t, Z3_ast a)
{
	if (t->n == t->cap) {
		unsigned cap = t->cap ? 2 * t->cap : 16;
		Z3_ast *n = realloc(t->t, cap * sizeof(*n));

		if (!n) {
			snprintf(z->err, sizeof(z->err), "out of memory");
			return;
		}
		t->t = n;
		t->cap = cap;
	}
	t->t[t->n++] = a;
	z->rules += !z->counted;
}

static inline Z3_ast done(struct sv_z3 *z, struct terms *t, bool conj)
{
	Z3_ast r = conj ? and_n(z, t->n, t->t) : or_n(z, t->n, t->t);

	free(t->t);
	memset(t, 0, sizeof(*t));
	return r;
}

/* The ways a P2 path can cross a hop, in the order a model is explained. */
static const enum sv_reason hop_reasons[] = {
	SV_R_CONV_BUS, SV_R_SWITCH, SV_R_MULTIFUNCTION, SV_R_NO_UF, SV_R_ROOT_P2P,
};

/* z3_rules.c */
void sv_z3_assert_facts(struct sv_z3 *z);
Z3_ast sv_z3_rule(struct sv_z3 *z, enum sv_prop p, int sub);
Z3_ast sv_z3_hop_reason(struct sv_z3 *z, enum sv_reason r);
Z3_ast sv_z3_meet(struct sv_z3 *z);
Z3_ast sv_z3_cov_unit(struct sv_z3 *z, size_t u, Z3_ast seg, Z3_ast r);

#endif
