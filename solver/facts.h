/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The solver's facts: what the hardware and the tables say (the platform,
 * read by the specification's own parser, never by the kernel's) and what
 * the kernel decided (the observation).  Both checkers, the Z3 encoding
 * and the fast graph check, read only these facts, so they judge the same
 * thing; neither ever sees config space or table bytes.
 */
#ifndef SOLVER_FACTS_H
#define SOLVER_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <isofuzz/platform.h>

/* PCI Express port types (PCIe Base 7.5.3.2, Device/Port Type) */
enum sv_port_type {
	SV_PT_EP = 0, SV_PT_LEG_EP = 1, SV_PT_RP = 4, SV_PT_USP = 5, SV_PT_DSP = 6,
	SV_PT_PCIE_PCI = 7, SV_PT_PCI_PCIE = 8, SV_PT_RCIEP = 9, SV_PT_RCEC = 10,
};

/* ACS capability/control bits (PCIe Base 7.7.8.2/7.7.8.3) */
#define SV_ACS_SV	0x01
#define SV_ACS_TB	0x02
#define SV_ACS_RR	0x04
#define SV_ACS_CR	0x08
#define SV_ACS_UF	0x10
#define SV_ACS_EC	0x20
#define SV_ACS_DT	0x40
#define SV_ACS_ISOLATE	(SV_ACS_RR | SV_ACS_CR | SV_ACS_UF)

/* What kind of bus a function sits on (or a bridge leads to). */
enum sv_bus_kind {
	SV_BUS_ROOT,		/* no bridge leads to it: the root complex's own */
	SV_BUS_LINK,		/* below a root or downstream port: one device */
	SV_BUS_SWITCH,		/* a switch's internal bus, below its upstream port */
	SV_BUS_CONV,		/* conventional PCI: shared by every agent on it */
};

/* One PCI function as the specification reads its config space. */
struct sv_fn {
	uint16_t seg;
	uint8_t bus, devfn;
	uint16_t rid;			/* bus << 8 | devfn */
	uint16_t vendor, device, subvendor, subdevice;
	uint32_t class;
	bool bridge;			/* type 1 header with a routable bus range */
	uint8_t sec, sub;		/* bridges: secondary, subordinate */
	int pcie_type;			/* enum sv_port_type, -1 without PCIe cap */
	bool pcix;			/* PCI-X capability (keeps requester IDs) */
	uint8_t phantom;		/* phantom function bits in use (0..3) */
	bool ari_fwd;			/* port: ARI forwarding enabled below */
	bool acs;			/* ACS extended capability present */
	uint16_t acs_cap;		/* implemented */
	uint16_t acs_ctrl;		/* enabled, after the OS and cmdline */
	bool type1;			/* type 1 (bridge) header, configured or not */
	/* derived from the topology */
	enum sv_bus_kind kind;		/* of the bus it sits on */
	enum sv_bus_kind sec_kind;	/* bridges: of its secondary bus */
	bool retagged;			/* its requests cross a conventional bus on
					   the way up (on one, or below a PCI-to-PCIe
					   bridge on one): the bridge that leads there
					   from PCIe gives them its ID */
	bool dma;			/* a DMA master a group is for: type 0, not a bridge class */
	bool rc_translated;		/* integrated endpoint of a VT-d root complex:
					   its peer requests are translated (VT-d 3.16) */
	/* from the observation */
	int obs;			/* index into observation.devices, -1 none */
	int group;			/* -1: not exposed */
	int unit;			/* kernel's unit, index into facts.units; -1 */
	int kunit;			/* kernel's unit, observation index; -1 */
};

/* A requester ID range a table assigns to a unit (DMAR scope, IVHD entry). */
struct sv_range {
	int unit;
	uint16_t seg;
	uint16_t lo, hi;		/* requester IDs, inclusive */
	int ivhd;			/* the IVHD read that routes it (0, 1, ...), -1 */
};

/* An IOMMU unit as the tables describe it. */
struct sv_unit {
	uint64_t base;
	uint16_t seg;
	bool include_all;		/* DRHD INCLUDE_PCI_ALL: the segment's rest */
	int kunit;			/* the kernel's unit with this base, -1 */
	int ivhd_devid;			/* IVHD DeviceID, the IOMMU's own; -1 */
};

/*
 * IDs the tables leave in dispute for the unit at base: an IVRS end-of-range
 * entry without a start (SV_DISPUTE_NO_START; lo is 0, AMD IOMMU 5.2.2 does
 * not say where the range starts), an IVHD of a type the reading ignores
 * (why = its type, 10h and up), or a DRHD repeating an earlier DRHD's
 * segment and register base (SV_DISPUTE_DRHD_REPEAT: two structures for
 * one unit, VT-d 8.3).  A violation on such an ID that the unit at base
 * explains is the table's.
 */
#define SV_DISPUTE_NO_START	1
#define SV_DISPUTE_DRHD_REPEAT	2
#define SV_DISPUTE_IVHD_TYPE(why)	((why) >= 0x10)	/* why: an IVHD type */
struct sv_dispute {
	uint16_t seg;
	uint16_t lo, hi;
	uint64_t base;
	int why;
};

