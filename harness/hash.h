/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FNV-1a, 64 bits: a stable name for a tree's build directory, and the
 * identity of a fuzz input between a campaign and verify-patch (collisions
 * among a campaign's ~10^5 inputs: ~10^-9).
 */
#ifndef ISOFUZZ_HASH_H
#define ISOFUZZ_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t fnv1a(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

#endif
