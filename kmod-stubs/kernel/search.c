// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/pci/search.c: pci_for_each_dma_alias(), device iterators.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/search.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/search.c"
