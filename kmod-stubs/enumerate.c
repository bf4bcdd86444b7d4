// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bus enumeration: the shim's stand-in for the ACPI host-bridge driver and
 * pci_scan_child_bus().  Each slot is scanned by the kernel's own
 * pci_scan_slot(), which reads the config space, builds the pci_dev
 * (pci_setup_device, early and header fixups, ACS and ARI set-up) and adds
 * it to the bus.  This file only does what a boot does around that: it
 * finds the root buses, walks into each bridge's secondary bus in the
 * order the kernel's first pass does (all slots of a bus, then its bridges
 * in device order, using the bus numbers firmware programmed), marks the
 * devices added and applies the final fixups.
 */
#include <stdlib.h>

#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include "kshim_internal.h"

int kshim_pci_apply_final_quirks(void);

static struct pci_bus *alloc_bus(struct pci_bus *parent, int domain, u8 number,
				 struct pci_dev *self)
{
	struct pci_bus *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return NULL;
	INIT_LIST_HEAD(&b->node);
	INIT_LIST_HEAD(&b->children);
	INIT_LIST_HEAD(&b->devices);
	b->parent = parent;
	b->self = self;
	b->ops = &kshim_pci_ops;
	b->domain_nr = domain;
	b->number = number;
	b->busn_res.start = b->busn_res.end = number;
	if (parent)
		list_add_tail(&b->node, &parent->children);
	return b;
}

/* the buses of the segment being scanned, to refuse a second bus with one number */
static unsigned long scanned[BITS_TO_LONGS(256)];

static bool mark_scanned(u8 number)
{
	return test_and_set_bit(number, scanned);
}

static void scan_bus(struct pci_bus *bus, int depth)
{
	struct pci_dev *dev;

	for (int devfn = 0; devfn < 256; devfn += 8)
		pci_scan_slot(bus, devfn);
	pcibios_fixup_bus(bus);

	list_for_each_entry(dev, &bus->devices, bus_list) {
		u32 buses;
		u8 secondary, subordinate;
		struct pci_bus *child;

		if (dev->hdr_type != PCI_HEADER_TYPE_BRIDGE)
			continue;
		pci_read_config_dword(dev, PCI_PRIMARY_BUS, &buses);
		secondary = (buses >> 8) & 0xff;
		subordinate = (buses >> 16) & 0xff;
		if (!secondary || secondary <= bus->number || subordinate < secondary ||
		    depth > 255 || mark_scanned(secondary)) {
			/* the kernel would renumber such a bridge; the bundle gives nothing to find there */
			pci_info(dev, "isofuzz: bridge bus numbers [bus %02x-%02x] unusable, not scanned\n",
				 secondary, subordinate);
			continue;
		}
		child = alloc_bus(bus, bus->domain_nr, secondary, dev);
		if (!child)
			continue;
		child->primary = bus->number;
		child->busn_res.end = subordinate;
		child->bridge = &dev->dev;
		dev->subordinate = child;
		scan_bus(child, depth + 1);
	}
}

/*
 * Root buses: the bus numbers present in the platform that no bridge of
 * the platform leads to (firmware's _BBN/_CRS would name them), in
 * segment and bus order.
 */
static bool is_secondary_of_some_bridge(const struct platform *p, u16 seg, u8 busnr)
{
	for (size_t i = 0; i < p->nr_functions; i++) {
		const struct platform_pci_function *f = &p->functions[i];

		if (f->segment == seg && f->config_size > PCI_SECONDARY_BUS &&
		    (f->config[PCI_HEADER_TYPE] & 0x7f) == PCI_HEADER_TYPE_BRIDGE &&
		    f->config[PCI_SECONDARY_BUS] == busnr && f->bus != busnr)
			return true;
	}
	return false;
}

static int by_segment_bus(const void *x, const void *y)
{
	const struct platform_pci_function *a = x, *b = y;

	return (a->segment << 8 | a->bus) - (b->segment << 8 | b->bus);
}

int kshim_enumerate(const struct platform *platform)
{
	struct platform_pci_function *sorted;
	size_t n = platform->nr_functions;
	struct device *d;
	int roots = 0;

	/* (segment, bus) in order: one pass over the functions, not per bus number */
	sorted = kcalloc(n ? n : 1, sizeof(*sorted), GFP_KERNEL);
	if (!sorted)
		return -ENOMEM;
	if (n) {	/* a lone table replays with no functions at all */
		memcpy(sorted, platform->functions, n * sizeof(*sorted));
		qsort(sorted, n, sizeof(*sorted), by_segment_bus);
	}
	for (size_t i = 0; i < n; i++) {
		u16 seg = sorted[i].segment;
		u8 busnr = sorted[i].bus;
		struct pci_bus *root;

		if (i == 0 || seg != sorted[i - 1].segment)
			memset(scanned, 0, sizeof(scanned));
		if ((i && seg == sorted[i - 1].segment && busnr == sorted[i - 1].bus) ||
		    is_secondary_of_some_bridge(platform, seg, busnr) || mark_scanned(busnr))
			continue;
		root = alloc_bus(NULL, seg, busnr, NULL);
		if (!root)
			break;
		root->busn_res.end = 0xff;
		roots++;
		scan_bus(root, 0);
	}
	kfree(sorted);

	/* pci_bus_add_devices(): the devices are now added; then the final fixups */
	list_for_each_entry(d, &pci_bus_type.devices, bus_node)
		pci_dev_assign_added(to_pci_dev(d), true);
	kshim_pci_apply_final_quirks();
	return roots;
}
