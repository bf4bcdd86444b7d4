/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IOMMU groups and drivers.  The group object is the shim's
 * (kmod-stubs/iommu_group.c): allocation with the lowest free ID (the
 * kernel's ida), lookup from a device, a member list of the kernel's own
 * struct group_device (so the kernel's group-level functions walk it).
 * Which devices share a group is decided only by the compiled kernel code.
 * A driver is reduced to the two callbacks isolation depends on.
 */
#ifndef KSHIM_IOMMU_H
#define KSHIM_IOMMU_H

#include "device.h"
#include "kgen/linux_iommu_h.h"

struct iommu_group {
	int id;
	struct mutex mutex;
	struct list_head devices;	/* struct group_device.list */
	struct list_head node;		/* all groups, in allocation order */
};

/* The callbacks of a driver's struct iommu_ops that decide isolation. */
struct iommu_ops {
	struct iommu_group *(*device_group)(struct device *dev);
	void (*get_resv_regions)(struct device *dev, struct list_head *list);
};

/* iommu_device_register() is not run: the unit's core handle is inert. */
struct iommu_device {
	const struct iommu_ops *ops;
	u32 max_pasids;
	struct device *dev;		/* sysfs device: never created */
};

struct iommu_group *iommu_group_alloc(void);
struct iommu_group *iommu_group_get(struct device *dev);
struct iommu_group *iommu_group_ref_get(struct iommu_group *group);
void iommu_group_put(struct iommu_group *group);
int iommu_group_id(struct iommu_group *group);
struct iommu_group *pci_device_group(struct device *dev);
struct iommu_group *generic_device_group(struct device *dev);
void iommu_get_resv_regions(struct device *dev, struct list_head *list);
void iommu_put_resv_regions(struct device *dev, struct list_head *list);
bool msi_device_has_isolated_msi(struct device *dev);
bool iommu_group_has_isolated_msi(struct iommu_group *group);
int iommu_get_group_resv_regions(struct iommu_group *group, struct list_head *head);
struct iommu_resv_region *iommu_alloc_resv_region(phys_addr_t start, size_t length, int prot,
						  enum iommu_resv_type type, gfp_t gfp);

static inline const struct iommu_ops *dev_iommu_ops(struct device *dev)
{
	return dev->iommu_ops;
}

static inline bool dev_has_iommu(struct device *dev)
{
	return dev->iommu_ops != NULL;
}

static inline void *dev_iommu_priv_get(struct device *dev)
{
	return dev->iommu_priv;
}

/*
 * A unit registers with the IOMMU core: its driver is recorded, then the
 * bus is probed as bus_iommu_probe() does, through the hook the booting
 * driver's shim set (kmod-stubs/iommu_group.c).
 */
int iommu_device_register(struct iommu_device *iommu, const struct iommu_ops *ops,
			  struct device *hwdev);
/* ... and unregisters: its devices leave their groups (an error path frees the unit) */
void iommu_device_unregister(struct iommu_device *iommu);
void kshim_group_remove_device(struct device *dev);

/* kernel/iommu.c: a device joins a group as the IOMMU core adds it */
int kshim_group_add_device(struct iommu_group *group, struct device *dev);

#endif
