// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fast check: the specification's properties evaluated directly over
 * the facts by enumeration (pairs of functions, their ancestors by bus
 * range, their emitted requester IDs).  The same rules as z3_model.c,
 * written imperatively; the two are compared on the whole test corpus and
 * on every finding, and a disagreement is an internal error.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"

int sv_found_add(struct sv_found *f, const struct sv_violation *v)
{
	f->total++;
	if (f->keep && f->nr == f->keep)
		return 0;
	if (f->nr == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 16;
		struct sv_violation *n = realloc(f->v, cap * sizeof(*n));

		if (!n)
			return -1;
		f->v = n;
		f->cap = cap;
	}
	f->v[f->nr++] = *v;
	return 0;
}

void sv_found_release(struct sv_found *f)
{
	free(f->v);
	memset(f, 0, sizeof(*f));
}

bool sv_same_key(const struct sv_violation *a, const struct sv_violation *b)
{
	if (a->prop != b->prop)
		return false;
	switch (a->prop) {
	case SV_P1:
	case SV_P2:
		return a->a == b->a && a->b == b->b;
	case SV_P3:
		return a->a == b->a && a->rid == b->rid;
	case SV_P4:
		return a->reason == b->reason && a->a == b->a && a->b == b->b && a->rid == b->rid;
	case SV_P5:
		return a->a == b->a && a->item == b->item;
	default:
		return a->item == b->item;
	}
}

/* ---- rules (PCIe 6.12; see README.md) ---------------------------------- */

/* A function that isolates its peers inside its own device (6.12.1.2). */
bool sv_iso_fn(const struct sv_fn *x)
{
	if (x->rc_translated)
		return true;
	if (!x->acs)
		return false;
	if (!(x->acs_cap & SV_ACS_RR))
		return true;	/* RR is required of any function that does P2P */
	return sv_has(x, SV_ACS_RR) && (!(x->acs_cap & SV_ACS_CR) || sv_has(x, SV_ACS_CR));
}

/*
 * d emits rid as one of its phantom functions (PCIe 2.2.6.2): a function
 * number that agrees with d's own in the bits phantom functions leave
 * alone, and only when DevCtl enables them.
 */
bool sv_phantom_emits(const struct sv_fn *d, uint16_t rid)
{
	static const uint8_t phantom_mask[4] = { 0, 0x4, 0x6, 0x7 };
	uint8_t m = phantom_mask[d->phantom & 3];

	return !d->retagged && (d->rid & ~7) == (rid & ~7) &&
	       ((rid & 7) & ~m) == ((d->devfn & 7) & ~m);
}

/* A root port that routes peer traffic to other root ports (6.12.1.1). */
bool sv_rp_p2p(const struct sv_fn *x)
{
	return x->pcie_type == SV_PT_RP && x->acs && (x->acs_cap & SV_ACS_RR);
}

/* Functions of one device: same device number, or every function of an ARI bus. */
bool sv_same_device(const struct sv_facts *f, const struct sv_fn *x, const struct sv_fn *y)
{
	if (x->seg != y->seg || x->bus != y->bus)
		return false;
	if ((x->devfn >> 3) == (y->devfn >> 3))
		return true;
	for (size_t i = 0; x->kind == SV_BUS_LINK && i < f->nr_fns; i++) {
		const struct sv_fn *p = &f->fns[i];

		if (p->bridge && p->seg == x->seg && p->sec == x->bus && p->ari_fwd)
			return true;
	}
	return false;
}

/*
 * A port that may turn a redirected request back down (ACS UF off).  A
 * root port need implement UF only when the root complex validates
 * redirected requests (6.12.1.1); one that does not implement it hands
 * what arrives from its link to the root complex, which translates it
 * (the root complex assumption above).  One that implements UF and has it
 * off may reflect the request itself.
 */
