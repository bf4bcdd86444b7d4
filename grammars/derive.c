// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tables truthful firmware has for a topology (consistent mode, and
 * the starting point of inconsistent mode's lies): per segment, each
 * dmar_unit covers the root-bus slot it names with an explicit scope and
 * the segment's last unit is INCLUDE_PCI_ALL (VT-d 4.1 §8.3: at most one,
 * reported last); IOAPIC and HPET scopes under segment 0's last unit;
 * an RMRR for every device that keeps a firmware DMA buffer; one MADT
 * I/O APIC entry per IOAPIC; an HPET table for an HPET.
 */
#include <stdlib.h>

#include "build.h"
#include "types.h"

uint64_t g_unit_base(unsigned unit)
{
	return 0xfed90000ULL + 0x1000ULL * unit;
}

static struct g_node *add(struct g_node *parent, const struct g_type *t, int *oom)
{
	struct g_node *n;

	if (*oom)
		return NULL;
	n = g_node_new(t);
	if (!n || g_add_kid(parent, n)) {
		g_node_free(n);
		*oom = 1;
		return NULL;
	}
	return n;
}

/* the scope path of a placed node: the devfn of every hop from the root bus */
static void scope_path(struct g_node *scope, const struct g_lowered *l, const struct g_node *n,
		       uint8_t fn, int *oom)
{
	const struct g_node *hops[32];
	unsigned nr = 0;

	for (; n && nr < 32; n = n->parent)
		if (g_placed_of(l, n))
			hops[nr++] = n;
	g_set(scope, "start_bus", 0);
	while (nr--) {
		const struct g_placed *p = g_placed_of(l, hops[nr]);
		struct g_node *h = add(scope, &g_dmar_path, oom);

		if (!h)
			return;
		g_set(h, "device", p->devfn >> 3);
		g_set(h, "function", nr ? 0 : fn);
	}
}

static int is_bridge(const struct g_node *n)
{
	return n->type == &g_root_port || n->type == &g_pcie_pci_bridge;
}

/* an explicit scope for what sits at root-bus slot "port" of segment s */
static void port_scope(struct g_node *drhd, const struct g_node *s, unsigned port,
		       const struct g_lowered *l, int *oom)
{
	const struct g_node *n;
	unsigned nfn;

	if (port >= s->nr_kids || !g_placed_of(l, s->kids[port]))
		return;
	n = s->kids[port];
	nfn = is_bridge(n) ? 1 : g_get(n, "functions");
	for (unsigned fn = 0; fn < nfn && fn < 8; fn++) {
		struct g_node *sc = add(drhd, &g_dmar_scope, oom);

		if (!sc)
			return;
		g_set(sc, "type", is_bridge(n) ? 2 : 1);
		scope_path(sc, l, n, fn, oom);
	}
}

static void irq_scopes(struct g_node *drhd, const struct g_node *root, int *oom)
{
	unsigned nr_ioapic = 0;

	for (size_t i = 0; i < root->nr_kids; i++) {
		const struct g_node *k = root->kids[i];
		struct g_node *sc, *h;

		if (k->type != &g_ioapic && k->type != &g_hpet_block)
			continue;
		sc = add(drhd, &g_dmar_scope, oom);
		h = sc ? add(sc, &g_dmar_path, oom) : NULL;
		if (!h)
			return;
		g_set(sc, "start_bus", 0xf0);
		if (k->type == &g_ioapic) {
			g_set(sc, "type", 3);
			g_set(sc, "enumeration_id", g_get(k, "ioapic_id"));
			g_set(h, "device", 0x1f);
			g_set(h, "function", nr_ioapic++ & 7);
		} else {
			g_set(sc, "type", 4);
			g_set(sc, "enumeration_id", g_get(k, "hpet_number"));
			g_set(h, "device", 0x0f);
		}
	}
}

