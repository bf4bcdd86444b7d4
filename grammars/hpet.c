// SPDX-License-Identifier: GPL-2.0-only
/* The HPET description table, IA-PC HPET specification 1.0a §3.2.4. */
#include "types.h"

static const struct g_field hpet_fields[] = {
	G_ACPI_HEADER(ACPI_SIG('H', 'P', 'E', 'T')),
	{ "event_timer_block_id", 36, 4, G_UINT, 0, 0xffffffffULL, .def = 0x8086a201 },
	{ "address_space_id", 40, 1, G_UINT, 0, 1 },
	{ "register_bit_width", 41, 1, G_UINT, 0, 64, .def = 64 },
	{ "base_address", 44, 8, G_UINT, 0xfed00000, 0xfed00000, .def = 0xfed00000 },
	{ "hpet_number", 52, 1, G_UINT, 0, 7 },
	{ "minimum_tick", 53, 2, G_UINT, 0, 0xffff, .def = 0x80 },
	{ "page_protection", 55, 1, G_UINT, 0, 255 },
};
const struct g_type g_hpet = {
	.name = "HPET", .doc = "high precision event timer table (HPET 1.0a 3.2.4)", .tag = -1,
	.fields = hpet_fields, .nr_fields = G_NR_FIELDS(hpet_fields), .hdr_size = 56,
};
