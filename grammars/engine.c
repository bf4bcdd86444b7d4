// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic engine over descriptions: trees, generation from a choice
 * stream, structural mutation.  Nothing here names a table or a device:
 * every decision comes from the g_type being interpreted.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar.h"

void g_src_bytes(struct g_src *s, const uint8_t *p, size_t n)
{
	s->p = p;
	s->n = n;
	s->pos = 0;
	s->rng = 0;
}

void g_src_rng(struct g_src *s, uint64_t seed)
{
	memset(s, 0, sizeof(*s));
	s->rng = seed | 1;
}

uint64_t g_pick(struct g_src *s, uint64_t n)
{
	uint64_t r = 0;

	if (n <= 1)
		return 0;
	if (s->rng) {
		/* xorshift64*: mutation only needs spread, not quality */
		s->rng ^= s->rng >> 12;
		s->rng ^= s->rng << 25;
		s->rng ^= s->rng >> 27;
		r = s->rng * 2685821657736338717ULL;
		return (r >> 11) % n;
	}
	/* as many bytes as n needs, so small choices cost one byte */
	for (uint64_t span = n - 1; span; span >>= 8) {
		if (s->pos >= s->n)
			break;
		r = r << 8 | s->p[s->pos++];
	}
	return r % n;
}

struct g_node *g_node_new(const struct g_type *t)
{
	struct g_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->type = t;
	for (unsigned i = 0; i < t->nr_fields; i++)
		n->v[i] = t->fields[i].def;
	return n;
}

void g_node_free(struct g_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nr_kids; i++)
		g_node_free(n->kids[i]);
	free(n->kids);
	free(n->tail);
	free(n);
}

int g_add_kid(struct g_node *parent, struct g_node *kid)
{
	if (parent->nr_kids == parent->cap_kids) {
		size_t cap = parent->cap_kids ? 2 * parent->cap_kids : 4;
		struct g_node **k = realloc(parent->kids, cap * sizeof(*k));

		if (!k)
			return -1;
		parent->kids = k;
		parent->cap_kids = cap;
	}
	parent->kids[parent->nr_kids++] = kid;
	kid->parent = parent;
	return 0;
}

struct g_node *g_take_kid(struct g_node *parent, size_t i)
{
	struct g_node *k = parent->kids[i];

	memmove(&parent->kids[i], &parent->kids[i + 1], (parent->nr_kids - i - 1) * sizeof(k));
	parent->nr_kids--;
	k->parent = NULL;
	return k;
}

struct g_node *g_node_clone(const struct g_node *n)
{
	struct g_node *c = g_node_new(n->type);

	if (!c)
		return NULL;
	memcpy(c->v, n->v, sizeof(c->v));
	if (n->tail_len) {
		c->tail = malloc(n->tail_len);
		if (!c->tail)
			goto fail;
		memcpy(c->tail, n->tail, n->tail_len);
		c->tail_len = n->tail_len;
	}
	for (size_t i = 0; i < n->nr_kids; i++) {
		struct g_node *k = g_node_clone(n->kids[i]);

		if (!k || g_add_kid(c, k)) {
			g_node_free(k);
			goto fail;
		}
	}
	return c;
fail:
	g_node_free(c);
	return NULL;
}

int g_kid_allowed(const struct g_type *parent, const struct g_type *kid)
{
	if (kid == &g_unknown)
		return parent->framing.tag_size != 0;
	for (const struct g_type *const *k = parent->kids; k && *k; k++)
		if (*k == kid)
			return 1;
	return 0;
}

int g_field(const struct g_type *t, const char *name)
{
	for (unsigned i = 0; i < t->nr_fields; i++)
		if (!strcmp(t->fields[i].name, name))
			return i;
	return -1;
}

uint64_t g_get(const struct g_node *n, const char *name)
{
	int i = g_field(n->type, name);

	return i < 0 ? 0 : n->v[i];
}

void g_set(struct g_node *n, const char *name, uint64_t v)
{
	int i = g_field(n->type, name);

	if (i >= 0)
		n->v[i] = v;
}

