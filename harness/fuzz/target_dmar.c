// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's DMAR parsers on raw bytes: the input is the DMAR table,
 * on a small fixed machine (a root port with an endpoint, an RCiEP, one
 * unit, one IOAPIC).  A crash or sanitizer report in the kernel's code is
 * the finding (raw_table.c).
 */
#include "raw_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return raw_table_run("DMAR", g_platform_small, data, size);
}
