/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device names from the PCI ID database (pci.ids, via libpci when the build
 * found it with pkg-config), for the human-readable outputs.
 */
#ifndef ISOFUZZ_NAMES_H
#define ISOFUZZ_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* "Vendor Device", or "" when unknown or built without libpci; buf is returned. */
const char *names_device(uint16_t vendor, uint16_t device, char *buf, size_t size);
/* lspci's name of a PCIe port type (PCI_EXP_TYPE_*); -1: "conventional PCI" */
const char *pcie_type_name(int type);
/* Frees the database (at exit: no leak reports). */
void names_release(void);

#endif
