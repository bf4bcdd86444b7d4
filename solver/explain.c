// SPDX-License-Identifier: GPL-2.0-only
/*
 * The words for a violation, from its witness: what a kernel engineer
 * needs to see at a glance (which devices, which groups, which port or
 * requester ID), and its class (kernel logic or firmware inconsistency).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define APPEND(v, ...)								\
	do {									\
		size_t __l = strlen((v)->text);					\
		snprintf((v)->text + __l, sizeof((v)->text) - __l, __VA_ARGS__);	\
	} while (0)

static const char *dev(const struct sv_facts *f, int i, char buf[48])
{
	char b[13];

	if (i < 0 || (size_t)i >= f->nr_fns)
		return "?";
	if (f->fns[i].group >= 0)
		snprintf(buf, 48, "%s (group %d)", sv_bdf(&f->fns[i], b), f->fns[i].group);
	else
		snprintf(buf, 48, "%s", sv_bdf(&f->fns[i], b));
	return buf;
}

static const char *bdf(const struct sv_facts *f, int i, char buf[13])
{
	if (i < 0 || (size_t)i >= f->nr_fns)
		return "?";
	return sv_bdf(&f->fns[i], buf);
}

static const char *rid_str(uint16_t seg, int rid, char buf[16])
{
	snprintf(buf, 16, "%04x:%02x:%02x.%d", seg, (rid >> 8) & 0xff, (rid >> 3) & 0x1f, rid & 7);
	return buf;
}

/* The ACS bits of mask x lacks, "RR/CR". */
static const char *lacks(const struct sv_fn *x, uint16_t mask, char buf[24])
{
	static const char *const names[] = { "SV", "TB", "RR", "CR", "UF", "EC", "DT" };

	buf[0] = 0;
	for (int b = 0; b < 7; b++)
		if ((mask & (1 << b)) && !(x->acs_ctrl & (1 << b))) {
			if (buf[0])
				strcat(buf, "/");
			strcat(buf, names[b]);
		}
	return buf;
}

/* what why_rid() found */
#define RID_UNDECLARED	1	/* only undeclared hardware says i emits it */
#define RID_IVRS	2	/* an IVRS alias says so */
#define RID_XBUS	4	/* ... on another bus than i's */
#define RID_REDECLARED	8	/* ... and a later IVRS entry gives i another */
#define RID_TYPES	16	/* ... and IVHDs of another type give i another */

/*
 * The alias the IVRS's last entry for function i declares, -1 none: the
 * kernel keeps one alias a device ID (amd init.c alias_table, each entry
 * overwriting the one before).
 */
static int last_alias_decl(const struct sv_facts *f, int i)
{
	int rid = -1;

	for (size_t k = 0; k < f->nr_alias_decls; k++)
		if (f->alias_decls[k].fn == i && f->alias_decls[k].declared)
			rid = f->alias_decls[k].rid;
	return rid;
}

/*
 * Whether IVHDs of a type the reading does not use cover id on seg (what
 * they cover is kept as disputes, tables.c); *any: whether they describe
 * seg at all.
 */
static bool other_type_covers(const struct sv_facts *f, uint16_t seg, uint16_t id, bool *any)
{
	for (size_t k = 0; k < f->nr_disputes; k++) {
		const struct sv_dispute *x = &f->disputes[k];

		if (!SV_DISPUTE_IVHD_TYPE(x->why) || x->seg != seg)
			continue;
		*any = true;
		if (x->lo <= id && id <= x->hi)
			return true;
	}
	return false;
}

/*
 * Whether IVHDs of a type not read give function i another alias than rid,
 * or none: they cover i's ID with no alias entry, so a kernel reading them
 * keeps i's own ID (its alias table starts as identity).
 */
static bool other_type_alias(const struct sv_facts *f, int i, uint16_t rid)
{
	bool decl = false, any = false;

	for (size_t k = 0; k < f->nr_alias_decls; k++)
		if (f->alias_decls[k].fn == i && !f->alias_decls[k].declared) {
			if (f->alias_decls[k].rid != rid)
				return true;
			decl = true;
		}
	return !decl && other_type_covers(f, f->fns[i].seg, f->fns[i].rid, &any);
}

