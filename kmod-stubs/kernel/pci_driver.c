// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/pci/pci-driver.c: pci_match_id().
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/pci_driver.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/pci_driver.c"
