// SPDX-License-Identifier: GPL-2.0-only
/*
 * The specification's reading of the firmware tables:
 *  - DMAR (VT-d spec ch. 8): DRHD units with their device scopes (8.3,
 *    8.3.1), INCLUDE_PCI_ALL, RMRR regions (8.4), IOAPIC/HPET scopes;
 *  - IVRS (AMD IOMMU spec 5.2): IVHD blocks 10h/11h/40h and their device
 *    entries (select, range, alias, extended, special IOAPIC/HPET, ACPI
 *    HID), IVMD blocks 20h/21h/22h (unity maps);
 *  - MADT (ACPI 5.2.12): the IOAPICs; HPET (IA-PC HPET spec): its number.
 * Every read is bounds-checked; a structure that runs past its table ends
 * the walk and is noted (the report shows the first such note).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi_walk.h"
#include "facts.h"

struct tbl {
	const uint8_t *b;
	size_t n;
};

static uint64_t rd(const struct tbl *t, size_t off, int width)
{
	return acpi_get(t->b, t->n, off, width);
}

static void note(struct sv_facts *f, const char *fmt, ...)
{
	va_list ap;

	if (f->table_note[0])
		return;
	va_start(ap, fmt);
	vsnprintf(f->table_note, sizeof(f->table_note), fmt, ap);
	va_end(ap);
}

#define GROW(arr, nr)							\
	({ void *__n = realloc((arr), ((nr) + 1) * sizeof(*(arr)));	\
	   if (__n) (arr) = __n;						\
	   __n ? &(arr)[(nr)++] : NULL; })

static int find_unit(const struct sv_facts *f, uint64_t base, uint16_t seg)
{
	for (size_t i = 0; i < f->nr_units; i++)
		if (f->units[i].base == base && f->units[i].seg == seg)
			return (int)i;
	return -1;
}

static int add_unit(struct sv_facts *f, uint64_t base, uint16_t seg, bool all)
{
	int old = find_unit(f, base, seg);
	struct sv_unit *u;

	if (old >= 0) {
		f->units[old].include_all |= all;
		return old;
	}
	/*
	 * VT-d 8.3 has one INCLUDE_PCI_ALL unit per segment, listed after the
	 * others.  With two, each claims the segment's rest: either is read
	 * as translating it (the table cannot say which), and it is noted.
	 */
	for (size_t i = 0; all && i < f->nr_units; i++)
		if (f->units[i].include_all && f->units[i].seg == seg)
			note(f, "DMAR: a second INCLUDE_PCI_ALL unit on segment %04x (VT-d 8.3: one a segment)",
			     seg);
	u = GROW(f->units, f->nr_units);
	if (!u)
		return -2;
	*u = (struct sv_unit){ base, seg, all, -1, -1 };
	for (size_t k = 0; f->obs && k < f->obs->nr_units; k++)
		if (f->obs->units[k].reg_base == base && f->obs->units[k].segment == seg)
			u->kunit = (int)k;
	return (int)(f->nr_units - 1);
}

static int add_range(struct sv_facts *f, int unit, uint16_t seg, unsigned lo, unsigned hi)
{
	struct sv_range *r;

	if (lo > hi || hi > 0xffff)
		return 0;
	r = GROW(f->ranges, f->nr_ranges);
	if (!r)
		return -1;
	/* an IVHD's ranges name it: two IVHDs at one base are one unit here,
	 * two units to the kernel (see ivrs_owner() in explain.c) */
	*r = (struct sv_range){ unit, seg, (uint16_t)lo, (uint16_t)hi,
				f->units[unit].ivhd_devid >= 0 ? f->nr_ivhds - 1 : -1 };
	return 0;
}

static int add_dispute(struct sv_facts *f, uint16_t seg, unsigned lo, unsigned hi,
		       uint64_t base, int why)
{
	struct sv_dispute *d;

	if (lo > hi || hi > 0xffff)
		return 0;
	d = GROW(f->disputes, f->nr_disputes);
	if (!d)
		return -1;
	*d = (struct sv_dispute){ seg, (uint16_t)lo, (uint16_t)hi, base, why };
	return 0;
}

