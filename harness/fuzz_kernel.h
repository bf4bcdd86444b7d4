/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ISOFUZZ_FUZZ_KERNEL_H
#define ISOFUZZ_FUZZ_KERNEL_H

/*
 * Build this checkout's isofuzz and fuzz_TARGET (pipeline, dmar, ivrs)
 * against tree (a directory or a linux-source version; cached under cache,
 * or the default cache when NULL) and replace this process with that
 * build's `isofuzz fuzz ARGS...` (args: NULL-terminated).
 * Returns only on failure: the exit status.
 */
int fuzz_kernel_exec(const char *tree, const char *cache, const char *target,
		     char *const *args);

#endif
