// SPDX-License-Identifier: GPL-2.0-only
#include "acpi_walk.h"

/* Length of an IVHD device entry (AMD IOMMU 5.2.2.2), 0: unknown. */
static size_t ivhd_entry_len(const uint8_t *b, size_t end, size_t off)
{
	unsigned int type = b[off];

	/* types 00h-3Fh are 4 bytes, 40h-7Fh 8 bytes */
	if (type < 0x80)
		return 4u << (type >> 6);
	/* F0h (ACPI HID): 22 bytes, then a UID of the length at byte 21 */
	if (type == 0xf0)
		return 22 + acpi_get(b, end, off + 21, 1);
	return 0;
}

int acpi_sub_next(enum acpi_sub_kind kind, const uint8_t *b, size_t end, size_t *off,
		  struct acpi_sub *s)
{
	size_t hdr, p = *off;

	switch (kind) {
	case ACPI_SUB_DMAR:
	case ACPI_SUB_IVRS:
		hdr = 4;
		break;
	case ACPI_SUB_SCOPE:
		hdr = 6;	/* type, length, reserved, enumeration ID, start bus */
		break;
	default:
		hdr = kind == ACPI_SUB_IVHD ? 1 : 2;
		break;
	}
	if (p > end || end - p < hdr)
		return 0;
	s->off = p;
	switch (kind) {
	case ACPI_SUB_DMAR:
		s->type = acpi_get(b, end, p, 2);
		s->len = acpi_get(b, end, p + 2, 2);
		break;
	case ACPI_SUB_IVRS:
		s->type = b[p];
		s->len = acpi_get(b, end, p + 2, 2);
		break;
	case ACPI_SUB_IVHD:
		s->type = b[p];
		s->len = ivhd_entry_len(b, end, p);
		if (!s->len)
			return -1;
		break;
	default:
		s->type = b[p];
		s->len = b[p + 1];
		break;
	}
	if (s->len < hdr || s->len > end - p)
		return -1;
	*off = p + s->len;
	return 1;
}
