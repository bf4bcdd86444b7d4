// SPDX-License-Identifier: GPL-2.0-only
/*
 * IVRS checks, from the AMD I/O Virtualization Technology (IOMMU)
 * specification (48882), its IVRS chapter: the header (revision, IVinfo),
 * IVHD blocks 10h/11h/40h with their device entries, IVMD blocks
 * 20h/21h/22h.  Each of the Firmware Test Suite's ivrs checks is here,
 * named by its fwts label; the rest are isofuzz's own.  fwts's checks of
 * reserved bits and types are failures there; here they are warnings,
 * since an OS ignores what is reserved (lint.h).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "acpi_walk.h"
#include "lint.h"

/* What an IVHD's entries assign, to find two units claiming one device. */
struct ivclaim {
	unsigned int ivhd_type;
	int unit;			/* IVHD number among its type */
	uint16_t seg;
	unsigned int lo, hi;
	size_t off;
};

struct ivrs {
	struct lint *l;
	const uint8_t *b;
	size_t n;
	unsigned int revision;
	struct ivclaim *claims;
	size_t nr_claims;
	bool oom;
	/* IOAPIC handles named by special entries, per IVHD type (10h, 11h, 40h) */
	bool ioapic[3][256], hpet[3][256], type_seen[3];
};

#define GET(off, w) acpi_get(v->b, v->n, (off), (w))

static int type_index(unsigned int t)
{
	return t == 0x10 ? 0 : t == 0x11 ? 1 : 2;
}

/* fwts's reserved-bits check: bits lo..hi of value must be 0. */
static void reserved_bits(struct ivrs *v, size_t off, const char *field, uint64_t value,
			  int lo, int hi)
{
	uint64_t mask = (hi == 63 ? ~0ull : (1ull << (hi + 1)) - 1) & ~((1ull << lo) - 1);

	if (value & mask)
		lint_report(v->l, LINT_WARNING, "IVRS", off, "fwts IVRSReservedBitsNonZero",
			    "%s 0x%" PRIx64 " sets reserved bits %d:%d", field, value, hi, lo);
}

static void claim(struct ivrs *v, unsigned int ivhd_type, int unit, uint16_t seg,
		  unsigned int lo, unsigned int hi, size_t off)
{
	struct ivclaim *n = realloc(v->claims, (v->nr_claims + 1) * sizeof(*n));

	if (!n) {
		v->oom = true;
		return;
	}
	v->claims = n;
	n[v->nr_claims++] = (struct ivclaim){ ivhd_type, unit, seg, lo, hi, off };
}

/*
 * The kernel puts an IVRS alias into the device's DMA aliases only when it
 * is on the device's own bus (setup_aliases()), so unless the topology
 * makes the alias anyway (a bridge above), its groups never join the device
 * with its alias: the firmware says the two share a requester ID, and Linux
 * may hand them to different owners.
 */
static void alias_bus(struct ivrs *v, size_t off, uint16_t seg, unsigned int lo, unsigned int hi,
		      unsigned int alias)
{
	int rid;

	if (lo >> 8 == alias >> 8 && hi >> 8 == alias >> 8)
		return;
	if (!v->l->has_topology) {
		lint_skip(v->l, "IVRS aliases across buses (no PCI functions)");
		return;
	}
	rid = lint_alias_unexplained(v->l, seg, lo, hi, alias);
	if (rid >= 0)
		lint_report(v->l, LINT_WARNING, "IVRS", off, "ivrs-alias-other-bus",
			    "%02x:%02x.%x aliases to %02x:%02x.%x on another bus, and no bridge above it "
			    "does: Linux honours IVRS aliases only on the device's own bus",
			    rid >> 8, (rid >> 3) & 0x1f, rid & 7, alias >> 8, (alias >> 3) & 0x1f, alias & 7);
}

