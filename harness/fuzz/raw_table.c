// SPDX-License-Identifier: GPL-2.0-only
/* One raw table on a fixed machine: what target_dmar.c and target_ivrs.c share. */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "kernel_report.h"
#include "raw_table.h"

int raw_table_run(const char *signature, struct g_node *(*machine)(void),
		  const uint8_t *data, size_t size)
{
	/* one fixed machine per process: the targets each have one table kind */
	static struct g_node *root;
	struct platform p;
	struct observation obs;
	struct finding run = { .platform = &p, .input = data, .input_len = size };
	const char *findings = getenv("ISOFUZZ_FINDINGS");
	uint8_t *copy;

	if (!root)
		root = machine();
	if (!root || g_build(root, &p))
		return 0;
	copy = malloc(size ? size : 1);
	if (copy)
		memcpy(copy, data, size);
	if (!copy || g_platform_set_table(&p, signature, copy, size)) {
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
