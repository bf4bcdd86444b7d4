// SPDX-License-Identifier: GPL-2.0-only
/*
 * The IVRS truthful AMD firmware has for a topology (consistent mode, and
 * the starting point of inconsistent mode's lies), after the AMD IOMMU
 * specification (doc 48882) §5.2 and the way firmware writes it:
 *  - one IVHD per unit and per IVHD type the units are described with
 *    (10h, 11h, 40h: firmware repeats each unit in every type it emits so
 *    that drivers of each generation find it), 11h/40h carrying the EFR
 *    image (and IVinfo EFRSup saying the images are valid);
 *  - each IVHD lists the unit's own function, and the devices it
 *    translates: the segment's last unit every device of the segment
 *    except the root ports other units cover, another unit the root-bus
 *    slot it names (as derive.c does for DMAR);
 *  - a device: a select entry per function, or a start/end range over its
 *    functions; a bridge: a select, then what is below it;
 *  - a PCIe-to-PCI bridge: an alias range over its secondary and
 *    subordinate buses, whose requests carry the secondary bus's 00.0
 *    (PCIe to PCI/PCI-X Bridge spec §2.3); a function that also uses
 *    another requester ID (hw_alias): an alias select naming it;
 *  - special entries (48h) for every IOAPIC and the HPET under segment
 *    0's last unit: the southbridge IOAPIC (the MADT's, GSI 0) at 00:14.0,
 *    the ID of the southbridge's (FCH) SMBus function, where AMD chipsets
 *    put it, the next at 00:00.1 (the northbridge's); the HPET at 00:14.0
 *    too; and a select entry for that function (lower.c gives segment 0
 *    of a machine with an AMD unit there the FCH function);
 *  - an IVMD 21h unity map for every device that keeps a firmware DMA
 *    buffer (the RMRR of the DMAR side, same ranges).
 */
#include <stdlib.h>

#include "build.h"
#include "types.h"

/* the southbridge unit at 0xfeb80000 as on AMD chipsets, further units below it */
uint64_t g_amd_unit_base(unsigned nth)
{
	return 0xfeb80000ULL - 0x80000ULL * nth;
}

/* 48882 §3.2.1: capability ID 0Fh, type 3, revision 1, IotlbSup, EFRSup */
uint32_t g_amd_cap_header(void)
{
	return 0x0f | 3 << 16 | 1 << 19 | 1 << 24 | 1 << 27;
}

int g_amd_unit_nth(const struct g_lowered *l, const struct g_node *u)
{
	int nth = 0;

	for (size_t i = 0; i < l->nr_placed; i++) {
		if (l->placed[i].n == u)
			return nth;
		nth += l->placed[i].n->type == &g_amd_unit;
	}
	return -1;
}

/* the southbridge's at 00:14.0, the northbridge's at 00:00.1, any further on 00:14.N */
uint16_t g_amd_ioapic_source(unsigned nth)
{
	return nth == 0 ? 0x00a0 : nth == 1 ? 0x0001 : 0x00a0 | ((nth - 1) & 7);
}

int g_amd_fch(const struct g_node *root)
{
	int seg0 = 0, unit0 = 0;

	for (size_t i = 0; i < root->nr_kids; i++) {
		const struct g_node *k = root->kids[i];

		seg0 |= k->type == &g_segment && g_get(k, "segment") == 0;
		unit0 |= k->type == &g_amd_unit && g_get(k, "segment") == 0;
	}
	return seg0 && unit0;
}

int g_platform_is_amd(const struct g_node *root)
{
	int amd = 0;

	for (size_t i = 0; i < root->nr_kids; i++) {
		if (root->kids[i]->type == &g_dmar_unit)
			return 0;
		amd |= root->kids[i]->type == &g_amd_unit;
	}
	return amd;
}

struct ctx {
	struct g_node *ivhd;
	const struct g_lowered *l;
	int oom;
};

static struct g_node *entry(struct ctx *c, struct g_node *parent, const struct g_type *t,
			    uint16_t devid)
{
	struct g_node *n;

	if (c->oom)
		return NULL;
	n = g_node_new(t);
	if (!n || g_add_kid(parent, n)) {
		g_node_free(n);
		c->oom = 1;
		return NULL;
	}
	g_set(n, "device_id", devid);
	return n;
}

static int is_device(const struct g_node *n)
{
	return n->type == &g_endpoint || n->type == &g_rciep || n->type == &g_conv_dev;
}

