// SPDX-License-Identifier: GPL-2.0-only
/*
 * The I/O Virtualization Reporting Structure, AMD I/O Virtualization
 * Technology (IOMMU) Specification (doc 48882) §5.2: the IVRS header
 * (§5.2.1), IVHD blocks 10h, 11h and 40h (§5.2.2.1) with every device entry
 * type (§5.2.2.2: 4-byte 00h-04h, 8-byte 40h-48h, the variable-length ACPI
 * HID entry F0h) and IVMD blocks 20h, 21h and 22h (§5.2.2.3).  Offsets and
 * widths are the specification's.
 *
 * IVHD device entries have no length field: the type's two high bits give
 * 4, 8, 16 or 32 bytes (§5.2.2.2), F0h is 22 bytes plus its UID length.
 * The framing says so (sizes[] below, G_TAILLEN for the UID), so entries of
 * types no description names are still stepped over as firmware meant.
 * F0h is defined in IVHD 40h only; it is allowed in every IVHD here, since
 * what the kernel does with it in 10h/11h is worth reaching.
 */
#include "types.h"

/* §5.2.1 IVinfo: EFRSup (the IVHD EFR images are valid), DMA remap support, HATDis */
static const struct g_value ivinfo_bits[] = {
	{ 1 << 0, "EFRSup" }, { 1 << 1, "DMA_REMAP" }, { 1 << 22, "HATDis" }, { 0 } };
static const struct g_field ivrs_fields[] = {
	G_ACPI_HEADER(ACPI_SIG('I', 'V', 'R', 'S')),
	/* GVASize 2 (64-bit), PASize 48, VASize 64, as QEMU and firmware report */
	{ "ivinfo", 36, 4, G_FLAGS, .vals = ivinfo_bits, .def = 0x00203040 },
	{ "reserved", 40, 8, G_UINT, 0, 0 },
};
static const struct g_type *const ivrs_kids[] = {
	&g_ivhd10, &g_ivhd11, &g_ivhd40, &g_ivmd20, &g_ivmd21, &g_ivmd22, NULL };
const struct g_type g_ivrs = {
	.name = "IVRS", .doc = "I/O virtualization reporting structure (AMD IOMMU 5.2)", .tag = -1,
	.fields = ivrs_fields, .nr_fields = G_NR_FIELDS(ivrs_fields), .hdr_size = 48,
	.kids = ivrs_kids, .max_kids = 64,
	/* every block: type (1), flags (1), length (2) */
	.framing = { .tag_off = 0, .tag_size = 1, .len_off = 2, .len_size = 2 },
};

/* ---- IVHD (§5.2.2.1) ---- */

static const struct g_value ivhd_flags[] = {
	{ 1 << 0, "HtTunEn" }, { 1 << 1, "PassPW" }, { 1 << 2, "ResPassPW" }, { 1 << 3, "Isoc" },
	{ 1 << 4, "IotlbSup" }, { 1 << 5, "Coherent" }, { 1 << 6, "PreFSup" }, { 1 << 7, "PPRSup" },
	{ 0 } };
/* the IOMMU's own requester ID: where AMD puts it, another function, none */
static const struct g_value iommu_devids[] = {
	{ 0x0002, "00:00.2" }, { 0x0003, "00:00.3" }, { 0x0008, "00:01.0" }, { 0x00a0, "00:14.0" },
	{ 0x0000, "00:00.0" }, { 0xffff, "ff:1f.7" }, { 0 } };
static const struct g_value cap_offsets[] = {
	{ 0x40, "0x40" }, { 0x00, "0" }, { 0x44, "0x44" }, { 0xfc, "0xfc" }, { 0 } };
/* register bases: aligned (512 KiB), misaligned, another unit's, zero */
static const struct g_value ivhd_bases[] = {
	{ 0xfeb80000, "0xfeb80000" }, { 0xfeb00000, "0xfeb00000" }, { 0xfea80000, "0xfea80000" },
	{ 0xfeb80800, "0xfeb80800" }, { 0, "0" }, { 0 } };
