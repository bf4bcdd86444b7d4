/* SPDX-License-Identifier: GPL-2.0-only */
/* The shim's own cross-file interface (not seen by kernel code). */
#ifndef KSHIM_INTERNAL_H
#define KSHIM_INTERNAL_H

#include <isofuzz/platform.h>

struct pci_bus;

/* alloc.c */
void kshim_free_all(void);
void *kshim_alloc_pages(int order);
/* printk.c */
void kshim_log_reset(void);
char *kshim_log_take(size_t *len);
void kshim_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *kshim_failure_take(void);
/* device.c */
void kshim_devices_reset(void);
/* pci_config.c */
void kshim_config_load(const struct platform *platform);
void kshim_config_release(void);
extern struct pci_ops kshim_pci_ops;
/* acpi_tables.c */
void kshim_acpi_load(const struct platform *platform);
/* params.c */
void kshim_parse_cmdline(char *cmdline);
void kshim_params_release(void);
/* kstate.c */
void kshim_state_reset(void);
/* enumerate.c */
int kshim_enumerate(const struct platform *platform);
/* watchdog.c: a run's CPU-time limit; a hang ends it like a BUG() */
#define KSHIM_WATCHDOG_SECONDS 10
void kshim_watchdog_arm(void);
int kshim_watchdog_disarm(void);
const char *kshim_watchdog_where(void);
/* iommu_group.c */
void kshim_groups_reset(void);

/* Register files (vtd/vtd_regs.c, amd/amd_regs.c): little-endian registers
 * of @size bytes, and whether an access lies inside a file's window. */
static inline uint64_t kshim_reg_get(const uint8_t *p, int size)
{
	uint64_t v = 0;

	for (int i = 0; i < size; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static inline void kshim_reg_put(uint8_t *p, int size, uint64_t v)
{
	for (int i = 0; i < size; i++)
		p[i] = v >> (8 * i);
}

static inline _Bool kshim_reg_in(const volatile void *addr, int size, const uint8_t *window,
				 size_t len, unsigned *off)
{
	const uint8_t *p = (const uint8_t *)addr;

	if (p < window || p + size > window + len)
		return 0;
	*off = p - window;
	return 1;
}

/* vtd_regs.c: DRHD register files for the platform's DMAR; whether it has one */
extern const uint64_t kshim_vtd_default_cap, kshim_vtd_default_ecap;
_Bool kshim_vtd_load(const struct platform *platform);
void kshim_vtd_release(void);
int kshim_vtd_defaults(uint64_t base);

/* x86_apic.c: IOAPICs from the MADT, CPU features from cpuinfo */
void kshim_x86_load(const struct platform *platform);
int kshim_hpet_id(void);
void kshim_irq_reset(void);
struct device;
struct iommu_ops;
int kshim_probe_groups(const struct iommu_ops *(*driver)(struct device *dev));
void kshim_probe_on_register(const struct iommu_ops *(*driver)(struct device *dev));

/* amd/amd_regs.c: AMD-Vi register files for the platform's IVRS; whether it has one */
extern const uint64_t kshim_amd_default_efr;
_Bool kshim_amd_load(const struct platform *platform);
void kshim_amd_release(void);
int kshim_amd_defaults(uint64_t base);
void *kshim_amd_ioremap(uint64_t addr, size_t size);
_Bool kshim_amd_read(const volatile void *addr, int size, uint64_t *val);
_Bool kshim_amd_write(volatile void *addr, int size, uint64_t val);

/* amd/boot_amd.c: the AMD-Vi steps of an x86 boot */
void kshim_amd_detect(void);
void kshim_amd_late(void);
void kshim_amd_observe(struct observation *obs);
/* boot_vtd.c: per group, isolated MSI and reserved regions (both drivers) */
void kshim_observe_groups(struct observation *obs);

/* boot_vtd.c: the VT-d steps of an x86 boot */
void kshim_vtd_early(void);
void kshim_vtd_late(void);
const struct iommu_ops *kshim_vtd_driver(struct device *dev);
void kshim_vtd_observe(struct observation *obs);

#endif
