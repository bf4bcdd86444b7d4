/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the Intel VT-d files (dmar.c, iommu.c, irq_remapping.c) see in place
 * of their #includes: the kernel's own declarations, extracted from the
 * tree (kgen/NAME_h.h), and the stand-ins of kshim/vtd_internal.h.
 */
#ifndef KSHIM_VTD_H
#define KSHIM_VTD_H

#include "kernel.h"
#include "kernel_internal.h"
#include "irq.h"

/* ACPICA declares its tables under pack(1) (include/acpi/actbl.h) */
#pragma pack(push, 1)
#include "kgen/acpi_dmar_h.h"
#pragma pack(pop)
#include "kgen/apicdef_h.h"

#include "kgen/hpet_h.h"
#include "vtd_internal.h"
#include "kgen/dmar_h.h"
#include "kgen/intel_iommu_h.h"
#include "kgen/intel_perf_h.h"
#include "kgen/e820_types_h.h"
#include "kgen/asm_iommu_h.h"
#include "kgen/asm_irq_remapping_h.h"
#include "kgen/irq_remapping_h.h"

#endif
