// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the AMD-Vi code calls outside the two files under test, each for its
 * reason (declared in kshim/amd_internal.h): the boot CPU, the IRTE cache
 * object, the PCI-core lookup of the unit's own function, and the page-
 * request (PPR) and I/O-page-fault pieces of ppr.c and pasid.c.
 */
#include <kshim/amd.h>
#include "../kshim_internal.h"

/* set at each boot by kshim_amd_detect() (kmod-stubs/amd/boot_amd.c) */
struct cpuinfo_x86 boot_cpu_data;

/* The IRTE cache is never allocated from: any non-NULL cache will do. */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned long flags, void (*ctor)(void *))
{
	return kzalloc(sizeof(struct kmem_cache), GFP_KERNEL);
}

static int match_slot(struct device *dev, const void *data)
{
	const struct pci_dev *want = data;
	struct pci_dev *pdev = to_pci_dev(dev);

	return pci_domain_nr(pdev->bus) == want->bus->domain_nr &&
	       pdev->bus->number == want->bus->number && pdev->devfn == want->devfn;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn)
{
	struct pci_bus b = { .domain_nr = domain, .number = bus };
	struct pci_dev want = { .bus = &b, .devfn = devfn };
	struct device *dev = bus_find_device(&pci_bus_type, NULL, &want, match_slot);

	return dev ? to_pci_dev(dev) : NULL;
}

/* Page requests (ppr.c) and I/O page faults (pasid.c): not modelled. */
int amd_iommu_alloc_ppr_log(struct amd_iommu *iommu)
{
	return 0;
}

void amd_iommu_free_ppr_log(struct amd_iommu *iommu)
{
}

void amd_iommu_enable_ppr_log(struct amd_iommu *iommu)
{
}

int amd_iommu_iopf_init(struct amd_iommu *iommu)
{
	return 0;
}

void amd_iommu_iopf_uninit(struct amd_iommu *iommu)
{
}
