// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fuzz input format: "IFZ1", then the tree in preorder, each node as
 * its type's index in g_all_types, its field values, its tail and its
 * children, numbers as LEB128.  Compact (the fuzzer's corpus) and strict:
 * anything that is not exactly a well-formed tree is rejected, and the
 * caller then reads the bytes as a generator's choice stream instead.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar.h"

#define MAX_NODES 4096
#define MAX_DEPTH 32
#define MAX_TAIL 65536

struct out {
	uint8_t *p;
	size_t len, cap;
	int oom;
};

static void put_byte(struct out *o, uint8_t b)
{
	if (o->oom)
		return;
	if (o->len == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 256;
		uint8_t *p = realloc(o->p, cap);

		if (!p) {
			o->oom = 1;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	o->p[o->len++] = b;
}

static void put_uleb(struct out *o, uint64_t v)
{
	do {
		put_byte(o, (v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
}

static unsigned type_index(const struct g_type *t)
{
	unsigned i = 0;

	while (g_all_types[i] && g_all_types[i] != t)
		i++;
	return i;
}

static void put_node(struct out *o, const struct g_node *n)
{
	put_uleb(o, type_index(n->type));
	for (unsigned i = 0; i < n->type->nr_fields; i++)
		put_uleb(o, n->v[i]);
	put_uleb(o, n->tail_len);
	for (size_t i = 0; i < n->tail_len; i++)
		put_byte(o, n->tail[i]);
	put_uleb(o, n->nr_kids);
	for (size_t i = 0; i < n->nr_kids; i++)
		put_node(o, n->kids[i]);
}

uint8_t *g_serialize(const struct g_node *root, size_t *len)
{
	struct out o = { 0 };

	for (const char *m = G_SERIAL_MAGIC; *m; m++)
		put_byte(&o, *m);
	put_node(&o, root);
	if (o.oom) {
		free(o.p);
		return NULL;
	}
	*len = o.len;
	return o.p;
}

struct in {
	const uint8_t *p;
	size_t n, pos;
	unsigned nodes;
};

static int get_uleb(struct in *in, uint64_t *v)
{
	*v = 0;
	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (in->pos >= in->n)
			return -1;
		uint8_t b = in->p[in->pos++];

		*v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return 0;
	}
	return -1;
}

static struct g_node *get_node(struct in *in, const struct g_type *parent, const struct g_type *want,
			       unsigned depth)
{
	uint64_t ti, v, nk;
	struct g_node *n;
	size_t nr_types = 0;

	while (g_all_types[nr_types])
		nr_types++;
	if (depth > MAX_DEPTH || ++in->nodes > MAX_NODES || get_uleb(in, &ti) || ti >= nr_types)
		return NULL;
	if (want ? g_all_types[ti] != want : !g_kid_allowed(parent, g_all_types[ti]))
		return NULL;
	n = g_node_new(g_all_types[ti]);
	if (!n)
		return NULL;
	for (unsigned i = 0; i < n->type->nr_fields; i++) {
		if (get_uleb(in, &v))
			goto bad;
		n->v[i] = v;
	}
	if (get_uleb(in, &v) || v > MAX_TAIL || v > in->n - in->pos)
		goto bad;
	if (v) {
		n->tail = malloc(v);
		if (!n->tail)
			goto bad;
		memcpy(n->tail, in->p + in->pos, v);
		n->tail_len = v;
		in->pos += v;
	}
	if (get_uleb(in, &nk) || nk > n->type->max_kids)
		goto bad;
	for (uint64_t i = 0; i < nk; i++) {
		struct g_node *k = get_node(in, n->type, NULL, depth + 1);

		if (!k || g_add_kid(n, k)) {
			g_node_free(k);
			goto bad;
		}
	}
	return n;
bad:
	g_node_free(n);
	return NULL;
}

struct g_node *g_deserialize(const struct g_type *t, const uint8_t *p, size_t len)
{
	size_t ml = strlen(G_SERIAL_MAGIC);
	struct in in = { p, len, ml, 0 };
	struct g_node *n;

	if (len < ml || memcmp(p, G_SERIAL_MAGIC, ml))
		return NULL;
	n = get_node(&in, NULL, t, 0);
	if (n && in.pos != len) {
		g_node_free(n);
		return NULL;
	}
	return n;
}
