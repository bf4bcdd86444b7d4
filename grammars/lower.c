// SPDX-License-Identifier: GPL-2.0-only
/*
 * Lowering: topology nodes become PCI functions with config spaces as the
 * PCIe Base 6.0 specification lays them out (type 0/1 headers §7.5.1,
 * PCI Express capability §7.5.3, PCI-X §7.9 of PCI-X 2.0, ACS §7.7.8,
 * ARI §7.8.7), with bus numbers assigned depth first as firmware does.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "types.h"

/* PCI Express capability port types (PCIe 6.0 §7.5.3.2) */
enum { T_ENDPOINT = 0, T_LEG_END = 1, T_ROOT_PORT = 4, T_UPSTREAM = 5, T_DOWNSTREAM = 6,
       T_PCIE_PCI = 7, T_PCI_PCIE = 8, T_RC_END = 9 };

struct ctx {
	struct g_lowered *l;
	unsigned next_bus;
	int oom;
	bool amd_rc;		/* the root complexes are AMD's (AMD-Vi units, no VT-d) */
};

static void put16(uint8_t *c, unsigned off, uint16_t v) { c[off] = v; c[off + 1] = v >> 8; }
static void put32(uint8_t *c, unsigned off, uint32_t v) { put16(c, off, v); put16(c, off + 2, v >> 16); }

