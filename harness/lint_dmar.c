// SPDX-License-Identifier: GPL-2.0-only
/*
 * DMAR checks, from the Intel VT-d specification, chapter 8 "BIOS
 * Considerations" (8.1 the DMAR header, 8.2 structure types and their
 * order, 8.3 DRHD and 8.3.1 device scopes, 8.4 RMRR, 8.5 ATSR, 8.6 RHSA,
 * 8.7 ANDD, 8.8 SATC).  Each of the Firmware Test Suite's dmar checks is
 * here, named by its fwts label; the rest are isofuzz's own.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi_walk.h"
#include "lint.h"

enum { DRHD, RMRR, ATSR, RHSA, ANDD, SATC, SIDP, NR_KNOWN };
static const char *const structure_name[NR_KNOWN] = {
	"DRHD", "RMRR", "ATSR", "RHSA", "ANDD", "SATC", "SIDP",
};
/* minimum lengths: the fixed fields before the scopes or name */
static const size_t structure_min[NR_KNOWN] = { 16, 24, 8, 20, 8, 8, 8 };
enum { SCOPE_ENDPOINT = 1, SCOPE_BRIDGE, SCOPE_IOAPIC, SCOPE_HPET, SCOPE_ACPI };

/* What a DRHD scope claims, to find two units claiming the same thing. */
struct claim {
	int unit;			/* DRHD number in table order */
	uint16_t seg;
	int type;			/* scope type */
	size_t off;
	unsigned int lo, hi;		/* requester IDs, or the IOAPIC/HPET ID */
	bool resolved;			/* lo..hi from the topology, else key */
	uint8_t key[32];		/* start bus and path, as written */
	size_t key_len;
};

struct dmar {
	struct lint *l;
	const uint8_t *b;
	size_t n;
	struct claim *claims;
	size_t nr_claims;
	bool oom;
	uint64_t drhd_base[256];
	size_t nr_drhd;
	bool andd[256];			/* ACPI device numbers ANDD names */
};

#define GET(off, w) acpi_get(d->b, d->n, (off), (w))

static void claim(struct dmar *d, const struct claim *c)
{
	struct claim *n = realloc(d->claims, (d->nr_claims + 1) * sizeof(*n));

	if (!n) {
		d->oom = true;
		return;
	}
	d->claims = n;
	n[d->nr_claims++] = *c;
}

static const char *bdf(unsigned int rid, char buf[8])
{
	snprintf(buf, 8, "%02x:%02x.%x", rid >> 8, (rid >> 3) & 0x1f, rid & 7);
	return buf;
}

/*
 * A PCI endpoint or sub-hierarchy scope on the machine's topology (fwts
 * dmar: DevScopeDevNotFound, DevScopeTypeNoMatch): the path must lead
 * through bridges to a function, and the function must be what the scope
 * type says, an endpoint (header type 0) or a PCI-PCI bridge (type 1).
 */
static void scope_device(struct dmar *d, struct claim *c, size_t off, size_t len, uint16_t seg,
			 int type)
{
	struct lint *l = d->l;
	const struct platform_pci_function *pf;
	int fn, hop, rid;
	unsigned int hdr;
	char s[8];

	if (!l->has_topology)
		return;
	rid = sv_scope_path(&l->topo, d->b, d->n, off, len, seg, &fn, &hop);
	if (rid < 0) {
		if (hop >= 0)
			lint_report(l, LINT_WARNING, "DMAR", off, "fwts DevScopeDevNotFound",
				    "scope path goes through %04x:%s, which is %s", seg, bdf(hop, s),
				    lint_function(l, seg, hop) ? "no configured bridge" : "absent");
		return;
	}
	pf = lint_function(l, seg, rid);
	if (!pf) {
		lint_report(l, LINT_WARNING, "DMAR", off, "fwts DevScopeDevNotFound",
			    "scope names %04x:%s, which is absent", seg, bdf(rid, s));
		return;
	}
	hdr = pf->config_size > 0x0e ? pf->config[0x0e] & 0x7f : 0;
	if ((type == SCOPE_ENDPOINT && hdr != 0) || (type == SCOPE_BRIDGE && hdr != 1))
		lint_report(l, LINT_ERROR, "DMAR", off, "fwts DevScopeTypeNoMatch",
			    "%s scope names %04x:%s, whose header type is %u (%s)",
			    type == SCOPE_ENDPOINT ? "endpoint" : "sub-hierarchy", seg, bdf(rid, s), hdr,
			    hdr == 0 ? "an endpoint" : hdr == 1 ? "a PCI-PCI bridge" : "neither");
	c->resolved = true;
	c->lo = c->hi = (unsigned int)rid;
	if (type == SCOPE_BRIDGE && fn >= 0 && l->topo.fns[fn].bridge) {
		c->lo = (unsigned int)l->topo.fns[fn].sec << 8;
		c->hi = (unsigned int)l->topo.fns[fn].sub << 8 | 0xff;
	}
}

