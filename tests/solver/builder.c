// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"

void tb_init(struct tb *t)
{
	memset(t, 0, sizeof(*t));
	t->p.cmdline = strdup("");
	t->o.nr_groups = 0;
}

static void put16(uint8_t *b, size_t off, uint16_t v)
{
	b[off] = v & 0xff;
	b[off + 1] = v >> 8;
}

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	put16(b, off, v & 0xffff);
	put16(b, off + 2, v >> 16);
}

static void put64(uint8_t *b, size_t off, uint64_t v)
{
	put32(b, off, (uint32_t)v);
	put32(b, off + 4, (uint32_t)(v >> 32));
}

static void parse_bdf(const char *s, unsigned *seg, unsigned *bus, unsigned *dev, unsigned *fn)
{
	if (sscanf(s, "%x:%x:%x.%x", seg, bus, dev, fn) != 4)
		abort();
}

uint8_t *tb_fn(struct tb *t, const char *bdf, int pcie_type, int sec, int sub, int acs,
	       bool mf, int group)
{
	struct platform_pci_function *f;
	struct observation_device *o;
	unsigned seg, bus, dev, fn;
	bool bridge = sec > 0;
	uint8_t *c;

	parse_bdf(bdf, &seg, &bus, &dev, &fn);
	t->p.functions = realloc(t->p.functions, (t->p.nr_functions + 1) * sizeof(*f));
	f = &t->p.functions[t->p.nr_functions++];
	memset(f, 0, sizeof(*f));
	f->segment = seg;
	f->bus = bus;
	f->devfn = dev << 3 | fn;
	f->config_size = pcie_type == CONV ? 256 : 4096;
	c = f->config;
	put16(c, 0, 0x8086);
	put16(c, 2, bridge ? 0x1234 : 0x10d3);
	put16(c, 6, pcie_type == CONV ? 0 : 0x10);
	put32(c, 8, (bridge ? 0x060400u : 0x020000u) << 8 | 1);
	c[0x0e] = (bridge ? 1 : 0) | (mf ? 0x80 : 0);
	if (bridge) {
		c[0x18] = bus;
		c[0x19] = sec;
		c[0x1a] = sub;
	}
	if (pcie_type != CONV) {
		c[0x34] = 0x40;
		c[0x40] = 0x10;
		put16(c, 0x42, 0x2 | pcie_type << 4);
	}
	if (acs >= 0) {
		put32(c, 0x100, 0x000d | 1 << 16);
		put16(c, 0x104, acs);
		put16(c, 0x106, acs & ACS_STD);
	}
	t->o.devices = realloc(t->o.devices, (t->o.nr_devices + 1) * sizeof(*o));
	o = &t->o.devices[t->o.nr_devices++];
	memset(o, 0, sizeof(*o));
	o->segment = seg;
	o->bus = bus;
	o->devfn = dev << 3 | fn;
	o->group = group;
	o->unit = -1;
	if (group >= t->o.nr_groups)
		t->o.nr_groups = group + 1;
	return c;
}

void tb_class(uint8_t *cfg, uint32_t class)
{
	put32(cfg, 8, class << 8 | 1);
}

void tb_phantom(uint8_t *cfg, int bits, bool enabled)
{
	put32(cfg, 0x44, (uint32_t)(bits & 3) << 3);
	put16(cfg, 0x48, enabled ? 1 << 9 : 0);
}

struct observation_device *tb_obs(struct tb *t, const char *bdf)
{
	unsigned seg, bus, dev, fn;

	parse_bdf(bdf, &seg, &bus, &dev, &fn);
	for (size_t i = 0; i < t->o.nr_devices; i++)
		if (t->o.devices[i].segment == seg && t->o.devices[i].bus == bus &&
		    t->o.devices[i].devfn == (dev << 3 | fn))
			return &t->o.devices[i];
	abort();
}

void tb_set_group(struct tb *t, const char *bdf, int group)
{
	tb_obs(t, bdf)->group = group;
}

int tb_unit(struct tb *t, const char *name, uint64_t base, bool ir_enabled)
{
	struct observation_unit *u;

	t->o.units = realloc(t->o.units, (t->o.nr_units + 1) * sizeof(*u));
	u = &t->o.units[t->o.nr_units];
	memset(u, 0, sizeof(*u));
	snprintf(u->name, sizeof(u->name), "%s", name);
	u->reg_base = base;
	u->ir_capable = 1;
	u->ir_enabled = ir_enabled;
	return (int)t->o.nr_units++;
}

