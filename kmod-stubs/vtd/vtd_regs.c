// SPDX-License-Identifier: GPL-2.0-only
/*
 * The DRHD register files behind ioremap(): one per DRHD base address in
 * the platform's DMAR, holding the version, the capability registers from
 * the bundle (sys/class/iommu/dmarN/intel-iommu/{cap,ecap}) or stated
 * defaults, and behaving as the VT-d specification (chapter 11) says for
 * what the kernel does at boot:
 *  - the Global Command register's persistent bits (TE, QIE, IRE, CFI) are
 *    reflected in Global Status, its one-shot bits (SRTP, SFL, SIRTP, EAFL)
 *    set their status bit, a write-buffer flush completes at once;
 *  - a unit without interrupt remapping in ECAP ignores IRE/SIRTP, and one
 *    without queued invalidation ignores QIE (the kernel then waits in vain
 *    and reports the unit as malfunctioning, as on real hardware);
 *  - the invalidation queue is processed when the tail is written:
 *    invalidation-wait descriptors with Status Write store their status.
 * Everything else reads back what was written.  Any other address reads as
 * all-ones, like an unmapped bus.
 */
#include <stdio.h>
#include <stdlib.h>

#include <kshim/vtd.h>
#include "../kshim_internal.h"

/*
 * Past every offset cap/ecap can name: the fault recording registers end
 * by 0x3ff * 16 + 256 * 16, the IOTLB registers by 0x3ff * 16 + 16.
 */
#define REGFILE_SIZE 0x5000

struct regfile {
	u64 base;
	bool defaults;		/* no registers in the bundle: stated defaults */
	u8 regs[REGFILE_SIZE];
};

static struct regfile *files;
static size_t nr_files;

/* QEMU's unit with interrupt remapping and EIM (tests/bundles/ir-eim-xapic) */
const uint64_t kshim_vtd_default_cap = 0xd2008c22260206ULL;
const uint64_t kshim_vtd_default_ecap = 0xf00f5aULL;

static u64 get(struct regfile *f, unsigned off, int size)
{
	return kshim_reg_get(f->regs + off, size);
}

static void put(struct regfile *f, unsigned off, int size, u64 v)
{
	kshim_reg_put(f->regs + off, size, v);
}

static struct regfile *find(const volatile void *addr, unsigned *off, int size)
{
	for (size_t i = 0; i < nr_files; i++)
		if (kshim_reg_in(addr, size, files[i].regs, REGFILE_SIZE, off))
			return &files[i];
	return NULL;
}

static void global_command(struct regfile *f, u32 cmd)
{
	u64 ecap = get(f, DMAR_ECAP_REG, 8);
	u32 persistent = DMA_GCMD_TE | DMA_GCMD_QIE | DMA_GCMD_IRE | DMA_GCMD_CFI;
	u32 oneshot = DMA_GCMD_SRTP | DMA_GCMD_SFL | DMA_GCMD_SIRTP | DMA_GCMD_EAFL;
	u32 sts = get(f, DMAR_GSTS_REG, 4);

	if (!ecap_ir_support(ecap))
		cmd &= ~(DMA_GCMD_IRE | DMA_GCMD_SIRTP | DMA_GCMD_CFI);
	if (!ecap_qis(ecap))
		cmd &= ~DMA_GCMD_QIE;
	/* GCMD and GSTS share bit positions (VT-d 11.4.4, 11.4.5) */
	sts = (sts & ~persistent) | (cmd & persistent);
	sts |= cmd & oneshot;
	sts &= ~DMA_GSTS_WBFS;
	put(f, DMAR_GSTS_REG, 4, sts);
	if (cmd & DMA_GCMD_QIE)
		put(f, DMAR_IQH_REG, 8, get(f, DMAR_IQT_REG, 8));
}

/* Process the invalidation queue from head to the new tail (VT-d 6.5.2). */
static void queue_tail(struct regfile *f)
{
	u64 iqa = get(f, DMAR_IQA_REG, 8);
	unsigned shift = (iqa & (1 << 11)) ? 5 : 4;	/* 256-bit descriptors */
	u64 entries = (1ULL << ((iqa & 7) + 12)) >> shift;
	u64 head = get(f, DMAR_IQH_REG, 8) >> shift;
	u64 tail = get(f, DMAR_IQT_REG, 8) >> shift;
	u8 *queue = phys_to_virt(iqa & VTD_PAGE_MASK);

	if (!(get(f, DMAR_GSTS_REG, 4) & DMA_GSTS_QIES) || !queue || tail >= entries)
		return;
	for (u64 n = 0; head != tail && n < entries; n++) {
		struct qi_desc *d = (struct qi_desc *)(queue + (head << shift));

		if ((d->qw0 & 0xf) == QI_IWD_TYPE && (d->qw0 & QI_IWD_STATUS_WRITE)) {
			u32 *status = phys_to_virt(d->qw1 & ~3ULL);

			if (status)
				*status = d->qw0 >> 32;
		}
		head = (head + 1) % entries;
	}
	put(f, DMAR_IQH_REG, 8, head << shift);
}

