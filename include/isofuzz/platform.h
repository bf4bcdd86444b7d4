/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The two types that cross isofuzz's borders: a platform (one machine: its
 * PCI functions' config spaces, firmware tables and command line) goes into
 * the kernel shim; an observation (what the kernel decided) comes out.
 * harness/ builds platforms and reads observations; kmod-stubs/ consumes
 * one and fills the other; neither knows how the other side works.
 */
#ifndef ISOFUZZ_PLATFORM_H
#define ISOFUZZ_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#define PLATFORM_CONFIG_MAX 4096

struct platform_pci_function {
	uint16_t segment;
	uint8_t bus;
	uint8_t devfn;
	size_t config_size;		/* bytes present: 64, 256 or 4096 */
	uint8_t config[PLATFORM_CONFIG_MAX];
};

struct platform_table {
	char signature[5];
	uint8_t *data;
	size_t len;
};

struct platform {
	char *cmdline;
	struct platform_pci_function *functions;
	size_t nr_functions;
	struct platform_table *tables;
	size_t nr_tables;
};

/* One PCI function as the kernel enumerated it. */
struct observation_device {
	uint16_t segment;
	uint8_t bus;
	uint8_t devfn;
	uint16_t vendor, device;
	uint32_t class;
	int pcie_type;			/* PCI_EXP_TYPE_*, or -1 for conventional PCI */
	int group;			/* IOMMU group id, -1 when none */
};

struct observation {
	struct observation_device *devices;	/* in the kernel's probe order */
	size_t nr_devices;
	int nr_groups;
	char *log;			/* the kernel's log of the run */
	size_t log_len;
	char *failure;			/* kernel BUG or WARN, NULL when none */
};

/* kmod-stubs: run the kernel's code on a platform. 0, or -1 if it hit BUG(). */
int kshim_run(const struct platform *platform, struct observation *obs);
void observation_release(struct observation *obs);
/* The kernel tree the shim was built from, e.g. "6.12.117". */
extern const char kshim_kernel_version[];

#endif
