/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stand-ins for what the AMD-Vi code calls that is not under test, each
 * with its reason.  The IOMMU's MMIO register file is modelled in
 * kmod-stubs/amd/amd_regs.c behind ioremap(); the IOMMU's own PCI function
 * is the bundle's config space; IOAPICs come from the MADT and the HPET
 * from its table (kmod-stubs/vtd/x86_apic.c); the rest are in
 * kmod-stubs/amd/standins.c and the init.c wrapper.
 */
#ifndef KSHIM_AMD_INTERNAL_H
#define KSHIM_AMD_INTERNAL_H

#include "kernel.h"
#include "irq.h"

typedef unsigned __int128 u128;
typedef u32 ioasid_t;

/* Lock-free lists (include/linux/llist.h): one CPU runs the kernel code */
struct llist_node { struct llist_node *next; };
struct llist_head { struct llist_node *first; };
static inline bool llist_empty(const struct llist_head *head) { return head->first == NULL; }
static inline bool llist_add(struct llist_node *n, struct llist_head *head)
{
	n->next = head->first;
	head->first = n;
	return n->next == NULL;
}
/* integer arithmetic, as the kernel's member_address_is_nonnull(): the walk
 * ends on a NULL node without forming a pointer from it */
#define llist_entry(ptr, type, member) \
	((type *)((uintptr_t)(ptr) - offsetof(type, member)))
#define llist_for_each_entry(pos, node, member)					\
	for (pos = llist_entry((node), __typeof__(*pos), member);		\
	     (uintptr_t)pos + offsetof(__typeof__(*pos), member) != 0;		\
	     pos = llist_entry(pos->member.next, __typeof__(*pos), member))

/* Memory encryption (SME/SEV) is off: physical addresses carry no C-bit */
#define __sme_set(x) (x)
#define __sme_clr(x) (x)

/* The unit that probed @dev: what __iommu_probe_device() records from the
 * driver's probe_device (dev->iommu->iommu_dev) */
#define iommu_get_iommu_dev(dev, type, member) \
	container_of((dev)->iommu_dev, type, member)

/* struct_group (include/linux/stddef.h): members reachable both
 * directly and as one named group */
#define struct_group(NAME, ...)						\
	union {								\
		struct { __VA_ARGS__ };					\
		struct { __VA_ARGS__ } NAME;				\
	}

typedef s64 __s64;
#define upper_32_bits(n) ((u32)(((u64)(n)) >> 32))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define SZ_8K 0x2000
#define SZ_512G 0x8000000000ULL
#define GFP_DMA32 0u
static inline int fls64(u64 x) { return x ? 64 - __builtin_clzll(x) : 0; }
/* include/asm-generic/getorder.h's contract: smallest order with size <= PAGE_SIZE << order */
static inline int get_order(unsigned long size)
{
	int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* Pages handed to the hardware: zeroed, page-aligned (kmod-stubs/vtd/x86_apic.c) */
#define iommu_alloc_pages(gfp, order) iommu_alloc_pages_node(NUMA_NO_NODE, gfp, order)
/* the register file is memory (kmod-stubs/amd/amd_regs.c) */
#define memcpy_toio(dst, src, n) memcpy((void *)(dst), src, n)
/* kdump's old device table is never mapped: a bundle is a cold boot */
static inline void *ioremap_encrypted(phys_addr_t addr, size_t size) { return NULL; }
/* page attributes and leak tracking: no page tables, no kmemleak */
static inline int set_memory_4k(unsigned long addr, int numpages) { return 0; }
#define kmemleak_alloc(p, size, count, gfp) do { } while (0)
#define kmemleak_free(p) do { } while (0)
/* the IRTE cache: interrupt tables are allocated per device only when an
 * interrupt is requested, which never happens in a run */
struct kmem_cache { int unused; };
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned long flags, void (*ctor)(void *));
static inline void kmem_cache_destroy(struct kmem_cache *c) { }

