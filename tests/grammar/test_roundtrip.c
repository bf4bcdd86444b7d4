// SPDX-License-Identifier: GPL-2.0-only
/*
 * The grammar against real tables and against itself:
 *  - every DMAR/APIC/HPET table given decodes and encodes back to exactly
 *    its bytes (the descriptions match the specification's layout as real
 *    firmware writes it: lengths, offsets, checksums);
 *  - generated platforms, after structural mutations and crossovers,
 *    serialize, deserialize and serialize again to the same bytes;
 *  - a built platform written as a bundle loads back to the same platform
 *    (bundle_write is the inverse of bundle_load).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "bundle.h"
#include "bundle_write.h"
#include "types.h"

static int fails;

#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL: " __VA_ARGS__); printf("\n"); } } while (0)

static void table_roundtrip(const char *path)
{
	FILE *f = fopen(path, "rb");
	static uint8_t buf[1 << 20];
	size_t len, elen;
	const struct g_type *t;
	struct g_node *n;
	const char *err;
	uint8_t *enc;

	if (!f)
		return;
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	t = len >= 4 && !memcmp(buf, "DMAR", 4) ? &g_dmar : len >= 4 && !memcmp(buf, "APIC", 4) ?
	    &g_madt : len >= 4 && !memcmp(buf, "HPET", 4) ? &g_hpet : NULL;
	if (!t)
		return;
	n = g_decode(t, buf, len, &err);
	CHECK(n, "%s: does not decode: %s", path, err);
	if (!n)
		return;
	enc = g_encode(n, &elen);
	CHECK(enc && elen == (buf[4] | buf[5] << 8 | buf[6] << 16 | (size_t)buf[7] << 24) &&
	      !memcmp(enc, buf, elen), "%s: encodes to other bytes", path);
	free(enc);
	g_node_free(n);
}

static void tree_roundtrip(unsigned seed)
{
	uint8_t bytes[256];
	struct g_node *a, *b;
	uint8_t *s1, *s2;
	size_t l1, l2;
	struct g_src src;

	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = (seed * 2654435761u + i * 40503u) >> 7;
	a = g_platform_from_input(bytes, sizeof(bytes));
	b = g_platform_from_input(bytes + 1, sizeof(bytes) - 1);
	g_src_rng(&src, seed + 1);
	for (int i = 0; i < 20; i++) {
		g_mutate(a, &src);
		g_splice(a, b, &src);
	}
	g_node_free(b);
	s1 = g_serialize(a, &l1);
	b = g_deserialize(&g_platform, s1, l1);
	CHECK(b, "seed %u: serialized tree does not deserialize", seed);
	s2 = b ? g_serialize(b, &l2) : NULL;
	CHECK(s2 && l1 == l2 && !memcmp(s1, s2, l1), "seed %u: serialization not stable", seed);
	free(s1);
	free(s2);
	g_node_free(a);
	g_node_free(b);
}

static void bundle_roundtrip(unsigned seed, const char *tmp)
{
	uint8_t bytes[128];
	struct g_node *tree;
	struct platform p;
	struct bundle b;
	struct diag d;
	char dir[4096];

	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = (seed * 2246822519u + i * 3266489917u) >> 9;
	tree = g_platform_from_input(bytes, sizeof(bytes));
	if (!tree || g_build(tree, &p)) {
		g_node_free(tree);
		return;
	}
	snprintf(dir, sizeof(dir), "%s/b%u", tmp, seed);
	CHECK(!bundle_write_platform(&p, dir, &d), "seed %u: bundle_write: %s", seed, d.msg);
	if (bundle_load(&b, dir, &d)) {
		CHECK(0, "seed %u: bundle_load: %s", seed, d.msg);
	} else {
		int same = b.platform.nr_functions == p.nr_functions &&
			   b.platform.nr_tables == p.nr_tables && b.platform.nr_iommus == p.nr_iommus &&
			   b.platform.nr_dma_aliases == p.nr_dma_aliases &&
			   b.platform.tables_may_lie == p.tables_may_lie &&
			   b.platform.hpet_msi == p.hpet_msi && b.platform.x2apic == p.x2apic &&
			   !strcmp(b.platform.cmdline, p.cmdline);

		/* the loader lists functions by name; the writer in lowering order */
		for (size_t i = 0; same && i < p.nr_functions; i++) {
			int found = 0;

			for (size_t j = 0; j < b.platform.nr_functions && !found; j++)
				found = b.platform.functions[j].segment == p.functions[i].segment &&
					b.platform.functions[j].bus == p.functions[i].bus &&
					b.platform.functions[j].devfn == p.functions[i].devfn &&
					b.platform.functions[j].config_size == p.functions[i].config_size &&
					!memcmp(b.platform.functions[j].config, p.functions[i].config,
						p.functions[i].config_size);
			same = found;
		}
		for (size_t i = 0; same && i < p.nr_dma_aliases; i++)
			same = !memcmp(&b.platform.dma_aliases[i], &p.dma_aliases[i], sizeof(p.dma_aliases[i]));
		CHECK(same, "seed %u: the bundle loads back to another platform", seed);
	}
	bundle_release(&b);
	platform_release(&p);
	g_node_free(tree);
}

int main(int argc, char **argv)
{
	unsigned tables = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: test_grammar_roundtrip TMPDIR [TABLE...]\n");
		return 2;
	}
	for (int i = 2; i < argc; i++, tables++)
		table_roundtrip(argv[i]);
	for (unsigned s = 0; s < 300; s++)
		tree_roundtrip(s);
	for (unsigned s = 0; s < 40; s++)
		bundle_roundtrip(s, argv[1]);
	printf("%s: %u tables, 300 trees, 40 bundles\n", fails ? "FAIL" : "ok", tables);
	return fails ? 1 : 0;
}
