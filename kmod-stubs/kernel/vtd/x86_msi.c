// SPDX-License-Identifier: GPL-2.0-only
/*
 * arch/x86/kernel/apic/msi.c: pci_dev_has_default_msi_parent_domain().
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/x86_msi.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
#include "kgen/x86_msi.c"
