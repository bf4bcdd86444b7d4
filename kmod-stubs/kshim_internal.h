/* SPDX-License-Identifier: GPL-2.0-only */
/* The shim's own cross-file interface (not seen by kernel code). */
#ifndef KSHIM_INTERNAL_H
#define KSHIM_INTERNAL_H

#include <isofuzz/platform.h>

struct pci_bus;

/* alloc.c */
void kshim_free_all(void);
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
/* iommu_group.c */
void kshim_groups_reset(void);
int kshim_probe_groups(void);

#endif
