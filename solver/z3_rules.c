// SPDX-License-Identifier: GPL-2.0-only
/*
 * The facts as table entries and the properties P1-P6 as existential
 * formulas over the index variables (see z3_model.c for the encoding and
 * solver/README.md for the rule behind each formula).
 */
#include "z3_terms.h"

/* ---- facts ----------------------------------------------------------------- */

static void fact(struct sv_z3 *z, int a, int i, long v)
{
	z->tab[a][i] = v;
	z->facts++;
}

void sv_z3_assert_facts(struct sv_z3 *z)
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
		fact(z, A_RCTR, i, p->rc_translated);
		fact(z, A_RETAG, i, p->retagged);
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

		if (sv_turns_back(p))
			push(z, &t, not(z, anc_c(z, p, v)));
	}
	return done(z, &t, true);
}

static Z3_ast iso_fn(struct sv_z3 *z, Z3_ast v)
{
	return OR(z, at(z, A_RCTR, v),
		  AND(z, at(z, A_ACS, v),
		      OR(z, not(z, at(z, A_CAP_RR, v)),
			 AND(z, at(z, A_RR, v), OR(z, not(z, at(z, A_CAP_CR, v)), at(z, A_CR, v))))));
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
Z3_ast sv_z3_hop_reason(struct sv_z3 *z, enum sv_reason r)
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

Z3_ast sv_z3_meet(struct sv_z3 *z)
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
	return AND(z, not(z, kind_is(z, d, SV_BUS_ROOT)), not(z, at(z, A_RETAG, d)),
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
		AND(z, not(z, at(z, A_RETAG, v)),
		    eq(z, Z3_mk_bvand(C(z), r, pm), Z3_mk_bvand(C(z), at(z, A_RID, v), pm))),
		AND(z, at(z, A_RETAG, v), in_dom(z, c), anc(z, c, v),
		    eq(z, at(z, A_SECKIND, c), num(z, SV_BUS_CONV)), not(z, at(z, A_RETAG, c)),
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
Z3_ast sv_z3_cov_unit(struct sv_z3 *z, size_t u, Z3_ast seg, Z3_ast r)
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
		push(z, &t, AND(z, eq(z, uv, num(z, (long)u)), sv_z3_cov_unit(z, u, seg, r)));
	return done(z, &t, false);
}

static Z3_ast ir_covered(struct sv_z3 *z, Z3_ast seg, Z3_ast r)
{
	const struct sv_facts *f = z->f;
	struct terms t = { 0 };

	for (size_t u = 0; u < f->nr_units; u++)
		if (f->units[u].kunit >= 0 && f->obs->units[f->units[u].kunit].ir_enabled)
			push(z, &t, sv_z3_cov_unit(z, u, seg, r));
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
			if (!sv_region_serves(m, rg))
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

		push(z, &t, AND(z, eq(z, z->m, num(z, (long)k)),
				m->all_segs ? Z3_mk_true(C(z)) : eq(z, at(z, A_SEG, d), num(z, m->seg)),
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

Z3_ast sv_z3_rule(struct sv_z3 *z, enum sv_prop p, int sub)
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
			push(z, &h, sv_z3_hop_reason(z, hop_reasons[i]));
		return AND(z, in_dom(z, d), in_dom(z, e), not(z, eq(z, d, e)),
			   at(z, A_DMA, d), at(z, A_DMA, e), exposed(z, d), exposed(z, e),
			   not(z, eq(z, at(z, A_GROUP, d), at(z, A_GROUP, e))),
			   OR(z, AND(z, sv_z3_meet(z), done(z, &h, false)),
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

