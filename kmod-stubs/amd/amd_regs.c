// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AMD-Vi MMIO register files behind ioremap(): one per IVHD base
 * address in the platform's IVRS, created when the kernel maps it, so the
 * Nth file is the kernel's Nth unit (sysfs ivhd<N>).  Each holds the
 * Extended Feature registers from the bundle
 * (sys/class/iommu/ivhdN/amd-iommu/features, "EFR:EFR2" as sysfs prints
 * them) or stated defaults, and behaves as the AMD IOMMU specification
 * (doc 48882, 3.4) says for what the kernel does at boot:
 *  - the command buffer is processed when its tail is written while
 *    CmdBufEn is set: a COMPLETION_WAIT with the store bit writes its data
 *    to its address; every other command (invalidations) completes with
 *    nothing to do, since the model caches nothing; the head then equals
 *    the tail;
 *  - the Extended Feature registers are read-only.
 * Everything else (control, base registers, performance counters) reads
 * back what was written.
 */
#include <stdio.h>
#include <stdlib.h>

#include <kshim/amd.h>
#include "../kshim_internal.h"

#define REGFILE_SIZE MMIO_REG_END_OFFSET	/* up to the counter banks' end */
#define IVRS_HEADER_SIZE 48			/* ACPI header, IVinfo, reserved */

struct regfile {
	u64 base;
	bool defaults;		/* no registers in the bundle: stated defaults */
	u8 *regs;
};

static const struct platform *platform;
static u64 *bases;		/* IVHD bases in the IVRS, in table order */
static size_t nr_bases;
static struct regfile *files;	/* mapped so far, in the kernel's order */
static size_t nr_files;

/* QEMU 7.2's amd-iommu (tests/bundles-amd): PreF PPR GT IA GA HE, EFR2 0 */
const uint64_t kshim_amd_default_efr = 0x29d3;


/* The command buffer from head to the new tail (48882, 2.4). */
static void command_tail(struct regfile *f)
{
	u64 base = kshim_reg_get(f->regs + MMIO_CMD_BUF_OFFSET, 8);
	u64 len = 1ULL << ((base >> MMIO_CMD_SIZE_SHIFT) & 0xf);	/* entries */
	u8 *buf = phys_to_virt(base & GENMASK_ULL(51, 12));
	u32 head = kshim_reg_get(f->regs + MMIO_CMD_HEAD_OFFSET, 4);
	u32 tail = kshim_reg_get(f->regs + MMIO_CMD_TAIL_OFFSET, 4);

	if (!(kshim_reg_get(f->regs + MMIO_CONTROL_OFFSET, 8) & BIT_ULL(CONTROL_CMDBUF_EN)) || !buf)
		return;
	for (u64 n = 0; head != tail && n < len; n++) {
		u32 *cmd = (u32 *)(buf + head);

		if ((cmd[1] >> 28) == CMD_COMPL_WAIT && (cmd[0] & CMD_COMPL_WAIT_STORE_MASK)) {
			u64 addr = ((u64)(cmd[1] & 0xfffff) << 32) | (cmd[0] & ~7u);
			u64 *sem = phys_to_virt(addr);

			if (sem)
				*sem = (u64)cmd[3] << 32 | cmd[2];
		}
		head = (head + 16) % (len * 16);
	}
	kshim_reg_put(f->regs + MMIO_CMD_HEAD_OFFSET, 4, head);
}

static struct regfile *find(const volatile void *addr, unsigned *off, int size)
{
	for (size_t i = 0; i < nr_files; i++)
		if (kshim_reg_in(addr, size, files[i].regs, REGFILE_SIZE, off))
			return &files[i];
	return NULL;
}

bool kshim_amd_read(const volatile void *addr, int size, u64 *val)
{
	unsigned off;
	struct regfile *f = find(addr, &off, size);

	if (!f)
		return false;
	*val = kshim_reg_get(f->regs + off, size);
	return true;
}

