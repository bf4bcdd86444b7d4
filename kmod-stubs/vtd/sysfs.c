// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sysfs attribute groups of a VT-d unit.  dmar.c's alloc_iommu() names
 * intel_iommu_groups (defined in intel/iommu.c with the cap/ecap/version
 * attributes, not extracted) only on its hotplug path, behind
 * intel_iommu_enabled, which the extracted header defines as 0; an
 * optimised build drops the reference, -O0 keeps it.  The shim creates no
 * sysfs (iommu_device_sysfs_add() ignores the groups, vtd_internal.h), so
 * an empty list is all that path could ever be given.
 */
#include <kshim/vtd.h>

const struct attribute_group *intel_iommu_groups[] = { NULL };
