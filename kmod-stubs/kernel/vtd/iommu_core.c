// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/iommu.c: iommu_group_has_isolated_msi(), group reserved
 * regions, generic_device_group().
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/vtd/iommu_core.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
#include "kgen/iommu_core.c"
