/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the AMD-Vi files (init.c, iommu.c) see in place of their #includes:
 * the x86 interrupt-remapping declarations shared with the VT-d shim, the
 * kernel's own AMD headers extracted from the tree (kgen/amd_*_h.h), and
 * the stand-ins of kshim/amd_internal.h.
 */
#ifndef KSHIM_AMD_H
#define KSHIM_AMD_H

#include "kernel.h"
#include "kernel_internal.h"
#include "irq.h"
#include "kgen/apicdef_h.h"
#include "kgen/hpet_h.h"
/* the x86 platform stand-ins (IOAPICs, CPU features, boot hooks, pages)
 * are shared with the VT-d code; its DMAR and IRTE types are not included */
#include "vtd_internal.h"
#include "kgen/asm_irq_remapping_h.h"
#include "kgen/irq_remapping_h.h"
#include "amd_internal.h"
#include "kgen/amd_iommu_types_h.h"
#include "kgen/amd_iommu_h.h"

#endif