int sv_disputed(const struct sv_facts *f, uint16_t seg, uint16_t rid, uint64_t base)
{
	for (size_t i = 0; i < f->nr_disputes; i++) {
		const struct sv_dispute *d = &f->disputes[i];

		if (d->seg == seg && d->base == base && d->lo <= rid && rid <= d->hi)
			return d->why;
	}
	return 0;
}

/*
 * The first unit named for a source stands: a later table entry or a
 * command-line declaration (ivrs_ioapic=) moves its requester ID, not the
 * unit that sees it.
 */
int sv_add_irq(struct sv_facts *f, bool hpet, int id, int unit)
{
	struct sv_irq_source *s;

	for (size_t i = 0; i < f->nr_irqs; i++)
		if (f->irqs[i].hpet == hpet && f->irqs[i].id == id) {
			if (f->irqs[i].unit < 0)
				f->irqs[i].unit = unit;
			return 0;
		}
	s = GROW(f->irqs, f->nr_irqs);
	if (!s)
		return -1;
	*s = (struct sv_irq_source){ hpet, id, unit };
	return 0;
}

/*
 * An IVRS alias entry.  ignored: of an IVHD type the reading does not use;
 * kept in alias_decls (declared false) only, for blame where types
 * disagree.
 */
static int add_alias(struct sv_facts *f, uint16_t seg, unsigned devid, unsigned alias,
		     bool ignored)
{
	int k = sv_find(f, seg, (uint16_t)devid);
	struct sv_alias *a;

	if (k < 0 || devid == alias)
		return 0;
	a = GROW(f->alias_decls, f->nr_alias_decls);
	if (!a)
		return -1;
	*a = (struct sv_alias){ k, (uint16_t)alias, !ignored };
	if (ignored)
		return 0;
	/*
	 * A table is truth only for real machines' bundles.  On a generated
	 * one it may still declare an alias the hardware has (add_hw_aliases()
	 * ran first): the kernel was told of it, so it is no longer the
	 * firmware's silence when the kernel ignores it.
	 */
	if (f->platform->tables_may_lie) {
		for (size_t i = 0; i < f->nr_aliases; i++)
			if (f->aliases[i].fn == k && f->aliases[i].rid == alias)
				f->aliases[i].declared = true;
		return 0;
	}
	a = GROW(f->aliases, f->nr_aliases);
	if (!a)
		return -1;
	*a = (struct sv_alias){ k, (uint16_t)alias, true };
	return 0;
}

int sv_scope_path(const struct sv_facts *f, const uint8_t *b, size_t n, size_t off, size_t len,
		  uint16_t seg, int *fn, int *hop)
{
	unsigned bus = acpi_get(b, n, off + 5, 1), rid = 0;

	*fn = *hop = -1;
	if (len < 8)
		return -1;
	for (size_t p = off + 6; p + 2 <= off + len; p += 2) {
		rid = bus << 8 | (acpi_get(b, n, p, 1) & 0x1f) << 3 | (acpi_get(b, n, p + 1, 1) & 7);
		*fn = sv_find(f, seg, (uint16_t)rid);
		if (p + 4 <= off + len) {
			if (*fn < 0 || !f->fns[*fn].bridge) {
				*hop = (int)rid;
				*fn = -1;
				return -1;
			}
			bus = f->fns[*fn].sec;
		}
	}
	return (int)rid;
}

/* sv_scope_path(), its failures noted for the report */
static int scope_rid(struct sv_facts *f, const struct tbl *t, size_t off, size_t len,
		     uint16_t seg, int *fn)
{
	int hop, rid = sv_scope_path(f, t->b, t->n, off, len, seg, fn, &hop);

	if (len < 8)
		note(f, "DMAR: device scope at %#zx has no path", off);
	else if (hop >= 0)
		note(f, "DMAR: scope path at %#zx crosses %02x:%02x.%x, not a bridge",
		     off, hop >> 8, (hop >> 3) & 0x1f, hop & 7);
	return rid;
}

/*
 * The device scopes of a DRHD (unit >= 0) or an RMRR (map != NULL).
 * catch_all: the DRHD is INCLUDE_PCI_ALL, which VT-d 8.3 lets list only
 * IOAPIC and HPET scopes (it already has every PCI device no other unit
 * lists): a PCI scope there names nothing, it is noted and not routed.
 * repeat: the DRHD repeats an earlier one's unit (see parse_dmar()); what
 * it routes is routed, and in dispute.
 */