/* Why function i emits rid, in words (out) and as RID_* bits (*how). */
static void why_rid(const struct sv_facts *f, int i, uint16_t rid, char *out, size_t n,
		    unsigned *how)
{
	const struct sv_fn *d = &f->fns[i];
	char b[13];

	if (!d->retagged && d->rid == rid) {
		snprintf(out, n, "its own");
		return;
	}
	/* the same definition the checkers use: an undeclared alias to
	 * another function number of the device is no phantom function */
	if (d->phantom && sv_phantom_emits(d, rid)) {
		snprintf(out, n, "a phantom function of it (DevCtl phantom functions on)");
		return;
	}
	for (size_t k = 0; k < f->nr_aliases; k++)
		if (f->aliases[k].fn == i && f->aliases[k].rid == rid) {
			snprintf(out, n, f->aliases[k].declared ? "an IVRS alias of it" :
				 "a DMA alias its hardware uses, declared by no table");
			if (!f->aliases[k].declared)
				*how |= RID_UNDECLARED;
			else
				*how |= RID_IVRS | (rid >> 8 != d->bus ? RID_XBUS : 0) |
					(last_alias_decl(f, i) != rid ? RID_REDECLARED : 0) |
					(other_type_alias(f, i, rid) ? RID_TYPES : 0);
			return;
		}
	for (size_t k = 0; k < f->nr_fns; k++) {
		const struct sv_fn *c = &f->fns[k];

		if (d->retagged && sv_anc(c, d) && sv_retags(c)) {
			snprintf(out, n, "its requests' ID behind %s %s",
				 c->pcie_type == SV_PT_PCIE_PCI ? "PCIe-to-PCI bridge" : "conventional bridge",
				 sv_bdf(c, b));
			return;
		}
	}
	snprintf(out, n, "one it emits");
}

static void p2_text(const struct sv_facts *f, struct sv_violation *v)
{
	char da[48], db[48], bx[13], by[13], l[24];
	const struct sv_fn *x = v->x >= 0 ? &f->fns[v->x] : NULL;

	dev(f, v->a, da);
	dev(f, v->b, db);
	switch (v->reason) {
	case SV_R_SWITCH:
		APPEND(v, "%s reaches %s via downstream port %s, which lacks ACS %s%s",
		       da, db, bdf(f, v->x, bx), lacks(x, SV_ACS_ISOLATE, l),
		       x->acs ? "" : " (no ACS capability)");
		break;
	case SV_R_CONV_BUS:
		APPEND(v, "%s reaches %s on conventional PCI bus %04x:%02x, where nothing forces traffic upstream",
		       da, db, x->seg, x->bus);
		break;
	case SV_R_MULTIFUNCTION:
		APPEND(v, "%s reaches %s inside multifunction device %04x:%02x:%02x: function %s lacks ACS %s%s",
		       da, db, x->seg, x->bus, x->devfn >> 3, bdf(f, v->x, bx),
		       lacks(x, SV_ACS_RR | SV_ACS_CR, l), x->acs ? "" : " (no ACS capability)");
		break;
	case SV_R_ROOT_P2P:
		APPEND(v, "%s reaches %s through the root complex: root ports %s and %s route peer traffic (ACS RR implemented) and %s lacks ACS %s",
		       da, db, bdf(f, v->x, bx), bdf(f, v->y, by), bx, lacks(x, SV_ACS_RR | SV_ACS_CR, l));
		break;
	case SV_R_NO_UF:
		APPEND(v, "%s reaches %s: the request %s redirects upstream is turned back by port %s, which lacks ACS UF",
		       da, db, bdf(f, v->x, bx), bdf(f, v->y, by));
		break;
	case SV_R_SPOOF: {
		int gap = -1;

		for (size_t k = 0; k < f->nr_fns; k++)
			if (sv_is_port(&f->fns[k]) && sv_anc(&f->fns[k], &f->fns[v->a]) &&
			    !sv_has(&f->fns[k], SV_ACS_SV) && (gap < 0 || f->fns[k].sec > f->fns[gap].sec))
				gap = (int)k;
		APPEND(v, "%s can pose as %s: no port on its path validates requester IDs for bus %02x",
		       da, db, f->fns[v->b].bus);
		if (gap >= 0)
			APPEND(v, " (port %s lacks ACS SV%s)", bdf(f, gap, bx),
			       f->fns[gap].acs ? "" : ", has no ACS capability");
		break;
	}
	default:
		APPEND(v, "%s reaches %s", da, db);
	}
}