static const struct g_value segments[] = {
	{ 0, "0" }, { 1, "1" }, { 0xffff, "0xffff" }, { 0 } };
/* 10h "IOMMU feature reporting" (Table 92), the EFR bits the kernel reads from it */
static const struct g_value feature_bits[] = {
	{ 1 << 0, "XTSup" }, { 1 << 1, "NXSup" }, { 1 << 2, "GTSup" }, { 1 << 5, "IASup" },
	{ 1 << 6, "GASup" }, { 1 << 7, "HESup" }, { 1 << 8, "PCSup" }, { 0 } };
/* the Extended Feature Register (§3.4.2, MMIO 0030h), imaged in 11h/40h */
const struct g_value g_efr_bits[] = {
	{ 1ULL << 0, "PreFSup" }, { 1ULL << 1, "PPRSup" }, { 1ULL << 2, "XTSup" },
	{ 1ULL << 3, "NXSup" }, { 1ULL << 4, "GTSup" }, { 1ULL << 6, "IASup" },
	{ 1ULL << 7, "GASup" }, { 1ULL << 8, "HESup" }, { 1ULL << 9, "PCSup" },
	{ 1ULL << 11, "HATS" }, { 1ULL << 13, "GATS" }, { 1ULL << 21, "GAMSup" },
	{ 1ULL << 46, "EPHSup" }, { 1ULL << 63, "SNPSup" }, { 0 } };

#define IVHD_HEADER(t)								\
	{ "type", 0, 1, G_CONST, .def = t },					\
	{ "flags", 1, 1, G_FLAGS, .vals = ivhd_flags, .def = 0xb0 },		\
	{ "length", 2, 2, G_LEN },						\
	{ "device_id", 4, 2, G_ENUM, .vals = iommu_devids, .def = 0x0002 },	\
	{ "capability_offset", 6, 2, G_ENUM, .vals = cap_offsets, .def = 0x40 }, \
	{ "base_address", 8, 8, G_ENUM, .vals = ivhd_bases, .def = 0xfeb80000 }, \
	{ "pci_segment", 16, 2, G_ENUM, .vals = segments },			\
	{ "iommu_info", 18, 2, G_UINT, 0, 0x1f1f }	/* UnitID, MSI number */

static const struct g_type *const entry_kids[] = {
	&g_ivhd_pad4, &g_ivhd_all, &g_ivhd_select, &g_ivhd_range_start, &g_ivhd_range_end,
	&g_ivhd_pad8, &g_ivhd_alias_select, &g_ivhd_alias_range, &g_ivhd_ext_select,
	&g_ivhd_ext_range, &g_ivhd_special, &g_ivhd_acpi_hid, NULL };
/* §5.2.2.2: bits 7:6 of the type code, 00b 4 bytes ... 11b 32 bytes */
static const uint8_t entry_sizes[] = { 4, 8, 16, 32 };
#define ENTRY_FRAMING { .tag_off = 0, .tag_size = 1, .size_shift = 6, .sizes = entry_sizes }

static const struct g_field ivhd10_fields[] = {
	IVHD_HEADER(0x10),
	{ "feature_reporting", 20, 4, G_FLAGS, .vals = feature_bits },
};
const struct g_type g_ivhd10 = {
	.name = "ivhd10", .doc = "I/O virtualization hardware definition, type 10h (AMD IOMMU 5.2.2.1)",
	.tag = 0x10, .fields = ivhd10_fields, .nr_fields = G_NR_FIELDS(ivhd10_fields),
	.hdr_size = 24, .kids = entry_kids, .max_kids = 256, .framing = ENTRY_FRAMING,
};

#define IVHD_EFR_FIELDS								\
	{ "attributes", 20, 4, G_UINT, 0, 0 },					\
	{ "efr_image", 24, 8, G_FLAGS, .vals = g_efr_bits, .def = 0x29d3 },	\
	{ "efr2_image", 32, 8, G_UINT, 0, 0 }