static int dmar_scopes(struct sv_facts *f, const struct tbl *t, size_t off, size_t end,
		       uint16_t seg, int unit, bool catch_all, const struct sv_dmap *map,
		       bool repeat)
{
	struct acpi_sub sc;
	int more;

	while ((more = acpi_sub_next(ACPI_SUB_SCOPE, t->b, end, &off, &sc)) > 0) {
		unsigned type = sc.type, len = sc.len;
		int fn, rid;

		if (catch_all && (type == 1 || type == 2)) {
			note(f, "DMAR: PCI scope at %#zx under an INCLUDE_PCI_ALL unit (VT-d 8.3: IOAPIC/HPET only)",
			     sc.off);
			continue;
		}
		rid = scope_rid(f, t, sc.off, len, seg, &fn);
		/* 8.3.1: type 01h names an endpoint, never a PCI-PCI bridge */
		if (rid >= 0 && type == 1 && fn >= 0 && f->fns[fn].type1) {
			note(f, "DMAR: endpoint scope %02x:%02x.%x is a bridge",
			     rid >> 8, (rid >> 3) & 0x1f, rid & 7);
			rid = -1;
		}
		if (rid >= 0 && (type == 1 || type == 2)) {
			unsigned lo2 = 1, hi2 = 0;

			if (type == 2 && fn >= 0 && f->fns[fn].bridge) {
				lo2 = f->fns[fn].sec << 8;
				hi2 = f->fns[fn].sub << 8 | 0xff;
			} else if (type == 2) {
				note(f, "DMAR: bridge scope %02x:%02x.%x is no bridge",
				     rid >> 8, (rid >> 3) & 0x1f, rid & 7);
			}
			if (map) {
				struct sv_dmap *m = GROW(f->dmaps, f->nr_dmaps);

				if (!m)
					return -1;
				*m = *map;
				m->lo = m->hi = (uint16_t)rid;
				if (lo2 <= hi2) {
					m = GROW(f->dmaps, f->nr_dmaps);
					if (!m)
						return -1;
					*m = *map;
					m->lo = (uint16_t)lo2;
					m->hi = (uint16_t)hi2;
				}
			} else if (add_range(f, unit, seg, rid, rid) ||
				   add_range(f, unit, seg, lo2, hi2)) {
				return -1;
			} else if (repeat &&
				   (add_dispute(f, seg, rid, rid, f->units[unit].base, SV_DISPUTE_DRHD_REPEAT) ||
				    add_dispute(f, seg, lo2, hi2, f->units[unit].base, SV_DISPUTE_DRHD_REPEAT))) {
				return -1;
			}
		} else if (!map && (type == 3 || type == 4)) {
			if (sv_add_irq(f, type == 4, (int)rd(t, sc.off + 4, 1), unit))
				return -1;
		}
	}
	if (more < 0)
		note(f, "DMAR: device scope at %#zx has length %zu", sc.off, sc.len);
	return 0;
}

static int parse_dmar(struct sv_facts *f, const struct tbl *t)
{
	size_t next = ACPI_DMAR_FIRST;
	struct acpi_sub st;
	int more;

	while ((more = acpi_sub_next(ACPI_SUB_DMAR, t->b, t->n, &next, &st)) > 0) {
		size_t off = st.off;
		unsigned type = st.type, len = st.len;

		if (type == 0 && len >= 16) {		/* DRHD */
			uint16_t seg = rd(t, off + 6, 2);
			uint64_t base = rd(t, off + 8, 8);
			bool all = rd(t, off + 4, 1) & 1;
			/*
			 * A DRHD is one unit's (VT-d 8.3: its register base);
			 * a second DRHD with the first's segment and base
			 * describes that unit twice.  The reading is their
			 * union; the kernel keeps the first and skips the
			 * second whole (dmar_parse_one_drhd(), by
			 * dmar_find_dmaru()), so what only the repeat
			 * routes is in dispute.
			 */
			int old = find_unit(f, base, seg);
			bool new_all = all && !(old >= 0 && f->units[old].include_all);
			int u = add_unit(f, base, seg, all);

			if (old >= 0)
				note(f, "DMAR: DRHD at %#zx repeats the segment and register base %#llx of an earlier one",
				     off, (unsigned long long)base);
			if (u < -1 || (old >= 0 && new_all &&
				       add_dispute(f, seg, 0, 0xffff, base, SV_DISPUTE_DRHD_REPEAT)) ||
			    dmar_scopes(f, t, off + 16, off + len, seg, u, all, NULL, old >= 0))
				return -1;
		} else if (type == 1 && len >= 24) {	/* RMRR */
			struct sv_dmap m = { .seg = rd(t, off + 6, 2),
					     .start = rd(t, off + 8, 8), .end = rd(t, off + 16, 8) };

			if (m.end < m.start)
				note(f, "DMAR: RMRR at %#zx ends before it starts", off);
			else if (dmar_scopes(f, t, off + 24, off + len, m.seg, -1, false, &m, false))
				return -1;
		}
	}
	if (more < 0)
		note(f, "DMAR: structure at %#zx has length %zu (table %zu bytes)", st.off, st.len, t->n);
	return 0;
}