/* Whether IVRS unit u covers id by the tables' entries. */
static bool ivrs_covers(const struct sv_facts *f, int u, uint16_t seg, uint16_t id)
{
	for (size_t r = 0; r < f->nr_ranges; r++) {
		const struct sv_range *g = &f->ranges[r];

		if (g->unit == u && g->seg == seg && g->lo <= id && id <= g->hi)
			return true;
	}
	return false;
}

/*
 * The IVHD whose IOMMU the kernel gives id: the last that covers it (its
 * lookup table takes each entry in table order, the last writer stays), a
 * unit of its own also when another IVHD has its base (init_iommu_all()
 * makes one per IVHD).  -1 when none does.
 */
static int ivrs_last_ivhd(const struct sv_facts *f, uint16_t seg, uint16_t id)
{
	int h = -1;

	for (size_t r = 0; r < f->nr_ranges; r++) {
		const struct sv_range *g = &f->ranges[r];

		if (g->ivhd >= 0 && g->seg == seg && g->lo <= id && id <= g->hi)
			h = g->ivhd;
	}
	return h;
}

/*
 * When function c, which the kernel groups the functions below it or
 * sharing its ID by, was never probed (no group) and the IVRS is why, the
 * reason (else NULL): c's ID is an IVHD's IOMMU DeviceID, which
 * init_iommu_one_late() drops from the kernel's lookup table, or no IVHD
 * entry covers it.  Without c's group pci_device_group() gives each of
 * those functions a group of its own.
 */
static const char *ivrs_unprobed(const struct sv_facts *f, const struct sv_fn *c)
{
	bool ivrs = false, covered = false, other = false;

	if (c->group >= 0)
		return NULL;
	for (size_t u = 0; u < f->nr_units; u++) {
		if (f->units[u].seg != c->seg || f->units[u].ivhd_devid < 0)
			continue;
		ivrs = true;
		if (f->units[u].ivhd_devid == c->rid)
			return "names it as an IVHD's IOMMU";
		covered |= ivrs_covers(f, (int)u, c->seg, c->rid);
	}
	if (ivrs && !covered)
		return "puts it in no IVHD entry";
	/*
	 * Covered by the IVHDs read, in none of another type's: the kernel
	 * may read that type (get_highest_supported_ivhd_type()).  Or only
	 * another type has IVHDs for c's segment, and none covers c.
	 */
	if (other_type_covers(f, c->seg, c->rid, &other) || !other)
		return NULL;
	return ivrs ? "lists it in the IVHDs of its newest type only: its IVHD types disagree" :
		      "puts it in no IVHD entry";
}

/*
 * rid's owner, the function the kernel groups rid's users by: the function
 * whose own ID it is, or the PCIe-to-PCI bridge that takes it for its
 * secondary bus (secondary bus, device 0, function 0).  Its index when the
 * IVRS is why the owner and the users are apart (else -1):
 *  - the owner was never probed (ivrs_unprobed());
 *  - or the IVRS describes the owner under another set of IOMMUs than the
 *    user u: an IVHD lists the devices its IOMMU translates (AMD IOMMU
 *    5.2.2), and a bridge and what it forwards share one upstream path, so
 *    one IOMMU.  The kernel probes unit by unit (amd_iommu_probe_device()
 *    skips a device whose unit is not registered yet), so u can be grouped
 *    before its owner, and pci_device_group() of the owner, probed later,
 *    never looks below it.  Compared by IVHD (ivrs_last_ivhd()): two IVHDs
 *    at one base are two units to the kernel.
 */
static bool owns_rid(const struct sv_fn *c, uint16_t seg, uint16_t rid)
{
	return c->seg == seg &&
	       (c->rid == rid || (sv_retags(c) && (rid & 0xff) == 0 && c->sec == rid >> 8));
}

