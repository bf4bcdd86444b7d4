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
/* madt.c: ACPI 6.5 §5.2.12 (local APIC, I/O APIC, local x2APIC) */
extern const struct g_type g_madt, g_madt_lapic, g_madt_ioapic, g_madt_x2apic;
/* hpet.c: IA-PC HPET specification 1.0a §3.2.4 */
extern const struct g_type g_hpet;
/*
 * ivrs.c (not yet: the AMD side): g_ivrs with IVHD 10h/11h/40h, every
 * device entry including F0h, IVMD 20h/21h/22h, registered in
 * g_all_types and lowered by derive.c the same way as the DMAR.
 */

/* topology.c: the hardware, in PCIe Base 6.0 terms */
extern const struct g_type g_platform, g_segment, g_root_port, g_rciep, g_endpoint,
	g_switch_up, g_switch_dp, g_pcie_pci_bridge, g_pci_pcie_bridge, g_pci_bridge,
	g_conv_dev, g_dmar_unit, g_ioapic, g_hpet_block, g_params, g_raw_patch;

/* the platform's modes (platform node field "mode") */
enum g_mode { G_MODE_CONSISTENT, G_MODE_INCONSISTENT, G_MODE_RAW, G_NR_MODES };

#endif
