/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stand-ins for what the VT-d code calls that is not under test, each with
 * its reason.  The DRHD register files themselves are modelled in
 * kmod-stubs/vtd_regs.c behind ioremap(); IOAPICs come from the MADT in
 * kmod-stubs/x86_apic.c.
 */
#ifndef KSHIM_VTD_INTERNAL_H
#define KSHIM_VTD_INTERNAL_H

#include "kernel.h"
#include "irq.h"

struct intel_iommu;
struct acpi_device;
struct attribute_group;

/* Bus notifiers: devices are matched to scopes once, after enumeration,
 * as dmar_dev_scope_init() does at boot; hotplug is not modelled. */
struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	int priority;
};
#define BUS_NOTIFY_ADD_DEVICE		0x00000001
#define BUS_NOTIFY_DEL_DEVICE		0x00000002
#define BUS_NOTIFY_REMOVED_DEVICE	0x00000003
#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
static inline int bus_register_notifier(const struct bus_type *bus, struct notifier_block *nb)
{
	return 0;
}

/* IDs: the kernel's ida hands out the lowest free number (kmod-stubs/ida.c) */
struct ida { u64 used[64]; };
#define DEFINE_IDA(name) struct ida name
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);

/* DMI strings: bundles carry no SMBIOS; the kernel prints "(null)" then */
enum dmi_field { DMI_BIOS_VENDOR, DMI_BIOS_VERSION, DMI_PRODUCT_VERSION };
static inline const char *dmi_get_system_info(int field) { return NULL; }

/* Taint flags: recorded by nobody; the log line before them is the finding */
#define TAINT_FIRMWARE_WORKAROUND 11
#define LOCKDEP_STILL_OK 1
static inline void add_taint(unsigned flag, int lockdep_ok) { }

/* tboot (Intel TXT) is not in bundles: not launched, no DMAR copy */
static inline bool tboot_enabled(void) { return false; }
static inline bool tboot_force_iommu(void) { return false; }
static inline struct acpi_table_header *tboot_get_dmar_table(struct acpi_table_header *t)
{
	return t;
}

/* NUMA: one node, node 0, online */
#define NUMA_NO_NODE (-1)
static inline int pxm_to_node(int pxm) { return NUMA_NO_NODE; }
static inline bool node_online(int node) { return node == 0; }

/* kdump: a bundle is a cold boot */
static inline bool is_kdump_kernel(void) { return false; }

/* Resources: register ranges are never contended in a bundle */
static inline void *request_mem_region(u64 start, u64 n, const char *name) { return (void *)1; }
static inline void release_mem_region(u64 start, u64 n) { }

/* Early mappings behave as ioremap() does (kmod-stubs/vtd_regs.c) */
#define early_ioremap(a, s) ioremap(a, s)
#define early_iounmap(a, s) iounmap(a)

/* Timeouts: register waits poll the model, which answers at once; a unit
 * that never answers hits the kernel's own "malfunctioning" panic. */
typedef u64 cycles_t;
cycles_t get_cycles(void);		/* one tick per call */
extern unsigned int tsc_khz;
#define cpu_relax() do { } while (0)

/* x86 CPU features from the bundle's proc/cpuinfo (kmod-stubs/x86_apic.c) */
bool x2apic_supported(void);
#define X86_FEATURE_CX16 1
#define X86_FEATURE_APIC 2
#define X86_FEATURE_X2APIC 3
bool boot_cpu_has(int feature);

/* IOAPICs as x86's MADT parsing registered them (kmod-stubs/x86_apic.c) */
extern int nr_ioapics;
int mpc_ioapic_id(int ioapic_idx);
int mp_find_ioapic(u32 gsi);		/* the IOAPIC that serves @gsi */

/* Early PCI config access by bus/slot/func on segment 0 (arch/x86/pci/early.c) */
u8 read_pci_config_byte(u8 bus, u8 slot, u8 func, u8 offset);
u32 read_pci_config(u8 bus, u8 slot, u8 func, u8 offset);

/* Capability audit across units (cap_audit.c): all units are taken as
 * consistent; a mixed system is not a grouping question. */