static void reg_write(struct regfile *f, unsigned off, int size, u64 v)
{
	if (off == DMAR_VER_REG || off == DMAR_CAP_REG || off == DMAR_ECAP_REG ||
	    off == DMAR_GSTS_REG)
		return;		/* read-only */
	put(f, off, size, v);
	if (off == DMAR_GCMD_REG)
		global_command(f, v);
	else if (off == DMAR_IQT_REG)
		queue_tail(f);
	else if (off == DMAR_FSTS_REG)
		put(f, off, size, 0);	/* write-1-to-clear: nothing ever faults */
}

bool kshim_vtd_load(const struct platform *platform)
{
	struct acpi_table_header *t;
	size_t n = 0;

	kshim_vtd_release();
	if (ACPI_FAILURE(acpi_get_table(ACPI_SIG_DMAR, 0, &t)))
		return false;
	if (t->length < sizeof(struct acpi_table_dmar))
		return true;	/* the kernel's walk finds no structure in it */
	/* one register file per distinct DRHD base, in table order (dmarN) */
	for (int pass = 0; pass < 2; pass++) {
		u8 *p = (u8 *)t + sizeof(struct acpi_table_dmar), *end = (u8 *)t + t->length;

		while (p + sizeof(struct acpi_dmar_header) <= end) {
			struct acpi_dmar_header *h = (void *)p;

			if (h->length < sizeof(*h) || p + h->length > end)
				break;
			if (h->type == ACPI_DMAR_TYPE_HARDWARE_UNIT &&
			    h->length >= sizeof(struct acpi_dmar_hardware_unit)) {
				u64 base = ((struct acpi_dmar_hardware_unit *)h)->address;
				bool dup = false;

				for (size_t i = 0; pass && i < nr_files; i++)
					dup |= files[i].base == base;
				if (pass && !dup) {
					struct regfile *f = &files[nr_files];
					const struct platform_iommu_regs *r = NULL;
					char name[16];

					/* sysfs names units dmar<seq_id>: the Nth unit the kernel allocated */
					snprintf(name, sizeof(name), "dmar%zu", nr_files);
					for (size_t i = 0; i < platform->nr_iommus; i++)
						if (!platform->iommus[i].amd &&
						    (platform->iommus[i].reg_base ? platform->iommus[i].reg_base == base
						     : !strcmp(platform->iommus[i].name, name)))
							r = &platform->iommus[i];
					f->base = base;
					put(f, DMAR_VER_REG, 4, 0x10);
					put(f, DMAR_CAP_REG, 8, r ? r->cap : kshim_vtd_default_cap);
					put(f, DMAR_ECAP_REG, 8, r ? r->ecap : kshim_vtd_default_ecap);
					f->defaults = !r;
					nr_files++;
				}
				n += !pass;
			}
			p += h->length;
		}
		if (!pass) {
			files = calloc(n ? n : 1, sizeof(*files));
			if (!files)
				return true;
		}
	}
	return true;
}

void kshim_vtd_release(void)
{
	free(files);
	files = NULL;
	nr_files = 0;
}

/* whether unit @base ran on the stated default registers */
int kshim_vtd_defaults(uint64_t base)
{
	for (size_t i = 0; i < nr_files; i++)
		if (files[i].base == base)
			return files[i].defaults;
	return false;
}

void __iomem *ioremap(phys_addr_t addr, size_t size)
{
	/* units may sit a page apart: a unit's own base wins over a neighbour's window */
	for (size_t i = 0; i < nr_files; i++)
		if (addr == files[i].base)
			return files[i].regs;
	for (size_t i = 0; i < nr_files; i++)
		if (addr >= files[i].base && addr - files[i].base < REGFILE_SIZE)
			return files[i].regs + (addr - files[i].base);
#ifdef KSHIM_AMD
	return kshim_amd_ioremap(addr, size);
#else
	/* nothing else is mapped: callers take their error path */
	return NULL;
#endif
}

void iounmap(volatile void __iomem *addr)
{
}

/* other addresses: the AMD-Vi register files (kmod-stubs/amd/amd_regs.c) */
#ifdef KSHIM_AMD
#define KSHIM_AMD_READ(addr, size, v) kshim_amd_read(addr, size, v)
#define KSHIM_AMD_WRITE(addr, size, v) kshim_amd_write(addr, size, v)
#else
#define KSHIM_AMD_READ(addr, size, v) do { } while (0)
#define KSHIM_AMD_WRITE(addr, size, v) do { } while (0)
#endif

#define ACCESSORS(name, type, size)						\
type read##name(const volatile void __iomem *addr)				\
{										\
	unsigned off;								\
	struct regfile *f = find(addr, &off, size);				\
	u64 v = ~0ULL;								\
										\
	if (f)									\
		v = get(f, off, size);						\
	else									\
		KSHIM_AMD_READ(addr, size, &v);					\
	return v;								\
}										\
void write##name(type val, volatile void __iomem *addr)			\
{										\
	unsigned off;								\
	struct regfile *f = find(addr, &off, size);				\
										\
	if (f)									\
		reg_write(f, off, size, val);					\
	else									\
		KSHIM_AMD_WRITE(addr, size, val);				\
}
ACCESSORS(l, u32, 4)
ACCESSORS(q, u64, 8)

u16 ioread16(const volatile void __iomem *addr)
{
	return 0xffff;
}

u32 ioread32(const volatile void __iomem *addr)
{
	return readl(addr);
}
