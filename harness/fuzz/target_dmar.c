// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's DMAR parsers on raw bytes: the input is the DMAR table,
 * on a small fixed machine (a root port with an endpoint, an RCiEP, one
 * unit, one IOAPIC).  No solver: a crash or sanitizer report in the
 * kernel's code is the finding: ASan's written here (kernel_report.c,
 * into ISOFUZZ_FINDINGS=DIR when set), the others by libFuzzer's artifact.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "grammar.h"
#include "kernel_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct g_node *root;
	struct platform p;
	struct observation obs;
	struct finding run = { .platform = &p, .input = data, .input_len = size };
	const char *findings = getenv("ISOFUZZ_FINDINGS");
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
	run.tree = root;
	kernel_report_arm(&run, findings && *findings ? findings : NULL);
	kshim_run(&p, &obs);
	kernel_report_disarm();
	observation_release(&obs);
	platform_release(&p);
	return 0;
}