/*
 * One IVHD block.  ignored: the block is of a type the reading does not use
 * (see parse_ivrs()); what it routes is recorded as a dispute only, it
 * makes no unit and routes nothing.
 */
static int parse_ivhd(struct sv_facts *f, const struct tbl *t, size_t off, size_t end,
		      bool ignored)
{
	unsigned type = rd(t, off, 1);
	uint16_t seg = rd(t, off + 16, 2);
	uint64_t base = rd(t, off + 8, 8);
	int u = ignored ? -1 : add_unit(f, base, seg, false);
	size_t next = off + (type == 0x10 ? 24 : 40);
	long start = -1, alias = -1;
	struct acpi_sub e;
	int more;

#define COVER(lo, hi)	(ignored ? add_dispute(f, seg, (lo), (hi), base, (int)type) \
				 : add_range(f, u, seg, (lo), (hi)))
	if (u < -1)
		return -1;
	/*
	 * The IOMMU function itself is translated by no one; it is the unit
	 * (48882 IVHD DeviceID, a class 0806h function).  Kept to judge the
	 * kernel's treatment of that ID: it drops it from its lookup table.
	 */
	if (!ignored) {
		f->units[u].ivhd_devid = rd(t, off + 4, 2);
		f->nr_ivhds++;
	}
	while ((more = acpi_sub_next(ACPI_SUB_IVHD, t->b, end, &next, &e)) > 0) {
		size_t p = e.off;
		unsigned et = e.type, id = rd(t, p + 1, 2);

		switch (et) {
		case 0x01:				/* all */
			if (COVER(0, 0xffff))
				return -1;
			break;
		case 0x02: case 0x46:			/* select, extended select */
			if (COVER(id, id))
				return -1;
			break;
		case 0x03: case 0x47:			/* start of range */
			start = id, alias = -1;
			break;
		case 0x43:				/* alias start of range */
			start = id, alias = rd(t, p + 5, 2);
			break;
		case 0x42:				/* alias select */
			if (COVER(id, id) ||
			    COVER(rd(t, p + 5, 2), rd(t, p + 5, 2)) ||
			    add_alias(f, seg, id, rd(t, p + 5, 2), ignored))
				return -1;
			break;
		case 0x04:				/* end of range */
			/*
			 * 5.2.2.2: an end of range closes the range a start
			 * entry (03h, 43h, 47h) opened.  Without one the table
			 * does not say where it starts: it routes nothing here,
			 * and the IDs up to its end are in dispute.
			 */
			if (start < 0) {
				if (!ignored)
					note(f, "IVRS: end of range at %#zx without a start", p);
				if (add_dispute(f, seg, 0, id, base, ignored ? (int)type : SV_DISPUTE_NO_START))
					return -1;
				break;
			}
			if (COVER(start, id))
				return -1;
			if (alias >= 0) {
				if (COVER(alias, alias))
					return -1;
				for (unsigned d = start; d <= id && d <= 0xffff; d++)
					if (add_alias(f, seg, d, alias, ignored))
						return -1;
			}
			start = alias = -1;
			break;
		case 0x48: {				/* special: IOAPIC / HPET */
			bool hpet = rd(t, p + 7, 1) == 2;
			uint16_t rid = rd(t, p + 5, 2);

			/*
			 * The entry's DeviceID is the source's requester ID,
			 * and its DTE setting is that ID's (AMD IOMMU 5.2.2.2):
			 * the unit serves the ID, whatever function also has it
			 * (on AMD's FCH the IOAPIC's 00:14.0 is the SMBus
			 * controller).  An ivrs_ioapic=/ivrs_hpet= for the
			 * source replaces that ID (the parameters' purpose,
			 * kernel-parameters.txt), which the kernel sets up in
			 * the ID's place (add_special_device()).
			 */
			if (hpet || rd(t, p + 7, 1) == 1) {
				sv_cmdline_irq_rid(f, hpet, (int)rd(t, p + 4, 1), &rid);
				if ((!ignored && sv_add_irq(f, hpet, (int)rd(t, p + 4, 1), u)) ||
				    COVER(rid, rid))
					return -1;
			}
			break;
		}
		case 0xf0:				/* ACPI HID device */
			/*
			 * 5.2.2.2: the DeviceID an ACPI-named device uses at
			 * this IOMMU; defined in type 40h blocks only, with a
			 * HID (its first byte non-zero).
			 */
			if (type == 0x40 && rd(t, p + 4, 1) && COVER(id, id))
				return -1;
			break;
		default:
			break;
		}
	}
	if (more < 0 && !ignored)
		note(f, "IVRS: device entry %#x at %#zx does not fit", e.type, e.off);
	return 0;
