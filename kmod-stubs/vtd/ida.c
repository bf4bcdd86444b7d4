// SPDX-License-Identifier: GPL-2.0-only
/* IDs the kernel's ida hands out: the lowest free number in a range. */
#include <kshim/vtd.h>

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	unsigned int limit = sizeof(ida->used) * 8;

	for (unsigned int id = min; id <= max && id < limit; id++) {
		if (!(ida->used[id / 64] & (1ULL << (id % 64)))) {
			ida->used[id / 64] |= 1ULL << (id % 64);
			return id;
		}
	}
	return -ENOSPC;
}

void ida_free(struct ida *ida, unsigned int id)
{
	if (id < sizeof(ida->used) * 8)
		ida->used[id / 64] &= ~(1ULL << (id % 64));
}
