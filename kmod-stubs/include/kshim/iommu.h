/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IOMMU groups.  The group object is the shim's (kmod-stubs/iommu_group.c):
 * allocation with the lowest free ID (the kernel's ida), lookup from a
 * device, membership.  Which devices share a group is decided only by the
 * compiled kernel code.
 */
#ifndef KSHIM_IOMMU_H
#define KSHIM_IOMMU_H

#include "device.h"

struct iommu_group {
	int id;
	struct list_head devices;	/* struct device.iommu_group_node */
	struct list_head node;		/* all groups, in allocation order */
};

struct iommu_group *iommu_group_alloc(void);
struct iommu_group *iommu_group_get(struct device *dev);
struct iommu_group *iommu_group_ref_get(struct iommu_group *group);
void iommu_group_put(struct iommu_group *group);
int iommu_group_id(struct iommu_group *group);
struct iommu_group *pci_device_group(struct device *dev);

#endif