#undef COVER
}

/* an IVHD block of a type this reading knows, long enough for its header */
static bool ivhd_block(unsigned type, unsigned len)
{
	return (type == 0x10 && len >= 24) || ((type == 0x11 || type == 0x40) && len >= 40);
}

static int parse_ivrs(struct sv_facts *f, const struct tbl *t)
{
	size_t next = ACPI_IVRS_FIRST;
	struct acpi_sub blk;
	unsigned use = 0;
	int more;

	/*
	 * IVHD types 10h, 11h and 40h each describe every IOMMU, the newer
	 * with more detail, so that software that knows only the older still
	 * works (5.2.2.1; AMD's own reading in Linux commit 8c7142f56fed:
	 * use the newest type understood).  This reading understands all
	 * three: it uses the blocks of the highest type present.  What the
	 * others route is kept as disputes, for blame where they disagree.
	 */
	while (acpi_sub_next(ACPI_SUB_IVRS, t->b, t->n, &next, &blk) > 0)
		if (ivhd_block(blk.type, blk.len) && blk.type > use)
			use = blk.type;
	f->ivhd_type = use;
	next = ACPI_IVRS_FIRST;
	while ((more = acpi_sub_next(ACPI_SUB_IVRS, t->b, t->n, &next, &blk)) > 0) {
		size_t off = blk.off;
		unsigned type = blk.type, len = blk.len;

		if (ivhd_block(type, len)) {
			if (parse_ivhd(f, t, off, off + len, type != use))
				return -1;
		} else if (type >= 0x20 && type <= 0x22 && len >= 32) {
			uint64_t start = rd(t, off + 16, 8), size = rd(t, off + 24, 8);
			struct sv_dmap *m;
			unsigned id = rd(t, off + 4, 2), aux = rd(t, off + 6, 2);

			/* unity map or exclusion range: the device needs it 1:1 */
			if (!(rd(t, off + 1, 1) & 0x9) || !size || start + size - 1 < start)
				continue;
			m = GROW(f->dmaps, f->nr_dmaps);
			if (!m)
				return -1;
			/*
			 * 48882 5.2.2.3: 21h and 22h name their devices' PCI
			 * segment group at offset 8; 20h has no segment (its
			 * bytes 4-15 are reserved): it applies to all devices.
			 * seg keeps what 20h has there, for the explanation
			 * (the kernel reads it as a segment).
			 */
			*m = (struct sv_dmap){ .seg = rd(t, off + 8, 2),
					       .all_segs = type == 0x20, .start = start,
					       .end = start + size - 1, .ivmd = true };
			m->lo = type == 0x20 ? 0 : id;
			m->hi = type == 0x20 ? 0xffff : type == 0x21 ? id : (aux >= id ? aux : id);
			m->aux = aux;
			m->inverted = type == 0x22 && aux < id;
			if (m->inverted)
				note(f, "IVRS: IVMD 22h at %#zx: its range ends (%02x:%02x.%x) before it starts (%02x:%02x.%x)",
				     off, aux >> 8, (aux >> 3) & 0x1f, aux & 7, id >> 8, (id >> 3) & 0x1f, id & 7);
		}
	}
	if (more < 0)
		note(f, "IVRS: block at %#zx has length %zu (table %zu bytes)", blk.off, blk.len, t->n);
	return 0;
}

