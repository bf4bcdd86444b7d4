/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fuzz targets' answer to an ASan report in the kernel's code: the
 * target writes the finding itself and, as a kernel with KASAN does, goes
 * on after a bad read (kernel_report.c says why and when not).
 */
#ifndef ISOFUZZ_KERNEL_REPORT_H
#define ISOFUZZ_KERNEL_REPORT_H

#include "finding.h"

/*
 * Around kshim_run: what a report during the run is a finding of (its
 * platform, tree and input; signature, what and log are filled in), and
 * the findings folder (NULL: none written, the report on stderr only).
 */
void kernel_report_arm(const struct finding *run, const char *findings);
/* 1: the run had a report (its finding written), and its result is no verdict's */
int kernel_report_disarm(void);

#endif
