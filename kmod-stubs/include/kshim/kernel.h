/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Everything a compiled kernel file sees in place of its #includes (which
 * kextract drops).  Each concern has its own header; this one gathers them.
 */
#ifndef KSHIM_KERNEL_H
#define KSHIM_KERNEL_H

#include "types.h"
#include "errno.h"
#include "bitops.h"
#include "list.h"
#include "slab.h"
#include "printk.h"
#include "init.h"
#include "device.h"
#include "acpi.h"
#include "io.h"
#include "string.h"
#include "pci.h"
#include "iommu.h"

#endif
