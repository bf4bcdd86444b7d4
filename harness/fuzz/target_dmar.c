// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's DMAR parsers on raw bytes: the input is the DMAR table,
 * on a small fixed machine (a root port with an endpoint, an RCiEP, one
 * unit, one IOAPIC).  No solver: a crash or sanitizer report in the
 * kernel's code is the finding, and libFuzzer keeps the input.
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
		root = g_platform_small();
	if (!root || g_build(root, &p))
		return 0;
	copy = malloc(size ? size : 1);
	if (copy)
		memcpy(copy, data, size);
	if (!copy || g_platform_set_table(&p, "DMAR", copy, size)) {
		platform_release(&p);
		return 0;
	}
	kshim_run(&p, &obs);
	observation_release(&obs);
	platform_release(&p);
	return 0;
}
