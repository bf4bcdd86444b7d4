// SPDX-License-Identifier: GPL-2.0-only
/*
 * The x86 platform facts the VT-d code reads, as the kernel learns them:
 *  - IOAPICs: x86's MADT walk (arch/x86/kernel/acpi/boot.c) registers one
 *    IOAPIC per MADT I/O APIC entry (type 1), in table order, with the ID
 *    the entry gives; mpc_ioapic_id(i) is that ID.  The IOAPIC's own
 *    registers are not read (a bundle has no MMIO), so an IOAPIC whose
 *    registers would read all-ones is still counted.
 *  - x2APIC: the CPU flag from proc/cpuinfo; without cpuinfo, assumed
 *    present (every CPU with VT-d interrupt remapping has it), and the
 *    report says so.
 *  - HPETs: x86's HPET table parsing (arch/x86/kernel/acpi/boot.c
 *    acpi_parse_hpet()) takes the HPET number of the table (one block per
 *    table); the remapping code identifies the block by it.
 *  - the e820 map is not in bundles: every range is taken as reserved.
 * Plus the arch hooks and counters the code touches on the way.
 */
#include <stdio.h>

#include <kshim/vtd.h>
#include "../kshim_internal.h"

#define MADT_IO_APIC 1

static int ioapic_ids[MAX_IO_APICS];
static u32 ioapic_gsi_base[MAX_IO_APICS];
static int hpet_id = -1;
int nr_ioapics;
static enum platform_x2apic x2apic;

int iommu_detected;
int no_iommu;
bool iommu_dma_forcedac;
unsigned int tsc_khz = 1;	/* register waits give up after 10^4 polls */
struct x86_init_ops x86_init;
struct x86_platform_ops x86_platform;
static cycles_t cycles;

void kshim_x86_load(const struct platform *platform)
{
	struct acpi_table_header *t;

	nr_ioapics = 0;
	hpet_id = -1;
	/* HPET: 36-byte header, block id, base address (12), HPET number */
	if (platform && !ACPI_FAILURE(acpi_get_table("HPET", 0, &t)) && t->length >= 53)
		hpet_id = ((const u8 *)t)[52];
	cycles = 0;
	iommu_detected = no_iommu = 0;
	iommu_dma_forcedac = false;
	memset(&x86_init, 0, sizeof(x86_init));
	memset(&x86_platform, 0, sizeof(x86_platform));
	x2apic = platform ? platform->x2apic : PLATFORM_X2APIC_UNKNOWN;
	/* MADT: 44-byte header (ACPI 6.5, 5.2.12), then type/length entries */
	if (!platform || ACPI_FAILURE(acpi_get_table("APIC", 0, &t)) || t->length < 44)
		return;
	for (u32 off = 44; off + 2 <= t->length;) {
		const u8 *e = (const u8 *)t + off;

		if (e[1] < 2 || off + e[1] > t->length)
			break;
		if (e[0] == MADT_IO_APIC && e[1] >= 12 && nr_ioapics < MAX_IO_APICS) {
			ioapic_gsi_base[nr_ioapics] = e[8] | e[9] << 8 | e[10] << 16 | (u32)e[11] << 24;
			ioapic_ids[nr_ioapics++] = e[2];
		}
		off += e[1];
	}
}

/* The HPET number of the platform's HPET table, -1 without one. */
int kshim_hpet_id(void)
{
	return hpet_id;
}

int mpc_ioapic_id(int ioapic_idx)
{
	return ioapic_ids[ioapic_idx];
}

/*
 * x86's mp_find_ioapic(): the IOAPIC whose GSI range holds @gsi.  The range
 * ends where the IOAPIC's redirection entries end, which its version
 * register says; a bundle has no IOAPIC registers, so every IOAPIC is taken
 * to have the 24 entries of the 82093AA and its successors.
 */
#define IOAPIC_ENTRIES 24
int mp_find_ioapic(u32 gsi)
{
	for (int i = 0; i < nr_ioapics; i++)
		if (gsi >= ioapic_gsi_base[i] && gsi - ioapic_gsi_base[i] < IOAPIC_ENTRIES)
			return i;
	pr_err("ERROR: Unable to locate IOAPIC for GSI %d\n", gsi);
	return -1;
}

bool x2apic_supported(void)
{
	return x2apic != PLATFORM_X2APIC_NO;
}

bool boot_cpu_has(int feature)
{
	switch (feature) {
	case X86_FEATURE_X2APIC:
		return x2apic_supported();
	case X86_FEATURE_APIC:
	case X86_FEATURE_CX16:
		return true;
	}
	return false;
}

cycles_t get_cycles(void)
{
	return cycles++;
}

int e820__get_entry_type(u64 start, u64 end)
{
	return E820_TYPE_RESERVED;
}

/*
 * Pages the hardware reads by physical address (invalidation queue, IR
 * table, device table) come from the run's page allocator
 * (kmod-stubs/alloc.c) and are released when the run ends.
 */
void *iommu_alloc_pages_node(int nid, gfp_t gfp, int order)
{
	return kshim_alloc_pages(order);
}

void iommu_free_pages(void *virt, int order)
{
}

void *iommu_alloc_page_node(int nid, gfp_t gfp)
{
	return iommu_alloc_pages_node(nid, gfp, 0);
}

void iommu_free_page(void *virt)
{
}

/*
 * intel_iommu_init() is x86_init.iommu.iommu_init's target, which
 * detect_intel_iommu() sets; the shim's run (kmod-stubs/run.c) performs
 * its steps that decide isolation itself, so this entry is never called.
 */
int intel_iommu_init(void)
{
	BUG();
}

/* Shutdown and fault interrupts: no shutdown or fault happens in a run. */
void intel_iommu_shutdown(void)
{
}

int enable_drhd_fault_handling(unsigned int cpu)
{
	return 0;
}

/* Page-request and invalidation-timeout reports look devices up here;
 * the rbtree is filled by probe_device, which is not run. */
struct device *device_rbtree_find(struct intel_iommu *iommu, u16 rid)
{
	return NULL;
}

/* AMD-Vi and Hyper-V remapping are not compiled yet: they decline. */
static int decline(void)
{
	return -ENODEV;
}
__weak struct irq_remap_ops amd_iommu_irq_ops = { .prepare = decline };
__weak struct irq_remap_ops hyperv_irq_remap_ops = { .prepare = decline };
