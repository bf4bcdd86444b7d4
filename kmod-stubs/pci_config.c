// SPDX-License-Identifier: GPL-2.0-only
/*
 * The host bridge's config mechanism: the kernel's config accessors land
 * here and are served from the platform's config spaces, like ECAM on a
 * real machine.  A run works on its own copy, so the kernel's writes (ACS
 * control, ARI forwarding, the INTx probe) are seen by its later reads but
 * never leak into the next run.  A function that does not exist, or an
 * offset past what the bundle recorded, reads as all ones, which is what
 * the kernel's enumeration code expects of absent hardware.
 */
#include <stdlib.h>

#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include "kshim_internal.h"

static struct platform_pci_function *cfg;
static size_t nr_cfg;

void kshim_config_load(const struct platform *platform)
{
	kshim_config_release();
	nr_cfg = platform->nr_functions;
	if (!nr_cfg)
		return;
	cfg = malloc(nr_cfg * sizeof(*cfg));
	if (cfg)
		memcpy(cfg, platform->functions, nr_cfg * sizeof(*cfg));
	else
		nr_cfg = 0;
}

void kshim_config_release(void)
{
	free(cfg);
	cfg = NULL;
	nr_cfg = 0;
}

static struct platform_pci_function *lookup(struct pci_bus *bus, unsigned int devfn)
{
	for (size_t i = 0; i < nr_cfg; i++)
		if (cfg[i].segment == bus->domain_nr && cfg[i].bus == bus->number &&
		    cfg[i].devfn == devfn)
			return &cfg[i];
	return NULL;
}

static int cfg_read(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val)
{
	struct platform_pci_function *f = lookup(bus, devfn);

	if (!f || where < 0 || (size_t)where + size > f->config_size) {
		*val = size == 4 ? ~0u : (1u << (8 * size)) - 1;
		return PCIBIOS_SUCCESSFUL;
	}
	*val = 0;
	for (int i = 0; i < size; i++)
		*val |= (u32)f->config[where + i] << (8 * i);
	return PCIBIOS_SUCCESSFUL;
}

static int cfg_write(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val)
{
	struct platform_pci_function *f = lookup(bus, devfn);

	if (!f || where < 0 || (size_t)where + size > f->config_size)
		return PCIBIOS_SUCCESSFUL;	/* a write to nothing goes nowhere */
	for (int i = 0; i < size; i++)
		f->config[where + i] = val >> (8 * i);
	return PCIBIOS_SUCCESSFUL;
}

struct pci_ops kshim_pci_ops = { .read = cfg_read, .write = cfg_write };

/* the alignment rule of drivers/pci/access.c: a misaligned access is refused */
#define KSHIM_BUS_READ(size, type, len)						\
int pci_bus_read_config_##size(struct pci_bus *bus, unsigned int devfn,	\
			       int pos, type *value)				\
{										\
	u32 data = 0;								\
	int res;								\
										\
	if (pos & (len - 1))							\
		return PCIBIOS_BAD_REGISTER_NUMBER;				\
	res = bus->ops->read(bus, devfn, pos, len, &data);			\
	if (res)								\
		PCI_SET_ERROR_RESPONSE(value);					\
	else									\
		*value = (type)data;						\
	return res;								\
}
#define KSHIM_BUS_WRITE(size, type, len)					\
int pci_bus_write_config_##size(struct pci_bus *bus, unsigned int devfn,	\
				int pos, type value)				\
{										\
	if (pos & (len - 1))							\
		return PCIBIOS_BAD_REGISTER_NUMBER;				\
	return bus->ops->write(bus, devfn, pos, len, value);			\
}
KSHIM_BUS_READ(byte, u8, 1)
KSHIM_BUS_READ(word, u16, 2)
KSHIM_BUS_READ(dword, u32, 4)
KSHIM_BUS_WRITE(byte, u8, 1)
KSHIM_BUS_WRITE(word, u16, 2)
KSHIM_BUS_WRITE(dword, u32, 4)

/* arch/x86/pci: without VMD domains a device's DMA comes from itself */
struct pci_dev *pci_real_dma_dev(struct pci_dev *dev)
{
	return dev;
}

/* arch/x86/pci pcibios_setup(): none of its options bear on grouping */
char *pcibios_setup(char *str)
{
	return str;
}

unsigned int pci_flags;
const int pci_dev_type;

/* arch/x86/pci/early.c's type-1 access, before buses exist: segment 0 only */
static u32 early_read(u8 bus, u8 slot, u8 func, u8 offset, int size)
{
	struct pci_bus b = { .domain_nr = 0, .number = bus };
	u32 v;

	cfg_read(&b, PCI_DEVFN(slot, func), offset, size, &v);
	return v;
}

u8 read_pci_config_byte(u8 bus, u8 slot, u8 func, u8 offset)
{
	return early_read(bus, slot, func, offset, 1);
}

u32 read_pci_config(u8 bus, u8 slot, u8 func, u8 offset)
{
	return early_read(bus, slot, func, offset, 4);
}
