// SPDX-License-Identifier: GPL-2.0-only
/*
 * A platform tree to a struct platform, by mode:
 *  consistent:   tables derived from the hardware (firmware truthful);
 *  inconsistent: the tables the tree carries (derived, then lied about by
 *                structural mutation), derived ones for any it lacks;
 *  raw:          as inconsistent, then the raw_patch edits on the bytes.
 * Every generated platform sets tables_may_lie: the generator knows the
 * hardware (dma_aliases, hpet_msi), so the solver must not take tables
 * as truth even when, in consistent mode, they happen to be.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "types.h"

/* the kernel maps as many bytes as a table's header says; so does the shim */
#define MAX_TABLE 65536

/*
 * data (taken over) into table slot t, sized as the kernel would map it;
 * 1 when ACPICA would not install it (shorter than its own header, by its
 * bytes or by its length field), and the table is then absent.
 */
static int set_table(struct platform_table *t, const char *sig, uint8_t *data, size_t len)
{
	uint32_t hl;

	if (!data)
		return -1;
	if (len < 36 || (data[4] | data[5] << 8 | data[6] << 16 | (uint32_t)data[7] << 24) < 36) {
		free(data);
		return 1;
	}
	if (len > MAX_TABLE) {
		uint8_t *d = realloc(data, MAX_TABLE);

		if (!d) {
			free(data);
			return -1;
		}
		data = d;
		len = MAX_TABLE;
	}
	hl = data[4] | data[5] << 8 | data[6] << 16 | (uint32_t)data[7] << 24;
	if (hl > len) {
		/* what follows a short table in memory: zeroes, up to the limit */
		uint8_t *d;

		if (hl > MAX_TABLE) {
			hl = MAX_TABLE;
			data[4] = hl;
			data[5] = hl >> 8;
			data[6] = hl >> 16;
			data[7] = hl >> 24;
		}
		d = realloc(data, hl);
		if (!d) {
			free(data);
			return -1;
		}
		memset(d + len, 0, hl - len);
		data = d;
		len = hl;
	}
	memcpy(t->signature, sig, 5);
	t->data = data;
	t->len = len;
	return 0;
}

static int add_table(struct platform *p, const char *sig, uint8_t *data, size_t len)
{
	int r = set_table(&p->tables[p->nr_tables], sig, data, len);

	if (r < 0)
		return -1;
	p->nr_tables += r == 0;
	return 0;
}

int g_platform_set_table(struct platform *p, const char *sig, uint8_t *data, size_t len)
{
	for (size_t i = 0; i < p->nr_tables; i++)
		if (!strcmp(p->tables[i].signature, sig)) {
			int r;

			free(p->tables[i].data);
			r = set_table(&p->tables[i], sig, data, len);
			if (r == 1) {	/* not installed: the slot goes */
				memmove(&p->tables[i], &p->tables[i + 1],
					(p->nr_tables - i - 1) * sizeof(p->tables[i]));
				p->nr_tables--;
				r = 0;
			}
			return r;
		}
	free(data);
	return -1;
}

/* raw mode: apply one edit to an encoded table */
static uint8_t *patch(uint8_t *d, size_t *len, const struct g_node *e)
{
	size_t off = g_get(e, "offset");
	uint8_t val = g_get(e, "value");
	uint8_t *nd;

	switch (g_get(e, "op")) {
	case 0:
		if (off < *len)
			d[off] = val;
		break;
	case 1:
		if (off < *len)
			d[off] ^= val ? val : 0x80;
		break;
	case 2:		/* insert val bytes of 0xff: a structure grows past its length */
		if (off > *len)
			off = *len;
		nd = realloc(d, *len + val + 1);
		if (!nd)
			return d;
		d = nd;
		memmove(d + off + val + 1, d + off, *len - off);
		memset(d + off, 0xff, val + 1);
		*len += val + 1;
		break;
	case 3:		/* delete: what follows moves up */
		if (off < *len) {
			size_t n = val + 1 < *len - off ? val + 1 : *len - off;

			memmove(d + off, d + off + n, *len - off - n);
			*len -= n;
		}
		break;
	case 4:
		if (off < *len)
			*len = off;
		break;
	}
	return d;
}

static int raw_table_index(const char *sig)
{
	return !strcmp(sig, "DMAR") ? 0 : !strcmp(sig, "APIC") ? 1 : !strcmp(sig, "HPET") ? 2 : 3;
}

static int encode_table(struct platform *p, const struct g_node *root, const char *sig,
			struct g_node *t)
{
	size_t len = 0;
	uint8_t *d;

	if (!t)
		return 0;
	d = g_encode(t, &len);
	if (!d)
		return -1;
	if (g_get(root, "mode") == G_MODE_RAW)
		for (size_t i = 0; i < root->nr_kids; i++)
			if (root->kids[i]->type == &g_raw_patch &&
			    g_get(root->kids[i], "table") == (uint64_t)raw_table_index(sig))
				d = patch(d, &len, root->kids[i]);
	return add_table(p, sig, d, len);
}