/* An extra requester ID a function emits (declared alias or hardware). */
struct sv_alias {
	int fn;
	uint16_t rid;
	bool declared;			/* a table says so (else hardware truth) */
};

/* A direct-map region a table demands for a requester ID range. */
struct sv_dmap {
	uint16_t seg;
	bool all_segs;			/* IVMD 20h: every device, any segment
					   (seg: its reserved bytes 8-9) */
	uint16_t lo, hi;		/* requester IDs it applies to */
	uint64_t start, end;		/* inclusive */
	bool ivmd;			/* IVMD, else RMRR */
	bool inverted;			/* IVMD 22h ending (aux) below its start:
					   held to its start device alone */
	uint16_t aux;			/* IVMD 22h: its end ID as the table gives it */
};

/* An interrupt source that must be under a remapping unit. */
struct sv_irq_source {
	bool hpet;
	int id;
	int unit;			/* the unit the tables put it under, -1 */
};

struct sv_facts {
	const struct platform *platform;
	const struct observation *obs;
	struct sv_fn *fns;
	size_t nr_fns;
	struct sv_unit *units;
	size_t nr_units;
	struct sv_range *ranges;
	size_t nr_ranges;
	struct sv_alias *aliases;
	size_t nr_aliases;
	struct sv_alias *alias_decls;	/* every IVRS alias entry, in table order;
					   declared false: of an ignored IVHD type */
	size_t nr_alias_decls;
	struct sv_dmap *dmaps;
	size_t nr_dmaps;
	struct sv_irq_source *irqs;
	size_t nr_irqs;
	struct sv_dispute *disputes;
	size_t nr_disputes;
	unsigned ivhd_type;		/* the IVHD type read (highest present), 0 */
	int nr_ivhds;			/* IVHDs of that type: the kernel's units */
	bool judge_units;		/* the kernel side reported units */
	bool judge_regions;		/* ... and groups with reserved regions */
	int ir_on;			/* observation: remapping enabled */
	bool two_vendors;		/* both a DMAR and an IVRS describe units */
	char table_note[160];		/* first table defect seen, for the report */
};

/*
 * 0, or -1 on allocation failure.  Never fails on bad input.  obs may be
 * NULL: the hardware and tables alone (isofuzz lint reads them so).
 */
int sv_facts_build(struct sv_facts *f, const struct platform *p,
		   const struct observation *obs);
void sv_facts_release(struct sv_facts *f);

/* config.c: one function's config space, bounds-checked. */
void sv_config_parse(struct sv_fn *fn, const struct platform_pci_function *pf);
/* cmdline.c: apply pci=config_acs= and pci=disable_acs_redir= */
void sv_cmdline_acs(struct sv_fn *fns, size_t n, const char *cmdline);
/* cmdline.c: ivrs_ioapic= and ivrs_hpet= declare a source's requester ID */
int sv_cmdline_irqs(struct sv_facts *f);
/* cmdline.c: the first such declaration of IOAPIC/HPET id: its ID in *rid */
bool sv_cmdline_irq_rid(const struct sv_facts *f, bool hpet, int id, uint16_t *rid);
/* tables.c: DMAR, IVRS, MADT, HPET into units, ranges, aliases, maps. */
int sv_tables_parse(struct sv_facts *f);
int sv_add_irq(struct sv_facts *f, bool hpet, int id, int unit);
/* tables.c: the why of a dispute covering rid at the unit at base, or 0 */
int sv_disputed(const struct sv_facts *f, uint16_t seg, uint16_t rid, uint64_t base);
/*
 * tables.c: resolve the DMAR device scope at off (length len) of table b
 * (VT-d 8.3.1: start bus, then a (device, function) pair per hop, each
 * hop but the last a bridge whose secondary bus the next is on).  The
 * requester ID it names, *fn the function there or -1; or -1 when it has no
 * path (len < 8) or *hop, an intermediate hop's requester ID, is no
 * configured bridge.
 */
int sv_scope_path(const struct sv_facts *f, const uint8_t *b, size_t n, size_t off, size_t len,
		  uint16_t seg, int *fn, int *hop);

/* Helpers both checkers share: definitions, not algorithms. */
int sv_find(const struct sv_facts *f, uint16_t seg, uint16_t rid);
/* x is a bridge whose bus range routes to the bus of d (PCIe 7.5.1.3) */
static inline bool sv_anc(const struct sv_fn *x, const struct sv_fn *d)
{
	return x->bridge && x->seg == d->seg && x->sec <= d->bus && d->bus <= x->sub;
}
/*
 * x re-tags what crosses its conventional secondary bus (PCIe-to-PCI
 * Bridge spec 2.3): its own requests are not re-tagged by a bridge above,
 * so it is the topmost such bridge of every function below it.
 */
static inline bool sv_retags(const struct sv_fn *x)
{
	return x->bridge && x->sec_kind == SV_BUS_CONV && !x->retagged;
}
static inline bool sv_is_port(const struct sv_fn *x)
{
	return x->bridge && (x->pcie_type == SV_PT_RP || x->pcie_type == SV_PT_DSP);
}
static inline bool sv_has(const struct sv_fn *x, uint16_t bits)
{
	return (x->acs_ctrl & bits) == bits;
}
const char *sv_bdf(const struct sv_fn *x, char buf[13]);

#endif