/* Confidential computing (SME/SEV-SNP): a bundle describes a plain host */
enum cc_attr { CC_ATTR_HOST_MEM_ENCRYPT, CC_ATTR_HOST_SEV_SNP };
static inline bool cc_platform_has(enum cc_attr attr) { return false; }
static inline void cc_platform_clear(enum cc_attr attr) { }

/*
 * The boot CPU: bundles do not record its family and model; the shim
 * states an AMD family 17h CPU with current microcode.  This decides only
 * the Hygon family 18h southbridge IOAPIC device id and errata 746 (family
 * 15h models 30h-3Fh), neither of which applies then.
 */
#define X86_VENDOR_AMD 2
#define X86_VENDOR_HYGON 9
struct cpuinfo_x86 { u8 x86_vendor, x86, x86_model; u32 microcode; };
extern struct cpuinfo_x86 boot_cpu_data;
#define X86_FEATURE_LA57 4
static inline bool cpu_feature_enabled(int feature) { return false; }	/* 4-level paging */

/* x86's IOMMU detection flags and the GART aperture (no GART in a bundle) */
extern int iommu_detected, no_iommu;
#define gart_iommu_aperture 0


static inline const char *acpi_format_exception(acpi_status status) { return "AE_ERROR"; }

/* Suspend/resume: no run suspends */
struct syscore_ops { int (*suspend)(void *); void (*resume)(void *); };
static inline void register_syscore(struct syscore_ops *ops) { }

/* The unit's PCI function: the kernel looks it up on the enumerated bus */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
static inline int pci_enable_device(struct pci_dev *dev) { return 0; }

static inline void dev_iommu_priv_set(struct device *dev, void *priv) { dev->iommu_priv = priv; }
/* the default domain is translated (Debian's IOMMU_DEFAULT_DMA_LAZY) */
static inline bool iommu_default_passthrough(void) { return false; }
#define IOMMU_NO_PASID 0
#define dev_err_once dev_err
#define ratelimit_default_init(rs) do { } while (0)
#define init_llist_head(h) ((h)->first = NULL)
/* include/linux/iommu-helper.h's contract: pages spanned by [addr, addr+len) */
static inline unsigned long iommu_num_pages(unsigned long addr, unsigned long len,
					    unsigned long io_page_size)
{
	return DIV_ROUND_UP((addr & (io_page_size - 1)) + len, io_page_size);
}
/* one CPU: the 128-bit device-table store needs no atomicity */
#define arch_cmpxchg128_local(ptr, old, new) (*(ptr) = (new))

/*
 * ATS, PRI and PASID (drivers/pci/ats.c): device TLBs and page requests are
 * not modelled: no device reports them, which leaves groups and remapping
 * unchanged.  Neither do PPR logs or IOPF queues exist (ppr.c, pasid.c).
 */
static inline bool pci_ats_supported(struct pci_dev *dev) { return false; }
static inline bool pci_pri_supported(struct pci_dev *dev) { return false; }
static inline int pci_pasid_features(struct pci_dev *dev) { return -EINVAL; }
static inline int pci_max_pasids(struct pci_dev *dev) { return -EINVAL; }
static inline void pci_prepare_ats(struct pci_dev *dev, int ps) { }

/* ACPI namespace devices (IVHD F0h): bundles carry no namespace, so no
 * platform device has a companion and the HID map is never matched */
static inline bool acpi_dev_hid_uid_match(struct acpi_device *adev, const char *hid, const char *uid)
{
	return false;
}
static inline bool acpi_dev_hid_match(struct acpi_device *adev, const char *hid) { return false; }

/* the page-table format names amd_iommu= selects (include/linux/io-pgtable.h) */
enum io_pgtable_fmt { AMD_IOMMU_V1 = 4, AMD_IOMMU_V2 };

/* Protection domains and page tables: the DMA API, not run; only pointers
 * to them appear in the structures the compiled code uses */
struct protection_domain;
struct amd_io_pgtable;

#endif
