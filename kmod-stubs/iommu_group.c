// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOMMU groups: the object, and the probe loop of the IOMMU core
 * (bus_iommu_probe -> __iommu_probe_device -> ops->device_group ->
 * iommu_group_add_device) reduced to what decides membership.  Every PCI
 * device is probed in the order the PCI core added it by the driver that
 * claims it, and its group comes from that driver's device_group (the
 * kernel's); IDs are handed out lowest-free first, as the kernel's ida
 * does.
 */
#include <kshim/kernel.h>
#include "kshim_internal.h"

static int next_group_id;
static const struct iommu_ops *(*registered_driver)(struct device *dev);

void kshim_groups_reset(void)
{
	next_group_id = 0;
	registered_driver = NULL;
}

/* The driver whose units probe the bus when they register (NULL: none). */
void kshim_probe_on_register(const struct iommu_ops *(*driver)(struct device *dev))
{
	registered_driver = driver;
}

int iommu_device_register(struct iommu_device *iommu, const struct iommu_ops *ops,
			  struct device *hwdev)
{
	iommu->ops = ops;
	if (registered_driver)
		kshim_probe_groups(registered_driver);
	return 0;
}

struct iommu_group *iommu_group_alloc(void)
{
	struct iommu_group *group = kzalloc(sizeof(*group), GFP_KERNEL);

	if (!group)
		return ERR_PTR(-ENOMEM);
	group->id = next_group_id++;
	INIT_LIST_HEAD(&group->devices);
	INIT_LIST_HEAD(&group->node);
	return group;
}

struct iommu_group *iommu_group_get(struct device *dev)
{
	return dev->iommu_group;
}

struct iommu_group *iommu_group_ref_get(struct iommu_group *group)
{
	return group;
}

void iommu_group_put(struct iommu_group *group)
{
}

int iommu_group_id(struct iommu_group *group)
{
	return group->id;
}

/*
 * iommu_device_unregister(): every device the unit probed is released (the
 * kernel's iommu_release_device(): it leaves its group, the driver's data
 * is dropped), so nothing points at a unit its driver is about to free.
 */
void iommu_device_unregister(struct iommu_device *iommu)
{
	struct device *dev;

	list_for_each_entry(dev, &pci_bus_type.devices, bus_node) {
		if (dev->iommu_dev != iommu)
			continue;
		kshim_group_remove_device(dev);
		dev->iommu_ops = NULL;
		dev->iommu_dev = NULL;
		dev->iommu_priv = NULL;
	}
}

int kshim_probe_groups(const struct iommu_ops *(*driver)(struct device *dev))
{
	struct device *dev;

	list_for_each_entry(dev, &pci_bus_type.devices, bus_node) {
		const struct iommu_ops *ops;
		struct iommu_group *group;

		if (dev->iommu_group)
			continue;	/* probed when an earlier unit registered */
		ops = driver(dev);
		if (!ops)
			continue;	/* no IOMMU translates it: no group */
		dev->iommu_ops = ops;
		group = ops->device_group(dev);
		if (IS_ERR_OR_NULL(group)) {
			dev_err(dev, "isofuzz: device_group() failed (%ld)\n", PTR_ERR(group));
			continue;
		}
		if (kshim_group_add_device(group, dev))
			continue;
		dev_info(dev, "Adding to iommu group %d\n", group->id);
	}
	return next_group_id;
}
