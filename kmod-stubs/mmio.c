// SPDX-License-Identifier: GPL-2.0-only
/*
 * MMIO on trees without the VT-d code (see CMakeLists.txt): nothing is
 * mapped; ioremap() fails and callers take their error path.  With VT-d,
 * kmod-stubs/vtd/vtd_regs.c maps the DRHD register files instead.
 */
#include <kshim/kernel.h>
#ifndef KSHIM_VTD

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
#endif