/* the requester ID a device's hw_alias names besides its own (lower.c) */
static int hw_alias(const struct g_node *n, uint8_t bus, uint8_t devfn)
{
	switch (g_get(n, "hw_alias")) {
	case 1:
		return bus << 8 | (devfn & ~7);
	case 2:
		return bus << 8 | (devfn & ~7) | 1;
	case 3:
		return ((bus + 1) & 0xff) << 8;
	}
	return -1;
}

static void cover(struct ctx *c, const struct g_node *n)
{
	const struct g_placed *p = g_placed_of(c->l, n);
	uint16_t rid;

	if (!p)
		return;
	rid = p->bus << 8 | p->devfn;
	if (is_device(n)) {
		unsigned nfn = g_get(n, "functions");
		int alias = hw_alias(n, p->bus, p->devfn);

		if (nfn < 1 || nfn > 8)
			nfn = 1;
		if (alias < 0 && nfn > 1) {
			entry(c, c->ivhd, &g_ivhd_range_start, rid);
			entry(c, c->ivhd, &g_ivhd_range_end, rid + nfn - 1);
			return;
		}
		for (unsigned fn = 0; fn < nfn; fn++) {
			struct g_node *e;

			if (alias < 0 || alias == (int)(rid + fn)) {
				entry(c, c->ivhd, &g_ivhd_select, rid + fn);
				continue;
			}
			e = entry(c, c->ivhd, &g_ivhd_alias_select, rid + fn);
			if (e)
				g_set(e, "source", alias);
		}
		return;
	}
	entry(c, c->ivhd, &g_ivhd_select, rid);
	if (!p->secondary)
		return;
	if (n->type == &g_pcie_pci_bridge) {
		struct g_node *e = entry(c, c->ivhd, &g_ivhd_alias_range, p->secondary << 8);

		if (e)
			g_set(e, "source", p->secondary << 8);
		entry(c, c->ivhd, &g_ivhd_range_end, p->subordinate << 8 | 0xff);
		return;
	}
	for (size_t i = 0; i < n->nr_kids; i++)
		cover(c, n->kids[i]);
}

static const struct g_node *segment_of(const struct g_node *root, unsigned seg)
{
	for (size_t i = 0; i < root->nr_kids; i++)
		if (root->kids[i]->type == &g_segment && g_get(root->kids[i], "segment") == seg)
			return root->kids[i];
	return NULL;
}

/* the last placed unit of segment seg, and whether another covers root-bus slot port */
static const struct g_node *last_unit(const struct g_node *root, const struct g_lowered *l,
				      unsigned seg, unsigned port, int *port_taken)
{
	const struct g_node *last = NULL;

	for (size_t i = 0; i < root->nr_kids; i++) {
		const struct g_node *u = root->kids[i];

		if (u->type == &g_amd_unit && g_get(u, "segment") == seg && g_amd_unit_nth(l, u) >= 0)
			last = u;
	}
	*port_taken = 0;
	for (size_t i = 0; i < root->nr_kids; i++) {
		const struct g_node *u = root->kids[i];

		if (u != last && u->type == &g_amd_unit && g_get(u, "segment") == seg &&
		    g_amd_unit_nth(l, u) >= 0 && g_get(u, "port") == port)
			*port_taken = 1;
	}
	return last;
}

static void specials(struct ctx *c, const struct g_node *root)
{
	unsigned nr_ioapic = 0;

	for (size_t i = 0; i < root->nr_kids; i++) {
		const struct g_node *k = root->kids[i];
		struct g_node *e;

		if (k->type != &g_ioapic && k->type != &g_hpet_block)
			continue;
		e = entry(c, c->ivhd, &g_ivhd_special, 0);
		if (!e)
			return;
		/* INITPass, EIntPass, NMIPass, SysMgt, Lint0/1Pass, as firmware has it */
		g_set(e, "dte", 0xd7);
		if (k->type == &g_ioapic) {
			g_set(e, "handle", g_get(k, "ioapic_id"));
			g_set(e, "source", g_amd_ioapic_source(nr_ioapic++));
			g_set(e, "variety", 1);
		} else {
			g_set(e, "handle", g_get(k, "hpet_number"));
			g_set(e, "source", 0x00a0);
			g_set(e, "variety", 2);
		}
	}
}