#define CAP_AUDIT_STATIC_DMAR 0
#define CAP_AUDIT_STATIC_IRQR 1
static inline int intel_cap_audit(int type, struct intel_iommu *iommu) { return 0; }

/* Performance monitoring units: not isolation */
static inline int alloc_iommu_pmu(struct intel_iommu *iommu) { return 0; }
static inline void free_iommu_pmu(struct intel_iommu *iommu) { }
static inline void iommu_pmu_register(struct intel_iommu *iommu) { }

/* sysfs for IOMMU units: not created (iommu_device_register(): kshim/iommu.h) */
static inline int iommu_device_sysfs_add(void *i, void *p, const void *g, const char *f, ...)
{
	/* what the kernel's test "registered with sysfs" reads (free_sysfs) */
	((struct iommu_device *)i)->dev = p;
	return 0;
}
static inline void iommu_device_sysfs_remove(void *i) { }

/* Fault interrupts: no vector is allocated; faults are cleared by polling */
static inline int dmar_alloc_hwirq(int id, int node, void *arg) { return -1; }

/* IOMMU page allocation: zeroed pages from the run's allocator */
void *iommu_alloc_pages_node(int nid, gfp_t gfp, int order);
void iommu_free_pages(void *virt, int order);
#define virt_to_phys(p) ((phys_addr_t)(uintptr_t)(p))
#define phys_to_virt(a) ((void *)(uintptr_t)(a))
static inline void clflush_cache_range(void *addr, unsigned int size) { }

/* ACPI namespace: bundles carry tables, not the interpreted namespace, so
 * an ANDD's object is never found (the kernel logs that it failed). */
typedef void *acpi_handle;
#define ACPI_ROOT_OBJECT ((acpi_handle)0)
struct acpi_device { struct device dev; };
static inline acpi_status acpi_get_handle(acpi_handle parent, const char *path, acpi_handle *h)
{
	return AE_NOT_FOUND;
}
static inline struct acpi_device *acpi_fetch_acpi_dev(acpi_handle h) { return NULL; }
static inline bool has_acpi_companion(struct device *dev) { return false; }
#define ACPI_COMPANION(dev) ((struct acpi_device *)NULL)

/* x86 boot hooks detect_intel_iommu() sets: the shim calls init itself */
struct x86_init_iommu { int (*iommu_init)(void); };
struct x86_init_ops { struct x86_init_iommu iommu; };
struct x86_platform_ops { void (*iommu_shutdown)(void); };
extern struct x86_init_ops x86_init;
extern struct x86_platform_ops x86_platform;

/* tracepoints: no tracer is attached */
#define trace_qi_submit(...) do { } while (0)
#define trace_prq_report(...) do { } while (0)

/* presence: every enumerated function answers config reads */
static inline bool pci_device_is_present(struct pci_dev *pdev) { return true; }

void *iommu_alloc_page_node(int nid, gfp_t gfp);
void iommu_free_page(void *virt);

/* DMA API policy knobs intel_iommu= can turn: not isolation */
extern bool iommu_dma_forcedac;
static inline void iommu_set_dma_strict(void) { }
static inline void iommu_set_default_passthrough(bool cmd_line) { }

/*
 * The e820 map is not in bundles: an RMRR is taken to lie in memory the
 * firmware reserved, so the kernel's arch_rmrr_sanity_check() (compiled
 * from asm/iommu.h) passes.  kmod-stubs/x86_apic.c answers the lookup.
 */
int e820__get_entry_type(u64 start, u64 end);

/* kdump's old remapping table is never mapped: a bundle is a cold boot */
#define MEMREMAP_WB 1
static inline void *memremap(phys_addr_t offset, size_t size, unsigned long flags) { return NULL; }
static inline void memunmap(void *addr) { }

/* x86's MSI parent: every PCI device's MSI domain until remapping takes
 * over (kmod-stubs/irq_domain.c creates it each run, as vector.c does) */
extern struct irq_domain *x86_vector_domain;
bool pci_dev_has_default_msi_parent_domain(struct pci_dev *dev);


#endif
