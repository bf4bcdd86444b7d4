// SPDX-License-Identifier: GPL-2.0-only
/*
 * The driver core's part: device names, and the PCI bus's device list in
 * device_add() order, which is the order for_each_pci_dev() walks and the
 * order the IOMMU core probes devices in.
 */
#include <stdarg.h>
#include <stdio.h>

#include <kshim/kernel.h>
#include "kshim_internal.h"

/* the bus's device list is the shim's state: reset at the start of each run */
struct bus_type pci_bus_type = { .name = "pci" };

void kshim_devices_reset(void)
{
	INIT_LIST_HEAD(&pci_bus_type.devices);
}

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dev->name, sizeof(dev->name), fmt, ap);
	va_end(ap);
	return 0;
}

void device_initialize(struct device *dev)
{
	INIT_LIST_HEAD(&dev->bus_node);
}

int device_add(struct device *dev)
{
	if (dev->added)
		return -EEXIST;
	list_add_tail(&dev->bus_node, &pci_bus_type.devices);
	dev->added = true;
	return 0;
}

struct device *get_device(struct device *dev)
{
	return dev;
}

void put_device(struct device *dev)
{
}

struct device *bus_find_device(const struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data))
{
	struct list_head *pos = start ? start->bus_node.next : bus->devices.next;

	for (; pos != &bus->devices; pos = pos->next) {
		struct device *dev = list_entry(pos, struct device, bus_node);

		if (match(dev, data))
			return dev;
	}
	return NULL;
}
