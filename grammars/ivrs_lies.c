// SPDX-License-Identifier: GPL-2.0-only
/*
 * Inconsistent mode's IVRS lies: the AMD-Vi firmware bugs seen on real
 * machines, each one structural edit of a derived IVRS (besides the
 * engine's generic mutations, which inconsistent mode applies too):
 *  - an alias naming the wrong device: another function of the bus, or a
 *    device on another bus (which the kernel's setup_aliases() does not
 *    honour);
 *  - an IOAPIC or HPET special entry missing;
 *  - EFR images that disagree with the unit (features cleared or flipped,
 *    IVinfo EFRSup cleared);
 *  - entries naming devices the machine does not have (a range over
 *    absent buses), or a device left out of every entry;
 *  - an IVMD unity map over RAM.
 * A lie about a device or source is told in every IVHD that describes it
 * (firmware repeats a unit per IVHD type, and the kernel reads one type).
 */
#include <stdlib.h>

#include "build.h"
#include "types.h"

static int is_ivhd(const struct g_node *n)
{
	return n->type == &g_ivhd10 || n->type == &g_ivhd11 || n->type == &g_ivhd40;
}

static struct g_node *first_ivhd(const struct g_node *ivrs)
{
	for (size_t i = 0; i < ivrs->nr_kids; i++)
		if (is_ivhd(ivrs->kids[i]))
			return ivrs->kids[i];
	return NULL;
}

/* a random entry of type t in the first IVHD, NULL when there is none */
static struct g_node *pick_entry(const struct g_node *ivhd, const struct g_type *t,
				 struct g_src *s)
{
	size_t nr = 0, k;

	for (size_t i = 0; i < ivhd->nr_kids; i++)
		nr += ivhd->kids[i]->type == t;
	if (!nr)
		return NULL;
	k = g_pick(s, nr);
	for (size_t i = 0; i < ivhd->nr_kids; i++)
		if (ivhd->kids[i]->type == t && !k--)
			return ivhd->kids[i];
	return NULL;
}

/* replace kid i of p by a new node of type t with the same device ID */
static struct g_node *retype(struct g_node *p, size_t i, const struct g_type *t)
{
	struct g_node *old = p->kids[i], *n = g_node_new(t);

	if (!n)
		return NULL;
	g_set(n, "device_id", g_get(old, "device_id"));
	g_set(n, "dte", g_get(old, "dte"));
	n->parent = p;
	p->kids[i] = n;
	g_node_free(old);
	return n;
}

static const char *wrong_alias(struct g_node *ivrs, struct g_src *s)
{
	struct g_node *first = first_ivhd(ivrs), *e = first ? pick_entry(first, &g_ivhd_select, s) : NULL;
	uint16_t devid, source;

	if (!e)
		return NULL;
	devid = g_get(e, "device_id");
	/* another function or slot of the same bus, or the next bus's 00.0 */
	switch (g_pick(s, 3)) {
	case 0:
		source = devid ^ 1;
		break;
	case 1:
		source = devid ^ 0x08;
		break;
	default:
		source = ((devid >> 8) + 1) << 8 & 0xff00;
		break;
	}
	for (size_t b = 0; b < ivrs->nr_kids; b++) {
		struct g_node *h = ivrs->kids[b];

		for (size_t i = 0; is_ivhd(h) && i < h->nr_kids; i++) {
			struct g_node *n;

			if (h->kids[i]->type != &g_ivhd_select || g_get(h->kids[i], "device_id") != devid)
				continue;
			n = retype(h, i, &g_ivhd_alias_select);
			if (n)
				g_set(n, "source", source);
		}
	}
	return "IVRS lie: an alias to the wrong device";
}

/* every entry matching e's type and identity goes, in every IVHD */
static void drop_everywhere(struct g_node *ivrs, const struct g_node *e)
{
	uint64_t a = g_get(e, "device_id"), b = g_get(e, "handle"), c = g_get(e, "variety");
	const struct g_type *t = e->type;

	for (size_t k = 0; k < ivrs->nr_kids; k++) {
		struct g_node *h = ivrs->kids[k];

		for (size_t i = 0; is_ivhd(h) && i < h->nr_kids;) {
			const struct g_node *x = h->kids[i];

			if (x->type == t && g_get(x, "device_id") == a && g_get(x, "handle") == b &&
			    g_get(x, "variety") == c)
				g_node_free(g_take_kid(h, i));
			else
				i++;
		}
	}
}

