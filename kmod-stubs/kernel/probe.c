// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/pci/probe.c: config space to pci_dev state, the slot scan.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/probe.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/probe.c"
