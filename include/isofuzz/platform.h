/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The two types that cross isofuzz's borders: a platform (one machine: its
 * PCI functions' config spaces, firmware tables and command line) goes into
 * the kernel shim; an observation (what the kernel decided) comes out.
 * harness/ builds platforms and reads observations; kmod-stubs/ consumes
 * one and fills the other; neither knows how the other side works.
 */
#ifndef ISOFUZZ_PLATFORM_H
#define ISOFUZZ_PLATFORM_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PLATFORM_CONFIG_MAX 4096

struct platform_pci_function {
	uint16_t segment;
	uint8_t bus;
	uint8_t devfn;
	size_t config_size;		/* bytes present: 64, 256 or 4096 */
	uint8_t config[PLATFORM_CONFIG_MAX];
};

struct platform_table {
	char signature[5];
	uint8_t *data;
	size_t len;
};

/*
 * An IOMMU unit's registers as sysfs shows them (hex text in the bundle),
 * matched to the firmware's unit by register base address by the shim.
 * Intel: cap and ecap.  AMD: cap (the capability block header) and
 * features (EFR).
 */
struct platform_iommu_regs {
	char name[32];			/* sysfs name: dmar0, ivhd0 */
	uint64_t reg_base;		/* sysfs "address" when known, else 0 */
	int amd;			/* 1: amd-iommu, 0: intel-iommu */
	uint64_t cap, ecap;		/* Intel */
	uint64_t amd_cap, amd_features;	/* AMD: capability header, EFR */
	uint64_t amd_features2;		/* AMD: EFR2, after the ':' in features */
};

enum platform_x2apic {
	PLATFORM_X2APIC_UNKNOWN,	/* no proc/cpuinfo: the shim's default */
	PLATFORM_X2APIC_NO,
	PLATFORM_X2APIC_YES,
};

/* A function that also emits requests with another requester ID. */
struct platform_dma_alias {
	uint16_t segment;
	uint8_t bus, devfn;		/* the function */
	uint16_t alias_rid;		/* bus << 8 | devfn it also uses */
};

struct platform {
	char *cmdline;
	struct platform_pci_function *functions;
	size_t nr_functions;
	struct platform_table *tables;
	size_t nr_tables;
	struct platform_iommu_regs *iommus;
	size_t nr_iommus;
	enum platform_x2apic x2apic;	/* CPU flag from proc/cpuinfo */
	/*
	 * Added for solver/: hardware truth that only a generator knows.  Both
	 * stay empty/0 for bundles of real machines, whose firmware tables the
	 * solver takes as truthful.
	 */
	struct platform_dma_alias *dma_aliases;	/* requester IDs functions emit
						   besides their own (DMA-alias
						   hardware, whether or not any
						   table or quirk declares it) */
	size_t nr_dma_aliases;
	int tables_may_lie;		/* generated platform: tables are input,
					   not truth (IVRS aliases not trusted) */
	int hpet_msi;			/* the HPET's timers deliver by FSB
					   (MSI).  Neither the HPET table nor
					   sysfs records it, so 0 for bundles;
					   a timer that only raises IOAPIC
					   pins needs no remapping entry */
};

/* One PCI function as the kernel enumerated it. */
struct observation_device {
	uint16_t segment;
	uint8_t bus;
	uint8_t devfn;
	uint16_t vendor, device;
	uint32_t class;
	int pcie_type;			/* PCI_EXP_TYPE_*, or -1 for conventional PCI */
	int group;			/* IOMMU group id, -1 when none */
	int unit;			/* index into observation.units, -1 none */
	int isolated_msi;		/* msi_device_has_isolated_msi() */
	/*
	 * The source-id check set_msi_sid() puts in the device's interrupt
	 * remapping entries (VT-d IRTE SVT/SQ/SID).  msi_sid_known is 0 when
	 * no remapping driver reported it; solver/ then does not judge P4.
	 */
	int msi_sid_known;
	uint8_t msi_svt;		/* 0 none, 1 SID+SQ, 2 bus range */
	uint8_t msi_sq;			/* SVT 1: ignore SID[2], [2:1], [2:0] */
	uint16_t msi_sid;		/* requester ID, or start<<8|end bus for SVT 2 */
	/*
	 * What the tree's PCI quirks (drivers/pci/quirks.c) say of the
	 * device beside its config space, once the final fixups ran:
	 * acs_quirk, pci_dev_specific_acs_enabled() for the ACS controls
	 * pci_device_group() asks (-1 no quirk, 0 not isolated, 1 isolated);
	 * quirk_alias, the devfns on its bus its fixups made DMA aliases (a
	 * bitmap), before an IOMMU driver adds any.  solver/ tells a quirk's
	 * word from the generated hardware's by them.
	 */
	int acs_quirk;
	uint8_t quirk_alias[32];
};

