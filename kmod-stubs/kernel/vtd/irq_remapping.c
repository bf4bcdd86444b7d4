// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/irq_remapping.c: intremap= and the prepare/enable switch.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/irq_remapping.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
/* x86's APIC restore-on-crash hook: no crash kernel follows a run */
static void irq_remapping_modify_x86_ops(void)
{
}

#include "kgen/irq_remapping.c"