bool sv_turns_back(const struct sv_fn *p)
{
	if (!sv_is_port(p) || sv_has(p, SV_ACS_UF))
		return false;
	return !(p->pcie_type == SV_PT_RP && !(p->acs_cap & SV_ACS_UF));
}

/* The first port above x that would not forward redirected requests up, -1. */
int sv_uf_gap(const struct sv_facts *f, const struct sv_fn *x)
{
	for (size_t i = 0; i < f->nr_fns; i++)
		if (sv_anc(&f->fns[i], x) && sv_turns_back(&f->fns[i]))
			return (int)i;
	return -1;
}

static bool explicit_cover(const struct sv_facts *f, int unit, uint16_t seg, uint16_t rid)
{
	for (size_t k = 0; k < f->nr_ranges; k++) {
		const struct sv_range *r = &f->ranges[k];

		if ((unit < 0 || r->unit == unit) && r->seg == seg && r->lo <= rid && rid <= r->hi)
			return true;
	}
	return false;
}

/* The tables route rid to unit: a scope/entry of the unit, or INCLUDE_ALL's rest. */
bool sv_covered_by(const struct sv_facts *f, int unit, uint16_t seg, uint16_t rid)
{
	if (unit < 0 || (size_t)unit >= f->nr_units)
		return false;
	if (explicit_cover(f, unit, seg, rid))
		return true;
	return f->units[unit].include_all && f->units[unit].seg == seg &&
	       !explicit_cover(f, -1, seg, rid);
}

bool sv_group_iso_msi(const struct sv_facts *f, int group)
{
	const struct observation *o = f->obs;
	bool any = false;

	if (group < 0)
		return false;
	if (o->groups)
		return group < o->nr_groups && o->groups[group].isolated_msi;
	for (size_t i = 0; i < o->nr_devices; i++) {
		if (o->devices[i].group != group)
			continue;
		if (!o->devices[i].isolated_msi)
			return false;
		any = true;
	}
	return any;
}

/*
 * A reserved region of kind q can stand for direct map m: a direct region
 * (RMRR or IVMD), or for an IVMD a plain reserved one (the AMD driver
 * reports exclusion ranges so).
 */
bool sv_region_serves(const struct sv_dmap *m, const struct observation_region *q)
{
	return q->type == OBS_RESV_DIRECT || q->type == OBS_RESV_DIRECT_RELAXABLE ||
	       (m->ivmd && q->type == OBS_RESV_RESERVED);
}

/* VT-d 9.10: the IRTE's source validation type, qualifier and id. */
bool sv_sid_admits(const struct observation_device *od, uint16_t rid)
{
	static const uint16_t sq_mask[4] = { 0, 0x4, 0x6, 0x7 };

	switch (od->msi_svt) {
	case 1:
		return (rid & ~sq_mask[od->msi_sq & 3]) == (od->msi_sid & ~sq_mask[od->msi_sq & 3]);
	case 2:
		return (od->msi_sid >> 8) <= (rid >> 8) && (rid >> 8) <= (od->msi_sid & 0xff);
	default:		/* 0: no check; 3: reserved, checks nothing */
		return true;
	}
}

/* ---- emitted requester IDs --------------------------------------------- */

struct rids {
	uint16_t r[64];
	int n;
};

static void rid_add(struct rids *s, uint16_t r)
{
	for (int i = 0; i < s->n; i++)
		if (s->r[i] == r)
			return;
	if (s->n < (int)(sizeof(s->r) / sizeof(s->r[0])))
		s->r[s->n++] = r;
}

static void emits(const struct sv_facts *f, int i, struct rids *s)
{
	const struct sv_fn *d = &f->fns[i];

	s->n = 0;
	if (!d->retagged) {
		for (unsigned fn = 0; fn < 8; fn++)
			if (sv_phantom_emits(d, (uint16_t)((d->rid & ~7) | fn)))
				rid_add(s, (uint16_t)((d->rid & ~7) | fn));
	} else {
		for (size_t k = 0; k < f->nr_fns; k++) {
			const struct sv_fn *c = &f->fns[k];

			if (!sv_anc(c, d) || !sv_retags(c))
				continue;
			rid_add(s, c->rid);
			if (c->pcie_type == SV_PT_PCIE_PCI)
				rid_add(s, (uint16_t)(c->sec << 8));
			if (c->pcix)
				rid_add(s, d->rid);
		}
	}
	for (size_t k = 0; k < f->nr_aliases; k++)
		if (f->aliases[k].fn == i)
			rid_add(s, f->aliases[k].rid);
}

