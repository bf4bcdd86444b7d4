// SPDX-License-Identifier: GPL-2.0-only
/* A tree as text: one node a line, indented, fields by name and meaning. */
#include <inttypes.h>

#include "grammar.h"

static void print_field(const struct g_field *f, uint64_t v, FILE *out)
{
	fprintf(out, " %s=", f->name);
	switch (f->kind) {
	case G_ENUM:
		for (const struct g_value *e = f->vals; e && e->name; e++)
			if (e->v == v) {
				fprintf(out, "%s", e->name);
				return;
			}
		fprintf(out, "%#" PRIx64 "(?)", v);
		return;
	case G_FLAGS: {
		const char *sep = "";

		fprintf(out, "%#" PRIx64, v);
		if (!v)
			return;
		fputc('(', out);
		for (const struct g_value *e = f->vals; e && e->name; e++)
			if (v & e->v) {
				fprintf(out, "%s%s", sep, e->name);
				sep = "|";
			}
		fputc(')', out);
		return;
	}
	case G_ID:
		fprintf(out, "%04x:%04x", (unsigned)(v >> 16 & 0xffff), (unsigned)(v & 0xffff));
		return;
	default:
		fprintf(out, "%#" PRIx64, v);
	}
}

static void print_node(const struct g_node *n, int depth, FILE *out)
{
	const struct g_type *t = n->type;

	fprintf(out, "%*s%s", 2 * depth, "", t->name);
	for (unsigned i = 0; i < t->nr_fields; i++) {
		/* computed fields say nothing the structure does not */
		if (t->fields[i].kind == G_LEN || t->fields[i].kind == G_CONST ||
		    t->fields[i].kind == G_CSUM || t->fields[i].kind == G_TAILLEN)
			continue;
		print_field(&t->fields[i], n->v[i], out);
	}
	if (n->tail_len) {
		fprintf(out, " bytes=");
		for (size_t i = 0; i < n->tail_len && i < 64; i++)
			fprintf(out, "%02x", n->tail[i]);
		if (n->tail_len > 64)
			fprintf(out, "...(%zu)", n->tail_len);
	}
	fputc('\n', out);
	for (size_t i = 0; i < n->nr_kids; i++)
		print_node(n->kids[i], depth + 1, out);
}

void g_print(const struct g_node *n, FILE *out)
{
	print_node(n, 0, out);
}
