/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * grammars/: one declarative description per structure (firmware table
 * entries and topology building blocks), and one engine that interprets
 * the descriptions to generate a tree from fuzz bytes, mutate it
 * structurally, parse real table bytes into it, encode it back to bytes,
 * serialize it as a fuzz input and print it as text.
 *
 * A description (struct g_type) is a table: its fields (offset and width
 * in the encoded structure, kind: plain number in a range, enum, flag set,
 * length, constant, vendor:device ID from the quirk dictionary), the
 * header size, and which child types may follow it and how children are
 * framed (a tag and a length at fixed offsets, or fixed-size records).
 * Types without an encoding (hdr_size 0) describe topology: their fields
 * are parameters the lowering (lower.c) turns into config spaces.
 *
 * The engine knows nothing of the kernel or the solver; grammars/ knows
 * struct platform only in lower.c and derive.c, which build one.
 */
#ifndef GRAMMAR_H
#define GRAMMAR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum g_kind {
	G_UINT,		/* a number in [lo, hi] */
	G_ENUM,		/* one of vals[] */
	G_FLAGS,	/* any subset of the bits vals[] names (others kept as read) */
	G_LEN,		/* encoded: this structure's length, children included */
	G_CONST,	/* encoded: always def (signature, revision) */
	G_CSUM,		/* encoded: ACPI checksum byte, computed over the table */
	G_ID,		/* vendor << 16 | device, drawn from the quirk dictionary */
	G_TAILLEN,	/* encoded: the length of the tail (a UID), which it sizes */
};

struct g_value {
	uint64_t v;
	const char *name;
};

struct g_field {
	const char *name;
	uint16_t off, size;	/* encoded bytes (little-endian); size 0: not encoded */
	enum g_kind kind;
	uint64_t lo, hi;	/* G_UINT */
	const struct g_value *vals;	/* G_ENUM / G_FLAGS, ended by a NULL name */
	uint64_t def;		/* G_CONST value; the default of a fresh node */
};

#define G_MAX_FIELDS 16

/*
 * How a structure's children are framed in its encoding: by a length field,
 * or (len_size 0) by their type: a tagged child of a known type is its
 * header plus its G_TAILLEN tail; a tag no description knows is sized by
 * sizes[tag >> size_shift] (0: unknown, the walk ends there), as tables
 * whose entry size is coded in the type's high bits define it.
 */
struct g_framing {
	uint8_t tag_off, tag_size;	/* the child's type code; size 0: untagged */
	uint8_t len_off, len_size;	/* the child's length; size 0: fixed size */
	uint8_t size_shift;		/* tagged, no length: tag >> size_shift ... */
	const uint8_t *sizes;		/* ... indexes these sizes, one per tag class */
};

struct g_type {
	const char *name;
	const char *doc;		/* one line: what it is, from which spec */
	int64_t tag;			/* code selecting it in its parent, -1 none */
	const struct g_field *fields;
	unsigned nr_fields;
	unsigned hdr_size;		/* encoded bytes before children/tail; 0: model only */
	int tail;			/* bytes after the header are an opaque tail (ANDD name) */
	const struct g_type *const *kids;	/* allowed children, NULL-ended */
	unsigned max_kids;
	struct g_framing framing;	/* how the children are framed */
};

struct g_node {
	const struct g_type *type;
	uint64_t v[G_MAX_FIELDS];
	uint8_t *tail;			/* opaque tail, or an unknown structure's bytes */
	size_t tail_len;
	struct g_node **kids;
	size_t nr_kids, cap_kids;
	struct g_node *parent;
};

/* The choice stream: fuzz bytes (generation) or a PRNG (mutation). */
struct g_src {
	const uint8_t *p;
	size_t n, pos;
	uint64_t rng;			/* nonzero: draw from the PRNG instead */
};

void g_src_bytes(struct g_src *s, const uint8_t *p, size_t n);
void g_src_rng(struct g_src *s, uint64_t seed);
/* a choice in [0, n), 0 when the bytes are exhausted */
uint64_t g_pick(struct g_src *s, uint64_t n);

/* ---- engine.c: trees ---- */
struct g_node *g_node_new(const struct g_type *t);
void g_node_free(struct g_node *n);
struct g_node *g_node_clone(const struct g_node *n);
int g_add_kid(struct g_node *parent, struct g_node *kid);	/* 0, -1 no memory */
struct g_node *g_take_kid(struct g_node *parent, size_t i);
int g_kid_allowed(const struct g_type *parent, const struct g_type *kid);
/* field index by name, -1 when the type has none */
int g_field(const struct g_type *t, const char *name);
uint64_t g_get(const struct g_node *n, const char *name);
void g_set(struct g_node *n, const char *name, uint64_t v);
/* the first child of type t, or NULL */
struct g_node *g_find_kid(const struct g_node *n, const struct g_type *t);
size_t g_count(const struct g_node *n);	/* nodes in the subtree */

/* Generate a subtree of type t from the choice stream; budget caps the nodes. */
struct g_node *g_generate(const struct g_type *t, struct g_src *s, unsigned *budget);
/* Choose a field value of f. */
uint64_t g_gen_field(const struct g_field *f, struct g_src *s);

/*
 * One structural mutation of the tree: change a field as its description
 * allows, add or remove a child, swap or move a subtree, duplicate one.
 * Returns what it did (a static string), the tree stays well-formed.
 */
const char *g_mutate(struct g_node *root, struct g_src *s);
/* Crossover: graft a copy of one of other's subtrees into root where allowed. */
const char *g_splice(struct g_node *root, const struct g_node *other, struct g_src *s);

/* ---- codec.c: encoded structures (tables) ---- */
/* Encode the subtree into a new buffer; lengths and checksums computed. */
uint8_t *g_encode(const struct g_node *n, size_t *len);
/*
 * Parse bytes as type t.  Children with an unknown tag become "unknown"
 * nodes holding their bytes; a child overrunning its parent ends the walk
 * and the rest is kept as the parent's tail, so decode never fails on a
 * table that fits its header.  NULL with *err set when it does not.
 */
struct g_node *g_decode(const struct g_type *t, const uint8_t *p, size_t len, const char **err);

/* ---- serial.c: the fuzz input format ---- */
#define G_SERIAL_MAGIC "IFZ1"
uint8_t *g_serialize(const struct g_node *root, size_t *len);
/* NULL when the bytes are not a well-formed tree of root type t */
struct g_node *g_deserialize(const struct g_type *t, const uint8_t *p, size_t len);

/* ---- print.c ---- */
void g_print(const struct g_node *n, FILE *out);

/* ---- the dictionary (generated from the tree's quirks.c at build time) ---- */
extern const uint32_t g_quirk_ids[];	/* vendor << 16 | device; device 0xffff: any */
extern const size_t g_nr_quirk_ids;

/* every type, for serialization by index; NULL-ended */
extern const struct g_type *const g_all_types[];
extern const struct g_type g_unknown;	/* a structure whose tag no description knows */

#endif
