/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PCI core's objects as the compiled code uses them.  struct pci_dev and
 * struct pci_bus carry only the fields the extracted functions touch; the
 * register layout (pci_regs.h), the ID constants (pci_ids.h) and the inline
 * helpers of include/linux/pci.h and drivers/pci/pci.h come from the kernel
 * tree under test, at build time.
 */
#ifndef KSHIM_PCI_H
#define KSHIM_PCI_H

#include "types.h"
#include "bitops.h"
#include "list.h"
#include "device.h"
#include "printk.h"

#include <linux/pci_regs.h>	/* from the tree: include/uapi/linux/pci_regs.h */
#include <linux/pci_ids.h>	/* from the tree: include/linux/pci_ids.h */

#define PCI_ANY_ID (~0)
#define MAX_NR_DEVFNS 256
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)
#define PCI_DEVFN(slot, func) ((((slot) & 0x1f) << 3) | ((func) & 0x07))

/* return codes of the config accessors */
#define PCIBIOS_SUCCESSFUL 0x00
#define PCIBIOS_FUNC_NOT_SUPPORTED 0x81
#define PCIBIOS_BAD_VENDOR_ID 0x83
#define PCIBIOS_DEVICE_NOT_FOUND 0x86
#define PCIBIOS_BAD_REGISTER_NUMBER 0x87
#define PCIBIOS_SET_FAILED 0x88
#define PCIBIOS_BUFFER_TOO_SMALL 0x89
#define PCI_ERROR_RESPONSE (~0ULL)
#define PCI_SET_ERROR_RESPONSE(val) (*(val) = ((__typeof__(*(val)))PCI_ERROR_RESPONSE))
#define PCI_POSSIBLE_ERROR(val) ((val) == ((__typeof__(val))PCI_ERROR_RESPONSE))

struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask;
	unsigned long driver_data;
	u32 override_only;
};

struct resource {
	resource_size_t start, end;
	const char *name;
	unsigned long flags;
};
#include "kgen/ioport_h.h"	/* resource flags, from the tree */
#define IO_SPACE_LIMIT 0xffff

struct pci_bus;
struct pci_ops {
	int (*read)(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val);
	int (*write)(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val);
};

struct pci_bus {
	struct list_head node;		/* in the parent's children list */
	struct pci_bus *parent;
	struct list_head children;
	struct list_head devices;	/* struct pci_dev.bus_list */
	struct pci_dev *self;		/* the bridge leading to this bus */
	struct pci_ops *ops;
	void *sysdata;
	struct device *bridge;
	struct device dev;		/* the bus's own device (MSI domain) */
	int domain_nr;
	unsigned char number;
	unsigned char primary;
	struct resource busn_res;		/* bus numbers: start..end (subordinate) */
	unsigned int bus_flags;
};

struct pci_sriov {
	u32 class;
	u8 hdr_type;
	u16 subsystem_vendor, subsystem_device;
};

struct pci_dev {
	struct list_head bus_list;
	struct pci_bus *bus;
	struct pci_bus *subordinate;
	void *sysdata;
	unsigned int devfn;
	unsigned short vendor, device;
	unsigned short subsystem_vendor, subsystem_device;
	unsigned int class;
	u8 revision;
	u8 hdr_type;
	u8 pcie_cap;
	u8 pcie_mpss:3;
	u8 pin;
	u16 pcie_flags_reg;
	u16 acs_cap;
	u16 ats_cap;
	u32 devcap;
	unsigned long *dma_alias_mask;
	struct device dev;
	u64 dma_mask;
	void *dma_parms;
	int cfg_size;
	unsigned int irq;
	int current_state;
	unsigned int error_state;
	unsigned long priv_flags;
	unsigned short dev_flags;
	u8 supported_speeds;
	spinlock_t pcie_cap_lock;
	raw_spinlock_t msi_lock;
	struct resource resource[17];
	struct resource driver_exclusive_resource;
	unsigned int transparent:1;
	unsigned int multifunction:1;
	unsigned int is_virtfn:1;
	unsigned int is_physfn:1;
	unsigned int ari_enabled:1;
	unsigned int is_hotplug_bridge:1;
	unsigned int is_pciehp:1;
	unsigned int is_thunderbolt:1;
	unsigned int untrusted:1;
	unsigned int external_facing:1;
	unsigned int link_active_reporting:1;
	unsigned int aspm_l0s_support:1;
	unsigned int aspm_l1_support:1;
	unsigned int non_compliant_bars:1;
	unsigned int mmio_always_on:1;
	unsigned int broken_intx_masking:1;
	unsigned int state_saved:1;
	unsigned int match_driver:1;
	unsigned int irq_managed:1;
	unsigned int msi_enabled:1;
	unsigned int msix_enabled:1;
	unsigned int no_msi:1;
	unsigned int is_busmaster:1;
	unsigned int removable:1;
	union {
		struct pci_dev *physfn;
		struct pci_sriov *sriov;
	};
};

