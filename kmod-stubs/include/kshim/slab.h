/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel memory allocation.  Every allocation the compiled code makes is
 * tracked by the shim (kmod-stubs/alloc.c) so that a run ends by freeing
 * whatever the kernel code kept, and the next run starts from nothing.
 */
#ifndef KSHIM_SLAB_H
#define KSHIM_SLAB_H

#include "types.h"

#define GFP_KERNEL 0u
#define GFP_ATOMIC 1u
#define GFP_NOWAIT 2u
#define __GFP_ZERO 0x100u

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t size, gfp_t flags);
void kfree(const void *p);
char *kstrdup(const char *s, gfp_t flags);
#define kmalloc_array(n, s, f) kcalloc(n, s, f)
#define kvfree kfree

#endif