static const struct g_field ivhd11_fields[] = { IVHD_HEADER(0x11), IVHD_EFR_FIELDS };
const struct g_type g_ivhd11 = {
	.name = "ivhd11", .doc = "IVHD type 11h: 10h with the EFR image (AMD IOMMU 5.2.2.1)",
	.tag = 0x11, .fields = ivhd11_fields, .nr_fields = G_NR_FIELDS(ivhd11_fields),
	.hdr_size = 40, .kids = entry_kids, .max_kids = 256, .framing = ENTRY_FRAMING,
};
static const struct g_field ivhd40_fields[] = { IVHD_HEADER(0x40), IVHD_EFR_FIELDS };
const struct g_type g_ivhd40 = {
	.name = "ivhd40", .doc = "IVHD type 40h: 11h plus ACPI HID entries (AMD IOMMU 5.2.2.1)",
	.tag = 0x40, .fields = ivhd40_fields, .nr_fields = G_NR_FIELDS(ivhd40_fields),
	.hdr_size = 40, .kids = entry_kids, .max_kids = 256, .framing = ENTRY_FRAMING,
};

/* ---- device entries (§5.2.2.2) ---- */

/* requester IDs: the root bus, the first buses a topology uses, one beyond any */
static const struct g_value devids[] = {
	{ 0x0000, "00:00.0" }, { 0x0002, "00:00.2" }, { 0x0008, "00:01.0" }, { 0x0010, "00:02.0" },
	{ 0x0018, "00:03.0" }, { 0x00a0, "00:14.0" }, { 0x00ff, "00:1f.7" }, { 0x0100, "01:00.0" },
	{ 0x0101, "01:00.1" }, { 0x0200, "02:00.0" }, { 0x0300, "03:00.0" }, { 0x0400, "04:00.0" },
	{ 0x04ff, "04:1f.7" }, { 0x4000, "40:00.0" }, { 0xffff, "ff:1f.7" }, { 0 } };
/* the DTE setting byte (Table 96): which interrupts pass untranslated */
static const struct g_value dte_bits[] = {
	{ 1 << 0, "INITPass" }, { 1 << 1, "EIntPass" }, { 1 << 2, "NMIPass" },
	{ 1 << 4, "SysMgt0" }, { 1 << 5, "SysMgt1" }, { 1 << 6, "Lint0Pass" },
	{ 1 << 7, "Lint1Pass" }, { 0 } };

#define ENTRY_HEAD(t)								\
	{ "type", 0, 1, G_CONST, .def = t },					\
	{ "device_id", 1, 2, G_ENUM, .vals = devids },				\
	{ "dte", 3, 1, G_FLAGS, .vals = dte_bits }