/* Device entries of an IVHD (AMD IOMMU, "IVHD Device Entries"). */
static void entries(struct ivrs *v, size_t off, size_t end, unsigned int type, int unit)
{
	struct lint *l = v->l;
	uint16_t seg = GET(off + 16, 2);
	size_t next = off + (type == 0x10 ? 24 : 40), start_off = 0;
	long start = -1, alias = -1;
	struct acpi_sub e;
	int more, t = type_index(type);
	bool inside = false;		/* an entry came between start and end */

	while ((more = acpi_sub_next(ACPI_SUB_IVHD, v->b, end, &next, &e)) > 0) {
		unsigned int et = e.type, id = GET(e.off + 1, 2);

		/*
		 * A range is its start entry and the end entry after it.  Linux
		 * closes an open range at the next end whatever came between,
		 * and a second start replaces the first: that range is lost.
		 */
		if (start >= 0 && (et == 0x03 || et == 0x43 || et == 0x47)) {
			lint_report(l, LINT_ERROR, "IVRS", start_off, "ivhd-range",
				    "start of range %04lx is followed by another start (at %#zx) before "
				    "its end: the range is lost", start, e.off);
		} else if (start >= 0 && et != 0x04 && !inside) {
			lint_report(l, LINT_WARNING, "IVRS", e.off, "ivhd-range",
				    "entry %02xh between the start of range %04lx (at %#zx) and its end",
				    et, start, start_off);
			inside = true;
		}
		switch (et) {
		case 0x01:				/* all */
			claim(v, type, unit, seg, 0, 0xffff, e.off);
			break;
		case 0x02:				/* select */
		case 0x46:				/* extended select */
			claim(v, type, unit, seg, id, id, e.off);
			break;
		case 0x03:				/* start of range */
		case 0x47:				/* extended start of range */
			start = id, alias = -1, start_off = e.off, inside = false;
			break;
		case 0x43:				/* alias start of range */
			start = id, alias = (long)GET(e.off + 5, 2), start_off = e.off, inside = false;
			break;
		case 0x42:				/* alias select */
			claim(v, type, unit, seg, id, id, e.off);
			alias_bus(v, e.off, seg, id, id, GET(e.off + 5, 2));
			break;
		case 0x04:				/* end of range */
			if (start < 0) {
				lint_report(l, LINT_ERROR, "IVRS", e.off, "ivhd-range",
					    "end of range %04x without a start of range", id);
				break;
			}
			if (id < start)
				lint_report(l, LINT_ERROR, "IVRS", e.off, "ivhd-range",
					    "range ends at %04x, before its start %04lx", id, start);
			else
				claim(v, type, unit, seg, (unsigned int)start, id, start_off);
			if (alias >= 0 && id >= start)
				alias_bus(v, start_off, seg, (unsigned int)start, id, (unsigned int)alias);
			start = alias = -1;
			break;
		case 0x48: {				/* special: IOAPIC, HPET */
			unsigned int variety = GET(e.off + 7, 1), handle = GET(e.off + 4, 1);

			if (variety == 1)
				v->ioapic[t][handle] = true;
			else if (variety == 2)
				v->hpet[t][handle] = true;
			else
				lint_report(l, LINT_WARNING, "IVRS", e.off + 7, "ivhd-special-variety",
					    "special entry variety %u is reserved (1 IOAPIC, 2 HPET)", variety);
			break;
		}
		case 0xf0:				/* ACPI HID device */
			break;
		default:
			/*
			 * fwts ivrs: 4-byte entries 01h-04h (IVRSBadSubTableType),
			 * 8-byte entries 42h, 43h, 46h-48h (IVRSBadType); the rest
			 * are reserved, and the OS skips them by their length.
			 */
			lint_report(l, LINT_WARNING, "IVRS", e.off,
				    et < 0x40 ? "fwts IVRSBadSubTableType" : "fwts IVRSBadType",
				    "IVHD device entry type %02xh is reserved (%s)", et,
				    et < 0x40 ? "4-byte entries: 01h-04h" :
				    "8-byte entries: 42h, 43h, 46h, 47h, 48h");
			break;
		}
	}
	if (start >= 0)
		lint_report(l, LINT_ERROR, "IVRS", start_off, "ivhd-range",
			    "start of range %04lx has no end of range before the block ends", start);
	if (more < 0)
		lint_report(l, LINT_ERROR, "IVRS", e.off, "ivhd-entry-length",
			    e.len ? "device entry %02xh of %zu bytes runs past its IVHD" :
			    "device entry type %02xh has no length the specification defines: "
			    "the rest of the IVHD cannot be read", e.type, e.len);
}