static void *grow(void *p, size_t *cap, size_t nr, size_t size, int *oom)
{
	void *np;

	if (nr < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	np = realloc(p, *cap * size);
	if (!np)
		*oom = 1;
	return np ? np : p;
}

static struct platform_pci_function *new_fn(struct ctx *c, uint16_t seg, uint8_t bus, uint8_t devfn)
{
	struct g_lowered *l = c->l;
	struct platform_pci_function *f;

	l->fns = grow(l->fns, &l->cap_fns, l->nr_fns, sizeof(*l->fns), &c->oom);
	if (c->oom)
		return NULL;
	f = &l->fns[l->nr_fns++];
	memset(f, 0, sizeof(*f));
	f->segment = seg;
	f->bus = bus;
	f->devfn = devfn;
	return f;
}

static struct g_placed *place(struct ctx *c, const struct g_node *n, uint16_t seg, uint8_t bus,
			      uint8_t devfn)
{
	struct g_lowered *l = c->l;
	struct g_placed *p;

	l->placed = grow(l->placed, &l->cap_placed, l->nr_placed, sizeof(*l->placed), &c->oom);
	if (c->oom)
		return NULL;
	p = &l->placed[l->nr_placed++];
	*p = (struct g_placed){ n, seg, bus, devfn, 0, 0 };
	return p;
}

static void add_alias(struct ctx *c, uint16_t seg, uint8_t bus, uint8_t devfn, uint16_t rid)
{
	struct g_lowered *l = c->l;

	if (rid == (bus << 8 | devfn))
		return;
	l->aliases = grow(l->aliases, &l->cap_aliases, l->nr_aliases, sizeof(*l->aliases), &c->oom);
	if (!c->oom)
		l->aliases[l->nr_aliases++] = (struct platform_dma_alias){ seg, bus, devfn, rid };
}

/* a header: IDs, class, header type, and an empty capability list */
static void header(struct platform_pci_function *f, uint32_t id, uint32_t class, int type1,
		   int multifunction, int pcie)
{
	uint8_t *c = f->config;

	f->config_size = pcie ? 4096 : 256;
	put16(c, 0x00, id >> 16);
	put16(c, 0x02, id & 0xffff);
	put16(c, 0x04, 0x0006);			/* memory space, bus master */
	put16(c, 0x06, 0x0010);			/* capabilities list */
	put32(c, 0x08, class << 8 | 0x01);
	c[0x0e] = (type1 ? 1 : 0) | (multifunction ? 0x80 : 0);
	c[0x34] = 0;
}

/* a standard capability at off, linked at the head of the list */
static uint8_t *add_cap(struct platform_pci_function *f, unsigned off, uint8_t id)
{
	uint8_t *c = f->config;

	c[off] = id;
	c[off + 1] = c[0x34];
	c[0x34] = off;
	return c + off;
}

static void add_pcie_cap(struct platform_pci_function *f, int type, unsigned phantom,
			 int phantom_en, int ari_fwd)
{
	uint8_t *p = add_cap(f, 0x40, 0x10);

	put16(p, 0x02, 0x0002 | type << 4 | (type == T_ROOT_PORT || type == T_DOWNSTREAM ? 0x100 : 0));
	put32(p, 0x04, (phantom & 3) << 3 | 0x8000);	/* DevCap: phantom, role-based error */
	put16(p, 0x08, phantom_en ? 0x0200 : 0);	/* DevCtl: phantom functions enable */
	put32(p, 0x24, ari_fwd ? 0x20 : 0);		/* DevCap2: ARI forwarding supported */
}

/* an extended capability at off; the list is built in order of the calls */
static void add_ext_cap(struct platform_pci_function *f, unsigned *last,
			uint16_t id, uint16_t cap, uint16_t ctl)
{
	uint8_t *c = f->config;
	unsigned off = *last ? *last + 0x40 : 0x100;	/* the list starts at 0x100 */

	put32(c, off, id | 1 << 16);
	put16(c, off + 4, cap);
	put16(c, off + 6, ctl);
	if (*last)
		put32(c, *last, (c[*last] | c[*last + 1] << 8) | 1 << 16 | off << 20);
	*last = off;
}

/* ACS capability bits (PCIe 7.7.8.2) */
#define ACS_SV	0x01
#define ACS_TB	0x02
#define ACS_RR	0x04
#define ACS_CR	0x08
#define ACS_UF	0x10

static void add_acs(struct platform_pci_function *f, unsigned *last, const struct g_node *n,
		    int type)
{
	uint16_t cap = g_get(n, "acs_cap") & 0x7f;

	/*
	 * A port that has the capability implements what PCIe 6.12.1.1
	 * requires of it: SV and TB on every downstream port, RR, CR and UF
	 * on a switch's, CR on a root port that implements RR.  A register
	 * without them is no hardware's: the kernel reads a missing control
	 * as hard-wired on (pci_acs_flags_enabled), the specification as
	 * absent, and the difference would be reported as a kernel bug.
	 */
	if (cap && type == T_DOWNSTREAM)
		cap |= ACS_SV | ACS_TB | ACS_RR | ACS_CR | ACS_UF;
	if (cap && type == T_ROOT_PORT)
		cap |= ACS_SV | ACS_TB | (cap & ACS_RR ? ACS_CR : 0);
	/* a function has the ACS capability when it implements any control */
	if (cap)
		add_ext_cap(f, last, 0x000d, cap, g_get(n, "acs_ctl") & cap);
}

static void lower_node(struct ctx *c, const struct g_node *n, uint16_t seg, uint8_t bus,
		       uint8_t slot, int conventional_bus);

/* kids on a new bus below a bridge function; records secondary/subordinate */
static void below(struct ctx *c, const struct g_node *n, struct platform_pci_function *f,
		  uint16_t seg, size_t pi, int conventional)
{
	size_t fi = f - c->l->fns;
	unsigned sec;

	if (c->next_bus > 255)
		return;
	sec = c->next_bus++;
	for (size_t i = 0; i < n->nr_kids && i < 32; i++)
		lower_node(c, n->kids[i], seg, sec, i, conventional);
	if (c->oom)
		return;
	/* realloc may have moved them: index, not pointer */
	f = &c->l->fns[fi];
	f->config[0x18] = c->l->fns[fi].bus;
	f->config[0x19] = sec;
	f->config[0x1a] = c->next_bus - 1;
	c->l->placed[pi].secondary = sec;
	c->l->placed[pi].subordinate = c->next_bus - 1;
}

static void lower_device(struct ctx *c, const struct g_node *n, uint16_t seg, uint8_t bus,
			 uint8_t slot, int type, int conventional)
{
	unsigned nfn = g_get(n, "functions");
	uint32_t id = g_get(n, "id"), class = g_get(n, "class");

	unsigned phantom = g_get(n, "phantom_bits") & 3;

	if (nfn < 1 || nfn > 8)
		nfn = 1;
	/*
	 * An RCiEP is part of the root complex, so it is the root complex
	 * vendor's: Intel makes no AMD root complexes.  The kernel trusts the
	 * vendor too (pci_quirk_rciep_acs() takes every Intel RCiEP for VT-d
	 * 3.16's, whose peer requests are translated).
	 */
	if (type == T_RC_END && c->amd_rc && id >> 16 == 0x8086)
		id = 0x1022u << 16 | (id & 0xffff);
	/*
	 * Phantom functions borrow the function numbers a device leaves
	 * unused (PCIe 6.0 §2.2.6.2): hardware with more functions than
	 * that cannot support them, so it does not advertise them.
	 */
	if (nfn > (8u >> phantom))
		phantom = 0;
	if (!place(c, n, seg, bus, slot << 3))
		return;
	for (unsigned fn = 0; fn < nfn; fn++) {
		uint8_t devfn = slot << 3 | fn;
		struct platform_pci_function *f = new_fn(c, seg, bus, devfn);
		unsigned last = 0;

		if (!f)
			return;
		header(f, id, class, 0, nfn > 1, !conventional);
		if (!conventional) {
			add_pcie_cap(f, type, phantom, phantom && g_get(n, "phantom_enable"), 0);
			add_acs(f, &last, n, type);
			if (g_get(n, "ari"))
				add_ext_cap(f, &last, 0x000e, (fn + 1 < nfn ? fn + 1 : 0) << 8, 0);
		}
		add_cap(f, 0x80, 0x05);		/* MSI, 32-bit, one vector */
		switch (g_get(n, "hw_alias")) {
		case 1:
			add_alias(c, seg, bus, devfn, bus << 8 | (slot << 3));
			break;
		case 2:
			add_alias(c, seg, bus, devfn, bus << 8 | (slot << 3 | 1));
			break;
		case 3:
			add_alias(c, seg, bus, devfn, ((bus + 1) & 0xff) << 8);
			break;
		}
	}
}

static void lower_bridge(struct ctx *c, const struct g_node *n, uint16_t seg, uint8_t bus,
			 uint8_t slot, int type, int conventional_below)
{
	struct platform_pci_function *f;
	size_t pi;
	unsigned last = 0;

	if (!place(c, n, seg, bus, slot << 3))
		return;
	pi = c->l->nr_placed - 1;
	f = new_fn(c, seg, bus, slot << 3);
	if (!f)
		return;
	header(f, g_get(n, "id"), 0x060400, 1, 0, type >= 0 && type != T_PCI_PCIE);
	if (type >= 0) {
		add_pcie_cap(f, type, 0, 0, g_get(n, "ari_forwarding"));
		if (type != T_PCI_PCIE)
			add_acs(f, &last, n, type);
	}
	if (g_get(n, "pcix"))
		add_cap(f, 0x60, 0x07);		/* PCI-X: originators keep their IDs */
	below(c, n, f, seg, pi, conventional_below);
}

static void lower_node(struct ctx *c, const struct g_node *n, uint16_t seg, uint8_t bus,
		       uint8_t slot, int conv)
{
	const struct g_type *t = n->type;

	if (c->oom)
		return;
	if (t == &g_endpoint)
		lower_device(c, n, seg, bus, slot, conv ? T_LEG_END : T_ENDPOINT, 0);
	else if (t == &g_rciep)
		lower_device(c, n, seg, bus, slot, T_RC_END, 0);
	else if (t == &g_conv_dev)
		lower_device(c, n, seg, bus, slot, 0, 1);
	else if (t == &g_root_port)
		lower_bridge(c, n, seg, bus, slot, T_ROOT_PORT, 0);
	else if (t == &g_switch_up)
		lower_bridge(c, n, seg, bus, slot, T_UPSTREAM, 0);
	else if (t == &g_switch_dp)
		lower_bridge(c, n, seg, bus, slot, T_DOWNSTREAM, 0);
	else if (t == &g_pcie_pci_bridge)
		lower_bridge(c, n, seg, bus, slot, T_PCIE_PCI, 1);
	else if (t == &g_pci_bridge)
		lower_bridge(c, n, seg, bus, slot, -1, 1);
	else if (t == &g_pci_pcie_bridge)
		lower_bridge(c, n, seg, bus, slot, T_PCI_PCIE, 0);
}

static void lower_segment(struct ctx *c, const struct g_node *s)
{
	uint16_t seg = g_get(s, "segment");
	struct platform_pci_function *host;

	/* the host bridge at 00.0, as on every PC */
	host = new_fn(c, seg, 0, 0);
	if (!host)
		return;
	header(host, 0x808629c0, 0x060000, 0, 0, 0);
	c->next_bus = 1;
	for (size_t i = 0; i < s->nr_kids && i < 31; i++)
		lower_node(c, s->kids[i], seg, 0, i + 1, 0);
}

/*
 * Each AMD-Vi unit's PCI function on its segment's root bus: 00:00.2, as on
 * AMD platforms, then 00:00.3 on for a segment's further units; class 0806h
 * with the IOMMU capability block at 40h (48882 §3.2.1: ID 0Fh, type 3,
 * IotlbSup, EFRSup) holding the register base.  The host bridge becomes
 * multifunction so that enumeration finds them.
 */
static void lower_amd_units(struct ctx *c, const struct g_node *root)
{
	unsigned nth[32] = { 0 };

	for (size_t i = 0, k = 0; i < root->nr_kids && !c->oom; i++) {
		const struct g_node *u = root->kids[i];
		unsigned seg = g_get(u, "segment");
		struct platform_pci_function *f = NULL;
		uint8_t *cap;

		if (u->type != &g_amd_unit)
			continue;
		for (size_t j = 0; j < c->l->nr_fns && !f; j++)
			if (c->l->fns[j].segment == seg && !c->l->fns[j].bus && !c->l->fns[j].devfn)
				f = &c->l->fns[j];
		if (!f || seg >= 32 || nth[seg] >= 6)
			continue;	/* no such segment, or its host bridge is full */
		f->config[0x0e] |= 0x80;
		if (!place(c, u, seg, 0, 2 + nth[seg]))
			return;
		f = new_fn(c, seg, 0, 2 + nth[seg]++);
		if (!f)
			return;
		header(f, 0x10221451, 0x080600, 0, 1, 0);
		cap = add_cap(f, 0x40, 0x0f);
		put32(cap, 0, g_amd_cap_header());
		put32(cap, 4, (uint32_t)g_amd_unit_base(k) | 1);	/* enabled */
		put32(cap, 8, g_amd_unit_base(k++) >> 32);
	}
	/*
	 * AMD's southbridge (FCH) SMBus function 00:14.0, whose requester ID
	 * the southbridge IOAPIC and the HPET use (derive_ivrs.c): a machine
	 * whose IOAPIC is remapped by AMD-Vi has it.
	 */
	if (g_amd_fch(root) && !c->oom) {
		struct platform_pci_function *f;

		for (size_t j = 0; j < c->l->nr_fns; j++)
			if (!c->l->fns[j].segment && !c->l->fns[j].bus && c->l->fns[j].devfn == 0xa0)
				return;
		f = new_fn(c, 0, 0, 0xa0);
		if (f)
			header(f, 0x1022790b, 0x0c0500, 0, 0, 0);
	}
}

int g_lower(const struct g_node *root, struct g_lowered *l)
{
	struct ctx c = { l, 1, 0 };
	uint32_t seen = 0;

	memset(l, 0, sizeof(*l));
	for (size_t i = 0; i < root->nr_kids; i++) {
		c.amd_rc |= root->kids[i]->type == &g_amd_unit;
		if (root->kids[i]->type == &g_dmar_unit) {
			c.amd_rc = false;
			break;
		}
	}
	for (size_t i = 0; i < root->nr_kids && !c.oom; i++) {
		const struct g_node *s = root->kids[i];
		unsigned nr = g_get(s, "segment");

		if (s->type != &g_segment || nr > 31 || seen & 1u << nr)
			continue;	/* a segment's root bus is described once */
		seen |= 1u << nr;
		lower_segment(&c, s);
	}
	lower_amd_units(&c, root);
	if (c.oom) {
		g_lowered_release(l);
		return -1;
	}
	return 0;
}

void g_lowered_release(struct g_lowered *l)
{
	free(l->fns);
	free(l->placed);
	free(l->aliases);
	memset(l, 0, sizeof(*l));
}

const struct g_placed *g_placed_of(const struct g_lowered *l, const struct g_node *n)
{
	for (size_t i = 0; i < l->nr_placed; i++)
		if (l->placed[i].n == n)
			return &l->placed[i];
	return NULL;
}
