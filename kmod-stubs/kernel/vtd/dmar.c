// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/intel/dmar.c: DMAR table walk, structure parsers, DRHD
 * registers, device scopes, queued invalidation.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/dmar.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
#include "kgen/dmar.c"
