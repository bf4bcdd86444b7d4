/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel configuration the compiled code is built for: the options it
 * tests, set as Debian's amd64 configuration sets them (linux-config-6.12,
 * config.amd64_none_amd64), so #ifdef'd variants are the ones a Debian
 * kernel runs.  One deliberate difference: HAVE_ARCH_PREL32_RELOCATIONS is
 * off, so struct pci_fixup holds a plain hook pointer instead of a
 * PC-relative offset; the kernel selects the same hook either way.
 */
#ifndef KSHIM_CONFIG_H
#define KSHIM_CONFIG_H

#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_X86_IO_APIC 1
#define CONFIG_ACPI 1
#define CONFIG_PCI 1
#define CONFIG_PCI_DOMAINS 1
#define CONFIG_PCI_MSI 1
#define CONFIG_PCI_QUIRKS 1
#define CONFIG_PCI_ATS 1
#define CONFIG_PCI_IOV 1
#define CONFIG_PCI_PRI 1
#define CONFIG_PCI_PASID 1
#define CONFIG_PCIEAER 1
#define CONFIG_PCIEASPM 1
#define CONFIG_PCIEPORTBUS 1
#define CONFIG_PCIE_DPC 1
#define CONFIG_PCIE_PTM 1
#define CONFIG_PCI_MMCONFIG 1
#define CONFIG_IOMMU_API 1
#define CONFIG_DMAR_TABLE 1
#define CONFIG_INTEL_IOMMU 1
#define CONFIG_INTEL_IOMMU_SVM 1
#define CONFIG_INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF 1
#define CONFIG_INTEL_IOMMU_FLOPPY_WA 1
#define CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON 1
#define CONFIG_INTEL_IOMMU_PERF_EVENTS 1
#define CONFIG_IRQ_REMAP 1
#define CONFIG_AMD_IOMMU 1
#define CONFIG_X86_X2APIC 1
#define CONFIG_X86_LOCAL_APIC 1
#define CONFIG_HPET_TIMER 1
#define CONFIG_ACPI_NUMA 1
#define CONFIG_NUMA 1
#define CONFIG_GENERIC_MSI_IRQ 1
#define CONFIG_IOMMU_DMA 1
#define CONFIG_IOMMU_SVA 1
#define CONFIG_INTEL_TXT 1
#define CONFIG_64BIT 1
#define CONFIG_HAS_IOMEM 1
#define CONFIG_HAS_IOPORT 1
#define CONFIG_SYSFS 1
#define CONFIG_ARCH_DMA_ADDR_T_64BIT 1

/*
 * IS_ENABLED(CONFIG_X): 1 when CONFIG_X is defined as 1 above, else 0, usable
 * in C expressions where CONFIG_X may be undefined.  CONFIG_X pastes onto
 * KSHIM_ON_ to give "~, 1" (a second argument of 1) only when it is 1.
 */
#define KSHIM_ON_1 ~, 1
#define KSHIM_ARG2(a, b, ...) b
#define KSHIM_ARG2_(args) KSHIM_ARG2 args
#define KSHIM_PASTE(a, b) a##b
#define KSHIM_ENABLED(v) KSHIM_ARG2_((KSHIM_PASTE(KSHIM_ON_, v), 0, 0))
#define IS_ENABLED(option) KSHIM_ENABLED(option)
#define IS_BUILTIN(option) IS_ENABLED(option)
#define IS_REACHABLE(option) IS_ENABLED(option)

#endif
