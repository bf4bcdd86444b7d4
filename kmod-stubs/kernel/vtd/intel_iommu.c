// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/intel/iommu.c: intel_iommu=, RMRR/ATSR/SATC, device-to-unit
 * lookup, device_group and reserved regions.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/intel_iommu.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
#include "kgen/intel_iommu.c"

/*
 * The IOMMU core's view of the VT-d driver in a run: the two callbacks of
 * intel_iommu_ops that decide isolation, pointing at the kernel's own
 * functions above.
 */
const struct iommu_ops intel_iommu_ops = {
	.device_group = intel_iommu_device_group,
	.get_resv_regions = intel_iommu_get_resv_regions,
};

/*
 * intel_iommu_probe_device()'s first step: the unit that translates @dev,
 * found by the kernel's device_lookup_iommu() (device_to_iommu() before
 * 6.9); a device no unit claims
 * gets no IOMMU and no group (-ENODEV in the kernel).
 */
const struct iommu_ops *kshim_intel_probe(struct device *dev, struct intel_iommu **unit)
{
	u8 bus, devfn;

#ifdef KEXTRACT_HAS_device_lookup_iommu
	*unit = device_lookup_iommu(dev, &bus, &devfn);
#else	/* before 6.9 */
	*unit = device_to_iommu(dev, &bus, &devfn);
#endif
	return *unit ? &intel_iommu_ops : NULL;
}

/*
 * intel_iommu_init()'s step between the scopes and init_dmars(): a unit
 * whose scopes found no device is ignored, and so is a graphics-only unit
 * under intel_iommu=igfx_off.
 */
void kshim_intel_no_remapping_devices(void)
{
	init_no_remapping_devices();
}