static const char *drop_special(struct g_node *ivrs, struct g_src *s)
{
	struct g_node *first = first_ivhd(ivrs), *e = first ? pick_entry(first, &g_ivhd_special, s) : NULL;

	if (!e)
		return NULL;
	drop_everywhere(ivrs, e);
	return "IVRS lie: an IOAPIC/HPET special entry missing";
}

static const char *drop_device(struct g_node *ivrs, struct g_src *s)
{
	struct g_node *first = first_ivhd(ivrs), *e = first ? pick_entry(first, &g_ivhd_select, s) : NULL;

	if (!e)
		return NULL;
	drop_everywhere(ivrs, e);
	return "IVRS lie: a device in no entry";
}

static const char *efr_lie(struct g_node *ivrs, struct g_src *s)
{
	size_t nbits = 0;
	unsigned how = g_pick(s, 3);
	uint64_t bit;

	while (g_efr_bits[nbits].name)
		nbits++;
	bit = g_efr_bits[g_pick(s, nbits)].v;
	if (how == 2) {
		g_set(ivrs, "ivinfo", g_get(ivrs, "ivinfo") & ~1ULL);
		return "IVRS lie: IVinfo EFRSup cleared";
	}
	for (size_t k = 0; k < ivrs->nr_kids; k++) {
		struct g_node *h = ivrs->kids[k];

		if (h->type == &g_ivhd10)
			g_set(h, "feature_reporting",
			      how ? g_get(h, "feature_reporting") ^ 1ULL << g_pick(s, 9) : 0);
		else if (is_ivhd(h))
			g_set(h, "efr_image", how ? g_get(h, "efr_image") ^ bit : 0);
	}
	return how ? "IVRS lie: an EFR feature flipped" : "IVRS lie: no EFR features";
}

static struct g_node *add(struct g_node *parent, const struct g_type *t, uint16_t devid)
{
	struct g_node *n = g_node_new(t);

	if (!n || g_add_kid(parent, n)) {
		g_node_free(n);
		return NULL;
	}
	g_set(n, "device_id", devid);
	return n;
}

static const char *absent_range(struct g_node *ivrs, struct g_src *s)
{
	static const uint16_t firsts[] = { 0x2000, 0x8000, 0xfe00 };
	struct g_node *h = first_ivhd(ivrs);
	uint16_t lo = firsts[g_pick(s, 3)];

	if (!h || !add(h, &g_ivhd_range_start, lo) || !add(h, &g_ivhd_range_end, lo | 0x1ff))
		return NULL;
	return "IVRS lie: a range over absent devices";
}

static const char *ivmd_over_ram(struct g_node *ivrs, struct g_src *s)
{
	static const struct g_type *const types[] = { &g_ivmd20, &g_ivmd21, &g_ivmd22 };
	struct g_node *first = first_ivhd(ivrs), *e = first ? pick_entry(first, &g_ivhd_select, s) : NULL;
	uint16_t devid = e ? g_get(e, "device_id") : 0;
	struct g_node *m = add(ivrs, types[g_pick(s, 3)], devid);

	if (!m)
		return NULL;
	g_set(m, "aux_data", devid | 0xff);
	g_set(m, "start", 0x100000);		/* 1 MiB on: the kernel's own memory */
	g_set(m, "block_length", 0x40000000);
	return "IVRS lie: a unity map over RAM";
}

const char *g_ivrs_lie(struct g_node *ivrs, struct g_src *s)
{
	static const char *(*const lies[])(struct g_node *, struct g_src *) = {
		wrong_alias, drop_special, efr_lie, absent_range, drop_device, ivmd_over_ram };
	const unsigned nr = sizeof(lies) / sizeof(lies[0]);
	const char *what = NULL;

	/* a lie that finds nothing to lie about gives its turn to the next */
	for (unsigned i = 0, k = g_pick(s, nr); i < nr && !what; i++)
		what = lies[(k + i) % nr](ivrs, s);
	return what;
}
