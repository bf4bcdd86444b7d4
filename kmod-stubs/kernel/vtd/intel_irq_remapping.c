// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/intel/irq_remapping.c: VT-d interrupt remapping.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/intel_irq_remapping.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
/*
 * The IR domain's callbacks allocate vectors and program IRTEs for live
 * interrupts; no interrupt is requested in a run, so the domain is created
 * with empty ops.  Its flags (ISOLATED_MSI) are the kernel's.
 */
static const struct irq_domain_ops intel_ir_domain_ops;
static const struct msi_parent_ops dmar_msi_parent_ops;

#include "kgen/intel_irq_remapping.c"

/* Called where the kernel's rootfs_initcall would run it. */
int kshim_ir_dev_scope_init(void)
{
	return ir_dev_scope_init();
}

/* The remapping mode the kernel settled on (eim_mode), when enabled. */
int kshim_ir_x2apic_mode(void)
{
	return eim_mode;
}

/* The IOAPIC/HPET source ids the kernel's scope parsing recorded. */
struct intel_iommu *kshim_ir_ioapic_unit(int apic_id, u16 *sid)
{
	for (int i = 0; i < MAX_IO_APICS; i++)
		if (ir_ioapic[i].iommu && ir_ioapic[i].id == apic_id) {
			*sid = ir_ioapic[i].bus << 8 | ir_ioapic[i].devfn;
			return ir_ioapic[i].iommu;
		}
	return NULL;
}

int kshim_ir_hpet(int i, int *id, u16 *sid, struct intel_iommu **unit)
{
	if (i >= MAX_HPET_TBS || !ir_hpet[i].iommu)
		return 0;
	*id = ir_hpet[i].id;
	*sid = ir_hpet[i].bus << 8 | ir_hpet[i].devfn;
	*unit = ir_hpet[i].iommu;
	return 1;
}

/* The source-id check the kernel would program into @dev's MSI IRTEs. */
void kshim_ir_msi_sid(struct pci_dev *dev, int *svt, int *sq, u16 *sid)
{
	struct irte irte = { 0 };

	set_msi_sid(&irte, dev);
	*svt = irte.svt;
	*sq = irte.sq;
	*sid = irte.sid;
}
