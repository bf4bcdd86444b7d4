// SPDX-License-Identifier: GPL-2.0-only
/* acpi_get_table() over the platform's firmware tables. */
#include <kshim/kernel.h>
#include "kshim_internal.h"

static const struct platform *tables_of;

void kshim_acpi_load(const struct platform *platform)
{
	tables_of = platform;
}

acpi_status acpi_get_table(char *signature, u32 instance,
			   struct acpi_table_header **out_table)
{
	u32 seen = 0;

	/* ACPICA numbers instances from 1; 0 means the first as well */
	if (instance == 0)
		instance = 1;
	for (size_t i = 0; tables_of && i < tables_of->nr_tables; i++) {
		const struct platform_table *t = &tables_of->tables[i];

		if (strncmp(t->signature, signature, 4) ||
		    t->len < sizeof(struct acpi_table_header))
			continue;
		if (++seen == instance) {
			*out_table = (struct acpi_table_header *)t->data;
			return AE_OK;
		}
	}
	return AE_NOT_FOUND;
}

void acpi_put_table(struct acpi_table_header *table)
{
}