static bool exposed(const struct sv_fn *x)
{
	return x->group >= 0;
}

/* ---- the properties ------------------------------------------------------ */

static int p1(const struct sv_facts *f, struct sv_found *out)
{
	struct rids *all = calloc(f->nr_fns ? f->nr_fns : 1, sizeof(*all));
	int ret = 0;

	if (!all)
		return -1;
	for (size_t i = 0; i < f->nr_fns; i++)
		emits(f, (int)i, &all[i]);
	for (size_t a = 0; a < f->nr_fns && !ret; a++) {
		for (size_t b = a + 1; b < f->nr_fns && !ret; b++) {
			const struct sv_fn *x = &f->fns[a], *y = &f->fns[b];

			if (!exposed(x) || !exposed(y) || x->group == y->group || x->seg != y->seg)
				continue;
			for (int i = 0; i < all[a].n; i++) {
				bool shared = false;

				for (int j = 0; j < all[b].n && !shared; j++)
					shared = all[a].r[i] == all[b].r[j];
				if (shared) {
					struct sv_violation v = { .prop = SV_P1, .reason = SV_R_SHARED_RID,
						.a = (int)a, .b = (int)b, .x = -1, .y = -1,
						.rid = all[a].r[i], .item = -1 };

					ret = sv_found_add(out, &v);
					break;
				}
			}
		}
	}
	free(all);
	return ret;
}

/* Can a request from x's side reach y's side directly at their common bus? */
static enum sv_reason hop(const struct sv_facts *f, const struct sv_fn *x, const struct sv_fn *y,
			  int *via)
{
	bool same = sv_same_device(f, x, y);

	*via = -1;
	switch (x->kind) {
	case SV_BUS_CONV:
		return SV_R_CONV_BUS;
	case SV_BUS_SWITCH:
		if (!sv_has(x, SV_ACS_ISOLATE))
			return SV_R_SWITCH;
		return (*via = sv_uf_gap(f, x)) >= 0 ? SV_R_NO_UF : SV_R_NONE;
	case SV_BUS_LINK:
		if (!same)
			return SV_R_NONE;
		if (!sv_iso_fn(x))
			return SV_R_MULTIFUNCTION;
		return (*via = sv_uf_gap(f, x)) >= 0 ? SV_R_NO_UF : SV_R_NONE;
	case SV_BUS_ROOT:
	default:
		if (same)
			return sv_iso_fn(x) ? SV_R_NONE : SV_R_MULTIFUNCTION;
		return sv_rp_p2p(x) && sv_rp_p2p(y) && !sv_has(x, SV_ACS_RR | SV_ACS_CR) ?
		       SV_R_ROOT_P2P : SV_R_NONE;
	}
}

static bool can_spoof(const struct sv_facts *f, const struct sv_fn *d, const struct sv_fn *e)
{
	if (d->kind == SV_BUS_ROOT || d->retagged || d->seg != e->seg || d->bus == e->bus)
		return false;
	for (size_t i = 0; i < f->nr_fns; i++) {
		const struct sv_fn *p = &f->fns[i];

		if (sv_is_port(p) && sv_anc(p, d) && sv_has(p, SV_ACS_SV) &&
		    !(p->sec <= e->bus && e->bus <= p->sub))
			return false;
	}
	return true;
}