/* the command line: every parameter the params and amd_params nodes choose */
static char *cmdline(const struct g_node *root)
{
	size_t n = 1;
	char *s;

	if (!g_find_kid(root, &g_params) && !g_find_kid(root, &g_amd_params))
		return strdup("intel_iommu=on");
	for (unsigned pass = 0; pass < 2; pass++) {
		if (pass && !(s = calloc(1, n)))
			return NULL;
		for (size_t k = 0; k < root->nr_kids; k++) {
			const struct g_node *pa = root->kids[k];

			if (pa->type != &g_params && pa->type != &g_amd_params)
				continue;
			for (unsigned i = 0; i < pa->type->nr_fields; i++) {
				const struct g_field *f = &pa->type->fields[i];

				for (const struct g_value *v = f->vals; v && v->name; v++)
					if (v->v == pa->v[i] && *v->name) {
						if (!pass)
							n += strlen(v->name) + 1;
						else
							strcat(strcat(s, *s ? " " : ""), v->name);
					}
			}
		}
	}
	return s;
}

/*
 * An AMD unit's register file, named as sysfs names it (ivhdN, the Nth
 * unit the kernel maps: derive_ivrs.c lists units in tree order) and
 * matched by that name, as for a bundle of a real machine, which records
 * no address: a finding's bundle then replays the run it came from.
 */
static void amd_unit_regs(struct platform *p, const struct g_node *u, const struct g_lowered *l)
{
	struct platform_iommu_regs *r = &p->iommus[p->nr_iommus];
	int nth = g_amd_unit_nth(l, u);

	if (nth < 0)
		return;
	snprintf(r->name, sizeof(r->name), "ivhd%d", nth);
	r->amd = 1;
	r->amd_cap = g_amd_cap_header();
	r->amd_features = g_get(u, "efr");
	p->nr_iommus++;
}

static int units(struct platform *p, const struct g_node *root, const struct g_lowered *l)
{
	size_t n = 0;

	for (size_t i = 0; i < root->nr_kids; i++)
		n += root->kids[i]->type == &g_dmar_unit || root->kids[i]->type == &g_amd_unit;
	p->iommus = calloc(n ? n : 1, sizeof(*p->iommus));
	if (!p->iommus)
		return -1;
	for (size_t i = 0, nr_dmar = 0; i < root->nr_kids; i++) {
		const struct g_node *u = root->kids[i];
		struct platform_iommu_regs *r = &p->iommus[p->nr_iommus];

		if (u->type == &g_amd_unit)
			amd_unit_regs(p, u, l);
		if (u->type != &g_dmar_unit)
			continue;
		snprintf(r->name, sizeof(r->name), "dmar%zu", nr_dmar);
		r->reg_base = g_unit_base(nr_dmar++);
		p->nr_iommus++;
		r->cap = g_get(u, "cap");
		r->ecap = g_get(u, "ecap");
		/*
		 * VT-d 4.1 §11.4.3: a unit reporting IR must also report QI.
		 * Without it the kernel's IR clean-up waits on a queue no
		 * hardware processes: a generator defect, not a finding.
		 */
		if (r->ecap & (1 << 3))
			r->ecap |= 1 << 1;
	}
	return 0;
}

int g_build(const struct g_node *root, struct platform *p)
{
	struct g_lowered l;
	int mode = g_get(root, "mode"), ret = -1;
	struct g_node *derived[4] = { NULL, NULL, NULL, NULL };
	const struct g_type *ttype[4] = { &g_dmar, &g_madt, &g_hpet, &g_ivrs };
	static const char *const sigs[4] = { "DMAR", "APIC", "HPET", "IVRS" };
	int amd = g_platform_is_amd(root), has_amd = 0;

	memset(p, 0, sizeof(*p));
	if (g_lower(root, &l))
		return -1;
	if (!l.nr_fns) {
		/* no segment left: not a machine (bundles need a function too) */
		g_lowered_release(&l);
		return 1;
	}
	p->functions = l.fns;
	p->nr_functions = l.nr_fns;
	p->dma_aliases = l.aliases;
	p->nr_dma_aliases = l.nr_aliases;
	l.fns = NULL;
	l.aliases = NULL;
	p->tables_may_lie = 1;
	p->hpet_msi = g_get(root, "hpet_msi") == 1;
	p->x2apic = g_get(root, "x2apic") == 2 ? PLATFORM_X2APIC_YES :
		    g_get(root, "x2apic") == 1 ? PLATFORM_X2APIC_NO : PLATFORM_X2APIC_UNKNOWN;
	p->cmdline = cmdline(root);
	p->tables = calloc(4, sizeof(*p->tables));
	if (!p->cmdline || !p->tables || units(p, root, &l))
		goto out;
	for (size_t i = 0; i < root->nr_kids; i++)
		has_amd |= root->kids[i]->type == &g_amd_unit;
	for (int i = 0; i < 4; i++) {
		struct g_node *t = mode == G_MODE_CONSISTENT ? NULL : g_find_kid(root, ttype[i]);

		/* an AMD machine has no DMAR; any machine with AMD units an IVRS */
		if (!t && !(i == 0 && amd) && !(i == 3 && !has_amd)) {
			derived[i] = i == 0 ? g_derive_dmar(root, &l) : i == 1 ? g_derive_madt(root) :
				     i == 2 ? g_derive_hpet(root) : g_derive_ivrs(root, &l);
			t = derived[i];
		}
		if (encode_table(p, root, sigs[i], t))
			goto out;
	}
	ret = 0;
out:
	for (int i = 0; i < 4; i++)
		g_node_free(derived[i]);
	g_lowered_release(&l);
	if (ret)
		platform_release(p);
	return ret;
}
