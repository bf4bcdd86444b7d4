// SPDX-License-Identifier: GPL-2.0-only
/* MMIO: nothing is mapped yet (see kshim/io.h). */
#include <kshim/kernel.h>

void __iomem *ioremap(phys_addr_t addr, size_t size)
{
	return NULL;
}

void iounmap(volatile void __iomem *addr)
{
}

u32 readl(const volatile void __iomem *addr)
{
	return ~0u;
}

void writel(u32 val, volatile void __iomem *addr)
{
}

u16 ioread16(const volatile void __iomem *addr)
{
	return 0xffff;
}

u32 ioread32(const volatile void __iomem *addr)
{
	return ~0u;
}
