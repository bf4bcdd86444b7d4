// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/pci/access.c: device-level and PCIe-capability config accessors.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/access.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
#include "kgen/access.c"