static int p2(const struct sv_facts *f, struct sv_found *out)
{
	int *anc = malloc((f->nr_fns ? f->nr_fns : 1) * sizeof(*anc));
	size_t *nanc = calloc(f->nr_fns ? f->nr_fns : 1, sizeof(*nanc));
	int **lists = calloc(f->nr_fns ? f->nr_fns : 1, sizeof(*lists));
	int ret = -1;

	if (!anc || !nanc || !lists)
		goto out;
	/* ancestors-or-self of every function, by bus range */
	for (size_t i = 0; i < f->nr_fns; i++) {
		size_t n = 0;

		anc[n++] = (int)i;
		for (size_t k = 0; k < f->nr_fns; k++)
			if (k != i && sv_anc(&f->fns[k], &f->fns[i]))
				anc[n++] = (int)k;
		lists[i] = malloc(n * sizeof(int));
		if (!lists[i])
			goto out;
		memcpy(lists[i], anc, n * sizeof(int));
		nanc[i] = n;
	}
	for (size_t a = 0; a < f->nr_fns; a++) {
		const struct sv_fn *d = &f->fns[a];

		if (!d->dma || !exposed(d))
			continue;
		for (size_t b = 0; b < f->nr_fns; b++) {
			const struct sv_fn *e = &f->fns[b];
			/* the violation is built only when found: pairs are many */
			enum sv_reason reason = SV_R_NONE;
			int vx = -1, vy = -1;

			if (a == b || !e->dma || !exposed(e) || d->group == e->group)
				continue;
			for (size_t i = 0; i < nanc[a] && !reason; i++) {
				for (size_t j = 0; j < nanc[b] && !reason; j++) {
					const struct sv_fn *x = &f->fns[lists[a][i]], *y = &f->fns[lists[b][j]];
					int via;

					if (x == y || x->seg != y->seg || x->bus != y->bus)
						continue;
					reason = hop(f, x, y, &via);
					vx = lists[a][i];
					vy = via >= 0 ? via : lists[b][j];
				}
			}
			if (!reason && can_spoof(f, d, e)) {
				reason = SV_R_SPOOF;
				vx = vy = -1;
			}
			if (reason) {
				struct sv_violation v = { .prop = SV_P2, .reason = reason, .a = (int)a,
							  .b = (int)b, .x = vx, .y = vy, .rid = -1,
							  .item = -1 };

				if (sv_found_add(out, &v))
					goto out;
			}
		}
	}
	ret = 0;
out:
	for (size_t i = 0; lists && i < f->nr_fns; i++)
		free(lists[i]);
	free(lists);
	free(nanc);
	free(anc);
	return ret;
}

static int p3(const struct sv_facts *f, struct sv_found *out)
{
	for (size_t a = 0; a < f->nr_fns; a++) {
		const struct sv_fn *d = &f->fns[a];
		struct rids s;

		if (!exposed(d))
			continue;
		emits(f, (int)a, &s);
		for (int i = 0; i < s.n; i++) {
			struct sv_violation v = { .prop = SV_P3, .a = (int)a, .b = -1, .x = -1,
						  .y = -1, .rid = s.r[i], .item = -1 };

			if (sv_covered_by(f, d->unit, d->seg, s.r[i]))
				continue;
			v.reason = SV_R_NO_UNIT;
			for (size_t u = 0; u < f->nr_units; u++)
				if (sv_covered_by(f, (int)u, d->seg, s.r[i])) {
					v.reason = SV_R_OTHER_UNIT;
					v.x = (int)u;
					break;
				}
			if (sv_found_add(out, &v))
				return -1;
		}
	}
	return 0;
}

static bool ir_covered(const struct sv_facts *f, uint16_t seg, uint16_t rid)
{
	for (size_t u = 0; u < f->nr_units; u++)
		if (f->units[u].kunit >= 0 && f->obs->units[f->units[u].kunit].ir_enabled &&
		    sv_covered_by(f, (int)u, seg, rid))
			return true;
	return false;
}