/* The device scopes of a structure of type st, unit its DRHD number or -1. */
static void scopes(struct dmar *d, size_t off, size_t end, uint16_t seg, unsigned int st,
		   int unit, bool include_all)
{
	struct lint *l = d->l;
	struct acpi_sub sc;
	size_t next = off;
	int more;

	while ((more = acpi_sub_next(ACPI_SUB_SCOPE, d->b, end, &next, &sc)) > 0) {
		struct claim c = { .unit = unit, .seg = seg, .type = (int)sc.type, .off = sc.off };
		unsigned int type = sc.type, id = GET(sc.off + 4, 1);

		/* fwts dmar: a warning for a type it does not know (it predates 05h) */
		if (type < SCOPE_ENDPOINT || type > SCOPE_ACPI) {
			lint_report(l, LINT_WARNING, "DMAR", sc.off, "scope-type",
				    "device scope type %u is reserved (VT-d 8.3.1: 1-5)", type);
			continue;
		}
		if (sc.len < 8) {
			lint_report(l, LINT_ERROR, "DMAR", sc.off, "fwts InvalidDevScope",
				    "device scope of length %zu has no path (at least 8 bytes)", sc.len);
			continue;
		}
		if ((sc.len - 6) % 2)
			lint_report(l, LINT_WARNING, "DMAR", sc.off, "scope-length",
				    "device scope length %zu leaves half a path entry", sc.len);
		if (GET(sc.off + 2, 2))
			lint_report(l, LINT_WARNING, "DMAR", sc.off + 2, "dmar-reserved",
				    "device scope reserved field is 0x%04x, not 0", (unsigned int)GET(sc.off + 2, 2));
		if (st == RMRR && type > SCOPE_BRIDGE)
			lint_report(l, LINT_WARNING, "DMAR", sc.off, "rmrr-scope-type",
				    "RMRR scope of type %u: an RMRR names PCI endpoints or sub-hierarchies (VT-d 8.4)",
				    type);
		if (st == ATSR && type != SCOPE_BRIDGE)
			lint_report(l, LINT_WARNING, "DMAR", sc.off, "atsr-scope-type",
				    "ATSR scope of type %u: an ATSR names root ports as sub-hierarchies (VT-d 8.5)",
				    type);
		if (st == DRHD && include_all && type <= SCOPE_BRIDGE)
			lint_report(l, LINT_WARNING, "DMAR", sc.off, "drhd-include-all-scope",
				    "%s scope under an INCLUDE_PCI_ALL DRHD, which may list only IOAPIC, HPET "
				    "and ACPI namespace devices (VT-d 8.3.1)",
				    type == SCOPE_ENDPOINT ? "endpoint" : "sub-hierarchy");
		if (type == SCOPE_ACPI && !d->andd[id])
			lint_report(l, LINT_WARNING, "DMAR", sc.off, "andd-missing",
				    "ACPI namespace device %u has no ANDD structure naming it (VT-d 8.7)", id);
		if (type <= SCOPE_BRIDGE) {
			c.key_len = sc.len - 5 < sizeof(c.key) ? sc.len - 5 : sizeof(c.key);
			memcpy(c.key, d->b + sc.off + 5, c.key_len);
			scope_device(d, &c, sc.off, sc.len, seg, (int)type);
		} else {
			c.lo = c.hi = id;
		}
		if (st == DRHD)
			claim(d, &c);
	}
	if (more < 0)
		lint_report(l, LINT_ERROR, "DMAR", sc.off, "fwts InvalidDevScope",
			    "device scope of length %zu %s", sc.len,
			    sc.len < 6 ? "is shorter than its header" : "runs past its structure");
	else if (next < end)
		lint_report(l, LINT_ERROR, "DMAR", next, "fwts InvalidDevScope",
			    "%zu bytes after the last device scope", end - next);
}

