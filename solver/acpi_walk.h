/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Walking the firmware tables' sub-structures, bounds-checked: the one
 * reading of their framing (type, length) that the solver's table parser
 * (tables.c) and `isofuzz lint` share.  What a structure means is each
 * reader's business; where it starts and ends is decided here once.
 *  - DMAR remapping structures (VT-d 8.2): u16 type, u16 length;
 *  - DMAR device scopes (VT-d 8.3.1): u8 type, u8 length;
 *  - IVRS blocks, IVHD/IVMD (AMD IOMMU 5.2.2): u8 type, u8 flags, u16 length;
 *  - MADT interrupt controller structures (ACPI 5.2.12): u8 type, u8 length;
 *  - IVHD device entries (AMD IOMMU 5.2.2.2): length from the type.
 */
#ifndef SOLVER_ACPI_WALK_H
#define SOLVER_ACPI_WALK_H

#include <stddef.h>
#include <stdint.h>

/* Where each table's sub-structures start (after its fixed header). */
#define ACPI_DMAR_FIRST		48
#define ACPI_IVRS_FIRST		48
#define ACPI_MADT_FIRST		44

enum acpi_sub_kind {
	ACPI_SUB_DMAR,		/* remapping structures */
	ACPI_SUB_SCOPE,		/* device scopes of a DMAR structure */
	ACPI_SUB_IVRS,		/* IVHD and IVMD blocks */
	ACPI_SUB_MADT,		/* interrupt controller structures */
	ACPI_SUB_IVHD,		/* device entries of an IVHD block */
};

struct acpi_sub {
	size_t off;		/* from the table's start */
	size_t len;		/* 0: an IVHD entry type of unknown length */
	unsigned int type;
};

/* Little-endian, width bytes at off; 0 when it does not fit in n. */
static inline uint64_t acpi_get(const uint8_t *b, size_t n, size_t off, int width)
{
	uint64_t v = 0;

	if (off > n || (size_t)width > n - off)
		return 0;
	for (int i = width - 1; i >= 0; i--)
		v = v << 8 | b[off + i];
	return v;
}

/*
 * The structure at *off, before end (at most the table's length n): 1 with
 * *s filled and *off moved past it; 0 when no structure header fits any
 * more (*off then says where the unread tail starts); -1 when its length is
 * below the header's or runs past end (*s says which, *off unchanged).
 */
int acpi_sub_next(enum acpi_sub_kind kind, const uint8_t *b, size_t end, size_t *off,
		  struct acpi_sub *s);

#endif
