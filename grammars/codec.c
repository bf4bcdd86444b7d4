// SPDX-License-Identifier: GPL-2.0-only
/*
 * Encoded structures: a header of fields at fixed offsets, then children
 * framed as the parent's description says, then an opaque tail.  Encoding
 * computes lengths and checksums; decoding never fails on bytes that fit
 * the outer header, because malformed tables must stay representable.
 */
#include <stdlib.h>
#include <string.h>

#include "grammar.h"

static uint64_t get_le(const uint8_t *p, unsigned size)
{
	uint64_t v = 0;

	for (unsigned i = size; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

static void put_le(uint8_t *p, unsigned size, uint64_t v)
{
	for (unsigned i = 0; i < size; i++, v >>= 8)
		p[i] = v & 0xff;
}

struct buf {
	uint8_t *p;
	size_t len, cap;
	int oom;
};

static uint8_t *reserve(struct buf *b, size_t n)
{
	if (b->oom)
		return NULL;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		uint8_t *p;

		while (cap < b->len + n)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->oom = 1;
			return NULL;
		}
		b->p = p;
		b->cap = cap;
	}
	b->len += n;
	return b->p + b->len - n;
}

static void encode(const struct g_node *n, struct buf *b)
{
	const struct g_type *t = n->type;
	size_t start = b->len;
	uint8_t *h;

	if (t->hdr_size) {
		h = reserve(b, t->hdr_size);
		if (!h)
			return;
		memset(h, 0, t->hdr_size);
		for (unsigned i = 0; i < t->nr_fields; i++) {
			const struct g_field *f = &t->fields[i];

			if (f->size && f->off + f->size <= t->hdr_size)
				put_le(b->p + start + f->off, f->size, f->kind == G_CONST ? f->def : n->v[i]);
		}
	}
	for (size_t i = 0; i < n->nr_kids; i++)
		encode(n->kids[i], b);
	if (n->tail_len && (h = reserve(b, n->tail_len)))
		memcpy(h, n->tail, n->tail_len);
	if (b->oom)
		return;
	for (unsigned i = 0; i < t->nr_fields; i++) {
		const struct g_field *f = &t->fields[i];
		uint64_t max = f->size >= 8 ? ~0ULL : (1ULL << (8 * f->size)) - 1;
		size_t len = b->len - start;

		/* a length that does not fit its field wraps, as firmware's would */
		if (f->kind == G_LEN && f->size)
			put_le(b->p + start + f->off, f->size, len & max);
		if (f->kind == G_TAILLEN && f->size)
			put_le(b->p + start + f->off, f->size, n->tail_len & max);
	}
	for (unsigned i = 0; i < t->nr_fields; i++) {
		const struct g_field *f = &t->fields[i];
		uint8_t sum = 0;

		if (f->kind != G_CSUM)
			continue;
		b->p[start + f->off] = 0;
		for (size_t k = start; k < b->len; k++)
			sum += b->p[k];
		b->p[start + f->off] = -sum;
	}
}

uint8_t *g_encode(const struct g_node *n, size_t *len)
{
	struct buf b = { 0 };

	encode(n, &b);
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	*len = b.len;
	return b.p;
}

static int set_tail(struct g_node *n, const uint8_t *p, size_t len)
{
	if (!len)
		return 0;
	n->tail = malloc(len);
	if (!n->tail)
		return -1;
	memcpy(n->tail, p, len);
	n->tail_len = len;
	return 0;
}

static struct g_node *unknown(const uint8_t *p, size_t len)
{
	struct g_node *n = g_node_new(&g_unknown);

	if (n && set_tail(n, p, len)) {
		g_node_free(n);
		return NULL;
	}
	return n;
}

static const struct g_type *kid_type(const struct g_type *t, uint64_t tag)
{
	for (const struct g_type *const *k = t->kids; k && *k; k++)
		if (!t->framing.tag_size || (*k)->tag == (int64_t)tag)
			return *k;
	return NULL;
}

/*
 * The size of a child framed by its type (no length field), left bytes
 * available; 0 when it cannot be known.
 */
static size_t tagged_len(const struct g_framing *fr, const struct g_type *kt, uint64_t tag,
			 const uint8_t *p, size_t left)
{
	size_t len;

	if (!kt)
		return fr->sizes ? fr->sizes[tag >> fr->size_shift] : 0;
	len = kt->hdr_size;
	for (unsigned i = 0; i < kt->nr_fields; i++) {
		const struct g_field *f = &kt->fields[i];

		if (f->kind == G_TAILLEN && f->size) {
			if ((size_t)f->off + f->size > left)
				return 0;
			len += get_le(p + f->off, f->size);
		}
	}
	return len;
}

/* p[0..len) is exactly this structure (its framing gave the length) */
static struct g_node *decode(const struct g_type *t, const uint8_t *p, size_t len)
{
	const struct g_framing *fr = &t->framing;
	struct g_node *n;
	size_t pos = t->hdr_size;

	if (len < t->hdr_size)
		return unknown(p, len);
	n = g_node_new(t);
	if (!n)
		return NULL;
	for (unsigned i = 0; i < t->nr_fields; i++)
		if (t->fields[i].size && t->fields[i].kind != G_CONST)
			n->v[i] = get_le(p + t->fields[i].off, t->fields[i].size);
	while (!t->tail && t->kids && pos < len) {
		size_t left = len - pos, klen;
		const struct g_type *kt;
		struct g_node *k;

		if (fr->len_size) {
			if (left < (size_t)fr->len_off + fr->len_size ||
			    left < (size_t)fr->tag_off + fr->tag_size)
				break;
			klen = get_le(p + pos + fr->len_off, fr->len_size);
			/* a length that would not advance or overruns: the walk ends */
			if (klen < (size_t)fr->len_off + fr->len_size || klen > left)
				break;
		} else if (fr->tag_size) {
			uint64_t tag;

			if (left < (size_t)fr->tag_off + fr->tag_size)
				break;
			tag = get_le(p + pos + fr->tag_off, fr->tag_size);
			klen = tagged_len(fr, kid_type(t, tag), tag, p + pos, left);
			if (!klen || klen > left)
				break;
		} else {
			kt = kid_type(t, 0);
			klen = kt ? kt->hdr_size : 0;
			if (!klen || klen > left)
				break;
		}
		kt = kid_type(t, fr->tag_size ? get_le(p + pos + fr->tag_off, fr->tag_size) : 0);
		k = kt ? decode(kt, p + pos, klen) : unknown(p + pos, klen);
		if (!k || g_add_kid(n, k)) {
			g_node_free(k);
			g_node_free(n);
			return NULL;
		}
		pos += klen;
	}
	if (set_tail(n, p + pos, len - pos)) {
		g_node_free(n);
		return NULL;
	}
	return n;
}

struct g_node *g_decode(const struct g_type *t, const uint8_t *p, size_t len, const char **err)
{
	int li = -1;
	uint64_t l;

	*err = NULL;
	if (len < t->hdr_size) {
		*err = "shorter than the structure's header";
		return NULL;
	}
	for (unsigned i = 0; i < t->nr_fields; i++)
		if (t->fields[i].kind == G_LEN)
			li = i;
	if (li >= 0) {
		l = get_le(p + t->fields[li].off, t->fields[li].size);
		if (l > len) {
			*err = "length field exceeds the bytes given";
			return NULL;
		}
		if (l < t->hdr_size) {
			*err = "length field shorter than the header";
			return NULL;
		}
		len = l;
	}
	return decode(t, p, len);
}