static bool claims_overlap(const struct claim *a, const struct claim *b)
{
	bool pci_a = a->type <= SCOPE_BRIDGE, pci_b = b->type <= SCOPE_BRIDGE;

	if (a->seg != b->seg || pci_a != pci_b || (!pci_a && a->type != b->type))
		return false;
	if (!pci_a || (a->resolved && b->resolved))
		return a->lo <= b->hi && b->lo <= a->hi;
	return a->key_len == b->key_len && !memcmp(a->key, b->key, a->key_len);
}

/*
 * One device, IOAPIC or HPET has one remapping unit (VT-d 8.3.1: a scope
 * names what a unit translates); two DRHDs naming it leave the choice to
 * the OS, and the device's isolation with it.
 */
static void overlaps(struct dmar *d)
{
	static const char *const what[] = { "", "endpoint", "sub-hierarchy", "IOAPIC", "HPET", "ACPI device" };

	for (size_t i = 0; i < d->nr_claims; i++)
		for (size_t j = 0; j < i; j++) {
			const struct claim *a = &d->claims[j], *b = &d->claims[i];

			if (a->unit == b->unit || !claims_overlap(a, b))
				continue;
			lint_report(d->l, LINT_ERROR, "DMAR", b->off, "scope-overlap",
				    "%s scope of DRHD %d overlaps the %s scope at %#zx of DRHD %d",
				    what[b->type], b->unit, what[a->type], a->off, a->unit);
			break;
		}
}

/* Every IOAPIC of the MADT under a DRHD (else no interrupt remapping); HPETs noted. */
static void coverage(struct dmar *d)
{
	int ids[256], n = lint_madt_ioapics(d->l, ids), hpet = lint_hpet_number(d->l);
	bool found;

	if (n < 0)
		lint_skip(d->l, "IOAPIC coverage (no MADT)");
	for (int i = 0; i < n; i++) {
		found = false;
		for (size_t k = 0; k < d->nr_claims; k++)
			found |= d->claims[k].type == SCOPE_IOAPIC && d->claims[k].lo == (unsigned int)ids[i];
		if (!found)
			lint_report(d->l, LINT_ERROR, "DMAR", 0, "ioapic-coverage",
				    "IOAPIC %d of the MADT is under no DRHD: an OS cannot remap its "
				    "interrupts, and Linux turns interrupt remapping off", ids[i]);
	}
	if (hpet < 0)
		return;
	found = false;
	for (size_t k = 0; k < d->nr_claims; k++)
		found |= d->claims[k].type == SCOPE_HPET && d->claims[k].lo == (unsigned int)hpet;
	/* only an HPET that sends MSIs (FSB delivery) needs a unit; no table says */
	if (!found)
		lint_report(d->l, LINT_INFO, "DMAR", 0, "hpet-coverage",
			    "HPET %d is under no DRHD: its MSIs, if it sends any, cannot be remapped", hpet);
}

