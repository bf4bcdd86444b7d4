/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine bundles (DESIGN.md, "The machine bundle"): a directory mirroring
 * a real machine's sysfs and procfs.  Loading one checks what the kernel
 * could not sensibly be handed (a config space too short to hold a header,
 * a capability list that loops) and names the file and offset at fault.
 */
#ifndef ISOFUZZ_BUNDLE_H
#define ISOFUZZ_BUNDLE_H

#include <stdbool.h>

#include <isofuzz/platform.h>

#include "diag.h"
#include "partition.h"

struct bundle {
	char *path;
	struct platform platform;
	bool has_expected;
	struct partition expected;	/* expected/iommu_groups */
};

/* 0, or -1 with d set (bad input). */
int bundle_load(struct bundle *b, const char *path, struct diag *d);
void bundle_release(struct bundle *b);
/*
 * bundle_write.c: write p as a bundle under dir (created), the inverse of
 * bundle_load; 0, or -1 with d set.
 */
int bundle_write(const struct platform *p, const char *dir, struct diag *d);

#endif
