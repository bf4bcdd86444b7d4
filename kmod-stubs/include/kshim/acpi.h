/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI table access as ACPICA offers it to the kernel: acpi_get_table()
 * over the platform's tables (kmod-stubs/acpi_tables.c).  The header
 * layout is the ACPI specification's (section 5.2.6).
 */
#ifndef KSHIM_ACPI_H
#define KSHIM_ACPI_H

#include "types.h"

typedef u32 acpi_status;
typedef u64 acpi_physical_address;
#define AE_OK ((acpi_status)0)
#define AE_NOT_FOUND ((acpi_status)5)
#define ACPI_SUCCESS(s) ((s) == AE_OK)
#define ACPI_FAILURE(s) ((s) != AE_OK)
#define ACPI_NAMESEG_SIZE 4
/* ACPICA's variable-length member (a zero-length array, GNU C) */
#define ACPI_FLEX_ARRAY(type, name) type name[0]
#define ACPI_OEM_ID_SIZE 6
#define ACPI_OEM_TABLE_ID_SIZE 8

struct acpi_table_header {
	char signature[ACPI_NAMESEG_SIZE];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[ACPI_OEM_ID_SIZE];
	char oem_table_id[ACPI_OEM_TABLE_ID_SIZE];
	u32 oem_revision;
	char asl_compiler_id[ACPI_NAMESEG_SIZE];
	u32 asl_compiler_revision;
} __packed;

acpi_status acpi_get_table(char *signature, u32 instance,
			   struct acpi_table_header **out_table);
void acpi_put_table(struct acpi_table_header *table);

#endif