static void rmrrs(struct g_node *dmar, const struct g_node *n, const struct g_lowered *l,
		  unsigned *k, int *oom)
{
	const struct g_placed *p = g_placed_of(l, n);

	if (p && (n->type == &g_endpoint || n->type == &g_rciep) && g_get(n, "rmrr")) {
		struct g_node *r = add(dmar, &g_dmar_rmrr, oom), *sc;

		if (!r)
			return;
		g_set(r, "segment", p->segment);
		g_set(r, "base", 0x3e000000ULL + 0x100000ULL * *k);
		g_set(r, "limit", 0x3e0fffffULL + 0x100000ULL * (*k)++);
		sc = add(r, &g_dmar_scope, oom);
		if (sc) {
			g_set(sc, "type", 1);
			scope_path(sc, l, n, 0, oom);
		}
	}
	for (size_t i = 0; i < n->nr_kids; i++)
		rmrrs(dmar, n->kids[i], l, k, oom);
}

struct g_node *g_derive_dmar(const struct g_node *root, const struct g_lowered *l)
{
	struct g_node *dmar = g_node_new(&g_dmar);
	int oom = !dmar, all_ir = 1;
	unsigned unit = 0, k = 0;

	for (size_t si = 0; si < root->nr_kids && !oom; si++) {
		const struct g_node *s = root->kids[si], *last = NULL;
		unsigned seg = g_get(s, "segment");

		if (s->type != &g_segment)
			continue;
		for (size_t i = 0; i < root->nr_kids; i++)
			if (root->kids[i]->type == &g_dmar_unit && g_get(root->kids[i], "segment") == seg)
				last = root->kids[i];
		/* every unit of the machine gets a DRHD, numbered in tree order */
		for (size_t i = 0, nth = 0; i < root->nr_kids && !oom; i++) {
			const struct g_node *u = root->kids[i];
			struct g_node *d;

			if (u->type != &g_dmar_unit)
				continue;
			nth++;
			if (g_get(u, "segment") != seg)
				continue;
			d = add(dmar, &g_dmar_drhd, &oom);
			if (!d)
				break;
			g_set(d, "segment", seg);
			g_set(d, "address", g_unit_base(nth - 1));
			all_ir &= !!(g_get(u, "ecap") & 8);
			if (u == last) {
				g_set(d, "flags", 1);
				if (seg == 0)
					irq_scopes(d, root, &oom);
			} else {
				port_scope(d, s, g_get(u, "port"), l, &oom);
			}
			unit++;
		}
	}
	rmrrs(dmar, root, l, &k, &oom);
	if (!oom) {
		struct g_node *a = add(dmar, &g_dmar_atsr, &oom);

		if (a)
			g_set(a, "flags", 1);	/* ALL_PORTS of segment 0 */
	}
	if (oom) {
		g_node_free(dmar);
		return NULL;
	}
	g_set(dmar, "flags", (unit && all_ir ? 1 : 0) | g_get(root, "dmar_flags"));
	return dmar;
}

struct g_node *g_derive_madt(const struct g_node *root)
{
	struct g_node *madt = g_node_new(&g_madt), *e;
	int oom = !madt;
	unsigned nr = 0;

	e = madt ? add(madt, &g_madt_lapic, &oom) : NULL;
	if (e)
		g_set(e, "flags", 1);
	for (size_t i = 0; i < root->nr_kids && !oom; i++) {
		if (root->kids[i]->type != &g_ioapic)
			continue;
		e = add(madt, &g_madt_ioapic, &oom);
		if (!e)
			break;
		g_set(e, "ioapic_id", g_get(root->kids[i], "ioapic_id"));
		g_set(e, "address", 0xfec00000ULL + 0x1000ULL * nr);
		g_set(e, "gsi_base", 24 * nr++);
	}
	if (oom) {
		g_node_free(madt);
		return NULL;
	}
	return madt;
}

struct g_node *g_derive_hpet(const struct g_node *root)
{
	const struct g_node *h = g_find_kid(root, &g_hpet_block);
	struct g_node *t;

	if (!h)
		return NULL;
	t = g_node_new(&g_hpet);
	if (t)
		g_set(t, "hpet_number", g_get(h, "hpet_number"));
	return t;
}