static int ivrs_owner(const struct sv_facts *f, uint16_t seg, uint16_t rid, int u,
		      const char **why)
{
	const struct sv_fn *d = &f->fns[u];

	for (size_t k = 0; k < f->nr_fns; k++) {
		const struct sv_fn *c = &f->fns[k];

		if (!owns_rid(c, seg, rid))
			continue;
		*why = ivrs_unprobed(f, c);
		if (*why)
			return (int)k;
		/* with no group (its unit failed, say) the split stands */
		if ((int)k == u || !sv_retags(c) || !sv_anc(c, d))
			continue;
		if (ivrs_last_ivhd(f, seg, c->rid) != ivrs_last_ivhd(f, seg, d->rid))
			return (int)k;
	}
	return -1;
}

/*
 * For P2: the port above a and b the kernel would have grouped them by
 * (pci_device_group() climbs from a device to the first port with ACS
 * SV/RR/CR/UF and takes that port's group), when it has none because of
 * the IVRS; its index, else -1.
 */
static int ivrs_unprobed_port(const struct sv_facts *f, int a, int b, const char **why)
{
	int best = -1;

	for (size_t k = 0; k < f->nr_fns; k++) {
		const struct sv_fn *c = &f->fns[k];

		if (sv_anc(c, &f->fns[a]) && sv_anc(c, &f->fns[b]) &&
		    (best < 0 || c->sec > f->fns[best].sec))
			best = (int)k;
	}
	if (best < 0 || sv_has(&f->fns[best], SV_ACS_SV | SV_ACS_ISOLATE))
		return -1;
	*why = ivrs_unprobed(f, &f->fns[best]);
	return *why ? best : -1;
}

/*
 * The part of map m that a direct-map region of group g reserves, if any;
 * or (*past) the region the kernel made of m by rounding its start up to
 * a page, which a map within one page ends before.
 */
static bool part_region(const struct sv_facts *f, int g, const struct sv_dmap *m,
			uint64_t *lo, uint64_t *hi, bool *past)
{
	uint64_t up = (m->start + 0xfff) & ~0xfffULL;

	if (g < 0 || g >= f->obs->nr_groups)
		return false;
	for (size_t i = 0; i < f->obs->groups[g].nr_regions; i++) {
		const struct observation_region *q = &f->obs->groups[g].regions[i];

		if (!sv_region_serves(m, q))
			continue;
		*past = q->start > m->end;
		if ((q->start <= m->end && m->start <= q->end) || (*past && q->start == up)) {
			*lo = q->start > m->start ? q->start : m->start;
			*hi = q->end < m->end || *past ? q->end : m->end;
			return true;
		}
	}
	return false;
}

/*
 * Function a's own ID, which no IVHD covers, has the kernel's unit of a
 * function k below it that an IVHD does cover: probing k, clone_aliases()
 * copies k's device-table entry to each of k's DMA aliases and points the
 * lookup table at k's IOMMU for them (amd_iommu_set_rlookup_table()).  a's
 * ID is one of those when a is a bridge above k that is not a PCIe port,
 * or when a PCIe-to-PCI bridge above k re-tags k's requests with it.  The
 * IVRS covers k and leaves out an ID on k's way up: k and (*via) the
 * bridge the alias is by, or -1.
 */
static int ivrs_alias_donor(const struct sv_facts *f, int a, int *via)
{
	const struct sv_fn *d = &f->fns[a];

	if (!f->nr_ivhds || d->kunit < 0 || ivrs_last_ivhd(f, d->seg, d->rid) >= 0)
		return -1;
	for (size_t k = 0; k < f->nr_fns; k++) {
		const struct sv_fn *c = &f->fns[k];

		if ((int)k == a || c->kunit != d->kunit ||
		    ivrs_last_ivhd(f, c->seg, c->rid) < 0)
			continue;
		*via = a;
		if (sv_anc(d, c) && !sv_is_port(d) && d->pcie_type != SV_PT_USP)
			return (int)k;
		for (size_t b = 0; b < f->nr_fns; b++) {
			*via = (int)b;
			if ((int)b != a && sv_anc(&f->fns[b], c) && owns_rid(&f->fns[b], d->seg, d->rid))
				return (int)k;
		}
	}
	return -1;
}

