// SPDX-License-Identifier: GPL-2.0-only
/*
 * kernel/irq/msi.c: msi_device_has_isolated_msi().
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/msi.list.
 */
#include <kshim/vtd.h>
#include <kshim/kstate.h>
#include "kgen/msi.c"
