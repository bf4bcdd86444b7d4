/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The driver core as the grouping code sees it: a device with a name, a
 * bus, a parent and an IOMMU group; buses whose devices can be searched in
 * the order they were added (kmod-stubs/device.c).
 */
#ifndef KSHIM_DEVICE_H
#define KSHIM_DEVICE_H

#include "types.h"
#include "list.h"

struct iommu_group;
struct iommu_ops;
struct iommu_device;
struct irq_domain;
struct bus_type;

struct device {
	char name[32];
	struct device *parent;
	const struct bus_type *bus;
	const void *type;
	struct iommu_group *iommu_group;
	struct irq_domain *msi_domain;		/* dev->msi.domain */
	const struct iommu_ops *iommu_ops;	/* set when an IOMMU probed it */
	void *iommu_priv;			/* dev_iommu_priv_get() */
	struct iommu_device *iommu_dev;		/* dev->iommu->iommu_dev */
	struct list_head bus_node;		/* the bus's device list */
	void (*release)(struct device *dev);
	u64 *dma_mask;
	u64 coherent_dma_mask;
	void *dma_parms;
	bool added;
};

struct bus_type {
	const char *name;
	struct list_head devices;	/* in device_add() order */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

__printf(2, 3) int dev_set_name(struct device *dev, const char *fmt, ...);
void device_initialize(struct device *dev);
int device_add(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
struct device *bus_find_device(const struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data));

#endif