/*
 * v's requester ID reaches the kernel's unit for function fn only by an
 * IVRS entry the specification leaves in dispute (tables.c): an end of
 * range without a start, or IVHDs of a type other than the one read.
 * Or (table_unit, P3) the tables route it to their unit only by a DRHD
 * that repeats an earlier DRHD's unit, which the kernel skips.  The table
 * is wrong there, whatever the kernel made of it.
 */
static void table_dispute(const struct sv_facts *f, struct sv_violation *v, int fn,
			  bool table_unit)
{
	const struct sv_fn *d = &f->fns[fn];
	int why = 0;

	if (v->rid < 0)
		return;
	if (d->kunit >= 0)
		why = sv_disputed(f, d->seg, (uint16_t)v->rid, f->obs->units[d->kunit].reg_base);
	if (why == SV_DISPUTE_NO_START) {
		APPEND(v, "; %s has it only by an IVRS end-of-range entry without a start (where that range begins the table does not say)",
		       f->obs->units[d->kunit].name);
		v->reason = SV_R_RANGE_NO_START;
	} else if (SV_DISPUTE_IVHD_TYPE(why)) {
		APPEND(v, "; %s has it only by the IVRS's type %02xh IVHDs, not by its type %02xh ones: its IVHD types disagree",
		       f->obs->units[d->kunit].name, why, f->ivhd_type);
		v->reason = SV_R_IVHD_TYPES;
	} else if (table_unit && v->x >= 0 &&
		   sv_disputed(f, d->seg, (uint16_t)v->rid, f->units[v->x].base) == SV_DISPUTE_DRHD_REPEAT) {
		APPEND(v, "; only a DRHD repeating an earlier DRHD's register base routes it there, and the kernel keeps the first of the two");
		v->reason = SV_R_DRHD_REPEAT;
		why = SV_DISPUTE_DRHD_REPEAT;
	}
	if (why)
		v->cls = SV_FIRMWARE;
}

/*
 * Function i, when the tree's ACS quirk table answers for it that it
 * isolates (pci_dev_specific_acs_enabled(); the kernel's pci_acs_enabled()
 * then reads no ACS capability): the kernel holds a vendor's word on that
 * vendor:device ID, and a generated machine gave the ID to hardware that
 * does not keep it.  Only on generated machines: a real one's hardware is
 * the vendor's.
 */
static bool acs_quirk_isolates(const struct sv_facts *f, int i)
{
	return f->platform->tables_may_lie && i >= 0 && f->fns[i].obs >= 0 &&
	       f->obs->devices[f->fns[i].obs].acs_quirk == 1;
}

/*
 * A function other than a to which the tree's DMA-alias quirks
 * (quirk_*_dma_alias(), by its vendor:device ID) give rid as an alias; -1
 * when none, or on a real machine (as above).  The kernel covers such an
 * ID with that function's unit and group.
 */
static int quirk_alias_owner(const struct sv_facts *f, int a, uint16_t seg, uint16_t rid)
{
	for (size_t k = 0; f->platform->tables_may_lie && k < f->nr_fns; k++) {
		const struct sv_fn *c = &f->fns[k];

		if ((int)k != a && c->obs >= 0 && c->seg == seg && c->bus == rid >> 8 &&
		    f->obs->devices[c->obs].quirk_alias[(rid & 0xff) / 8] & 1 << (rid & 7))
			return (int)k;
	}
	return -1;
}

/* v rests on function k's quirk, which says what the hardware does not */
static void quirk_blame(const struct sv_facts *f, struct sv_violation *v, int k, const char *quirk,
			const char *says)
{
	const struct observation_device *o = &f->obs->devices[f->fns[k].obs];
	char b[13];

	APPEND(v, "; the tree's %s quirk for %04x:%04x (%s) %s, which the generated hardware does not",
	       quirk, o->vendor, o->device, bdf(f, k, b), says);
	v->cls = SV_FIRMWARE;
	v->reason = SV_R_PCI_QUIRK;
}

