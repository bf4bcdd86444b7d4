/* SPDX-License-Identifier: GPL-2.0-only */
/* Bit operations and bitmaps on unsigned long arrays, kernel semantics. */
#ifndef KSHIM_BITOPS_H
#define KSHIM_BITOPS_H

#include "types.h"

static inline bool test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	return (addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

static inline void set_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

static inline bool test_and_set_bit(unsigned long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	set_bit(nr, addr);
	return old;
}

static inline void assign_bit(unsigned long nr, volatile unsigned long *addr, bool v)
{
	if (v)
		set_bit(nr, addr);
	else
		clear_bit(nr, addr);
}

#define __set_bit set_bit
#define __clear_bit clear_bit
#define __assign_bit assign_bit

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
#define find_first_bit(addr, size) find_next_bit(addr, size, 0)
#define for_each_set_bit(bit, addr, size)			\
	for ((bit) = find_next_bit((addr), (size), 0);		\
	     (bit) < (size);					\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
void bitmap_free(const unsigned long *bitmap);
void bitmap_set(unsigned long *map, unsigned int start, unsigned int len);

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

static inline int hweight32(u32 w) { return __builtin_popcount(w); }
static inline int hweight16(u16 w) { return __builtin_popcount(w); }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
static inline unsigned long __ffs(unsigned long x) { return __builtin_ctzl(x); }

#endif