static void ivhd(struct ivrs *v, size_t off, size_t len, unsigned int type, int unit)
{
	struct lint *l = v->l;
	uint64_t base = GET(off + 8, 8);

	v->type_seen[type_index(type)] = true;
	if (type == 0x40 && v->revision != 2)
		lint_report(l, LINT_WARNING, "IVRS", off, "fwts IVRSBadRevision",
			    "IVHD type 40h in an IVRS of revision %u (40h needs revision 2)", v->revision);
	if (type != 0x10) {
		reserved_bits(v, off + 1, "IVHD flags", GET(off + 1, 1), 6, 7);
		reserved_bits(v, off + 20, "IVHD IOMMU attributes", GET(off + 20, 4), 0, 12);
		reserved_bits(v, off + 20, "IVHD IOMMU attributes", GET(off + 20, 4), 28, 31);
	}
	reserved_bits(v, off + 18, "IVHD IOMMU info", GET(off + 18, 2), 5, 7);
	reserved_bits(v, off + 18, "IVHD IOMMU info", GET(off + 18, 2), 13, 15);
	/* the capability block's base address register holds bits 51:14 */
	if (!base)
		lint_report(l, LINT_ERROR, "IVRS", off + 8, "ivhd-base", "IVHD IOMMU base address is 0");
	else if (base & 0x3fff)
		lint_report(l, LINT_WARNING, "IVRS", off + 8, "ivhd-base",
			    "IVHD IOMMU base address %#" PRIx64 " not 16 KiB aligned", base);
	entries(v, off, off + len, type, unit);
}

static void ivmd(struct ivrs *v, size_t off, unsigned int type)
{
	struct lint *l = v->l;
	unsigned int flags = GET(off + 1, 1), id = GET(off + 4, 2), aux = GET(off + 6, 2);
	uint64_t start = GET(off + 16, 8), size = GET(off + 24, 8);

	reserved_bits(v, off + 1, "IVMD flags", flags, 4, 7);
	if (GET(off + 8, 8))
		lint_report(l, LINT_WARNING, "IVRS", off + 8, "fwts IVRSReservedNonZero",
			    "IVMD reserved field 0x%016" PRIx64 " is not 0", GET(off + 8, 8));
	if (type == 0x22 && aux < id)
		lint_report(l, LINT_ERROR, "IVRS", off + 6, "ivmd-range",
			    "IVMD device range %04x-%04x ends before it starts", id, aux);
	if (!size) {
		lint_report(l, LINT_WARNING, "IVRS", off + 24, "ivmd-range", "IVMD memory block of length 0");
		return;
	}
	if (start + size - 1 < start) {
		lint_report(l, LINT_ERROR, "IVRS", off + 24, "ivmd-range",
			    "IVMD memory block %#" PRIx64 "+%#" PRIx64 " wraps around", start, size);
		return;
	}
	if ((start | size) & 0xfff)
		lint_report(l, LINT_WARNING, "IVRS", off + 16, "ivmd-alignment",
			    "IVMD memory block %#" PRIx64 "+%#" PRIx64 " is not whole 4 KiB pages "
			    "(an OS maps pages)", start, size);
	/* unity map or exclusion range: the device reaches it untranslated */
	if (flags & 0x9)
		lint_unity_map(l, "IVRS", off + 16, flags & 1 ? "IVMD unity map" : "IVMD exclusion range",
			       start, start + size - 1);
}

/*
 * A device under two IOMMUs: the specification gives each requester ID one
 * translating unit; the kernel's last-IVHD-wins reading may or may not be
 * the hardware's.  A warning: real multi-IOMMU firmware does it (a
 * catch-all range in the first IVHD, the other units' buses in later ones).
 */
static void overlaps(struct ivrs *v)
{
	for (size_t i = 0; i < v->nr_claims; i++)
		for (size_t j = 0; j < i; j++) {
			const struct ivclaim *a = &v->claims[j], *b = &v->claims[i];

			if (a->ivhd_type != b->ivhd_type || a->unit == b->unit || a->seg != b->seg ||
			    a->hi < b->lo || b->hi < a->lo)
				continue;
			lint_report(v->l, LINT_WARNING, "IVRS", b->off, "scope-overlap",
				    "devices %04x-%04x of IVHD %02xh #%d are IVHD #%d's too (entry at %#zx): "
				    "Linux gives them to the later IVHD",
				    b->lo > a->lo ? b->lo : a->lo, b->hi < a->hi ? b->hi : a->hi,
				    b->ivhd_type, b->unit, a->unit, a->off);
			break;
		}
}

