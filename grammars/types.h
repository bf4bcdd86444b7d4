/* SPDX-License-Identifier: GPL-2.0-only */
/* Every description, by name, for the code that builds platforms from them. */
#ifndef GRAMMAR_TYPES_H
#define GRAMMAR_TYPES_H

#include "grammar.h"

/* ACPI: the common table header (ACPI 6.5 §5.2.6), first in every table */
#define ACPI_SIG(a, b, c, d) ((uint64_t)(a) | (uint64_t)(b) << 8 | (uint64_t)(c) << 16 | (uint64_t)(d) << 24)
#define G_ACPI_HEADER(sig)							\
	{ "signature", 0, 4, G_CONST, .def = sig },				\
	{ "length", 4, 4, G_LEN },						\
	{ "revision", 8, 1, G_UINT, 0, 255, .def = 1 },				\
	{ "checksum", 9, 1, G_CSUM },						\
	{ "oem_id", 10, 6, G_UINT, 0, 0xffffffffffffULL, .def = 0x5346534f4649ULL }, \
	{ "oem_table_id", 16, 8, G_UINT, 0, ~0ULL, .def = 0x5a5a5546534f4649ULL }, \
	{ "oem_revision", 24, 4, G_UINT, 0, 0xffffffffULL, .def = 1 },		\
	{ "creator_id", 28, 4, G_UINT, 0, 0xffffffffULL, .def = 0x4c544e49 },	\
	{ "creator_revision", 32, 4, G_UINT, 0, 0xffffffffULL, .def = 0x20230628 }
#define G_ACPI_HEADER_SIZE 36
#define G_NR_FIELDS(a) (sizeof(a) / sizeof((a)[0]))

/* dmar.c: Intel VT-d 4.1 chapter 8 */
extern const struct g_type g_dmar, g_dmar_drhd, g_dmar_rmrr, g_dmar_atsr, g_dmar_rhsa,
	g_dmar_andd, g_dmar_satc, g_dmar_scope, g_dmar_path;
extern const struct g_value g_dmar_flags[];	/* the DMAR header's Flags (§8.1) */
/* madt.c: ACPI 6.5 §5.2.12 (local APIC, I/O APIC, local x2APIC) */
extern const struct g_type g_madt, g_madt_lapic, g_madt_ioapic, g_madt_x2apic;
/* hpet.c: IA-PC HPET specification 1.0a §3.2.4 */
extern const struct g_type g_hpet;
/* ivrs.c: AMD IOMMU specification (doc 48882) 5.2 */
extern const struct g_type g_ivrs, g_ivhd10, g_ivhd11, g_ivhd40, g_ivmd20, g_ivmd21, g_ivmd22,
	g_ivhd_pad4, g_ivhd_all, g_ivhd_select, g_ivhd_range_start, g_ivhd_range_end,
	g_ivhd_pad8, g_ivhd_alias_select, g_ivhd_alias_range, g_ivhd_ext_select,
	g_ivhd_ext_range, g_ivhd_special, g_ivhd_acpi_hid;
extern const struct g_value g_efr_bits[];	/* the Extended Feature Register's bits */
/* amd_unit.c: the AMD-Vi unit and the AMD-Vi kernel parameters */
extern const struct g_type g_amd_unit, g_amd_params;

/* topology.c: the hardware, in PCIe Base 6.0 terms */
extern const struct g_type g_platform, g_segment, g_root_port, g_rciep, g_endpoint,
	g_switch_up, g_switch_dp, g_pcie_pci_bridge, g_pci_pcie_bridge, g_pci_bridge,
	g_conv_dev, g_dmar_unit, g_ioapic, g_hpet_block, g_params, g_raw_patch;

/* the platform's modes (platform node field "mode") */
enum g_mode { G_MODE_CONSISTENT, G_MODE_INCONSISTENT, G_MODE_RAW, G_NR_MODES };

#endif
