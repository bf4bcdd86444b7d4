/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Findings the regression corpus explains (corpus/regression/NAME/explains):
 * known; the others are new.  See corpus/regression/README.md.
 */
#ifndef ISOFUZZ_KNOWN_H
#define ISOFUZZ_KNOWN_H

#include <stdio.h>

int known_explained(const char *corpus, const char *sig, char *name, size_t size);
void known_count(const char *corpus, const char *findings, unsigned *known, unsigned *fresh);
void known_list(const char *corpus, const char *findings, FILE *out);

#endif
