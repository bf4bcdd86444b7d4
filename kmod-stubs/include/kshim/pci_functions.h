/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Prototypes of the PCI core functions compiled from the tree (see
 * kmod-stubs/lists/) that are called from another kernel file or from the
 * shim.  Written from their use; their definitions are the kernel's.
 */
#ifndef KSHIM_PCI_FUNCTIONS_H
#define KSHIM_PCI_FUNCTIONS_H

/* drivers/pci/access.c */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val);
int pcie_capability_clear_and_set_word_unlocked(struct pci_dev *dev, int pos,
						u16 clear, u16 set);
int pcie_capability_clear_and_set_word_locked(struct pci_dev *dev, int pos,
					      u16 clear, u16 set);
int pcie_capability_clear_and_set_dword(struct pci_dev *dev, int pos,
					u32 clear, u32 set);
#define pcie_capability_set_word(dev, pos, set) \
	pcie_capability_clear_and_set_word_unlocked(dev, pos, 0, set)
#define pcie_capability_clear_word(dev, pos, clear) \
	pcie_capability_clear_and_set_word_unlocked(dev, pos, clear, 0)
#define pcie_capability_set_dword(dev, pos, set) \
	pcie_capability_clear_and_set_dword(dev, pos, 0, set)
#define pcie_capability_clear_dword(dev, pos, clear) \
	pcie_capability_clear_and_set_dword(dev, pos, clear, 0)

/* drivers/pci/pci.c */
u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);
u16 pci_find_next_ext_capability(struct pci_dev *dev, u16 start, int cap);
u16 pci_find_vsec_capability(struct pci_dev *dev, u16 vendor, int cap);
bool pci_acs_enabled(struct pci_dev *pdev, u16 acs_flags);
bool pci_acs_path_enabled(struct pci_dev *start, struct pci_dev *end, u16 acs_flags);
void pci_acs_init(struct pci_dev *dev);
void pci_request_acs(void);
void pci_configure_ari(struct pci_dev *dev);
void pci_add_dma_alias(struct pci_dev *dev, u8 devfn_from, unsigned int nr_devfns);
bool pci_devs_are_dma_aliases(struct pci_dev *dev1, struct pci_dev *dev2);
bool pci_ats_disabled(void);

/* drivers/pci/quirks.c */
void pci_fixup_device(enum pci_fixup_pass pass, struct pci_dev *dev);
int pci_dev_specific_acs_enabled(struct pci_dev *dev, u16 acs_flags);
int pci_dev_specific_enable_acs(struct pci_dev *dev);
int pci_dev_specific_disable_acs_redir(struct pci_dev *dev);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

int pci_idt_bus_quirk(struct pci_bus *bus, int devfn, u32 *pl, int rrs_timeout);

/* drivers/pci/probe.c */
int pci_scan_slot(struct pci_bus *bus, int devfn);
struct pci_dev *pci_scan_single_device(struct pci_bus *bus, int devfn);
int pci_setup_device(struct pci_dev *dev);
bool pci_bus_generic_read_dev_vendor_id(struct pci_bus *bus, int devfn, u32 *l,
					int timeout);
void set_pcie_port_type(struct pci_dev *pdev);
void set_pcie_hotplug_bridge(struct pci_dev *pdev);
int pci_cfg_space_size(struct pci_dev *dev);

/* drivers/pci/search.c */
int pci_for_each_dma_alias(struct pci_dev *pdev,
			   int (*fn)(struct pci_dev *pdev, u16 alias, void *data),
			   void *data);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
struct pci_dev *pci_get_subsys(unsigned int vendor, unsigned int device,
			       unsigned int ss_vendor, unsigned int ss_device,
			       struct pci_dev *from);
struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn);

#endif