static void drhd(struct dmar *d, size_t off, size_t len, int unit, int include_all_seen[65536])
{
	struct lint *l = d->l;
	unsigned int flags = GET(off + 4, 1);
	uint16_t seg = GET(off + 6, 2);
	uint64_t base = GET(off + 8, 8);

	if (flags & 0xfe)
		lint_report(l, LINT_WARNING, "DMAR", off + 4, "dmar-reserved",
			    "DRHD flags 0x%02x set reserved bits 7:1", flags);
	if (!base)
		lint_report(l, LINT_ERROR, "DMAR", off + 8, "drhd-base",
			    "DRHD register base is 0");
	else if (base & 0xfff)
		lint_report(l, LINT_ERROR, "DMAR", off + 8, "fwts InvalidDRHDRegAddr",
			    "DRHD register base %#" PRIx64 " not 4 KiB aligned", base);
	for (size_t i = 0; i < (size_t)unit && i < d->nr_drhd; i++)
		if (base && d->drhd_base[i] == base) {
			lint_report(l, LINT_ERROR, "DMAR", off + 8, "drhd-base",
				    "DRHD register base %#" PRIx64 " is DRHD %zu's too", base, i);
			break;
		}
	if (flags & 1) {
		/* fwts counts these over the whole table; VT-d allows one per segment */
		if (include_all_seen[seg] >= 0)
			lint_report(l, LINT_ERROR, "DMAR", off, "fwts MultipleDRHDSFlag",
				    "second INCLUDE_PCI_ALL DRHD on segment %u (the first is DRHD %d)",
				    seg, include_all_seen[seg]);
		else
			include_all_seen[seg] = unit;
	} else if (include_all_seen[seg] >= 0) {
		lint_report(l, LINT_WARNING, "DMAR", off, "drhd-include-all-order",
			    "DRHD after the INCLUDE_PCI_ALL DRHD %d of segment %u: that one must come "
			    "last (VT-d 8.3)", include_all_seen[seg], seg);
	}
	if (!(flags & 1) && len == 16)
		lint_report(l, LINT_WARNING, "DMAR", off, "drhd-empty",
			    "DRHD without INCLUDE_PCI_ALL and without a device scope covers nothing");
	scopes(d, off + 16, off + len, seg, DRHD, unit, flags & 1);
}

static void rmrr(struct dmar *d, size_t off, size_t len)
{
	struct lint *l = d->l;
	uint64_t base = GET(off + 8, 8), limit = GET(off + 16, 8);
	char what[64];

	if (GET(off + 4, 2))
		lint_report(l, LINT_WARNING, "DMAR", off + 4, "dmar-reserved",
			    "RMRR reserved field is 0x%04x, not 0", (unsigned int)GET(off + 4, 2));
	/* fwts dmar: InvalidRMRRRangeAddr, one line per reason */
	if (base & 0xfff)
		lint_report(l, LINT_ERROR, "DMAR", off + 8, "fwts InvalidRMRRRangeAddr",
			    "RMRR base %#" PRIx64 " not 4 KiB aligned", base);
	if (limit < base)
		lint_report(l, LINT_ERROR, "DMAR", off + 16, "fwts InvalidRMRRRangeAddr",
			    "RMRR limit %#" PRIx64 " below its base %#" PRIx64, limit, base);
	else if ((limit - base + 1) & 0xfff)
		lint_report(l, LINT_ERROR, "DMAR", off + 16, "fwts InvalidRMRRRangeAddr",
			    "RMRR %#" PRIx64 "-%#" PRIx64 " is not a whole number of 4 KiB pages "
			    "(the limit is the last byte)", base, limit);
	if (len == 24)
		lint_report(l, LINT_WARNING, "DMAR", off, "rmrr-no-scope",
			    "RMRR names no device (VT-d 8.4: at least one scope)");
	if (limit >= base) {
		snprintf(what, sizeof(what), "RMRR");
		lint_unity_map(l, "DMAR", off + 8, what, base, limit);
	}
	scopes(d, off + 24, off + len, GET(off + 6, 2), RMRR, -1, false);
}

static void andd(struct dmar *d, size_t off, size_t len)
{
	/* the kernel refuses the whole table over an unterminated name */
	if (!memchr(d->b + off + 8, 0, len - 8))
		lint_report(d->l, LINT_ERROR, "DMAR", off + 8, "andd-name",
			    "ANDD object name is not NUL-terminated within its %zu bytes", len - 8);
}

