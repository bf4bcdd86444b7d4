/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the compiled PCI/IOMMU code calls that is deliberately not compiled
 * from the tree, with the reason for each.  These are stand-ins for parts of
 * the kernel that play no role in isolation (BAR sizing, power management,
 * sysfs, firmware nodes, MSI set-up, ...): they return what a successful
 * boot on x86 returns and record nothing.  Anything that decides port
 * types, ACS, aliases or groups is compiled from the tree instead.
 */
#ifndef KSHIM_KERNEL_INTERNAL_H
#define KSHIM_KERNEL_INTERNAL_H

#include "kernel.h"

/* x86 arch hooks (arch/x86/pci): no VMD domains, no arch pci= options */
struct pci_dev *pci_real_dma_dev(struct pci_dev *dev);
char *pcibios_setup(char *str);
static inline int pcibios_device_add(struct pci_dev *dev) { return 0; }
static inline void pcibios_fixup_bus(struct pci_bus *bus) { }
static inline int pci_domain_nr(struct pci_bus *bus) { return bus->domain_nr; }
static inline bool hypervisor_isolated_pci_functions(void) { return false; }

/* pci= options that configure resources, MSI, AER, ECRC: not isolation */
static inline void pci_no_msi(void) { }
static inline void pci_no_aer(void) { }
static inline void pci_no_domains(void) { }
static inline void pci_realloc_get_opt(char *str) { }
static inline void pcie_ecrc_get_policy(char *str) { }
static inline void pci_add_flags(int flags) { pci_flags |= flags; }

/* probe.c: resources and firmware nodes are not modelled */
static inline void pci_read_bases(struct pci_dev *dev, unsigned int howmany, int rom) { }
static inline void pci_read_bridge_windows(struct pci_dev *bridge) { }
static inline int pci_set_of_node(struct pci_dev *dev) { return 0; }
static inline void pci_release_of_node(struct pci_dev *dev) { }
static inline void pci_set_acpi_fwnode(struct pci_dev *dev) { }
static inline void pci_dev_assign_slot(struct pci_dev *dev) { }
static inline void pci_set_removable(struct pci_dev *dev) { }
static inline void early_dump_pci_device(struct pci_dev *pdev) { }
/* x86 has no arch notion of removable PCI devices beyond the firmware's */
static inline bool arch_pci_dev_is_removable(struct pci_dev *pdev) { return false; }
static inline void pcibios_bus_to_resource(struct pci_bus *bus, struct resource *res,
					   void *region) { }
static inline void pci_enable_rrs_sv(struct pci_dev *pdev) { }
static inline u8 pcie_get_supported_speeds(struct pci_dev *dev) { return 0; }
static inline void pcie_aspm_init_link_state(struct pci_dev *pdev) { }

/* pci_device_add(): the steps around pci_init_capabilities() */
static inline void pci_configure_device(struct pci_dev *dev) { }
static inline void pcie_failed_link_retrain(struct pci_dev *dev) { }
static inline void pci_reassigndev_resource_alignment(struct pci_dev *dev) { }
#ifdef KSHIM_VTD
/* x86 makes its vector domain the MSI parent of every PCI device */
void pci_set_msi_domain(struct pci_dev *dev);
#else
static inline void pci_set_msi_domain(struct pci_dev *dev) { }
#endif
static inline void pci_npem_create(struct pci_dev *dev) { }
static inline void set_dev_node(struct device *dev, int node) { }
static inline int pcibus_to_node(struct pci_bus *bus) { return -1; }
static inline void dma_set_max_seg_size(struct device *dev, unsigned int size) { }
static inline void dma_set_seg_boundary(struct device *dev, unsigned long mask) { }
static inline void pci_release_dev(struct device *dev) { }

/* pci_init_capabilities(): only ACS and ARI decide grouping */
static inline void pci_ea_init(struct pci_dev *dev) { }
static inline void pci_msi_init(struct pci_dev *dev) { }
static inline void pci_msix_init(struct pci_dev *dev) { }
static inline void pci_allocate_cap_save_buffers(struct pci_dev *dev) { }
static inline void pci_pm_init(struct pci_dev *dev) { }
static inline void pci_vpd_init(struct pci_dev *dev) { }
static inline int pci_iov_init(struct pci_dev *dev) { return -ENODEV; }
static inline void pci_ats_init(struct pci_dev *dev) { }
static inline void pci_pri_init(struct pci_dev *dev) { }
static inline void pci_pasid_init(struct pci_dev *dev) { }
static inline void pci_ptm_init(struct pci_dev *dev) { }
static inline void pci_aer_init(struct pci_dev *dev) { }
static inline void pci_dpc_init(struct pci_dev *dev) { }
static inline void pci_rcec_init(struct pci_dev *dev) { }
static inline void pci_doe_init(struct pci_dev *dev) { }
static inline void pcie_report_downtraining(struct pci_dev *dev) { }
static inline void pci_init_reset_methods(struct pci_dev *dev) { }

/* references: every object lives until the end of the run */
static inline struct pci_dev *pci_dev_get(struct pci_dev *dev) { return dev; }
static inline void pci_dev_put(struct pci_dev *dev) { }
static inline struct pci_bus *pci_bus_get(struct pci_bus *bus) { return bus; }
static inline void pci_bus_put(struct pci_bus *bus) { }

/* pci_alloc_dev() type tag */
extern const int pci_dev_type;

#endif
