// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's IVRS parsers on raw bytes: the input is the IVRS table, on
 * a small fixed AMD machine (the IOMMU at 00:00.2, a root port with an
 * endpoint, an RCiEP, the FCH function 00:14.0, one IOAPIC).  The
 * kernel's AMD-Vi code walks it from detection to probe (checksum, IVHD
 * type choice, device entries, special devices, IVMD).  A crash, hang or
 * sanitizer report in the kernel's code is the finding (raw_table.c).
 */
#include "raw_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return raw_table_run("IVRS", g_platform_small_amd, data, size);
}