struct g_node *g_find_kid(const struct g_node *n, const struct g_type *t)
{
	for (size_t i = 0; i < n->nr_kids; i++)
		if (n->kids[i]->type == t)
			return n->kids[i];
	return NULL;
}

size_t g_count(const struct g_node *n)
{
	size_t c = 1;

	for (size_t i = 0; i < n->nr_kids; i++)
		c += g_count(n->kids[i]);
	return c;
}

static size_t nr_vals(const struct g_value *v)
{
	size_t n = 0;

	while (v && v[n].name)
		n++;
	return n;
}

static uint64_t width_mask(const struct g_field *f)
{
	return f->size >= 8 || !f->size ? ~0ULL : (1ULL << (8 * f->size)) - 1;
}

uint64_t g_gen_field(const struct g_field *f, struct g_src *s)
{
	size_t nv = nr_vals(f->vals);
	uint64_t v = 0;

	switch (f->kind) {
	case G_ENUM:
		return nv ? f->vals[g_pick(s, nv)].v : f->def;
	case G_FLAGS:
		for (size_t i = 0; i < nv; i++)
			if (g_pick(s, 2))
				v |= f->vals[i].v;
		return v;
	case G_ID:
		/* mostly quirky IDs, so the quirk tables are reached */
		if (g_nr_quirk_ids && g_pick(s, 4))
			return g_quirk_ids[g_pick(s, g_nr_quirk_ids)];
		return f->def;
	case G_UINT:
		/* the bounds are where parsers go wrong: favour them */
		switch (g_pick(s, 4)) {
		case 0:
			return f->lo;
		case 1:
			return f->hi;
		default:
			return f->lo + g_pick(s, f->hi - f->lo + 1 ? f->hi - f->lo + 1 : ~0ULL);
		}
	default:
		return f->def & width_mask(f);
	}
}

struct g_node *g_generate(const struct g_type *t, struct g_src *s, unsigned *budget)
{
	struct g_node *n = g_node_new(t);
	size_t nk = 0;

	if (!n)
		return NULL;
	if (*budget)
		(*budget)--;
	for (unsigned i = 0; i < t->nr_fields; i++)
		n->v[i] = g_gen_field(&t->fields[i], s);
	while (t->kids && t->kids[nk])
		nk++;
	if (nk && t->max_kids && *budget) {
		/* a few: wide limits are for parsed and derived tables */
		uint64_t want = g_pick(s, (t->max_kids < 4 ? t->max_kids : 4) + 1);

		for (uint64_t i = 0; i < want && *budget; i++) {
			struct g_node *k = g_generate(t->kids[g_pick(s, nk)], s, budget);

			if (!k || g_add_kid(n, k)) {
				g_node_free(k);
				break;
			}
		}
	}
	return n;
}

/* ---- mutation ---- */

/* every node of the tree in preorder */
static void collect(struct g_node *n, struct g_node **out, size_t *nr)
{
	out[(*nr)++] = n;
	for (size_t i = 0; i < n->nr_kids; i++)
		collect(n->kids[i], out, nr);
}