/* DMAR: 48-byte header, then structures; the open one grows with scopes. */
static size_t open_struct;

void tb_drhd(struct tb *t, uint64_t base, bool include_all)
{
	if (!t->dmar_len) {
		memcpy(t->dmar, "DMAR", 4);
		t->dmar_len = 48;
	}
	open_struct = t->dmar_len;
	put16(t->dmar, open_struct, 0);
	put16(t->dmar, open_struct + 2, 16);
	t->dmar[open_struct + 4] = include_all;
	put64(t->dmar, open_struct + 8, base);
	t->dmar_len += 16;
}

void tb_rmrr(struct tb *t, uint64_t base, uint64_t limit)
{
	if (!t->dmar_len) {
		memcpy(t->dmar, "DMAR", 4);
		t->dmar_len = 48;
	}
	open_struct = t->dmar_len;
	put16(t->dmar, open_struct, 1);
	put16(t->dmar, open_struct + 2, 24);
	put64(t->dmar, open_struct + 8, base);
	put64(t->dmar, open_struct + 16, limit);
	t->dmar_len += 24;
}

void tb_scope(struct tb *t, int type, int enum_id, int bus, int dev, int fn)
{
	uint8_t *s = t->dmar + t->dmar_len;

	s[0] = type;
	s[1] = 8;
	s[4] = enum_id;
	s[5] = bus;
	s[6] = dev;
	s[7] = fn;
	t->dmar_len += 8;
	put16(t->dmar, open_struct + 2, (uint16_t)(t->dmar_len - open_struct));
}

void tb_dmar_done(struct tb *t)
{
	put32(t->dmar, 4, (uint32_t)t->dmar_len);
	tb_table(t, "DMAR", t->dmar, t->dmar_len);
}

void tb_madt_ioapic(struct tb *t, int id)
{
	uint8_t m[56] = { 'A', 'P', 'I', 'C' };

	put32(m, 4, sizeof(m));
	m[44] = 1;
	m[45] = 12;
	m[46] = id;
	put32(m, 48, 0xfec00000);
	tb_table(t, "APIC", m, sizeof(m));
}

/* IA-PC HPET 1.0a table 3: the HPET number is byte 52. */
void tb_hpet(struct tb *t, int number)
{
	uint8_t h[56] = { 'H', 'P', 'E', 'T' };

	put32(h, 4, sizeof(h));
	h[52] = number;
	tb_table(t, "HPET", h, sizeof(h));
}

void tb_table(struct tb *t, const char *sig, const uint8_t *data, size_t len)
{
	struct platform_table *tb;

	t->p.tables = realloc(t->p.tables, (t->p.nr_tables + 1) * sizeof(*tb));
	tb = &t->p.tables[t->p.nr_tables++];
	snprintf(tb->signature, sizeof(tb->signature), "%s", sig);
	tb->data = malloc(len ? len : 1);
	memcpy(tb->data, data, len);
	tb->len = len;
}

void tb_groups(struct tb *t, int nr_groups)
{
	t->o.groups = calloc(nr_groups, sizeof(*t->o.groups));
	for (int i = 0; i < nr_groups; i++)
		t->o.groups[i].id = i;
	t->o.nr_groups = nr_groups;
}

void tb_region(struct tb *t, int group, uint64_t start, uint64_t end, enum observation_region_type type)
{
	struct observation_group *g = &t->o.groups[group];

	g->regions = realloc(g->regions, (g->nr_regions + 1) * sizeof(*g->regions));
	g->regions[g->nr_regions++] = (struct observation_region){ start, end, type };
}

void tb_free(struct tb *t)
{
	platform_release(&t->p);
	observation_release(&t->o);
	memset(t, 0, sizeof(*t));
}

int tb_judge(struct tb *t, struct sv_verdict *v)
{
	struct sv_options opt = { SV_MODE_CROSSCHECK, 64 };

	solver_check(&t->p, &t->o, &opt, v);
	return solver_exit_status(v);
}

const struct sv_violation *tb_find(const struct sv_verdict *v, enum sv_prop p,
				   const char *a, const char *b)
{
	for (size_t i = 0; i < v->nr; i++)
		if (v->v[i].prop == p && (!a || !strcmp(v->v[i].a_bdf, a)) &&
		    (!b || !strcmp(v->v[i].b_bdf, b)))
			return &v->v[i];
	return NULL;
}
