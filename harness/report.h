/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ISOFUZZ_REPORT_H
#define ISOFUZZ_REPORT_H

#include <stdio.h>

#include <isofuzz/platform.h>

/* IOMMU units, interrupt remapping, MSI isolation and reserved regions. */
void report_units(const struct observation *obs, FILE *out);
/* Each function with its IDs, its name from pci.ids and its port type. */
void report_functions(const struct observation *obs, FILE *out);

#endif