/* First pass: what later structures refer to (DRHD bases, ANDD numbers). */
static void collect(struct dmar *d)
{
	size_t next = ACPI_DMAR_FIRST;
	struct acpi_sub st;

	while (acpi_sub_next(ACPI_SUB_DMAR, d->b, d->n, &next, &st) > 0) {
		if (st.type == DRHD && st.len >= 16 && d->nr_drhd < 256)
			d->drhd_base[d->nr_drhd++] = GET(st.off + 8, 8);
		else if (st.type == ANDD && st.len >= 8)
			d->andd[GET(st.off + 7, 1)] = true;
	}
}

void lint_dmar(struct lint *l, const uint8_t *b, size_t n)
{
	struct dmar ctx = { .l = l, .b = b, .n = n }, *d = &ctx;
	size_t next = ACPI_DMAR_FIRST, nr_drhd = 0;
	unsigned int flags, max_type = 0;
	struct acpi_sub st;
	int more;
	static int include_all_seen[65536];

	if (n <= ACPI_DMAR_FIRST) {
		lint_report(l, LINT_ERROR, "DMAR", 0, "fwts InvalidDMAR",
			    "table of %zu bytes has no remapping structure after its 48-byte header", n);
		return;
	}
	flags = b[37];
	if (flags & 0xf8)
		lint_report(l, LINT_WARNING, "DMAR", 37, "dmar-reserved",
			    "DMAR flags 0x%02x set reserved bits 7:3", flags);
	for (size_t i = 38; i < 48; i++)
		if (b[i]) {
			lint_report(l, LINT_WARNING, "DMAR", i, "dmar-reserved",
				    "DMAR header reserved bytes 38-47 are not 0");
			break;
		}
	for (size_t i = 0; i < 65536; i++)
		include_all_seen[i] = -1;
	collect(d);
	while ((more = acpi_sub_next(ACPI_SUB_DMAR, b, n, &next, &st)) > 0) {
		if (st.type >= NR_KNOWN) {
			lint_report(l, LINT_WARNING, "DMAR", st.off, "dmar-structure-type",
				    "remapping structure type %u is reserved (VT-d 8.2: 0-%d); an OS skips it",
				    st.type, NR_KNOWN - 1);
			continue;
		}
		if (st.len < structure_min[st.type]) {
			lint_report(l, LINT_ERROR, "DMAR", st.off, "dmar-structure-length",
				    "%s of length %zu (its fields take %zu bytes)", structure_name[st.type],
				    st.len, structure_min[st.type]);
			continue;
		}
		if (st.type < max_type)
			lint_report(l, LINT_WARNING, "DMAR", st.off, "dmar-structure-order",
				    "%s after a %s: structures come in type order (VT-d 8.2)",
				    structure_name[st.type], structure_name[max_type]);
		else
			max_type = st.type;
		switch (st.type) {
		case DRHD:
			drhd(d, st.off, st.len, (int)nr_drhd++, include_all_seen);
			break;
		case RMRR:
			rmrr(d, st.off, st.len);
			break;
		case ATSR:
			scopes(d, st.off + 8, st.off + st.len, GET(st.off + 6, 2), ATSR, -1, false);
			break;
		case RHSA: {
			uint64_t base = GET(st.off + 8, 8);
			bool found = false;

			for (size_t i = 0; i < d->nr_drhd; i++)
				found |= d->drhd_base[i] == base;
			if (!found)
				lint_report(l, LINT_WARNING, "DMAR", st.off + 8, "rhsa-unit",
					    "RHSA names register base %#" PRIx64 ", which no DRHD has", base);
			break;
		}
		case ANDD:
			andd(d, st.off, st.len);
			break;
		case SATC:
			scopes(d, st.off + 8, st.off + st.len, GET(st.off + 6, 2), SATC, -1, false);
			break;
		default:
			break;
		}
	}
	lint_walk_end(l, "DMAR", "dmar-structure-length", "structure", more, &st, next, n);
	if (!nr_drhd)
		lint_report(l, LINT_ERROR, "DMAR", ACPI_DMAR_FIRST, "dmar-no-drhd",
			    "no DRHD: the table describes no remapping unit (VT-d 8.1)");
	overlaps(d);
	coverage(d);
	if (d->oom)
		lint_report(l, LINT_INFO, "DMAR", 0, "internal", "out of memory: overlaps not all checked");
	free(d->claims);
}
