// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Multiple APIC Description Table, ACPI 6.5 §5.2.12: the entries the
 * interrupt-remapping code depends on (I/O APICs must each have a remapping
 * scope) and the CPUs' local APIC / x2APIC entries.
 */
#include "types.h"

static const struct g_value madt_flags[] = { { 1, "PCAT_COMPAT" }, { 0 } };
static const struct g_field madt_fields[] = {
	G_ACPI_HEADER(ACPI_SIG('A', 'P', 'I', 'C')),
	{ "local_apic_address", 36, 4, G_UINT, 0xfee00000, 0xfee00000, .def = 0xfee00000 },
	{ "flags", 40, 4, G_FLAGS, .vals = madt_flags, .def = 1 },
};
static const struct g_type *const madt_kids[] = {
	&g_madt_lapic, &g_madt_ioapic, &g_madt_x2apic, NULL };
const struct g_type g_madt = {
	.name = "MADT", .doc = "multiple APIC description table (ACPI 5.2.12)", .tag = -1,
	.fields = madt_fields, .nr_fields = G_NR_FIELDS(madt_fields), .hdr_size = 44,
	.kids = madt_kids, .max_kids = 32,
	.framing = { .tag_off = 0, .tag_size = 1, .len_off = 1, .len_size = 1 },
};

static const struct g_value lapic_flags[] = {
	{ 1, "ENABLED" }, { 2, "ONLINE_CAPABLE" }, { 0 } };

static const struct g_field lapic_fields[] = {
	{ "type", 0, 1, G_CONST, .def = 0 },
	{ "length", 1, 1, G_LEN },
	{ "processor_uid", 2, 1, G_UINT, 0, 255 },
	{ "apic_id", 3, 1, G_UINT, 0, 255 },
	{ "flags", 4, 4, G_FLAGS, .vals = lapic_flags, .def = 1 },
};
const struct g_type g_madt_lapic = {
	.name = "local_apic", .doc = "processor local APIC (ACPI 5.2.12.2)", .tag = 0,
	.fields = lapic_fields, .nr_fields = G_NR_FIELDS(lapic_fields), .hdr_size = 8,
};

static const struct g_field ioapic_fields[] = {
	{ "type", 0, 1, G_CONST, .def = 1 },
	{ "length", 1, 1, G_LEN },
	{ "ioapic_id", 2, 1, G_UINT, 0, 15 },
	{ "address", 4, 4, G_UINT, 0xfec00000, 0xfec01000, .def = 0xfec00000 },
	{ "gsi_base", 8, 4, G_UINT, 0, 24, .def = 0 },
};
const struct g_type g_madt_ioapic = {
	.name = "io_apic", .doc = "I/O APIC (ACPI 5.2.12.3)", .tag = 1,
	.fields = ioapic_fields, .nr_fields = G_NR_FIELDS(ioapic_fields), .hdr_size = 12,
};

static const struct g_field x2apic_fields[] = {
	{ "type", 0, 1, G_CONST, .def = 9 },
	{ "length", 1, 1, G_LEN },
	{ "x2apic_id", 4, 4, G_UINT, 0, 0xffffffffULL },
	{ "flags", 8, 4, G_FLAGS, .vals = lapic_flags, .def = 1 },
	{ "processor_uid", 12, 4, G_UINT, 0, 0xffffffffULL },
};
const struct g_type g_madt_x2apic = {
	.name = "local_x2apic", .doc = "processor local x2APIC (ACPI 5.2.12.12)", .tag = 9,
	.fields = x2apic_fields, .nr_fields = G_NR_FIELDS(x2apic_fields), .hdr_size = 16,
};
