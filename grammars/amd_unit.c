// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AMD side of the hardware, as topology.c describes the Intel side:
 * an AMD-Vi unit (AMD IOMMU specification, doc 48882: its PCI function
 * with the IOMMU capability block, §3.2.1, and its Extended Feature
 * Register, §3.4.2) and the AMD-Vi kernel parameters.  No encoding:
 * lower.c gives each unit its PCI function, derive_ivrs.c its IVHDs,
 * build.c its register file.  A platform with amd_unit children and no
 * dmar_unit is an AMD machine: it gets an IVRS and no DMAR.
 */
#include "types.h"

static const struct g_value seg_numbers[] = { { 0, "0" }, { 1, "1" }, { 0 } };
static const struct g_value ivhd_types[] = {
	{ 1 << 0, "10h" }, { 1 << 1, "11h" }, { 1 << 2, "40h" }, { 0 } };
static const struct g_field unit_fields[] = {
	{ "segment", 0, 0, G_ENUM, .vals = seg_numbers },
	/*
	 * The MMIO Extended Feature Register.  QEMU's amd-iommu by default
	 * (PreF PPR GT IA GA HE); the 11h/40h IVHDs image it (EFRSup).
	 */
	{ "efr", 0, 0, G_FLAGS, .vals = g_efr_bits, .def = 0x29d3 },
	/* the IVHD types firmware describes the units with (every unit alike) */
	{ "ivhd_types", 0, 0, G_FLAGS, .vals = ivhd_types, .def = 1 },
	/* not the segment's last unit: the root-bus slot it covers */
	{ "port", 0, 0, G_UINT, 0, 7 },
};
const struct g_type g_amd_unit = {
	.name = "amd_unit", .doc = "an AMD-Vi unit: its PCI function (00:00.2 on), registers, what it covers",
	.tag = -1, .fields = unit_fields, .nr_fields = G_NR_FIELDS(unit_fields),
};

/* kernel-parameters.txt; the value's name is the text put on the command line */
static const struct g_value amd_iommu[] = {
	{ 0, "" }, { 1, "amd_iommu=off" }, { 2, "amd_iommu=fullflush" },
	{ 3, "amd_iommu=force_isolation" }, { 4, "amd_iommu=pgtbl_v2" },
	{ 5, "amd_iommu=irtcachedis" }, { 0 } };
static const struct g_value amd_intr[] = {
	{ 0, "" }, { 1, "amd_iommu_intr=legacy" }, { 2, "amd_iommu_intr=vapic" },
	{ 3, "amd_iommu_intr=legacy_ga" }, { 0 } };
/* the southbridge IOAPIC where it belongs, elsewhere, in the old syntax */
static const struct g_value ivrs_ioapic[] = {
	{ 0, "" }, { 1, "ivrs_ioapic=0@00:14.0" }, { 2, "ivrs_ioapic=0@00:15.0" },
	{ 3, "ivrs_ioapic[1]=00:00.1" }, { 0 } };
static const struct g_value ivrs_hpet[] = {
	{ 0, "" }, { 1, "ivrs_hpet=0@00:14.0" }, { 2, "ivrs_hpet=0@00:14.1" }, { 0 } };
static const struct g_value dump[] = { { 0, "" }, { 1, "amd_iommu_dump" }, { 0 } };
static const struct g_field params_fields[] = {
	{ "amd_iommu", 0, 0, G_ENUM, .vals = amd_iommu },
	{ "amd_iommu_intr", 0, 0, G_ENUM, .vals = amd_intr },
	{ "ivrs_ioapic", 0, 0, G_ENUM, .vals = ivrs_ioapic },
	{ "ivrs_hpet", 0, 0, G_ENUM, .vals = ivrs_hpet },
	{ "amd_iommu_dump", 0, 0, G_ENUM, .vals = dump },
};
const struct g_type g_amd_params = {
	.name = "amd_params", .doc = "the AMD-Vi part of the kernel command line", .tag = -1,
	.fields = params_fields, .nr_fields = G_NR_FIELDS(params_fields),
};
