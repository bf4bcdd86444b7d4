// SPDX-License-Identifier: GPL-2.0-only
/*
 * A kernel log carries the VT-d units' registers: dmar.c's alloc_iommu()
 * prints "DMAR: dmar0: reg_base_addr fedc0000 ver 1:0 cap ... ecap ...".
 * Those are the values sysfs shows under sys/class/iommu/dmarN/intel-iommu,
 * so an imported bundle replays with the machine's cap/ecap instead of
 * defaults.  Lines that do not parse are not the driver's: skipped.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "lines.h"

int import_dmesg(struct import *im, const char *path, const char *text, size_t len,
		 struct diag *d)
{
	struct lines l;
	const char *s;

	lines_init(&l, text, len);
	while ((s = lines_next(&l))) {
		const char *p = strstr(s, "DMAR: dmar");
		struct platform_iommu_regs r = { 0 }, *nr;
		unsigned int unit, major, minor;
		int n = 0;

		if (!p || sscanf(p, "DMAR: dmar%u: reg_base_addr %" SCNx64 " ver %u:%u cap %" SCNx64
				 " ecap %" SCNx64 "%n", &unit, &r.reg_base, &major, &minor, &r.cap,
				 &r.ecap, &n) != 6 || !n || unit > 4096)
			continue;
		snprintf(r.name, sizeof(r.name), "dmar%u", unit);
		/* a log of several boots: the first one counts */
		for (size_t i = 0; i < im->nr_iommus; i++)
			if (!strcmp(im->iommus[i].name, r.name))
				goto next;
		nr = realloc(im->iommus, (im->nr_iommus + 1) * sizeof(*nr));
		if (!nr) {
			diag_set(d, path, NULL, "out of memory");
			return -1;
		}
		im->iommus = nr;
		im->iommus[im->nr_iommus++] = r;
next:;
	}
	return 0;
}
