// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/amd/iommu.c: device lookup and probe (setup_aliases,
 * clone_aliases), device_group, reserved regions, the command buffer's
 * completion wait and flushes, the IR domain and the remapping ops.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/amd/amd_iommu.list.
 */
#include <kshim/amd.h>
#include <kshim/kstate.h>
/*
 * The IR domain's callbacks allocate vectors and program IRTEs for live
 * interrupts; no interrupt is requested in a run, so the domain is created
 * with empty ops.  Its flags (ISOLATED_MSI) are the kernel's.
 */
static const struct irq_domain_ops amd_ir_domain_ops;
static const struct msi_parent_ops amdvi_msi_parent_ops;
struct amd_irte_ops irte_32_ops, irte_128_ops;

#include "kgen/amd_iommu.c"

/*
 * The IOMMU core's view of the AMD driver in a run: the callbacks of
 * amd_iommu_ops that decide isolation, pointing at the kernel's own
 * functions above.
 */
const struct iommu_ops amd_iommu_ops = {
	.device_group = amd_iommu_device_group,
	.get_resv_regions = amd_iommu_get_resv_regions,
};

/*
 * __iommu_probe_device()'s call of ops->probe_device: the kernel's
 * amd_iommu_probe_device() decides whether @dev is translated (rlookup
 * table, IVRS scope), sets up its aliases and MSI domain.
 */
const struct iommu_ops *kshim_amd_probe(struct device *dev)
{
	struct iommu_device *iommu = amd_iommu_probe_device(dev);

	if (IS_ERR_OR_NULL(iommu))
		return NULL;
	dev->iommu_dev = iommu;
	return &amd_iommu_ops;
}

/* The unit the kernel's rlookup table names for @devid on segment @seg. */
struct amd_iommu *kshim_amd_rlookup(u16 seg, u16 devid)
{
	return __rlookup_amd_iommu(seg, devid);
}
