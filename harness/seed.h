/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ISOFUZZ_SEED_H
#define ISOFUZZ_SEED_H

#include <stddef.h>

enum seed_target { SEED_PIPELINE, SEED_DMAR, SEED_IVRS };

/*
 * Write seeds into corpus from dirs (table files, or bundles' tables) and,
 * for the pipeline, generated platforms.  count: seeds written.  0 or -1.
 */
int seed_corpus(const char *corpus, enum seed_target target, const char *const *dirs,
		size_t nr_dirs, unsigned *count);

#endif
