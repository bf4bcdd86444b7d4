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
/*
 * cfg's indices sorted by (segment, bus, devfn), ties in platform order:
 * enumeration reads the vendor ID of all 256 devfns of every bus, so each
 * read is a binary search rather than a walk over every function.
 */
static uint32_t *by_bdf;

static uint64_t make_key(unsigned int segment, unsigned int bus, unsigned int devfn, size_t index)
{
	return (uint64_t)segment << 48 | (uint64_t)bus << 40 | (uint64_t)devfn << 32 | index;
}

static uint64_t key(const struct platform_pci_function *f, size_t index)
{
	return make_key(f->segment, f->bus, f->devfn, index);
}

static int by_key(const void *a, const void *b)
{
	uint64_t ka = key(&cfg[*(const uint32_t *)a], *(const uint32_t *)a);
	uint64_t kb = key(&cfg[*(const uint32_t *)b], *(const uint32_t *)b);

	return ka < kb ? -1 : ka > kb;
}

void kshim_config_load(const struct platform *platform)
{
	kshim_config_release();
	nr_cfg = platform->nr_functions;
	if (!nr_cfg)
		return;
	cfg = malloc(nr_cfg * sizeof(*cfg));
	by_bdf = malloc(nr_cfg * sizeof(*by_bdf));
	if (!cfg || !by_bdf) {
		kshim_config_release();
		return;
	}
	memcpy(cfg, platform->functions, nr_cfg * sizeof(*cfg));
	for (size_t i = 0; i < nr_cfg; i++)
		by_bdf[i] = (uint32_t)i;
	qsort(by_bdf, nr_cfg, sizeof(*by_bdf), by_key);
}

void kshim_config_release(void)
{
	free(cfg);
	free(by_bdf);
	cfg = NULL;
	by_bdf = NULL;
	nr_cfg = 0;
}

/* The first function (in platform order) at bus/devfn, or NULL. */
static struct platform_pci_function *lookup(struct pci_bus *bus, unsigned int devfn)
{
	uint64_t want = make_key(bus->domain_nr, bus->number, devfn, 0);
	size_t lo = 0, hi = nr_cfg;

	while (lo < hi) {		/* lower bound of want */
		size_t mid = lo + (hi - lo) / 2;

		if (key(&cfg[by_bdf[mid]], by_bdf[mid]) < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nr_cfg && key(&cfg[by_bdf[lo]], 0) == want)
		return &cfg[by_bdf[lo]];
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
