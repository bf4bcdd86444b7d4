// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every description in one list: its index is the type's number in the
 * serialized fuzz input, so new types go at the end (old corpora stay
 * readable).
 */
#include "types.h"

/* a structure no description knows: kept as its bytes */
const struct g_type g_unknown = {
	.name = "unknown", .doc = "a structure with a type code no description knows", .tag = -1,
	.tail = 1,
};

const struct g_type *const g_all_types[] = {
	&g_platform, &g_segment, &g_root_port, &g_rciep, &g_endpoint, &g_switch_up,
	&g_switch_dp, &g_pcie_pci_bridge, &g_pci_pcie_bridge, &g_pci_bridge, &g_conv_dev,
	&g_dmar_unit, &g_ioapic, &g_hpet_block, &g_params, &g_raw_patch,
	&g_dmar, &g_dmar_drhd, &g_dmar_rmrr, &g_dmar_atsr, &g_dmar_rhsa, &g_dmar_andd,
	&g_dmar_satc, &g_dmar_scope, &g_dmar_path,
	&g_madt, &g_madt_lapic, &g_madt_ioapic, &g_madt_x2apic, &g_hpet,
	&g_unknown,
	&g_ivrs, &g_ivhd10, &g_ivhd11, &g_ivhd40, &g_ivmd20, &g_ivmd21, &g_ivmd22,
	&g_ivhd_pad4, &g_ivhd_all, &g_ivhd_select, &g_ivhd_range_start, &g_ivhd_range_end,
	&g_ivhd_pad8, &g_ivhd_alias_select, &g_ivhd_alias_range, &g_ivhd_ext_select,
	&g_ivhd_ext_range, &g_ivhd_special, &g_ivhd_acpi_hid,
	&g_amd_unit, &g_amd_params,
	NULL
};
