/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IOMMU groups as a partition of PCI functions: the text form of
 * expected/iommu_groups ("N: BDF BDF ..." a line per group), and the
 * comparison of two partitions regardless of how groups are numbered.
 */
#ifndef ISOFUZZ_PARTITION_H
#define ISOFUZZ_PARTITION_H

#include <stddef.h>
#include <stdio.h>

#include "bdf.h"
#include "diag.h"

struct partition_member {
	bdf_t bdf;
	int group;
};

struct partition {
	struct partition_member *members;	/* sorted by group, then BDF */
	size_t nr;
};

int partition_add(struct partition *p, bdf_t bdf, int group);
void partition_sort(struct partition *p);
void partition_release(struct partition *p);
/* Parse a groups file; 0, or -1 with d naming the file and line. */
int partition_load(struct partition *p, const char *path, struct diag *d);
void partition_print(const struct partition *p, FILE *out);
/*
 * Print how b differs from a (as "- group" / "+ group" lines, devices as
 * groups of the other side); returns the number of differing groups.
 */
int partition_diff(const struct partition *a, const char *a_name,
		   const struct partition *b, const char *b_name, FILE *out);

#endif
