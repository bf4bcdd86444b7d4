/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fuzz input of the pipeline target (a campaign's corpus entry, a
 * finding's `input`) as replay input: the grammar turns it into the same
 * platform the target ran, so `replay --input` shows what the campaign saw
 * and verify-patch can run one input through two builds.
 */
#ifndef ISOFUZZ_FUZZ_INPUT_H
#define ISOFUZZ_FUZZ_INPUT_H

#include "bundle.h"
#include "diag.h"

/* The fuzz target's limit (fuzz_cmd.c: -max_len) */
#define FUZZ_INPUT_MAX 65536

/*
 * Load the input at path into b.  0, or -1 with d set: unreadable, too
 * long, or a platform without a PCI function (which the target skips).
 * Release b with bundle_release() either way.
 */
int fuzz_input_load(struct bundle *b, const char *path, struct diag *d);

#endif
