// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "partition.h"

int partition_add(struct partition *p, bdf_t bdf, int group)
{
	struct partition_member *m = realloc(p->members, (p->nr + 1) * sizeof(*m));

	if (!m)
		return -1;
	p->members = m;
	m[p->nr++] = (struct partition_member){ bdf, group };
	return 0;
}

static int by_group_then_bdf(const void *x, const void *y)
{
	const struct partition_member *a = x, *b = y;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->bdf < b->bdf ? -1 : a->bdf > b->bdf;
}

void partition_sort(struct partition *p)
{
	if (p->nr)
		qsort(p->members, p->nr, sizeof(*p->members), by_group_then_bdf);
}

void partition_release(struct partition *p)
{
	free(p->members);
	p->members = NULL;
	p->nr = 0;
}

int partition_load(struct partition *p, const char *path, struct diag *d)
{
	FILE *f = fopen(path, "r");
	char line[8192], where[32];
	int lineno = 0;

	if (!f) {
		diag_set(d, path, NULL, "%s", strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *s = line, *end;
		long group;

		lineno++;
		snprintf(where, sizeof(where), "%d", lineno);
		if (!strchr(line, '\n') && !feof(f)) {
			diag_set(d, path, where, "line too long");
			goto fail;
		}
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\n' || *s == 0 || *s == '#')
			continue;
		group = strtol(s, &end, 10);
		if (end == s || *end != ':' || group < 0 || group > 1000000) {
			diag_set(d, path, where, "expected \"N: DDDD:BB:DD.F ...\"");
			goto fail;
		}
		s = end + 1;
		for (;;) {
			bdf_t bdf;

			while (*s == ' ' || *s == '\t')
				s++;
			if (*s == '\n' || *s == 0)
				break;
			if (!bdf_parse(s, &bdf) || (s[12] && !strchr(" \t\n", s[12]))) {
				diag_set(d, path, where, "column %d: expected a PCI address DDDD:BB:DD.F",
					 (int)(s - line) + 1);
				goto fail;
			}
			for (size_t i = 0; i < p->nr; i++)
				if (p->members[i].bdf == bdf) {
					diag_set(d, path, where, "%.12s is listed twice", s);
					goto fail;
				}
			if (partition_add(p, bdf, (int)group))
				goto fail;
			s += 12;
		}
	}
	fclose(f);
	partition_sort(p);
	return 0;
fail:
	fclose(f);
	return -1;
}

void partition_print(const struct partition *p, FILE *out)
{
	char buf[16];

	for (size_t i = 0; i < p->nr; i++) {
		if (i == 0 || p->members[i].group != p->members[i - 1].group)
			fprintf(out, "%s%d:", i ? "\n" : "", p->members[i].group);
		fprintf(out, " %s", bdf_format(p->members[i].bdf, buf));
	}
	if (p->nr)
		fputc('\n', out);
}

/* The group of bdf in p, or -1. */
static int group_of(const struct partition *p, bdf_t bdf)
{
	for (size_t i = 0; i < p->nr; i++)
		if (p->members[i].bdf == bdf)
			return p->members[i].group;
	return -1;
}

/* Is group g of a (as a set of devices) a group of b? */
static bool group_in(const struct partition *a, int g, const struct partition *b)
{
	int bg = -2;
	size_t na = 0, nb = 0;

	for (size_t i = 0; i < a->nr; i++) {
		if (a->members[i].group != g)
			continue;
		na++;
		int x = group_of(b, a->members[i].bdf);

		if (x < 0 || (bg != -2 && x != bg))
			return false;
		bg = x;
	}
	for (size_t i = 0; i < b->nr; i++)
		nb += b->members[i].group == bg;
	return na == nb;
}

static int diff_side(const struct partition *a, const struct partition *b, char sign,
		     const char *name, FILE *out)
{
	char buf[16];
	int n = 0;

	for (size_t i = 0; i < a->nr; i++) {
		int g = a->members[i].group;

		if (i && a->members[i - 1].group == g)
			continue;
		if (group_in(a, g, b))
			continue;
		n++;
		if (!out)
			continue;
		fprintf(out, "%c %s group:", sign, name);
		for (size_t j = i; j < a->nr && a->members[j].group == g; j++)
			fprintf(out, " %s", bdf_format(a->members[j].bdf, buf));
		fputc('\n', out);
	}
	return n;
}

int partition_diff(const struct partition *a, const char *a_name,
		   const struct partition *b, const char *b_name, FILE *out)
{
	int n = diff_side(a, b, '-', a_name, out);

	return n + diff_side(b, a, '+', b_name, out);
}