static int is_ancestor(const struct g_node *a, const struct g_node *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static const char *mutate_field(struct g_node *n, struct g_src *s)
{
	const struct g_type *t = n->type;
	unsigned settable[G_MAX_FIELDS], ns = 0;

	for (unsigned i = 0; i < t->nr_fields; i++)
		if (t->fields[i].kind != G_LEN && t->fields[i].kind != G_CONST &&
		    t->fields[i].kind != G_CSUM && t->fields[i].kind != G_TAILLEN)
			settable[ns++] = i;
	if (!ns)
		return NULL;
	unsigned i = settable[g_pick(s, ns)];
	const struct g_field *f = &t->fields[i];

	if (f->kind == G_FLAGS && f->vals && nr_vals(f->vals)) {
		/* flip one named bit: "flip an ACS bit" */
		n->v[i] ^= f->vals[g_pick(s, nr_vals(f->vals))].v;
		return "flip a flag";
	}
	n->v[i] = g_gen_field(f, s);
	return "change a field";
}

static const char *add_kid(struct g_node *n, struct g_src *s)
{
	size_t nk = 0;
	unsigned budget = 6;
	struct g_node *k;

	while (n->type->kids && n->type->kids[nk])
		nk++;
	if (!nk || n->nr_kids >= n->type->max_kids)
		return NULL;
	k = g_generate(n->type->kids[g_pick(s, nk)], s, &budget);
	if (!k || g_add_kid(n, k)) {
		g_node_free(k);
		return NULL;
	}
	/* anywhere, not only last: table order matters to parsers */
	size_t at = g_pick(s, n->nr_kids);

	memmove(&n->kids[at + 1], &n->kids[at], (n->nr_kids - 1 - at) * sizeof(k));
	n->kids[at] = k;
	return "add a child";
}

const char *g_mutate(struct g_node *root, struct g_src *s)
{
	size_t total = g_count(root), nr = 0;
	struct g_node **all = malloc(total * sizeof(*all));
	const char *what = NULL;

	if (!all)
		return NULL;
	collect(root, all, &nr);
	for (int tries = 0; tries < 8 && !what; tries++) {
		struct g_node *n = all[g_pick(s, nr)], *o;

		switch (g_pick(s, 6)) {
		case 0:
		case 1:
			what = mutate_field(n, s);
			break;
		case 2:
			what = add_kid(n, s);
			break;
		case 3:		/* remove a device, a scope, an entry */
			if (n->nr_kids) {
				g_node_free(g_take_kid(n, g_pick(s, n->nr_kids)));
				what = "remove a child";
			}
			break;
		case 4:		/* swap two table entries */
			if (n->nr_kids >= 2) {
				size_t a = g_pick(s, n->nr_kids), b = g_pick(s, n->nr_kids);
				struct g_node *t = n->kids[a];

				n->kids[a] = n->kids[b];
				n->kids[b] = t;
				what = "swap two children";
			}
			break;
		case 5:		/* move a subtree elsewhere it is allowed */
			o = all[g_pick(s, nr)];
			if (n->parent && o != n->parent && !is_ancestor(n, o) &&
			    g_kid_allowed(o->type, n->type) && o->nr_kids < o->type->max_kids) {
				struct g_node *p = n->parent;

				for (size_t i = 0; i < p->nr_kids; i++)
					if (p->kids[i] == n) {
						g_take_kid(p, i);
						break;
					}
				if (g_add_kid(o, n)) {
					g_add_kid(p, n);	/* p had room: cannot fail */
					break;
				}
				what = "move a subtree";
			}
			break;
		}
	}
	free(all);
	return what;
}

/*
 * Crossover: a subtree of other (a device with its children, a table
 * entry with its scopes) grafted into root where its type is allowed,
 * replacing a node of the same type when there is one.
 */
const char *g_splice(struct g_node *root, const struct g_node *other, struct g_src *s)
{
	size_t na = g_count(root), nb = g_count(other), ra = 0, rb = 0;
	struct g_node **a = malloc(na * sizeof(*a)), **b = malloc(nb * sizeof(*b));
	const char *what = NULL;

	if (!a || !b)
		goto out;
	collect(root, a, &ra);
	collect((struct g_node *)other, b, &rb);
	for (int tries = 0; tries < 8 && !what && rb > 1; tries++) {
		const struct g_node *donor = b[1 + g_pick(s, rb - 1)];
		struct g_node *at = a[g_pick(s, ra)], *copy;

		if (at->type == donor->type && at->parent) {
			struct g_node *p = at->parent;

			copy = g_node_clone(donor);
			if (!copy)
				break;
			for (size_t i = 0; i < p->nr_kids; i++)
				if (p->kids[i] == at) {
					p->kids[i] = copy;
					copy->parent = p;
				}
			g_node_free(at);
			what = "replace a subtree";
		} else if (g_kid_allowed(at->type, donor->type) && at->nr_kids < at->type->max_kids) {
			copy = g_node_clone(donor);
			if (!copy || g_add_kid(at, copy)) {
				g_node_free(copy);
				break;
			}
			what = "graft a subtree";
		}
	}
out:
	free(a);
	free(b);
	return what;
}