/* EFR bits to the 10h header's feature reporting field (48882 Table 92) */
static uint64_t feature_reporting(uint64_t efr)
{
	static const uint8_t map[][2] = {	/* EFR bit, field bit */
		{ 2, 0 }, { 3, 1 }, { 4, 2 }, { 6, 5 }, { 7, 6 }, { 8, 7 }, { 9, 8 } };
	uint64_t v = 0;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (efr >> map[i][0] & 1)
			v |= 1ULL << map[i][1];
	return v;
}

static void ivhd(struct ctx *c, struct g_node *ivrs, const struct g_type *t,
		 const struct g_node *root, const struct g_node *u)
{
	const struct g_placed *p = g_placed_of(c->l, u);
	unsigned seg = p->segment, port = g_get(u, "port");
	const struct g_node *s = segment_of(root, seg), *last;
	int taken;

	c->ivhd = entry(c, ivrs, t, p->bus << 8 | p->devfn);
	if (!c->ivhd)
		return;
	g_set(c->ivhd, "pci_segment", seg);
	g_set(c->ivhd, "base_address", g_amd_unit_base(g_amd_unit_nth(c->l, u)));
	if (t == &g_ivhd10)
		g_set(c->ivhd, "feature_reporting", feature_reporting(g_get(u, "efr")));
	else
		g_set(c->ivhd, "efr_image", g_get(u, "efr"));
	entry(c, c->ivhd, &g_ivhd_select, p->bus << 8 | p->devfn);
	if (!s)
		return;
	last = last_unit(root, c->l, seg, port, &taken);
	if (u != last) {
		if (port < s->nr_kids)
			cover(c, s->kids[port]);
		return;
	}
	entry(c, c->ivhd, &g_ivhd_select, 0);	/* the host bridge */
	for (size_t i = 0; i < s->nr_kids; i++) {
		last_unit(root, c->l, seg, i, &taken);
		if (!taken)
			cover(c, s->kids[i]);
	}
	if (seg == 0 && g_amd_fch(root)) {
		entry(c, c->ivhd, &g_ivhd_select, 0x00a0);	/* the FCH SMBus function */
		specials(c, root);
	}
}

/* whether a placed unit translates segment seg */
static int has_unit(const struct g_node *root, const struct g_lowered *l, unsigned seg)
{
	int port_taken;

	return last_unit(root, l, seg, 0, &port_taken) != NULL;
}

/* a device's buffer, on a segment a unit translates (no IOMMU: nothing to map) */
static void ivmds(struct ctx *c, struct g_node *ivrs, const struct g_node *root,
		  const struct g_node *n, unsigned *k)
{
	const struct g_placed *p = g_placed_of(c->l, n);

	if (p && (n->type == &g_endpoint || n->type == &g_rciep) && g_get(n, "rmrr") &&
	    has_unit(root, c->l, p->segment)) {
		struct g_node *m = entry(c, ivrs, &g_ivmd21, p->bus << 8 | p->devfn);

		if (!m)
			return;
		g_set(m, "pci_segment", p->segment);
		g_set(m, "start", 0x3e000000ULL + 0x100000ULL * (*k)++);
		g_set(m, "block_length", 0x100000);
	}
	for (size_t i = 0; i < n->nr_kids; i++)
		ivmds(c, ivrs, root, n->kids[i], k);
}

struct g_node *g_derive_ivrs(const struct g_node *root, const struct g_lowered *l)
{
	static const struct g_type *const types[] = { &g_ivhd10, &g_ivhd11, &g_ivhd40 };
	struct g_node *ivrs = g_node_new(&g_ivrs);
	struct ctx c = { NULL, l, !ivrs };
	unsigned mask = 0, k = 0;

	for (size_t i = 0; i < root->nr_kids; i++)
		if (root->kids[i]->type == &g_amd_unit && g_amd_unit_nth(l, root->kids[i]) >= 0)
			mask |= g_get(root->kids[i], "ivhd_types") & 7;
	if (!mask)
		mask = 1;
	for (unsigned t = 0; t < 3 && !c.oom; t++) {
		if (!(mask & 1u << t))
			continue;
		for (size_t i = 0; i < root->nr_kids && !c.oom; i++)
			if (root->kids[i]->type == &g_amd_unit && g_amd_unit_nth(l, root->kids[i]) >= 0)
				ivhd(&c, ivrs, types[t], root, root->kids[i]);
	}
	if (!c.oom)
		ivmds(&c, ivrs, root, root, &k);
	if (c.oom) {
		g_node_free(ivrs);
		return NULL;
	}
	if (mask & 6)
		g_set(ivrs, "ivinfo", g_get(ivrs, "ivinfo") | 1);	/* EFRSup */
	return ivrs;
}
