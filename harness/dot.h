/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The picture of a replay (Graphviz dot): the PCI tree as the bundle's
 * bridges wire it, each IOMMU group the kernel formed as a cluster, the
 * IOMMU units the kernel attached to them, ACS-capable functions marked,
 * DMA aliases as edges, and the verdict's counterexamples in red.  It
 * draws what the observation and the verdict say; it decides nothing.
 */
#ifndef ISOFUZZ_DOT_H
#define ISOFUZZ_DOT_H

#include <stdio.h>

#include <isofuzz/platform.h>

#include "verdict.h"

void dot_write(FILE *out, const char *title, const struct platform *p,
	       const struct observation *obs, const struct sv_verdict *v);
/*
 * Render dot_path with Graphviz into path in format ("svg", "png"): 0, or
 * -1 with a message on stderr (dot not installed, or it failed).
 */
int dot_render(const char *dot_path, const char *format, const char *path);

#endif