static int p4(const struct sv_facts *f, struct sv_found *out)
{
	for (size_t a = 0; a < f->nr_fns; a++) {
		const struct sv_fn *d = &f->fns[a];
		const struct observation_device *od;
		struct rids s;

		if (!exposed(d) || !sv_group_iso_msi(f, d->group))
			continue;
		emits(f, (int)a, &s);
		for (int i = 0; i < s.n; i++) {
			struct sv_violation v = { .prop = SV_P4, .reason = SV_R_IR_OFF, .a = (int)a,
				.b = -1, .x = -1, .y = -1, .rid = s.r[i], .item = d->group };

			if (!ir_covered(f, d->seg, s.r[i]) && sv_found_add(out, &v))
				return -1;
		}
		od = &f->obs->devices[d->obs];
		if (!od->msi_sid_known)
			continue;
		for (size_t b = 0; b < f->nr_fns; b++) {
			const struct sv_fn *e = &f->fns[b];
			struct rids t;

			if (!exposed(e) || !e->dma || e->group == d->group || e->seg != d->seg)
				continue;
			emits(f, (int)b, &t);
			for (int i = 0; i < t.n; i++) {
				struct sv_violation v = { .prop = SV_P4, .reason = SV_R_SID_ADMITS,
					.a = (int)a, .b = (int)b, .x = -1, .y = -1, .rid = -1,
					.item = d->group };

				if (sv_sid_admits(od, t.r[i]) && sv_covered_by(f, d->unit, e->seg, t.r[i])) {
					if (sv_found_add(out, &v))
						return -1;
					break;
				}
			}
		}
	}
	return 0;
}

static bool has_region(const struct sv_facts *f, int group, const struct sv_dmap *m)
{
	const struct observation_group *g;

	if (group < 0 || group >= f->obs->nr_groups)
		return false;
	g = &f->obs->groups[group];
	for (size_t i = 0; i < g->nr_regions; i++) {
		const struct observation_region *q = &g->regions[i];
		if (sv_region_serves(m, q) && q->start <= m->start && m->end <= q->end)
			return true;
	}
	return false;
}

static int p5(const struct sv_facts *f, struct sv_found *out)
{
	for (size_t m = 0; m < f->nr_dmaps; m++) {
		const struct sv_dmap *map = &f->dmaps[m];

		for (size_t a = 0; a < f->nr_fns; a++) {
			const struct sv_fn *d = &f->fns[a];
			struct sv_violation v = { .prop = SV_P5, .reason = SV_R_NO_REGION, .a = (int)a,
				.b = -1, .x = -1, .y = -1, .rid = -1, .item = (int)m };

			if (!exposed(d) || (!map->all_segs && d->seg != map->seg) ||
			    d->rid < map->lo || d->rid > map->hi)
				continue;
			if (!has_region(f, d->group, map) && sv_found_add(out, &v))
				return -1;
		}
	}
	return 0;
}

static int p6(const struct sv_facts *f, struct sv_found *out)
{
	if (!f->ir_on)
		return 0;
	for (size_t s = 0; s < f->nr_irqs; s++) {
		const struct sv_irq_source *q = &f->irqs[s];
		int u = q->unit;
		struct sv_violation v = { .prop = SV_P6, .reason = SV_R_IRQ_UNCOVERED, .a = -1,
			.b = -1, .x = u, .y = -1, .rid = -1, .item = (int)s };

		if (u >= 0 && f->units[u].kunit >= 0 && f->obs->units[f->units[u].kunit].ir_enabled)
			continue;
		if (sv_found_add(out, &v))
			return -1;
	}
	return 0;
}

int sv_fast_check(const struct sv_facts *f, enum sv_prop p, struct sv_found *out)
{
	switch (p) {
	case SV_P1: return p1(f, out);
	case SV_P2: return p2(f, out);
	case SV_P3: return p3(f, out);
	case SV_P4: return p4(f, out);
	case SV_P5: return p5(f, out);
	case SV_P6: return p6(f, out);
	default: return -1;
	}
}
