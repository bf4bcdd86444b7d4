// SPDX-License-Identifier: GPL-2.0-only
/*
 * Platforms from fuzz inputs.  An input is either a serialized tree (what
 * the custom mutator writes) or any other bytes, read as the generator's
 * choices, so every input is a platform and random seeds work too.
 * Generation follows the descriptions; only the shape of the root (at
 * least one segment and one unit, an IOAPIC, a command line) and the
 * modes' starting points are decided here.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "types.h"

static int add_generated(struct g_node *root, const struct g_type *t, struct g_src *s,
			 unsigned budget)
{
	struct g_node *k = g_generate(t, s, &budget);

	if (!k || g_add_kid(root, k)) {
		g_node_free(k);
		return -1;
	}
	return 0;
}

static int add_node(struct g_node *root, struct g_node *k)
{
	if (!k || g_add_kid(root, k)) {
		g_node_free(k);
		return -1;
	}
	return 0;
}

/*
 * Inconsistent and raw modes start from the truthful tables, kept in the
 * tree so that later mutations edit them: inconsistent mode then tells a
 * few lies (a scope moved, dropped or pointed elsewhere, an IOAPIC scope
 * missing, a flag flipped), each one structural mutation of the DMAR or,
 * on an AMD machine, of the IVRS (ivrs_lies.c's, or the engine's).
 */
static int keep_tables(struct g_node *root, struct g_src *s)
{
	struct g_lowered l;
	struct g_node *remap, *madt, *hpet;
	int mode = g_get(root, "mode"), amd = g_platform_is_amd(root);

	if (g_lower(root, &l))
		return -1;
	/* an AMD machine's remapping table is its IVRS: lies go there */
	remap = amd ? g_derive_ivrs(root, &l) : g_derive_dmar(root, &l);
	g_lowered_release(&l);
	madt = g_derive_madt(root);
	hpet = g_derive_hpet(root);
	if (add_node(root, remap) || add_node(root, madt) || (hpet && add_node(root, hpet)))
		return -1;
	if (mode == G_MODE_INCONSISTENT) {
		unsigned lies = 1 + g_pick(s, 3);

		for (unsigned i = 0; i < lies; i++) {
			unsigned k = g_pick(s, 4);

			/* AMD: half the lies are the IVRS's known firmware bugs */
			if (amd && k >= 2)
				g_ivrs_lie(remap, s);
			else
				g_mutate(k ? remap : madt, s);
		}
	} else {
		unsigned edits = 1 + g_pick(s, 8);

		for (unsigned i = 0; i < edits; i++) {
			if (add_generated(root, &g_raw_patch, s, 1))
				return -1;
			/* the remapping table is the one this machine has */
			if (amd && !g_get(root->kids[root->nr_kids - 1], "table"))
				g_set(root->kids[root->nr_kids - 1], "table", 3);
		}
	}
	return 0;
}

static struct g_node *generate(const uint8_t *data, size_t len)
{
	struct g_src s;
	struct g_node *root = g_node_new(&g_platform);
	unsigned n, amd;

	if (!root)
		return NULL;
	g_src_bytes(&s, data, len);
	for (unsigned i = 0; i < g_platform.nr_fields; i++)
		root->v[i] = g_gen_field(&g_platform.fields[i], &s);
	n = 1 + g_pick(&s, 2);
	for (unsigned i = 0; i < n; i++) {
		if (add_generated(root, &g_segment, &s, 24))
			goto fail;
		g_set(root->kids[root->nr_kids - 1], "segment", i);
	}
	/* an Intel (VT-d) or an AMD (AMD-Vi) machine */
	amd = g_pick(&s, 2);
	n = 1 + g_pick(&s, 3);
	for (unsigned i = 0; i < n; i++)
		if (add_generated(root, amd ? &g_amd_unit : &g_dmar_unit, &s, 1))
			goto fail;
	n = 1 + g_pick(&s, 2);
	for (unsigned i = 0; i < n; i++)
		if (add_generated(root, &g_ioapic, &s, 1))
			goto fail;
	if (g_pick(&s, 2) && add_generated(root, &g_hpet_block, &s, 1))
		goto fail;
	if (add_generated(root, &g_params, &s, 1))
		goto fail;
	if (amd) {
		g_set(root->kids[root->nr_kids - 1], "intel_iommu", 0);
		if (add_generated(root, &g_amd_params, &s, 1))
			goto fail;
	}
	if (g_get(root, "mode") != G_MODE_CONSISTENT && keep_tables(root, &s))
		goto fail;
	return root;
fail:
	g_node_free(root);
	return NULL;
}

struct g_node *g_platform_from_input(const uint8_t *data, size_t len)
{
	struct g_node *root = g_deserialize(&g_platform, data, len);

	return root ? root : generate(data, len);
}

size_t g_platform_mutate(uint8_t *data, size_t size, size_t max, unsigned seed)
{
	struct g_node *root = g_platform_from_input(data, size);
	struct g_src s;
	uint8_t *out;
	size_t len = 0;
	unsigned n;

	if (!root)
		return 0;
	g_src_rng(&s, seed * 0x9e3779b97f4a7c15ULL + 1);
	n = 1 + g_pick(&s, 3);
	for (unsigned i = 0; i < n; i++)
		g_mutate(root, &s);
	out = g_serialize(root, &len);
	g_node_free(root);
	if (!out)
		return 0;
	if (len > max) {
		free(out);
		return 0;
	}
	memcpy(data, out, len);
	free(out);
	return len;
}

size_t g_platform_crossover(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
			    uint8_t *out, size_t max, unsigned seed)
{
	struct g_node *a = g_platform_from_input(d1, s1), *b = g_platform_from_input(d2, s2);
	struct g_src s;
	uint8_t *ser = NULL;
	size_t len = 0;

	if (a && b) {
		g_src_rng(&s, seed * 0x9e3779b97f4a7c15ULL + 7);
		if (g_splice(a, b, &s))
			ser = g_serialize(a, &len);
	}
	g_node_free(a);
	g_node_free(b);
	if (!ser || len > max) {
		free(ser);
		return 0;
	}
	memcpy(out, ser, len);
	free(ser);
	return len;
}

/* a small fixed machine: a root port with an endpoint, an RCiEP, one unit, one IOAPIC */
static struct g_node *small(const struct g_type *unit)
{
	struct g_node *root = g_node_new(&g_platform), *seg = g_node_new(&g_segment),
		      *rp = g_node_new(&g_root_port);

	if (!root || add_node(root, seg) || add_node(seg, rp) ||
	    add_node(rp, g_node_new(&g_endpoint)) || add_node(seg, g_node_new(&g_rciep)) ||
	    add_node(root, g_node_new(unit)) || add_node(root, g_node_new(&g_ioapic)) ||
	    add_node(root, g_node_new(&g_params))) {
		g_node_free(root);
		return NULL;
	}
	return root;
}

struct g_node *g_platform_small(void)
{
	return small(&g_dmar_unit);
}

/* the same on AMD: an AMD-Vi unit at 00:00.2, IVRS instead of DMAR */
struct g_node *g_platform_small_amd(void)
{
	struct g_node *root = small(&g_amd_unit);

	if (root)
		g_set(g_find_kid(root, &g_params), "intel_iommu", 0);
	if (root && add_node(root, g_node_new(&g_amd_params))) {
		g_node_free(root);
		return NULL;
	}
	return root;
}
