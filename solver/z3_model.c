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

#include <z3.h>

#include "check.h"

enum { A_SEG, A_KIND, A_SECKIND, A_PTYPE, A_GROUP, A_UNIT, A_DEV,	/* Int */
       A_BUS, A_SEC, A_SUB,					/* BV8 */
       A_RID, A_PMASK, A_SID, A_SQM,				/* BV16 */
       A_BRIDGE, A_DMA, A_ACS, A_CAP_RR, A_CAP_CR, A_RR, A_CR,	/* Bool */
       A_UF, A_SV, A_PCIX, A_SIDKNOWN, A_SVT1, A_SVT2,
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

static Z3_ast num(struct sv_z3 *z, long v)
{
	return Z3_mk_unsigned_int64(C(z), (uint16_t)v, z->I);
}

static Z3_ast bv(struct sv_z3 *z, unsigned v, Z3_sort s)
{
	return Z3_mk_unsigned_int64(C(z), v, s);
}

static Z3_ast value(struct sv_z3 *z, int a, long v)
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
static Z3_ast member(struct sv_z3 *z, int a, Z3_ast v, long val)
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
static Z3_ast at(struct sv_z3 *z, int a, Z3_ast v)
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

static Z3_ast eq(struct sv_z3 *z, Z3_ast a, Z3_ast b)
{
	return Z3_mk_eq(C(z), a, b);
}

static Z3_ast not(struct sv_z3 *z, Z3_ast a)
{
	return Z3_mk_not(C(z), a);
}

static Z3_ast and_n(struct sv_z3 *z, unsigned n, const Z3_ast *a)
{
	return n ? Z3_mk_and(C(z), n, a) : Z3_mk_true(C(z));
}

static Z3_ast or_n(struct sv_z3 *z, unsigned n, const Z3_ast *a)
{
	return n ? Z3_mk_or(C(z), n, a) : Z3_mk_false(C(z));
}

#define AND(z, ...) ({ Z3_ast __a[] = { __VA_ARGS__ }; and_n(z, sizeof(__a) / sizeof(__a[0]), __a); })
#define OR(z, ...) ({ Z3_ast __a[] = { __VA_ARGS__ }; or_n(z, sizeof(__a) / sizeof(__a[0]), __a); })

static Z3_ast ule(struct sv_z3 *z, Z3_ast a, Z3_ast b)
{
	return Z3_mk_bvule(C(z), a, b);
}

/* A growable conjunction/disjunction under construction. */
struct terms {
	Z3_ast *t;
	unsigned n, cap;
};

static void push(struct sv_z3 *z, struct terms *t, Z3_ast a)
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

static Z3_ast done(struct sv_z3 *z, struct terms *t, bool conj)
{
	Z3_ast r = conj ? and_n(z, t->n, t->t) : or_n(z, t->n, t->t);

	free(t->t);
	memset(t, 0, sizeof(*t));
	return r;
}

/* ---- facts ----------------------------------------------------------------- */

static void fact(struct sv_z3 *z, int a, int i, long v)
{
	z->tab[a][i] = v;
	z->facts++;
}

static void assert_facts(struct sv_z3 *z)
{
	static const uint16_t mask3[4] = { 0, 0x4, 0x6, 0x7 };
	const struct sv_facts *f = z->f;

	for (size_t k = 0; k < f->nr_fns; k++) {
		const struct sv_fn *p = &f->fns[k];
		const struct observation_device *od = p->obs >= 0 ? &f->obs->devices[p->obs] : NULL;
		bool known = od && od->msi_sid_known;
		int i = (int)k;

		fact(z, A_SEG, i, p->seg);
		fact(z, A_KIND, i, p->kind);
		fact(z, A_SECKIND, i, p->bridge ? p->sec_kind : -1);
		fact(z, A_PTYPE, i, p->pcie_type);
		fact(z, A_GROUP, i, p->group);
		fact(z, A_UNIT, i, p->unit);
		fact(z, A_DEV, i, p->devfn >> 3);
		fact(z, A_BUS, i, p->bus);
		fact(z, A_SEC, i, p->sec);
		fact(z, A_SUB, i, p->sub);
		fact(z, A_RID, i, p->rid);
		fact(z, A_PMASK, i, mask3[p->phantom & 3]);
		fact(z, A_SID, i, known ? od->msi_sid : 0);
		fact(z, A_SQM, i, known ? mask3[od->msi_sq & 3] : 0);
		fact(z, A_BRIDGE, i, p->bridge);
		fact(z, A_DMA, i, p->dma);
		fact(z, A_ACS, i, p->acs);
		fact(z, A_CAP_RR, i, !!(p->acs_cap & SV_ACS_RR));
		fact(z, A_CAP_CR, i, !!(p->acs_cap & SV_ACS_CR));
		fact(z, A_RR, i, !!(p->acs_ctrl & SV_ACS_RR));
		fact(z, A_CR, i, !!(p->acs_ctrl & SV_ACS_CR));
		fact(z, A_UF, i, !!(p->acs_ctrl & SV_ACS_UF));
		fact(z, A_SV, i, !!(p->acs_ctrl & SV_ACS_SV));
		fact(z, A_PCIX, i, p->pcix);
		fact(z, A_SIDKNOWN, i, known);
		fact(z, A_SVT1, i, known && od->msi_svt == 1);
		fact(z, A_SVT2, i, known && od->msi_svt == 2);
	}
	for (int g = 0; g < f->obs->nr_groups; g++) {
		z->giso_tab[g] = sv_group_iso_msi(f, g);
		z->facts++;
	}
}

/* ---- rules ------------------------------------------------------------------- */

static Z3_ast in_dom(struct sv_z3 *z, Z3_ast v)
{
	return Z3_mk_bvult(C(z), v, num(z, (long)z->f->nr_fns));
}

static Z3_ast exposed(struct sv_z3 *z, Z3_ast v)
{
	if (Z3_is_numeral_ast(C(z), v))
		return not(z, eq(z, at(z, A_GROUP, v), num(z, -1)));
	return not(z, member(z, A_GROUP, v, -1));
}

/* a is a bridge whose bus range routes to v's bus (symbolic a) */
static Z3_ast anc(struct sv_z3 *z, Z3_ast a, Z3_ast v)
{
	return AND(z, at(z, A_BRIDGE, a), eq(z, at(z, A_SEG, a), at(z, A_SEG, v)),
		   ule(z, at(z, A_SEC, a), at(z, A_BUS, v)), ule(z, at(z, A_BUS, v), at(z, A_SUB, a)));
}

/* the same with a concrete port p */
static Z3_ast anc_c(struct sv_z3 *z, const struct sv_fn *p, Z3_ast v)
{
	return AND(z, eq(z, at(z, A_SEG, v), num(z, p->seg)),
		   ule(z, bv(z, p->sec, z->B8), at(z, A_BUS, v)),
		   ule(z, at(z, A_BUS, v), bv(z, p->sub, z->B8)));
}

static Z3_ast kind_is(struct sv_z3 *z, Z3_ast v, int k)
{
	if (Z3_is_numeral_ast(C(z), v))
		return eq(z, at(z, A_KIND, v), num(z, k));
	return member(z, A_KIND, v, k);
}

/* every port above v forwards redirected requests upstream (ACS UF) */
static Z3_ast uf_up(struct sv_z3 *z, Z3_ast v)
{
	struct terms t = { 0 };

	for (size_t k = 0; k < z->f->nr_fns; k++) {
		const struct sv_fn *p = &z->f->fns[k];

		if (sv_is_port(p) && !sv_has(p, SV_ACS_UF))
			push(z, &t, not(z, anc_c(z, p, v)));
	}
	return done(z, &t, true);
}

static Z3_ast iso_fn(struct sv_z3 *z, Z3_ast v)
{
	return AND(z, at(z, A_ACS, v),
		   OR(z, not(z, at(z, A_CAP_RR, v)),
		      AND(z, at(z, A_RR, v), OR(z, not(z, at(z, A_CAP_CR, v)), at(z, A_CR, v)))));
}

static Z3_ast rp_p2p(struct sv_z3 *z, Z3_ast v)
{
	return AND(z, eq(z, at(z, A_PTYPE, v), num(z, SV_PT_RP)), at(z, A_ACS, v), at(z, A_CAP_RR, v));
}

static Z3_ast same_device(struct sv_z3 *z, Z3_ast a, Z3_ast b)
{
	struct terms ari = { 0 };

	for (size_t k = 0; k < z->f->nr_fns; k++) {
		const struct sv_fn *p = &z->f->fns[k];

		if (p->bridge && p->ari_fwd)
			push(z, &ari, AND(z, eq(z, at(z, A_SEG, a), num(z, p->seg)),
					  eq(z, at(z, A_BUS, a), bv(z, p->sec, z->B8))));
	}
	return AND(z, eq(z, at(z, A_SEG, a), at(z, A_SEG, b)), eq(z, at(z, A_BUS, a), at(z, A_BUS, b)),
		   OR(z, eq(z, at(z, A_DEV, a), at(z, A_DEV, b)),
		      AND(z, kind_is(z, a, SV_BUS_LINK), done(z, &ari, false))));
}

/* The hop reasons, each a formula over x, y (see fastcheck.c hop()). */
static Z3_ast hop_reason(struct sv_z3 *z, enum sv_reason r)
{
	Z3_ast x = z->x, y = z->y, same = same_device(z, x, y);

	switch (r) {
	case SV_R_CONV_BUS:
		return kind_is(z, x, SV_BUS_CONV);
	case SV_R_SWITCH:
		return AND(z, kind_is(z, x, SV_BUS_SWITCH),
			   not(z, AND(z, at(z, A_RR, x), at(z, A_CR, x), at(z, A_UF, x))));
	case SV_R_MULTIFUNCTION:
		return AND(z, OR(z, kind_is(z, x, SV_BUS_LINK), kind_is(z, x, SV_BUS_ROOT)),
			   same, not(z, iso_fn(z, x)));
	case SV_R_NO_UF:
		return AND(z, OR(z, kind_is(z, x, SV_BUS_SWITCH), AND(z, kind_is(z, x, SV_BUS_LINK), same)),
			   not(z, uf_up(z, x)));
	case SV_R_ROOT_P2P:
		return AND(z, kind_is(z, x, SV_BUS_ROOT), not(z, same), rp_p2p(z, x), rp_p2p(z, y),
			   not(z, AND(z, at(z, A_RR, x), at(z, A_CR, x))));
	default:
		return Z3_mk_false(C(z));
	}
}

static const enum sv_reason hop_reasons[] = {
	SV_R_CONV_BUS, SV_R_SWITCH, SV_R_MULTIFUNCTION, SV_R_NO_UF, SV_R_ROOT_P2P,
};

static Z3_ast meet(struct sv_z3 *z)
{
	Z3_ast d = z->d, e = z->e, x = z->x, y = z->y;

	return AND(z, in_dom(z, x), in_dom(z, y),
		   OR(z, eq(z, x, d), anc(z, x, d)), OR(z, eq(z, y, e), anc(z, y, e)),
		   not(z, eq(z, x, y)), eq(z, at(z, A_SEG, x), at(z, A_SEG, y)),
		   eq(z, at(z, A_BUS, x), at(z, A_BUS, y)));
}

/* d can issue requests carrying e's requester ID past every validating port */
static Z3_ast spoof(struct sv_z3 *z)
{
	Z3_ast d = z->d, e = z->e;
	struct terms t = { 0 };

	for (size_t k = 0; k < z->f->nr_fns; k++) {
		const struct sv_fn *p = &z->f->fns[k];

		if (sv_is_port(p) && sv_has(p, SV_ACS_SV))
			push(z, &t, Z3_mk_implies(C(z), anc_c(z, p, d),
				AND(z, ule(z, bv(z, p->sec, z->B8), at(z, A_BUS, e)),
				    ule(z, at(z, A_BUS, e), bv(z, p->sub, z->B8)))));
	}
	return AND(z, not(z, kind_is(z, d, SV_BUS_ROOT)), not(z, kind_is(z, d, SV_BUS_CONV)),
		   eq(z, at(z, A_SEG, d), at(z, A_SEG, e)),
		   not(z, eq(z, at(z, A_BUS, d), at(z, A_BUS, e))), done(z, &t, true));
}

/* v emits requester ID r; c the bridge that owns its conventional requests */
static Z3_ast emits(struct sv_z3 *z, Z3_ast v, Z3_ast c)
{
	Z3_ast r = z->r, pm = Z3_mk_bvnot(C(z), at(z, A_PMASK, v));
	struct terms al = { 0 };

	for (size_t k = 0; k < z->f->nr_aliases; k++)
		push(z, &al, AND(z, eq(z, v, num(z, z->f->aliases[k].fn)),
				 eq(z, r, bv(z, z->f->aliases[k].rid, z->B16))));
	return OR(z,
		AND(z, not(z, kind_is(z, v, SV_BUS_CONV)),
		    eq(z, Z3_mk_bvand(C(z), r, pm), Z3_mk_bvand(C(z), at(z, A_RID, v), pm))),
		AND(z, kind_is(z, v, SV_BUS_CONV), in_dom(z, c), anc(z, c, v),
		    eq(z, at(z, A_SECKIND, c), num(z, SV_BUS_CONV)), not(z, kind_is(z, c, SV_BUS_CONV)),
		    OR(z, eq(z, r, at(z, A_RID, c)),
		       AND(z, eq(z, at(z, A_PTYPE, c), num(z, SV_PT_PCIE_PCI)),
			   eq(z, r, Z3_mk_concat(C(z), at(z, A_SEC, c), bv(z, 0, z->B8)))),
		       AND(z, at(z, A_PCIX, c), eq(z, r, at(z, A_RID, v))))),
		done(z, &al, false));
}

static Z3_ast range_in(struct sv_z3 *z, const struct sv_range *k, Z3_ast seg, Z3_ast r)
{
	return AND(z, eq(z, seg, num(z, k->seg)), ule(z, bv(z, k->lo, z->B16), r),
		   ule(z, r, bv(z, k->hi, z->B16)));
}

/* the tables route r (on segment seg) to unit u (concrete) */
static Z3_ast cov_unit(struct sv_z3 *z, size_t u, Z3_ast seg, Z3_ast r)
{
	const struct sv_facts *f = z->f;
	struct terms mine = { 0 }, none = { 0 };

	for (size_t k = 0; k < f->nr_ranges; k++) {
		if (f->ranges[k].unit == (int)u)
			push(z, &mine, range_in(z, &f->ranges[k], seg, r));
		push(z, &none, not(z, range_in(z, &f->ranges[k], seg, r)));
	}
	return OR(z, done(z, &mine, false),
		  AND(z, f->units[u].include_all ? Z3_mk_true(C(z)) : Z3_mk_false(C(z)),
		      eq(z, seg, num(z, f->units[u].seg)), done(z, &none, true)));
}

/* ... to the unit index uv (symbolic) */
static Z3_ast covered(struct sv_z3 *z, Z3_ast uv, Z3_ast seg, Z3_ast r)
{
	struct terms t = { 0 };

	for (size_t u = 0; u < z->f->nr_units; u++)
		push(z, &t, AND(z, eq(z, uv, num(z, (long)u)), cov_unit(z, u, seg, r)));
	return done(z, &t, false);
}

static Z3_ast ir_covered(struct sv_z3 *z, Z3_ast seg, Z3_ast r)
{
	const struct sv_facts *f = z->f;
	struct terms t = { 0 };

	for (size_t u = 0; u < f->nr_units; u++)
		if (f->units[u].kunit >= 0 && f->obs->units[f->units[u].kunit].ir_enabled)
			push(z, &t, cov_unit(z, u, seg, r));
	return done(z, &t, false);
}

static Z3_ast giso(struct sv_z3 *z, Z3_ast v)
{
	Z3_ast g = at(z, A_GROUP, v);
	struct terms t = { 0 };

	for (int i = 0; i < z->f->obs->nr_groups; i++)
		if (z->giso_tab[i])
			push(z, &t, eq(z, g, num(z, i)));
	return done(z, &t, false);
}

static Z3_ast admits(struct sv_z3 *z, Z3_ast d, Z3_ast r)
{
	Z3_ast m = Z3_mk_bvnot(C(z), at(z, A_SQM, d)), sid = at(z, A_SID, d);
	Z3_ast bus = Z3_mk_extract(C(z), 15, 8, r);

	return OR(z, AND(z, at(z, A_SVT1, d), eq(z, Z3_mk_bvand(C(z), r, m), Z3_mk_bvand(C(z), sid, m))),
		  AND(z, at(z, A_SVT2, d), ule(z, Z3_mk_extract(C(z), 15, 8, sid), bus),
		      ule(z, bus, Z3_mk_extract(C(z), 7, 0, sid))),
		  AND(z, not(z, at(z, A_SVT1, d)), not(z, at(z, A_SVT2, d))));
}

/* P4 has two rules; which = 0 IR off, 1 source-id admits */
static Z3_ast p4_rule(struct sv_z3 *z, int which)
{
	Z3_ast d = z->d, e = z->e;

	if (!which)
		return AND(z, exposed(z, d), giso(z, d), emits(z, d, z->c1),
			   not(z, ir_covered(z, at(z, A_SEG, d), z->r)));
	return AND(z, exposed(z, d), giso(z, d), at(z, A_SIDKNOWN, d), exposed(z, e),
		   at(z, A_DMA, e), not(z, eq(z, at(z, A_GROUP, d), at(z, A_GROUP, e))),
		   eq(z, at(z, A_SEG, d), at(z, A_SEG, e)), emits(z, e, z->c2), admits(z, d, z->r),
		   covered(z, at(z, A_UNIT, d), at(z, A_SEG, e), z->r));
}

static Z3_ast region_ok(struct sv_z3 *z, const struct sv_dmap *m, Z3_ast g)
{
	const struct observation *o = z->f->obs;
	struct terms t = { 0 };

	for (int gi = 0; gi < o->nr_groups; gi++) {
		for (size_t q = 0; q < o->groups[gi].nr_regions; q++) {
			const struct observation_region *rg = &o->groups[gi].regions[q];
			bool type_ok = rg->type == OBS_RESV_DIRECT || rg->type == OBS_RESV_DIRECT_RELAXABLE ||
				       (m->ivmd && rg->type == OBS_RESV_RESERVED);

			if (!type_ok)
				continue;
			push(z, &t, AND(z, eq(z, g, num(z, gi)),
				Z3_mk_bvule(C(z), Z3_mk_unsigned_int64(C(z), rg->start, z->B64),
					    Z3_mk_unsigned_int64(C(z), m->start, z->B64)),
				Z3_mk_bvule(C(z), Z3_mk_unsigned_int64(C(z), m->end, z->B64),
					    Z3_mk_unsigned_int64(C(z), rg->end, z->B64))));
		}
	}
	return done(z, &t, false);
}

static Z3_ast p5_rule(struct sv_z3 *z)
{
	const struct sv_facts *f = z->f;
	struct terms t = { 0 };
	Z3_ast d = z->d;

	for (size_t k = 0; k < f->nr_dmaps; k++) {
		const struct sv_dmap *m = &f->dmaps[k];

		push(z, &t, AND(z, eq(z, z->m, num(z, (long)k)), eq(z, at(z, A_SEG, d), num(z, m->seg)),
				ule(z, bv(z, m->lo, z->B16), at(z, A_RID, d)),
				ule(z, at(z, A_RID, d), bv(z, m->hi, z->B16)),
				not(z, region_ok(z, m, at(z, A_GROUP, d)))));
	}
	return AND(z, in_dom(z, d), exposed(z, d), done(z, &t, false));
}

static Z3_ast p6_rule(struct sv_z3 *z)
{
	const struct sv_facts *f = z->f;
	struct terms t = { 0 };

	for (size_t s = 0; s < f->nr_irqs; s++) {
		int u = f->irqs[s].unit;
		bool ok = u >= 0 && f->units[u].kunit >= 0 && f->obs->units[f->units[u].kunit].ir_enabled;

		push(z, &t, AND(z, eq(z, z->m, num(z, (long)s)), ok ? Z3_mk_false(C(z)) : Z3_mk_true(C(z))));
	}
	return AND(z, f->ir_on ? Z3_mk_true(C(z)) : Z3_mk_false(C(z)), done(z, &t, false));
}

static Z3_ast rule(struct sv_z3 *z, enum sv_prop p, int sub)
{
	Z3_ast d = z->d, e = z->e;
	struct terms h = { 0 };

	switch (p) {
	case SV_P1:
		return AND(z, in_dom(z, d), in_dom(z, e), exposed(z, d), exposed(z, e),
			   Z3_mk_bvult(C(z), d, e), not(z, eq(z, at(z, A_GROUP, d), at(z, A_GROUP, e))),
			   eq(z, at(z, A_SEG, d), at(z, A_SEG, e)),
			   emits(z, d, z->c1), emits(z, e, z->c2));
	case SV_P2:
		/* sub 1: a path only, which the report prefers to spoofing */
		for (size_t i = 0; i < sizeof(hop_reasons) / sizeof(hop_reasons[0]); i++)
			push(z, &h, hop_reason(z, hop_reasons[i]));
		return AND(z, in_dom(z, d), in_dom(z, e), not(z, eq(z, d, e)),
			   at(z, A_DMA, d), at(z, A_DMA, e), exposed(z, d), exposed(z, e),
			   not(z, eq(z, at(z, A_GROUP, d), at(z, A_GROUP, e))),
			   OR(z, AND(z, meet(z), done(z, &h, false)),
			      sub ? Z3_mk_false(C(z)) : spoof(z)));
	case SV_P3:
		return AND(z, in_dom(z, d), exposed(z, d), emits(z, d, z->c1),
			   not(z, covered(z, at(z, A_UNIT, d), at(z, A_SEG, d), z->r)));
	case SV_P4:
		return AND(z, in_dom(z, d), in_dom(z, e), p4_rule(z, sub));
	case SV_P5:
		return p5_rule(z);
	default:
		return p6_rule(z);
	}
}

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
		if (holds(z, m, meet(z))) {
			for (size_t i = 0; i < sizeof(hop_reasons) / sizeof(hop_reasons[0]); i++)
				if (holds(z, m, hop_reason(z, hop_reasons[i]))) {
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
			if (holds(z, m, cov_unit(z, u, at(z, A_SEG, z->d), z->r))) {
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

		Z3_solver_push(C(z), z->s);
		Z3_solver_assert(C(z), z->s, rule(z, p, rsub));
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
		Z3_solver_pop(C(z), z->s, 1);
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
	z->s = Z3_mk_simple_solver(z->ctx);
	Z3_solver_inc_ref(z->ctx, z->s);
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
	assert_facts(z);
	/* size of the model: every rule built once, expansions counted */
	for (int p = 0; p < SV_NR_PROPS; p++)
		for (int sub = 0; sub < subrules(p); sub++)
			(void)rule(z, p, sub);
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
	Z3_solver_dec_ref(z->ctx, z->s);
	Z3_del_context(z->ctx);
	for (int a = 0; a < A_NR; a++)
		free(z->tab[a]);
	free(z->giso_tab);
	free(z);
}