/*
 * Each IVHD type is a whole description for an OS that reads that type:
 * every IOAPIC of the MADT must be named by a special entry in the blocks
 * of each type present (Linux turns interrupt remapping off otherwise,
 * check_ioapic_information()).
 */
static void coverage(struct ivrs *v)
{
	static const unsigned int types[3] = { 0x10, 0x11, 0x40 };
	int ids[256], n = lint_madt_ioapics(v->l, ids), hpet = lint_hpet_number(v->l);

	if (n < 0)
		lint_skip(v->l, "IOAPIC coverage (no MADT)");
	for (int t = 0; t < 3; t++) {
		if (!v->type_seen[t])
			continue;
		for (int i = 0; i < n; i++)
			if (!v->ioapic[t][ids[i]])
				lint_report(v->l, LINT_ERROR, "IVRS", 0, "ioapic-coverage",
					    "IOAPIC %d of the MADT is in no IVHD %02xh special entry: Linux "
					    "turns interrupt remapping off", ids[i], types[t]);
		if (hpet >= 0 && !v->hpet[t][hpet])
			lint_report(v->l, LINT_INFO, "IVRS", 0, "hpet-coverage",
				    "HPET %d is in no IVHD %02xh special entry: its MSIs, if it sends "
				    "any, cannot be remapped", hpet, types[t]);
	}
}

void lint_ivrs(struct lint *l, const uint8_t *b, size_t n)
{
	struct ivrs v = { .l = l, .b = b, .n = n };
	size_t next = ACPI_IVRS_FIRST;
	struct acpi_sub st;
	int more, units[3] = { 0 }, nr_ivhd = 0;

	if (n < ACPI_IVRS_FIRST) {
		lint_report(l, LINT_ERROR, "IVRS", 0, "fwts IVRSTooShort",
			    "table of %zu bytes is shorter than the 48-byte IVRS header", n);
		return;
	}
	v.revision = b[8];
	if (v.revision == 0 || v.revision > 2)
		lint_report(l, LINT_WARNING, "IVRS", 8, "fwts IVRSBadRevision",
			    "IVRS revision %u (the specification defines 1 and 2)", v.revision);
	reserved_bits(&v, 36, "IVinfo", acpi_get(b, n, 36, 4), 2, 4);
	reserved_bits(&v, 36, "IVinfo", acpi_get(b, n, 36, 4), 23, 31);
	if (acpi_get(b, n, 40, 8))
		lint_report(l, LINT_WARNING, "IVRS", 40, "fwts IVRSReservedNonZero",
			    "IVRS reserved field 0x%016" PRIx64 " is not 0", acpi_get(b, n, 40, 8));
	while ((more = acpi_sub_next(ACPI_SUB_IVRS, b, n, &next, &st)) > 0) {
		switch (st.type) {
		case 0x10:
		case 0x11:
		case 0x40:
			if (st.len < (st.type == 0x10 ? 24u : 40u)) {
				lint_report(l, LINT_ERROR, "IVRS", st.off, "ivrs-structure-length",
					    "IVHD %02xh of length %zu (its fields take %u bytes)", st.type,
					    st.len, st.type == 0x10 ? 24 : 40);
				break;
			}
			nr_ivhd++;
			ivhd(&v, st.off, st.len, st.type, units[type_index(st.type)]++);
			break;
		case 0x20:
		case 0x21:
		case 0x22:
			if (st.len < 32)
				lint_report(l, LINT_ERROR, "IVRS", st.off, "ivrs-structure-length",
					    "IVMD of length %zu (its fields take 32 bytes)", st.len);
			else
				ivmd(&v, st.off, st.type);
			break;
		default:
			lint_report(l, LINT_WARNING, "IVRS", st.off, "fwts IVRSBadIVHDType",
				    "block type %02xh is reserved (IVHD 10h, 11h, 40h; IVMD 20h-22h); an OS "
				    "skips it by its length", st.type);
			break;
		}
	}
	lint_walk_end(l, "IVRS", "ivrs-structure-length", "block", more, &st, next, n);
	if (!nr_ivhd)
		lint_report(l, LINT_ERROR, "IVRS", ACPI_IVRS_FIRST, "ivrs-no-ivhd",
			    "no IVHD: the table describes no IOMMU");
	overlaps(&v);
	coverage(&v);
	if (v.oom)
		lint_report(l, LINT_INFO, "IVRS", 0, "internal", "out of memory: overlaps not all checked");
	free(v.claims);
}