extern struct bus_type pci_bus_type;
extern unsigned int pci_flags;
extern bool pci_early_dump;
extern struct rw_semaphore pci_bus_sem;
extern u8 pci_dfl_cache_line_size;
extern u8 pci_cache_line_size;

/* the kernel's inline helpers and fixup declarations, from the tree */
#include "kgen/pci_h.h"
#include "kgen/pci_internal_h.h"

/*
 * The fixup tables: one named section per pass, as the kernel's linker
 * script makes them.  C-identifier section names give __start_/__stop_
 * symbols for free (and ASan leaves such sections unpadded, so the arrays
 * are dense).  These registration macros are the shim's; the entries, the
 * hooks and the runner (pci_fixup_device) are the kernel's.
 */
#define KSHIM_FIXUP(sec, vendor, device, class, class_shift, fn, n)	\
	KSHIM_FIXUP_(sec, vendor, device, class, class_shift, fn, n)
#define KSHIM_FIXUP_(sec, vendor, device, class, class_shift, fn, n)	\
	static const struct pci_fixup __pci_fixup_##fn##_##n		\
	__attribute__((used, section(#sec), aligned(8))) =		\
		{ vendor, device, class, class_shift, .hook = fn }
#define DECLARE_PCI_FIXUP_CLASS_EARLY(vendor, device, class, shift, hook) \
	KSHIM_FIXUP(pci_fixups_early, vendor, device, class, shift, hook, __COUNTER__)
#define DECLARE_PCI_FIXUP_CLASS_HEADER(vendor, device, class, shift, hook) \
	KSHIM_FIXUP(pci_fixups_header, vendor, device, class, shift, hook, __COUNTER__)
#define DECLARE_PCI_FIXUP_CLASS_FINAL(vendor, device, class, shift, hook) \
	KSHIM_FIXUP(pci_fixups_final, vendor, device, class, shift, hook, __COUNTER__)
#define DECLARE_PCI_FIXUP_EARLY(vendor, device, hook) \
	DECLARE_PCI_FIXUP_CLASS_EARLY(vendor, device, PCI_ANY_ID, 0, hook)
#define DECLARE_PCI_FIXUP_HEADER(vendor, device, hook) \
	DECLARE_PCI_FIXUP_CLASS_HEADER(vendor, device, PCI_ANY_ID, 0, hook)
#define DECLARE_PCI_FIXUP_FINAL(vendor, device, hook) \
	DECLARE_PCI_FIXUP_CLASS_FINAL(vendor, device, PCI_ANY_ID, 0, hook)
/* the kernel's linker script names the ends __end_; the linker's are __stop_ */
#define __end_pci_fixups_early __stop_pci_fixups_early
#define __end_pci_fixups_header __stop_pci_fixups_header
#define __end_pci_fixups_final __stop_pci_fixups_final
#define __end_pci_fixups_enable __stop_pci_fixups_enable
#define __end_pci_fixups_resume __stop_pci_fixups_resume
#define __end_pci_fixups_resume_early __stop_pci_fixups_resume_early
#define __end_pci_fixups_suspend __stop_pci_fixups_suspend
#define __end_pci_fixups_suspend_late __stop_pci_fixups_suspend_late

/* config space: the host bridge's accessors, served by kmod-stubs/pci_config.c */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val);

#include "pci_functions.h"

#endif
