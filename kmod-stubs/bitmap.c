// SPDX-License-Identifier: GPL-2.0-only
/* Bitmap searches and ranges over unsigned long arrays (lib/find_bit.c's interface). */
#include <kshim/kernel.h>

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	for (; offset < size; offset++)
		if (test_bit(offset, addr))
			return offset;
	return size;
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		set_bit(start + i, map);
}