#define ENTRY4(sym, nm, t, what)						\
	static const struct g_field sym##_fields[] = { ENTRY_HEAD(t) };		\
	const struct g_type sym = {						\
		.name = nm, .doc = what, .tag = t, .fields = sym##_fields,	\
		.nr_fields = G_NR_FIELDS(sym##_fields), .hdr_size = 4,		\
	}

ENTRY4(g_ivhd_pad4, "pad4", 0x00, "4-byte padding entry (Table 95)");
ENTRY4(g_ivhd_all, "all", 0x01, "all devices: every requester ID (Table 96)");
ENTRY4(g_ivhd_select, "select", 0x02, "one device (Table 96)");
ENTRY4(g_ivhd_range_start, "range_start", 0x03, "start of a range, to the next end of range (Table 96)");
ENTRY4(g_ivhd_range_end, "range_end", 0x04, "end of range (Table 96)");

static const struct g_field pad8_fields[] = {
	ENTRY_HEAD(0x40),
	{ "reserved", 4, 4, G_UINT, 0, 0 },
};
const struct g_type g_ivhd_pad8 = {
	.name = "pad8", .doc = "8-byte padding entry (Table 95)", .tag = 0x40,
	.fields = pad8_fields, .nr_fields = G_NR_FIELDS(pad8_fields), .hdr_size = 8,
};

#define ALIAS_FIELDS(t)								\
	ENTRY_HEAD(t),								\
	{ "reserved", 4, 1, G_UINT, 0, 0 },					\
	{ "source", 5, 2, G_ENUM, .vals = devids },	/* the ID the requests carry */ \
	{ "reserved2", 7, 1, G_UINT, 0, 0 }

static const struct g_field alias_select_fields[] = { ALIAS_FIELDS(0x42) };
const struct g_type g_ivhd_alias_select = {
	.name = "alias_select", .doc = "one device whose requests carry another ID (Table 97)",
	.tag = 0x42, .fields = alias_select_fields, .nr_fields = G_NR_FIELDS(alias_select_fields),
	.hdr_size = 8,
};
static const struct g_field alias_range_fields[] = { ALIAS_FIELDS(0x43) };
const struct g_type g_ivhd_alias_range = {
	.name = "alias_range", .doc = "start of a range whose requests carry another ID (Table 97)",
	.tag = 0x43, .fields = alias_range_fields, .nr_fields = G_NR_FIELDS(alias_range_fields),
	.hdr_size = 8,
};

static const struct g_value ext_bits[] = { { 1U << 31, "ATS_DISABLED" }, { 0 } };
#define EXT_FIELDS(t)								\
	ENTRY_HEAD(t),								\
	{ "ext_data", 4, 4, G_FLAGS, .vals = ext_bits }

static const struct g_field ext_select_fields[] = { EXT_FIELDS(0x46) };
const struct g_type g_ivhd_ext_select = {
	.name = "ext_select", .doc = "one device, with extended data (Table 97)", .tag = 0x46,
	.fields = ext_select_fields, .nr_fields = G_NR_FIELDS(ext_select_fields), .hdr_size = 8,
};
static const struct g_field ext_range_fields[] = { EXT_FIELDS(0x47) };
const struct g_type g_ivhd_ext_range = {
	.name = "ext_range", .doc = "start of a range, with extended data (Table 97)", .tag = 0x47,
	.fields = ext_range_fields, .nr_fields = G_NR_FIELDS(ext_range_fields), .hdr_size = 8,
};

static const struct g_value varieties[] = {
	{ 1, "IOAPIC" }, { 2, "HPET" }, { 0, "0" }, { 3, "3" }, { 0 } };
static const struct g_field special_fields[] = {
	ENTRY_HEAD(0x48),	/* device_id reserved: the source ID is below */
	{ "handle", 4, 1, G_UINT, 0, 255 },	/* IOAPIC ID / HPET number */
	{ "source", 5, 2, G_ENUM, .vals = devids, .def = 0x00a0 },
	{ "variety", 7, 1, G_ENUM, .vals = varieties, .def = 1 },
};
const struct g_type g_ivhd_special = {
	.name = "special", .doc = "IOAPIC or HPET and the requester ID it uses (Table 97)",
	.tag = 0x48, .fields = special_fields, .nr_fields = G_NR_FIELDS(special_fields),
	.hdr_size = 8,
};

/* ACPI _HID/_CID: eight ASCII bytes, little-endian here */
#define ASCII8(a, b, c, d, e, f, g, h)						\
	((uint64_t)(a) | (uint64_t)(b) << 8 | (uint64_t)(c) << 16 | (uint64_t)(d) << 24 | \
	 (uint64_t)(e) << 32 | (uint64_t)(f) << 40 | (uint64_t)(g) << 48 | (uint64_t)(h) << 56)
static const struct g_value hids[] = {
	{ ASCII8('A', 'M', 'D', 'I', '0', '0', '2', '0'), "AMDI0020" },
	{ ASCII8('A', 'M', 'D', 'I', '0', '0', '4', '0'), "AMDI0040" },
	{ ASCII8('A', 'M', 'D', 'I', '0', '0', '9', '5'), "AMDI0095" },
	{ 0, "none" }, { 0 } };
static const struct g_value uid_formats[] = {
	{ 0, "none" }, { 1, "integer" }, { 2, "string" }, { 3, "3" }, { 0 } };
static const struct g_field acpi_hid_fields[] = {
	ENTRY_HEAD(0xf0),
	{ "hid", 4, 8, G_ENUM, .vals = hids, .def = ASCII8('A', 'M', 'D', 'I', '0', '0', '2', '0') },
	{ "cid", 12, 8, G_ENUM, .vals = hids },
	{ "uid_format", 20, 1, G_ENUM, .vals = uid_formats },
	{ "uid_length", 21, 1, G_TAILLEN },
};
const struct g_type g_ivhd_acpi_hid = {
	.name = "acpi_hid", .doc = "ACPI device by _HID/_UID (Table 98); tail: the UID", .tag = 0xf0,
	.fields = acpi_hid_fields, .nr_fields = G_NR_FIELDS(acpi_hid_fields), .hdr_size = 22,
	.tail = 1,
};

/* ---- IVMD (§5.2.2.3) ---- */

static const struct g_value ivmd_flags[] = {
	{ 1 << 0, "Unity" }, { 1 << 1, "IR" }, { 1 << 2, "IW" }, { 1 << 3, "ExclusionRange" },
	{ 0 } };
/* a BIOS buffer below 1 MiB, RAM, a device buffer, the MSI window, the top */
static const struct g_value ivmd_starts[] = {
	{ 0xc0000, "0xc0000" }, { 0x100000, "0x100000" }, { 0x3e000000, "0x3e000000" },
	{ 0xfee00000, "0xfee00000" }, { 0, "0" }, { 0xfffffffffffff000ULL, "~0xfff" }, { 0 } };
static const struct g_value ivmd_lengths[] = {
	{ 0x100000, "1M" }, { 0x1000, "4K" }, { 0x40000000, "1G" }, { 0, "0" },
	{ 0xffffffffffffffffULL, "~0" }, { 0 } };

#define IVMD_FIELDS(t)								\
	{ "type", 0, 1, G_CONST, .def = t },					\
	{ "flags", 1, 1, G_FLAGS, .vals = ivmd_flags, .def = 0x07 },		\
	{ "length", 2, 2, G_LEN },						\
	{ "device_id", 4, 2, G_ENUM, .vals = devids },				\
	{ "aux_data", 6, 2, G_ENUM, .vals = devids },	/* 22h: the range's end */ \
	{ "pci_segment", 8, 2, G_ENUM, .vals = segments },			\
	{ "reserved", 10, 6, G_UINT, 0, 0 },					\
	{ "start", 16, 8, G_ENUM, .vals = ivmd_starts, .def = 0x3e000000 },	\
	{ "block_length", 24, 8, G_ENUM, .vals = ivmd_lengths, .def = 0x100000 }

static const struct g_field ivmd20_fields[] = { IVMD_FIELDS(0x20) };
const struct g_type g_ivmd20 = {
	.name = "ivmd20", .doc = "memory definition for all peripherals (AMD IOMMU 5.2.2.3)",
	.tag = 0x20, .fields = ivmd20_fields, .nr_fields = G_NR_FIELDS(ivmd20_fields), .hdr_size = 32,
};
static const struct g_field ivmd21_fields[] = { IVMD_FIELDS(0x21) };
const struct g_type g_ivmd21 = {
	.name = "ivmd21", .doc = "memory definition for one peripheral (AMD IOMMU 5.2.2.3)",
	.tag = 0x21, .fields = ivmd21_fields, .nr_fields = G_NR_FIELDS(ivmd21_fields), .hdr_size = 32,
};
static const struct g_field ivmd22_fields[] = { IVMD_FIELDS(0x22) };
const struct g_type g_ivmd22 = {
	.name = "ivmd22", .doc = "memory definition for a range of peripherals (AMD IOMMU 5.2.2.3)",
	.tag = 0x22, .fields = ivmd22_fields, .nr_fields = G_NR_FIELDS(ivmd22_fields), .hdr_size = 32,
};
