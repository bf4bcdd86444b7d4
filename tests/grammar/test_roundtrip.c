// SPDX-License-Identifier: GPL-2.0-only
/*
 * The grammar against real tables and against itself:
 *  - every DMAR/IVRS/APIC/HPET table given (files, or the files of a
 *    directory) decodes and encodes back to exactly its bytes (the
 *    descriptions match the specification's layout as real firmware
 *    writes it: lengths, offsets, checksums); a table whose checksum is
 *    wrong encodes to its bytes with the checksum corrected, and a table
 *    the grammar refuses must say why;
 *  - generated platforms, after structural mutations and crossovers,
 *    serialize, deserialize and serialize again to the same bytes;
 *  - a built platform written as a bundle loads back to the same platform
 *    (bundle_write is the inverse of bundle_load).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build.h"
#include "bundle.h"
#include "bundle_write.h"
#include "types.h"

static int fails;

#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL: " __VA_ARGS__); printf("\n"); } } while (0)

static unsigned nr_tables, nr_ivrs, nr_bad_sum, nr_refused;

/*
 * Bytes at the end of an IVHD the grammar could not frame as device
 * entries (its tail).  Round trips keep such bytes, so only this shows
 * that every entry's size came out right (the size comes from the type
 * code, F0h's from its UID length): a slip desynchronises the walk.  An
 * entry of a reserved type, sized by its type code, is framed.
 */
static size_t unframed(const struct g_node *n, unsigned *reserved)
{
	size_t u = 0;

	for (size_t i = 0; i < n->nr_kids; i++) {
		const struct g_node *k = n->kids[i];

		if (k->type != &g_ivhd10 && k->type != &g_ivhd11 && k->type != &g_ivhd40)
			continue;
		u += k->tail_len;
		for (size_t j = 0; j < k->nr_kids; j++)
			*reserved += k->kids[j]->type == &g_unknown;
	}
	return u;
}

/* 1: the table was checked */
static int table_roundtrip(const char *path)
{
	FILE *f = fopen(path, "rb");
	static uint8_t buf[1 << 20];
	size_t len, elen, tlen;
	const struct g_type *t;
	struct g_node *n;
	const char *err;
	uint8_t *enc, sum = 0;

	if (!f)
		return 0;
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	t = len < 4 ? NULL : !memcmp(buf, "DMAR", 4) ? &g_dmar : !memcmp(buf, "IVRS", 4) ? &g_ivrs :
	    !memcmp(buf, "APIC", 4) ? &g_madt : !memcmp(buf, "HPET", 4) ? &g_hpet : NULL;
	if (!t)
		return 0;
	n = g_decode(t, buf, len, &err);
	if (!n) {
		/* refusing is allowed, silently is not */
		CHECK(err && *err, "%s: refused without a reason", path);
		printf("refused: %s: %s\n", path, err ? err : "?");
		nr_refused++;
		return 1;
	}
	nr_ivrs += t == &g_ivrs;
	if (t == &g_ivrs) {
		unsigned reserved = 0;
		size_t u = unframed(n, &reserved);

		CHECK(!u, "%s: %zu IVHD bytes not framed as device entries", path, u);
		if (reserved)
			printf("%s: %u device entries of reserved types\n", path, reserved);
	}
	tlen = buf[4] | buf[5] << 8 | buf[6] << 16 | (size_t)buf[7] << 24;
	for (size_t i = 0; i < tlen && i < len; i++)
		sum += buf[i];
	enc = g_encode(n, &elen);
	if (enc && elen == tlen && sum) {
		/* a wrong checksum: everything else identical, the checksum corrected */
		uint8_t esum = 0;

		for (size_t i = 0; i < elen; i++)
			esum += enc[i];
		CHECK(!esum && !memcmp(enc, buf, 9) && !memcmp(enc + 10, buf + 10, elen - 10),
		      "%s: (bad checksum) encodes to other bytes", path);
		nr_bad_sum++;
	} else {
		size_t at = 0;

		/* the checksum differs whenever another byte does: say which */
		while (enc && at < elen && at < tlen && (enc[at] == buf[at] || at == 9))
			at++;
		CHECK(enc && elen == tlen && at == elen && enc[9] == buf[9], "%s: encodes to other bytes (from offset %#zx)",
		      path, at);
	}
	free(enc);
	g_node_free(n);
	return 1;
}

/* a table file, or every file of a directory (absent: said, and skipped) */
static void tables(const char *path)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	char p[4096];

	if (stat(path, &st)) {
		printf("skipped: %s is absent\n", path);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		nr_tables += table_roundtrip(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", path, e->d_name);
		nr_tables += table_roundtrip(p);
	}
	if (d)
		closedir(d);
}

/*
 * Entries of reserved types, one per size class of the AMD IOMMU
 * specification (48882 5.2.2.2: type bits 7:6 give 4, 8, 16, 32 bytes),
 * then a select entry for 01:00.0: it must be found where the
 * specification puts it.
 */
static void reserved_entry_sizes(void)
{
	static const uint8_t classes[] = { 0x05, 0x44, 0x80, 0xc0 }, sizes[] = { 4, 8, 16, 32 };
	uint8_t t[48 + 24 + 4 + 8 + 16 + 32 + 4] = { 'I', 'V', 'R', 'S' };
	size_t at = 48 + 24;
	struct g_node *n, *h;
	const char *err;

	t[4] = sizeof(t);
	t[48] = 0x10;				/* IVHD 10h */
	t[50] = sizeof(t) - 48;
	for (int i = 0; i < 4; at += sizes[i++])
		t[at] = classes[i];
	t[at] = 0x02;				/* select 01:00.0 */
	t[at + 2] = 0x01;
	n = g_decode(&g_ivrs, t, sizeof(t), &err);
	h = n && n->nr_kids == 1 ? n->kids[0] : NULL;
	CHECK(h && h->type == &g_ivhd10 && h->nr_kids == 5 && !h->tail_len,
	      "reserved entry types: the IVHD does not frame as 4 reserved entries and a select");
	for (int i = 0; h && h->nr_kids == 5 && i < 4; i++)
		CHECK(h->kids[i]->type == &g_unknown && h->kids[i]->tail_len == sizes[i],
		      "reserved entry type %#x: not %u bytes", classes[i], sizes[i]);
	if (h && h->nr_kids == 5)
		CHECK(h->kids[4]->type == &g_ivhd_select && g_get(h->kids[4], "device_id") == 0x100,
		      "reserved entry types: the select after them is not 01:00.0");
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
	if (argc < 2) {
		fprintf(stderr, "usage: test_grammar_roundtrip TMPDIR [TABLE|DIR...]\n");
		return 2;
	}
	for (int i = 2; i < argc; i++)
		tables(argv[i]);
	reserved_entry_sizes();
	for (unsigned s = 0; s < 300; s++)
		tree_roundtrip(s);
	for (unsigned s = 0; s < 40; s++)
		bundle_roundtrip(s, argv[1]);
	printf("%s: %u tables (%u IVRS, %u with a wrong checksum, %u refused), 300 trees, 40 bundles\n",
	       fails ? "FAIL" : "ok", nr_tables, nr_ivrs, nr_bad_sum, nr_refused);
	return fails ? 1 : 0;
}
