// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/iommu.c: pci_device_group() and its helpers.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/iommu.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/iommu.c"
