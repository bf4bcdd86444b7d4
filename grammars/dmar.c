// SPDX-License-Identifier: GPL-2.0-only
/*
 * The DMA Remapping Reporting table, Intel VT-d Architecture Specification
 * 4.1, chapter 8: every remapping structure type (§8.3-8.9) and every
 * device scope type (§8.3.1).  Offsets and widths are the specification's.
 */
#include "types.h"

const struct g_value g_dmar_flags[] = {
	{ 1 << 0, "INTR_REMAP" }, { 1 << 1, "X2APIC_OPT_OUT" },
	{ 1 << 2, "DMA_CTRL_PLATFORM_OPT_IN" }, { 0 } };
static const struct g_value haw[] = {
	{ 38, "39-bit" }, { 47, "48-bit" }, { 51, "52-bit" }, { 0, "0" }, { 0xff, "256" }, { 0 } };
static const struct g_value segments[] = {
	{ 0, "0" }, { 1, "1" }, { 0xffff, "0xffff" }, { 0 } };
/* register bases: aligned, misaligned, shared, zero */
static const struct g_value reg_bases[] = {
	{ 0xfed90000, "0xfed90000" }, { 0xfed91000, "0xfed91000" },
	{ 0xfed92000, "0xfed92000" }, { 0xfed93000, "0xfed93000" },
	{ 0xfed90800, "0xfed90800" }, { 0, "0" }, { 0 } };
static const struct g_value mem_addrs[] = {
	{ 0, "0" }, { 0xe0000, "0xe0000" }, { 0xfffff, "0xfffff" },
	{ 0x3e000000, "0x3e000000" }, { 0x3e7fffff, "0x3e7fffff" },
	{ 0xfee00000, "0xfee00000" }, { 0xfeefffff, "0xfeefffff" },
	{ 0xffffffffffffffffULL, "~0" }, { 0 } };

static const struct g_field dmar_fields[] = {
	G_ACPI_HEADER(ACPI_SIG('D', 'M', 'A', 'R')),
	{ "host_address_width", 36, 1, G_ENUM, .vals = haw, .def = 38 },
	{ "flags", 37, 1, G_FLAGS, .vals = g_dmar_flags, .def = 1 },
};

static const struct g_type *const dmar_kids[] = {
	&g_dmar_drhd, &g_dmar_rmrr, &g_dmar_atsr, &g_dmar_rhsa, &g_dmar_andd, &g_dmar_satc, NULL };

const struct g_type g_dmar = {
	.name = "DMAR", .doc = "DMA remapping reporting table (VT-d 8.1)", .tag = -1,
	.fields = dmar_fields, .nr_fields = G_NR_FIELDS(dmar_fields), .hdr_size = 48,
	.kids = dmar_kids, .max_kids = 128,
	.framing = { .tag_off = 0, .tag_size = 2, .len_off = 2, .len_size = 2 },
};

/* remapping structure header: type (2), length (2) */
#define REMAP_HEADER(t)						\
	{ "type", 0, 2, G_CONST, .def = t },			\
	{ "length", 2, 2, G_LEN }

static const struct g_type *const scope_kids[] = { &g_dmar_scope, NULL };
#define SCOPE_FRAMING { .tag_off = 0, .tag_size = 0, .len_off = 1, .len_size = 1 }

static const struct g_value drhd_flags[] = { { 1, "INCLUDE_PCI_ALL" }, { 0 } };
static const struct g_field drhd_fields[] = {
	REMAP_HEADER(0),
	{ "flags", 4, 1, G_FLAGS, .vals = drhd_flags },
	{ "size", 5, 1, G_UINT, 0, 15 },	/* register set: 2^size 4 KB pages */
	{ "segment", 6, 2, G_ENUM, .vals = segments },
	{ "address", 8, 8, G_ENUM, .vals = reg_bases, .def = 0xfed90000 },
};
const struct g_type g_dmar_drhd = {
	.name = "drhd", .doc = "DMA remapping hardware unit (VT-d 8.3)", .tag = 0,
	.fields = drhd_fields, .nr_fields = G_NR_FIELDS(drhd_fields), .hdr_size = 16,
	.kids = scope_kids, .max_kids = 64, .framing = SCOPE_FRAMING,
};

static const struct g_field rmrr_fields[] = {
	REMAP_HEADER(1),
	{ "segment", 6, 2, G_ENUM, .vals = segments },
	{ "base", 8, 8, G_ENUM, .vals = mem_addrs, .def = 0xe0000 },
	{ "limit", 16, 8, G_ENUM, .vals = mem_addrs, .def = 0xfffff },
};
const struct g_type g_dmar_rmrr = {
	.name = "rmrr", .doc = "reserved memory region (VT-d 8.4)", .tag = 1,
	.fields = rmrr_fields, .nr_fields = G_NR_FIELDS(rmrr_fields), .hdr_size = 24,
	.kids = scope_kids, .max_kids = 4, .framing = SCOPE_FRAMING,
};