static int parse_madt(struct sv_facts *f, const struct tbl *t)
{
	size_t next = ACPI_MADT_FIRST;
	struct acpi_sub e;
	int more;

	while ((more = acpi_sub_next(ACPI_SUB_MADT, t->b, t->n, &next, &e)) > 0)
		if (e.type == 1 && e.len >= 12 && sv_add_irq(f, false, (int)rd(t, e.off + 2, 1), -1))
			return -1;
	if (more < 0)
		note(f, "APIC: entry at %#zx has length %zu", e.off, e.len);
	return 0;
}

int sv_tables_parse(struct sv_facts *f)
{
	const struct platform *p = f->platform;
	int ret = 0, hpet = -1;
	bool dmar_units = false, ivrs_units = false;

	/* MADT and HPET first: they say which sources exist */
	for (size_t i = 0; i < p->nr_tables && !ret; i++) {
		struct tbl t = { p->tables[i].data, p->tables[i].data ? p->tables[i].len : 0 };

		if (!strcmp(p->tables[i].signature, "APIC"))
			ret = parse_madt(f, &t);
		else if (!strcmp(p->tables[i].signature, "HPET") && t.n >= 53) {
			/*
			 * Only an HPET that sends MSIs needs a remapping entry
			 * (VT-d 5.1.5.1, AMD-Vi 2.2.5); the kernel's own check
			 * (parse_ioapics_under_ir, check_ioapic_information)
			 * covers IOAPICs alone.  Whether the timers deliver by
			 * FSB is the HPET's capability register, in no table.
			 */
			hpet = (int)rd(&t, 52, 1);
			if (p->hpet_msi)
				ret = sv_add_irq(f, true, hpet, -1);
		}
	}
	for (size_t i = 0; i < p->nr_tables && !ret; i++) {
		struct tbl t = { p->tables[i].data, p->tables[i].data ? p->tables[i].len : 0 };
		size_t before = f->nr_units, maps = f->nr_dmaps;

		/* a table's direct maps (RMRR, IVMD) are its vendor's too */
		if (!strcmp(p->tables[i].signature, "DMAR")) {
			ret = parse_dmar(f, &t);
			dmar_units |= f->nr_units > before || f->nr_dmaps > maps;
		} else if (!strcmp(p->tables[i].signature, "IVRS")) {
			ret = parse_ivrs(f, &t);
			ivrs_units |= f->nr_units > before || f->nr_dmaps > maps;
		}
	}
	/*
	 * A machine has VT-d or AMD-Vi units, never both: with both tables
	 * describing units, one of them describes hardware that is not there,
	 * and the kernel follows its own precedence (detect_intel_iommu()
	 * takes translation after amd_iommu_detect(), irq_remapping_prepare()
	 * tries Intel first).  What the units translate is then the firmware's
	 * contradiction, whichever unit the kernel chose.
	 */
	f->two_vendors = dmar_units && ivrs_units;
	if (f->two_vendors)
		note(f, "DMAR and IVRS both describe IOMMU units: one of them is not this machine's");
	/* after the tables' own notes, which matter more */
	if (hpet >= 0 && !p->hpet_msi && f->ir_on)
		note(f, "HPET %d: whether its timers send MSIs is not recorded; P6 judged the IOAPICs", hpet);
	for (size_t i = 0; i < f->nr_fns; i++) {
		struct sv_fn *x = &f->fns[i];

		/*
		 * A unit is its register block (DRHD Register Base Address,
		 * IVHD Base Address): two kernel units at one base are one.
		 */
		for (size_t u = 0; u < f->nr_units && x->kunit >= 0; u++)
			if (f->units[u].kunit == x->kunit ||
			    (f->units[u].base == f->obs->units[x->kunit].reg_base &&
			     f->units[u].seg == f->obs->units[x->kunit].segment))
				x->unit = (int)u;
	}
	return ret;
}
