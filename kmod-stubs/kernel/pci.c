// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/pci/pci.c: capability walks, ACS, ARI, DMA aliases, the pci= parameter.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/pci.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/pci.c"
