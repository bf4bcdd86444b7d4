// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's IVRS parsers on raw bytes: the input is the IVRS table, on
 * a small fixed AMD machine (the IOMMU at 00:00.2, a root port with an
 * endpoint, an RCiEP, the FCH function 00:14.0, one IOAPIC).  The
 * kernel's AMD-Vi code walks it from detection to probe (checksum, IVHD
 * type choice, device entries, special devices, IVMD).  No solver: a
 * crash, hang or sanitizer report in the kernel's code is the finding,
 * and libFuzzer keeps the input.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "grammar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct g_node *root;
	struct platform p;
	struct observation obs;
	uint8_t *copy;

	if (!root)
		root = g_platform_small_amd();
	if (!root || g_build(root, &p))
		return 0;
	copy = malloc(size ? size : 1);
	if (copy)
		memcpy(copy, data, size);
	if (!copy || g_platform_set_table(&p, "IVRS", copy, size)) {
		platform_release(&p);
		return 0;
	}
	kshim_run(&p, &obs);
	observation_release(&obs);
	platform_release(&p);
	return 0;
}
