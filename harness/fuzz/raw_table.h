/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ISOFUZZ_RAW_TABLE_H
#define ISOFUZZ_RAW_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "build.h"
#include "grammar.h"

/*
 * The parser-only targets' one input: data as the table named signature
 * ("DMAR", "IVRS") on the fixed machine machine() builds (once), run
 * through the kernel's code.  No solver: a crash or sanitizer report in the
 * kernel's code is the finding: ASan's written by kernel_report.c (into
 * ISOFUZZ_FINDINGS=DIR when set), the others by libFuzzer's artifact.
 */
int raw_table_run(const char *signature, struct g_node *(*machine)(void),
		  const uint8_t *data, size_t size);

#endif
