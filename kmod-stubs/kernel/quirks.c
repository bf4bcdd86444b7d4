// SPDX-License-Identifier: GPL-2.0-only
/*
 * drivers/pci/quirks.c: the fixup runner, ACS quirks, DMA-alias fixups.
 * The kernel's code, unchanged: kextract pulls it from the tree under test
 * at build time as listed in kmod-stubs/lists/quirks.list.
 */
#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include <kshim/kstate.h>
/*
 * A pass with no fixup compiled in has no section, hence no __start_ and
 * __stop_ symbols: let those resolve to NULL, an empty table.
 */
#pragma weak __start_pci_fixups_early
#pragma weak __stop_pci_fixups_early
#pragma weak __start_pci_fixups_header
#pragma weak __stop_pci_fixups_header
#pragma weak __start_pci_fixups_final
#pragma weak __stop_pci_fixups_final
#pragma weak __start_pci_fixups_enable
#pragma weak __stop_pci_fixups_enable
#pragma weak __start_pci_fixups_resume
#pragma weak __stop_pci_fixups_resume
#pragma weak __start_pci_fixups_resume_early
#pragma weak __stop_pci_fixups_resume_early
#pragma weak __start_pci_fixups_suspend
#pragma weak __stop_pci_fixups_suspend
#pragma weak __start_pci_fixups_suspend_late
#pragma weak __stop_pci_fixups_suspend_late
#include "kgen/quirks.c"

/* The boot step that applies the final fixups (an fs_initcall in the kernel). */
int kshim_pci_apply_final_quirks(void)
{
	return pci_apply_final_quirks();
}
