// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/iommu/amd/init.c: IVRS detection, checksum and walk, IVHD
 * 10h/11h/40h and their device entries, alias and device tables, special
 * IOAPIC/HPET/ACPI-HID devices, IVMD unity maps, the southbridge IOAPIC
 * check and interrupt-remapping decision, EFR, the ivrs_* and amd_iommu=
 * parameters, and the init state machine.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/amd/amd_init.list.
 */
#include <kshim/amd.h>
#include <kshim/kstate.h>
/*
 * Not run, each for its reason (the list names them "shim"):
 *  - the unit's own interrupts (event, PPR and GA logs over MSI or
 *    IntCapXT): they report faults, they do not decide which device's
 *    interrupts are remapped;
 *  - suspend/resume: no run suspends;
 *  - SEV-SNP: cc_platform_has() is false for a bundle, where both return
 *    at once in the kernel;
 *  - the unit's sysfs attributes (cap, features): not created.
 */
static struct syscore_ops amd_iommu_syscore;
static const struct attribute_group *amd_iommu_groups[] = { NULL };
static int amd_iommu_enable_interrupts(void)
{
	return 0;
}
static void iommu_snp_enable(void)
{
}
static void amd_iommu_apply_erratum_snp(void)
{
}

#include "kgen/amd_init.c"

/* pci_iommu_init()'s call of x86_init.iommu.iommu_init, when
 * amd_iommu_detect() set it: whether it did. */
bool kshim_amd_iommu_init(void)
{
	if (x86_init.iommu.iommu_init != amd_iommu_init)
		return false;
	x86_init.iommu.iommu_init();
	return true;
}

/* Whether the driver's state machine ended in error (init_state). */
bool kshim_amd_init_failed(void)
{
	return init_state == IOMMU_INIT_ERROR;
}

/* Whether it got to the end with the units translating: an error on the
 * way frees the DMA resources (state_next()), and disables the units
 * unless interrupt remapping keeps them. */
bool kshim_amd_initialized(void)
{
	return init_state == IOMMU_INITIALIZED;
}

/* The remapping mode the kernel settled on (amd_iommu_xt_mode). */
int kshim_amd_xt_mode(void)
{
	return amd_iommu_xt_mode;
}