static const struct g_value atsr_flags[] = { { 1, "ALL_PORTS" }, { 0 } };
static const struct g_field atsr_fields[] = {
	REMAP_HEADER(2),
	{ "flags", 4, 1, G_FLAGS, .vals = atsr_flags },
	{ "segment", 6, 2, G_ENUM, .vals = segments },
};
const struct g_type g_dmar_atsr = {
	.name = "atsr", .doc = "root port ATS capability (VT-d 8.5)", .tag = 2,
	.fields = atsr_fields, .nr_fields = G_NR_FIELDS(atsr_fields), .hdr_size = 8,
	.kids = scope_kids, .max_kids = 4, .framing = SCOPE_FRAMING,
};

static const struct g_field rhsa_fields[] = {
	REMAP_HEADER(3),
	{ "address", 8, 8, G_ENUM, .vals = reg_bases, .def = 0xfed90000 },
	{ "proximity_domain", 16, 4, G_UINT, 0, 0xffffffffULL },
};
const struct g_type g_dmar_rhsa = {
	.name = "rhsa", .doc = "remapping hardware static affinity (VT-d 8.6)", .tag = 3,
	.fields = rhsa_fields, .nr_fields = G_NR_FIELDS(rhsa_fields), .hdr_size = 20,
};

static const struct g_field andd_fields[] = {
	REMAP_HEADER(4),
	{ "acpi_device_number", 7, 1, G_UINT, 0, 255 },
};
const struct g_type g_dmar_andd = {
	.name = "andd", .doc = "ACPI namespace device declaration (VT-d 8.7); tail: object name",
	.tag = 4, .fields = andd_fields, .nr_fields = G_NR_FIELDS(andd_fields), .hdr_size = 8,
	.tail = 1,
};

static const struct g_value satc_flags[] = { { 1, "ATC_REQUIRED" }, { 0 } };
static const struct g_field satc_fields[] = {
	REMAP_HEADER(5),
	{ "flags", 4, 1, G_FLAGS, .vals = satc_flags },
	{ "segment", 6, 2, G_ENUM, .vals = segments },
};
const struct g_type g_dmar_satc = {
	.name = "satc", .doc = "SoC integrated address translation cache (VT-d 8.8)", .tag = 5,
	.fields = satc_fields, .nr_fields = G_NR_FIELDS(satc_fields), .hdr_size = 8,
	.kids = scope_kids, .max_kids = 4, .framing = SCOPE_FRAMING,
};

static const struct g_value scope_types[] = {
	{ 1, "PCI_ENDPOINT" }, { 2, "PCI_SUB_HIERARCHY" }, { 3, "IOAPIC" },
	{ 4, "MSI_CAPABLE_HPET" }, { 5, "ACPI_NAMESPACE_DEVICE" }, { 0 } };
static const struct g_value scope_flags[] = { { 1, "REQ_WO_PASID" }, { 0 } };
static const struct g_value buses[] = {
	{ 0, "0" }, { 1, "1" }, { 2, "2" }, { 3, "3" }, { 0xf0, "0xf0" }, { 0xff, "0xff" }, { 0 } };
static const struct g_field scope_fields[] = {
	{ "type", 0, 1, G_ENUM, .vals = scope_types, .def = 1 },
	{ "length", 1, 1, G_LEN },
	{ "flags", 2, 1, G_FLAGS, .vals = scope_flags },
	{ "enumeration_id", 4, 1, G_UINT, 0, 255 },
	{ "start_bus", 5, 1, G_ENUM, .vals = buses },
};
static const struct g_type *const path_kids[] = { &g_dmar_path, NULL };
const struct g_type g_dmar_scope = {
	.name = "scope", .doc = "device scope (VT-d 8.3.1); children: the path", .tag = -1,
	.fields = scope_fields, .nr_fields = G_NR_FIELDS(scope_fields), .hdr_size = 6,
	.kids = path_kids, .max_kids = 32,	/* one hop per bus level */
	.framing = { 0 },	/* path entries: fixed two bytes each */
};

static const struct g_field path_fields[] = {
	{ "device", 0, 1, G_UINT, 0, 31 },
	{ "function", 1, 1, G_UINT, 0, 7 },
};
const struct g_type g_dmar_path = {
	.name = "path", .doc = "one hop of a device scope's path (VT-d 8.3.1.1)", .tag = -1,
	.fields = path_fields, .nr_fields = G_NR_FIELDS(path_fields), .hdr_size = 2,
};