bool kshim_amd_write(volatile void *addr, int size, u64 val)
{
	unsigned off;
	struct regfile *f = find(addr, &off, size);

	if (!f)
		return false;
	if (off >= MMIO_EXT_FEATURES && off < MMIO_EXT_FEATURES + 8)
		return true;	/* read-only */
	if (off >= MMIO_EXT_FEATURES2 && off < MMIO_EXT_FEATURES2 + 8)
		return true;
	kshim_reg_put(f->regs + off, size, val);
	if (off == MMIO_CMD_TAIL_OFFSET)
		command_tail(f);
	return true;
}

/* ioremap() of an IVHD base: its register file, created on first mapping */
void __iomem *kshim_amd_ioremap(phys_addr_t addr, size_t size)
{
	const struct platform_iommu_regs *r = NULL;
	struct regfile *f, *grown;
	bool ivhd = false;
	char name[16];

	for (size_t i = 0; i < nr_files; i++)
		if (files[i].base == addr)
			return files[i].regs;
	for (size_t i = 0; i < nr_bases; i++)
		ivhd |= bases[i] == addr;
	if (!ivhd || size > REGFILE_SIZE)
		return NULL;
	grown = realloc(files, (nr_files + 1) * sizeof(*files));
	if (!grown)
		return NULL;
	files = grown;
	f = &files[nr_files];
	f->regs = calloc(1, REGFILE_SIZE);
	if (!f->regs)
		return NULL;
	/* sysfs names units ivhd<index>: the Nth unit the kernel mapped */
	snprintf(name, sizeof(name), "ivhd%zu", nr_files);
	for (size_t i = 0; platform && i < platform->nr_iommus; i++)
		if (platform->iommus[i].amd &&
		    (platform->iommus[i].reg_base ? platform->iommus[i].reg_base == addr
		     : !strcmp(platform->iommus[i].name, name)))
			r = &platform->iommus[i];
	f->base = addr;
	f->defaults = !r;
	kshim_reg_put(f->regs + MMIO_EXT_FEATURES, 8, r ? r->amd_features : kshim_amd_default_efr);
	kshim_reg_put(f->regs + MMIO_EXT_FEATURES2, 8, r ? r->amd_features2 : 0);
	nr_files++;
	return f->regs;
}

/* The IVHD bases of the platform's IVRS; whether it has an IVRS. */
bool kshim_amd_load(const struct platform *p)
{
	struct acpi_table_header *t;
	const u8 *b, *end;

	kshim_amd_release();
	platform = p;
	if (ACPI_FAILURE(acpi_get_table("IVRS", 0, &t)))
		return false;
	if (t->length <= IVRS_HEADER_SIZE)
		return true;	/* the kernel's walk finds no block in it */
	bases = calloc(t->length / 24 + 1, sizeof(*bases));
	if (!bases)
		return true;
	b = (const u8 *)t + IVRS_HEADER_SIZE;
	end = (const u8 *)t + t->length;
	/* block: type, flags, length (u16); IVHD: base address at offset 8 */
	while (b + 4 <= end) {
		u16 len = kshim_reg_get(b + 2, 2);

		if (len < 4 || b + len > end)
			break;
		if ((b[0] == 0x10 || b[0] == 0x11 || b[0] == 0x40) && len >= 16)
			bases[nr_bases++] = kshim_reg_get(b + 8, 8);
		b += len;
	}
	return true;
}

void kshim_amd_release(void)
{
	for (size_t i = 0; i < nr_files; i++)
		free(files[i].regs);
	free(files);
	free(bases);
	files = NULL;
	bases = NULL;
	nr_files = nr_bases = 0;
	platform = NULL;
}

/* whether unit @base ran on the stated default registers */
int kshim_amd_defaults(uint64_t base)
{
	for (size_t i = 0; i < nr_files; i++)
		if (files[i].base == base)
			return files[i].defaults;
	return false;
}
