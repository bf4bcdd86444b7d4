/* SPDX-License-Identifier: GPL-2.0-only */
/* String helpers the kernel has and hosted C lacks, or names differently. */
#ifndef KSHIM_STRING_H
#define KSHIM_STRING_H

#include "types.h"

int sscanf(const char *str, const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
char *strchrnul(const char *s, int c);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

#endif
