// SPDX-License-Identifier: GPL-2.0-only
/*
 * Seeds for a fresh campaign corpus: generated platforms in each mode,
 * and every DMAR/IVRS/APIC table found in the seed directories parsed by
 * the grammar into a platform (inconsistent mode: the table is kept as
 * read, on a small Intel machine, or an AMD one for an IVRS, that it does
 * not describe).  The raw DMAR and IVRS targets' seeds are the tables'
 * bytes themselves.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "seed.h"
#include "types.h"

static int write_seed(const char *corpus, const char *name, const uint8_t *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/seed-%s", corpus, name);
	f = fopen(path, "wb");
	if (!f)
		return -1;
	fwrite(data, 1, len, f);
	return fclose(f);
}

static int write_tree(const char *corpus, const char *name, const struct g_node *tree)
{
	size_t len;
	uint8_t *s = g_serialize(tree, &len);
	int ret;

	if (!s)
		return -1;
	ret = write_seed(corpus, name, s, len);
	free(s);
	return ret;
}

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && n < (1 << 20) && !fseek(f, 0, SEEK_SET)) {
		buf = malloc(n);
		if (buf && fread(buf, 1, n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = n;
	}
	fclose(f);
	return buf;
}

/* a table file: into the tree (pipeline) or as bytes (raw DMAR/IVRS targets) */
static int seed_table(const char *corpus, enum seed_target target, const char *path,
		      const char *name, unsigned *count)
{
	size_t len = 0;
	uint8_t *data = slurp(path, &len);
	const char *err;
	struct g_node *tree, *t;
	int dmar = len >= 4 && !memcmp(data, "DMAR", 4), apic = len >= 4 && !memcmp(data, "APIC", 4);
	int ivrs = len >= 4 && !memcmp(data, "IVRS", 4);

	if (!data)
		return 0;
	if (target != SEED_PIPELINE) {
		if ((target == SEED_DMAR ? dmar : ivrs) && !write_seed(corpus, name, data, len))
			++*count;
		free(data);
		return 0;
	}
	t = dmar || apic || ivrs ? g_decode(dmar ? &g_dmar : ivrs ? &g_ivrs : &g_madt, data, len, &err) :
	    NULL;
	free(data);
	if (!t)
		return 0;
	tree = ivrs ? g_platform_small_amd() : g_platform_small();
	if (!tree || g_add_kid(tree, t)) {
		g_node_free(t);
		g_node_free(tree);
		return -1;
	}
	g_set(tree, "mode", G_MODE_INCONSISTENT);
	if (!write_tree(corpus, name, tree))
		++*count;
	g_node_free(tree);
	return 0;
}

/* in DIR: table files, or bundles (NAME/sys/firmware/acpi/tables/{DMAR,APIC,IVRS}) */
static int seed_dir(const char *corpus, enum seed_target target, const char *dir, unsigned *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096], name[512];
	struct stat st;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st))
			continue;
		if (S_ISREG(st.st_mode)) {
			snprintf(name, sizeof(name), "%.400s", e->d_name);
			seed_table(corpus, target, path, name, count);
			continue;
		}
		for (const char *const *sig = (const char *const[]){ "DMAR", "APIC", "IVRS", NULL };
		     *sig; sig++) {
			snprintf(path, sizeof(path), "%s/%s/sys/firmware/acpi/tables/%s", dir, e->d_name, *sig);
			snprintf(name, sizeof(name), "%.400s-%s", e->d_name, *sig);
			if (!access(path, F_OK))
				seed_table(corpus, target, path, name, count);
		}
	}
	closedir(d);
	return 0;
}

int seed_corpus(const char *corpus, enum seed_target target, const char *const *dirs,
		size_t nr_dirs, unsigned *count)
{
	*count = 0;
	for (size_t i = 0; i < nr_dirs; i++)
		seed_dir(corpus, target, dirs[i], count);
	if (target != SEED_PIPELINE)
		return 0;
	/* generated platforms, a few per mode, from fixed choice streams */
	for (unsigned mode = 0; mode < G_NR_MODES; mode++)
		for (unsigned k = 0; k < 4; k++) {
			uint8_t bytes[64];
			char name[32];
			struct g_node *tree;

			for (unsigned i = 0; i < sizeof(bytes); i++)
				bytes[i] = (i * 37 + k * 101 + 13) ^ (i >> 2);
			bytes[0] = mode;
			tree = g_platform_from_input(bytes, sizeof(bytes));
			if (!tree)
				return -1;
			snprintf(name, sizeof(name), "generated-%u-%u", mode, k);
			if (!write_tree(corpus, name, tree))
				++*count;
			g_node_free(tree);
		}
	return 0;
}
