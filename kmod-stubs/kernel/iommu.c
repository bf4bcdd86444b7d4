// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/iommu.c: pci_device_group() and its helpers.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/iommu.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/iommu.c"

/*
 * The one step of iommu_group_add_device() that matters here: the device
 * joins the group's member list (the kernel's struct group_device), which
 * iommu_group_has_isolated_msi() and iommu_get_group_resv_regions() walk.
 */
int kshim_group_add_device(struct iommu_group *group, struct device *dev)
{
	struct group_device *gdev = kzalloc(sizeof(*gdev), GFP_KERNEL);

	if (!gdev)
		return -ENOMEM;
	gdev->dev = dev;
	gdev->name = (char *)dev_name(dev);
	dev->iommu_group = group;
	list_add_tail(&gdev->list, &group->devices);
	return 0;
}

/* iommu_release_device()'s step that matters: the device leaves its group. */
void kshim_group_remove_device(struct device *dev)
{
	struct group_device *gdev;

	if (!dev->iommu_group)
		return;
	list_for_each_entry(gdev, &dev->iommu_group->devices, list)
		if (gdev->dev == dev) {
			list_del(&gdev->list);
			break;
		}
	dev->iommu_group = NULL;
}