void sv_explain(const struct sv_facts *f, struct sv_violation *v)
{
	char da[48], db[48], r[16], w1[96], w2[96];
	unsigned how = 0;
	bool fw;

	snprintf(v->text, sizeof(v->text), "%s: ", sv_prop_name(v->prop));
	v->cls = SV_KERNEL_LOGIC;
	switch (v->prop) {
	case SV_P1:
		why_rid(f, v->a, (uint16_t)v->rid, w1, sizeof(w1), &how);
		why_rid(f, v->b, (uint16_t)v->rid, w2, sizeof(w2), &how);
		fw = how & RID_UNDECLARED;
		APPEND(v, "%s and %s share requester ID %s at the IOMMU (%s: %s; %s: %s)",
		       dev(f, v->a, da), dev(f, v->b, db), rid_str(f->fns[v->a].seg, v->rid, r),
		       da, w1, db, w2);
		{
			const char *why = NULL;
			int o = ivrs_owner(f, f->fns[v->a].seg, (uint16_t)v->rid, v->a, &why);

			if (o < 0)
				o = ivrs_owner(f, f->fns[v->a].seg, (uint16_t)v->rid, v->b, &why);
			if (o >= 0 && f->fns[o].group < 0 && why) {
				APPEND(v, "; %s, whose group that ID's is, has none: the IVRS %s",
				       bdf(f, o, w1), why);
				fw = true;
			} else if (o < 0 && (o = ivrs_unprobed_port(f, v->a, v->b, &why)) >= 0) {
				/* the kernel climbs to an unprobed port, and searches no alias */
				APPEND(v, "; %s, whose group the kernel would give both, has none: the IVRS %s",
				       bdf(f, o, w1), why);
				fw = true;
			} else if (o >= 0) {
				APPEND(v, "; the IVRS describes %s and the functions behind it under different IOMMUs%s",
				       bdf(f, o, w1),
				       f->fns[o].unit >= 0 && f->fns[o].unit == f->fns[v->a].unit &&
				       f->fns[o].unit == f->fns[v->b].unit ?
				       " (two IVHDs at one register base, two units to the kernel)" : "");
				fw = true;
			}
		}
		/*
		 * An alias only the IVRS declares, on a machine whose DMAR
		 * describes units too: the kernel ran one vendor's driver,
		 * and the other's table is not this machine's (see
		 * sv_tables_parse()); the Intel driver never reads an IVRS.
		 */
		/*
		 * A device the IVRS gives two aliases (one entry a device, 48882
		 * 5.2.2.2): the kernel keeps the last entry's.
		 */
		if ((how & RID_REDECLARED) && !fw) {
			APPEND(v, "; a later IVRS entry gives it another alias, which the kernel keeps");
			v->reason = SV_R_ALIAS_REDECLARED;
			fw = true;
		}
		/* ... or IVHDs of another type do (the kernel may read those) */
		if ((how & RID_TYPES) && !fw) {
			APPEND(v, "; the IVRS's type %02xh IVHDs give it that alias, its other types another: its IVHD types disagree",
			       f->ivhd_type);
			v->reason = SV_R_IVHD_TYPES;
			fw = true;
		}
		if ((how & RID_IVRS) && f->two_vendors && !fw) {
			APPEND(v, "; only the IVRS declares the alias, and the DMAR describes units too");
			v->reason = SV_R_TWO_VENDORS;
			fw = true;
		}
		/*
		 * setup_aliases() makes an IVRS alias a PCI DMA alias, which
		 * grouping follows, only on the device's own bus: a declared
		 * alias to another bus's ID never joins the groups.
		 */
		if ((how & RID_XBUS) && !fw) {
			APPEND(v, "; the IVRS declares the alias, on another bus, which the AMD driver never counts for groups");
			v->reason = SV_R_XBUS_ALIAS;
		}
		/*
		 * The two, or the ID's owner, under two kernel units, one of
		 * which has the ID only by an IVRS entry in dispute: where the
		 * table leaves the IOMMU undefined, the split is the table's.
		 */
		if (!fw && v->reason != SV_R_XBUS_ALIAS) {
			int who[3] = { v->a, v->b, -1 };
			bool split = f->fns[v->a].kunit != f->fns[v->b].kunit;

			for (size_t k = 0; k < f->nr_fns && who[2] < 0; k++)
				if (owns_rid(&f->fns[k], f->fns[v->a].seg, (uint16_t)v->rid))
					who[2] = (int)k;
			if (who[2] >= 0)
				split |= f->fns[who[2]].kunit != f->fns[v->a].kunit ||
					 f->fns[who[2]].kunit != f->fns[v->b].kunit;
			for (int i = 0; split && i < 3 && v->cls != SV_FIRMWARE; i++)
				if (who[i] >= 0)
					table_dispute(f, v, who[i], false);
			fw = v->cls == SV_FIRMWARE;
		}
		v->cls = fw ? SV_FIRMWARE : SV_KERNEL_LOGIC;
		break;
	case SV_P2: {
		const char *why = NULL;
		int o;

		p2_text(f, v);
		if (v->a >= 0 && v->b >= 0 && (o = ivrs_unprobed_port(f, v->a, v->b, &why)) >= 0) {
			APPEND(v, "; %s, whose group the kernel would give both, has none: the IVRS %s",
			       bdf(f, o, w1), why);
			v->cls = SV_FIRMWARE;
		}
		/*
		 * Whose ACS the kernel asked: a multifunction device's own
		 * functions (get_pci_function_alias_group()), else the ports
		 * on the path (pci_acs_path_enabled()), the witnesses x, y.
		 */
		{
			int ask[3] = { v->x, v->y, -1 };

			if (v->reason == SV_R_MULTIFUNCTION)
				ask[0] = v->a, ask[1] = v->b, ask[2] = v->x;
			for (int i = 0; i < 3; i++)
				if (acs_quirk_isolates(f, ask[i])) {
					quirk_blame(f, v, ask[i], "ACS", "says it isolates");
					break;
				}
		}
		break;
	}
	case SV_P3: {
		const struct sv_fn *d = &f->fns[v->a];
		const char *kname = d->kunit >= 0 ? f->obs->units[d->kunit].name : NULL;

		rid_str(d->seg, v->rid, r);
		if (v->reason == SV_R_NO_UNIT)
			APPEND(v, "%s emits requester ID %s, which no IOMMU unit translates by the tables",
			       dev(f, v->a, da), r);
		else
			APPEND(v, "%s emits requester ID %s, which the tables route to the unit at %#llx",
			       dev(f, v->a, da), r, (unsigned long long)f->units[v->x].base);
		if (kname)
			APPEND(v, "; the kernel attached %s", kname);
		else
			APPEND(v, "; the kernel attached no unit");
		/* the kernel reads the tables: only a non-own ID is their fault */
		v->cls = v->rid != d->rid && d->kunit >= 0 ? SV_FIRMWARE : SV_KERNEL_LOGIC;
		/* ... unless they leave the ID in dispute */
		table_dispute(f, v, v->a, v->reason != SV_R_NO_UNIT);
		/* ... or the kernel covered it as a quirk's DMA alias */
		if (v->cls == SV_KERNEL_LOGIC && d->kunit >= 0) {
			int k = quirk_alias_owner(f, v->a, d->seg, (uint16_t)v->rid);

			if (k >= 0)
				quirk_blame(f, v, k, "DMA-alias", "makes the ID its alias");
		}
		/* ... or it took the unit of a function below whose alias the ID is */
		if (v->cls == SV_KERNEL_LOGIC && v->rid == d->rid) {
			int via, k = ivrs_alias_donor(f, v->a, &via);

			if (k >= 0) {
				APPEND(v, "; no IVHD covers the ID, but one covers %s, whose DMA alias by bridge %s the ID is, and the kernel gave the alias that function's unit (clone_aliases())",
				       bdf(f, k, db), bdf(f, via, w1));
				v->cls = SV_FIRMWARE;
				v->reason = SV_R_ALIAS_UNIT;
			}
		}
		break;
	}
	case SV_P4:
		if (v->reason == SV_R_IR_OFF) {
			APPEND(v, "group %d reports isolated MSI, but %s's requester ID %s reaches no unit with interrupt remapping on",
			       f->fns[v->a].group, bdf(f, v->a, da),
			       rid_str(f->fns[v->a].seg, v->rid, r));
			table_dispute(f, v, v->a, false);
		} else {
			const struct observation_device *od = &f->obs->devices[f->fns[v->a].obs];

			APPEND(v, "group %d reports isolated MSI, but %s passes the source-id check (SVT %d, SID %#06x) of %s's interrupt entries",
			       f->fns[v->a].group, dev(f, v->b, db), od->msi_svt, od->msi_sid,
			       bdf(f, v->a, da));
		}
		break;
	case SV_P5: {
		const struct sv_dmap *m = &f->dmaps[v->item];
		uint64_t lo, hi;
		bool past = false;

		APPEND(v, "%s is under %s %#llx-%#llx, which its group's reserved regions lack",
		       dev(f, v->a, da), m->ivmd ? "IVMD unity map" : "RMRR",
		       (unsigned long long)m->start, (unsigned long long)m->end);
		/*
		 * A map that is not whole pages, of which the group reserves a
		 * part: the kernel rounded it (amd init_unity_map_range()
		 * rounds the start up), a cause of its own, told apart so that
		 * a map missing altogether keeps its own signature.
		 */
		if (((m->start | (m->end + 1)) & 0xfff) &&
		    part_region(f, f->fns[v->a].group, m, &lo, &hi, &past)) {
			APPEND(v, "%s: the map is not whole 4 KiB pages and the group reserves %#llx-%#llx %s",
			       past ? "" : " in part", (unsigned long long)lo, (unsigned long long)hi,
			       past ? "for it, past its end (its start rounded up)" : "of it");
			v->reason = SV_R_PART_REGION;
			/* VT-d 8.4: an RMRR's base and size are 4 KiB multiples */
			if (!m->ivmd)
				v->cls = SV_FIRMWARE;
		}
		/*
		 * amd_iommu_init() that fails after a unit registered (its
		 * devices probed, their groups made) frees the unity maps
		 * (free_iommu_resources(), free_unity_maps()); the groups stay,
		 * and a region query finds no map.
		 */
		if (m->ivmd && v->reason == SV_R_NO_REGION && f->obs->init_failed) {
			APPEND(v, "; the AMD driver failed its set-up after units registered and freed the IVMD maps, keeping the groups");
			v->reason = SV_R_INIT_FAILED;
		}
		/*
		 * An IVMD 20h is for all devices (48882 5.2.2.3; its bytes
		 * 4-15 are reserved), but init_unity_map_range() reads bytes
		 * 8-9 as the map's PCI segment and applies it to that segment
		 * alone.  Non-zero there, the table broke the spec; zero, a
		 * device of another segment is the kernel's miss.
		 */
		if (m->ivmd && m->all_segs && f->fns[v->a].seg != m->seg) {
			APPEND(v, "; the IVMD is of type 20h (all devices), whose reserved bytes 8-9 (%04x) the kernel takes for its segment",
			       m->seg);
			v->reason = SV_R_IVMD_ALL_SEG;
			if (m->seg)
				v->cls = SV_FIRMWARE;
		}
		/*
		 * An IVMD 22h whose end ID (aux) is below its start ID names
		 * no range (48882 5.2.2.3): the solver holds its start device
		 * to it, amd_iommu_get_resv_regions() to none.
		 */
		if (m->inverted && v->reason == SV_R_NO_REGION) {
			APPEND(v, "; the IVMD's range ends at %02x:%02x.%x, before it starts: the kernel applies it to no device",
			       m->aux >> 8, (m->aux >> 3) & 0x1f, m->aux & 7);
			v->reason = SV_R_IVMD_INVERTED;
			v->cls = SV_FIRMWARE;
		}
		break;
	}
	case SV_P6: {
		const struct sv_irq_source *s = &f->irqs[v->item];

		APPEND(v, "interrupt remapping is on, but %s %d is under no unit with remapping enabled%s",
		       s->hpet ? "HPET" : "IOAPIC", s->id,
		       s->unit < 0 ? " (no table scope names it)" : "");
		break;
	}
	default:
		break;
	}
	/* units judged against two vendors' tables: see sv_tables_parse() */
	if (f->two_vendors && v->prop >= SV_P3) {
		APPEND(v, " (the DMAR and the IVRS both describe units)");
		v->cls = SV_FIRMWARE;
		v->reason = SV_R_TWO_VENDORS;
	}
}