/* An IOMMU unit the kernel set up from the firmware tables. */
struct observation_unit {
	char name[32];			/* the kernel's name: dmar0, AMD-Vi0 */
	uint16_t segment;
	uint64_t reg_base;
	int include_all;		/* DRHD INCLUDE_PCI_ALL */
	int ir_capable;			/* ecap IR / EFR says it can remap */
	int ir_enabled;			/* the kernel enabled remapping on it */
	int registers_default;		/* bundle had no cap/ecap: defaults used */
	uint64_t cap, ecap;		/* as the kernel read them */
	int ignored;			/* the kernel ignores the unit (no devices / gfx) */
};

enum observation_ir_mode {
	OBS_IR_OFF,			/* interrupt remapping not enabled */
	OBS_IR_XAPIC,
	OBS_IR_X2APIC,
};

/* An IOAPIC or HPET as the kernel's remapping code knows it. */
struct observation_irq_source {
	int hpet;			/* 0: IOAPIC, 1: HPET */
	int id;				/* IOAPIC id / HPET block id */
	uint16_t segment;
	uint16_t source_id;		/* bus << 8 | devfn from the table scope */
	int unit;			/* remapping unit, -1 when none covers it */
};

enum observation_region_type {
	OBS_RESV_DIRECT,		/* IOMMU_RESV_DIRECT */
	OBS_RESV_DIRECT_RELAXABLE,	/* IOMMU_RESV_DIRECT_RELAXABLE */
	OBS_RESV_RESERVED,		/* IOMMU_RESV_RESERVED */
	OBS_RESV_MSI,			/* IOMMU_RESV_MSI */
	OBS_RESV_SW_MSI,		/* IOMMU_RESV_SW_MSI */
};

struct observation_region {
	uint64_t start, end;		/* inclusive */
	enum observation_region_type type;
};

/* One IOMMU group as the kernel would expose it. */
struct observation_group {
	int id;
	int isolated_msi;		/* iommu_group_has_isolated_msi() */
	struct observation_region *regions;	/* merged reserved regions */
	size_t nr_regions;
};

/* An IVRS alias the kernel recorded: requests from @devid use @alias. */
struct observation_alias {
	uint16_t segment;
	uint16_t devid;			/* bus << 8 | devfn */
	uint16_t alias;
};

struct observation {
	struct observation_device *devices;	/* in the kernel's probe order */
	size_t nr_devices;
	int nr_groups;
	struct observation_group *groups;	/* indexed by group id */
	struct observation_unit *units;
	size_t nr_units;
	int dma_translation;		/* the IOMMU driver set up translation (Intel:
					 * intel_iommu_init() got past the tables;
					 * AMD: init_state IOMMU_INITIALIZED) */
	int init_failed;		/* the driver gave up after registering units
					 * (AMD: init_state IOMMU_INIT_ERROR) */
	enum observation_ir_mode ir_mode;
	struct observation_irq_source *irq_sources;
	size_t nr_irq_sources;
	char *log;			/* the kernel's log of the run */
	size_t log_len;
	char *failure;			/* kernel BUG or WARN, NULL when none */
	/* AMD-Vi: alias-table entries that differ from identity */
	struct observation_alias *aliases;
	size_t nr_aliases;
};

/* kmod-stubs: run the kernel's code on a platform. 0, or -1 if it hit BUG(). */
int kshim_run(const struct platform *platform, struct observation *obs);

/*
 * Free what a platform or an observation holds, whoever filled it (bundle
 * loader, grammar builder, kshim_run, a test), and zero it.
 */
static inline void platform_release(struct platform *p)
{
	for (size_t i = 0; p->tables && i < p->nr_tables; i++)
		free(p->tables[i].data);
	free(p->tables);
	free(p->functions);
	free(p->iommus);
	free(p->dma_aliases);
	free(p->cmdline);
	memset(p, 0, sizeof(*p));
}

static inline void observation_release(struct observation *obs)
{
	for (int i = 0; obs->groups && i < obs->nr_groups; i++)
		free(obs->groups[i].regions);
	free(obs->groups);
	free(obs->units);
	free(obs->irq_sources);
	free(obs->aliases);
	free(obs->devices);
	free(obs->log);
	free(obs->failure);
	memset(obs, 0, sizeof(*obs));
}
/* The kernel tree the shim was built from, e.g. "6.12.117". */
extern const char kshim_kernel_version[];
/* the tree the kernel code was compiled from, "/" ended: its frames' files */
extern const char kshim_kernel_tree[];

#endif
