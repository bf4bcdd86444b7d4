/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MMIO.  No register file is mapped yet: ioremap() fails the way it fails
 * on a machine where the region is unavailable, and the kernel's callers
 * (the Intel PCH ACS quirk reading RCBA) take their error path.
 */
#ifndef KSHIM_IO_H
#define KSHIM_IO_H

#include "types.h"

void __iomem *ioremap(phys_addr_t addr, size_t size);
void iounmap(volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
void writel(u32 val, volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeq(u64 val, volatile void __iomem *addr);
u16 ioread16(const volatile void __iomem *addr);
u32 ioread32(const volatile void __iomem *addr);
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)

#endif
