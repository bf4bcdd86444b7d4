// SPDX-License-Identifier: GPL-2.0-only
/*
 * One run of the kernel's code on one platform: reset everything, boot the
 * way the kernel does (command line, IOMMU present so ACS is requested, PCI
 * enumeration, final fixups, IOMMU probe), record what it decided, then
 * free everything the kernel allocated.  A BUG() in kernel code ends the
 * run early and is reported in obs->failure, never as a crash of ours.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/kernel.h>
#include <kshim/kernel_internal.h>
#include "kshim_internal.h"

extern jmp_buf kshim_bug_jmp;

/* VT-d steps, compiled only for trees that have them (CMakeLists.txt) */
#ifdef KSHIM_VTD
#define KSHIM_VTD_CALL(call) call
#define KSHIM_VTD_DRIVER kshim_vtd_driver
#else
#define KSHIM_VTD_CALL(call) do { } while (0)
#define KSHIM_VTD_DRIVER every_device
#endif
/* AMD-Vi steps, likewise (it builds on the VT-d shim's x86 pieces) */
#ifdef KSHIM_AMD
#define KSHIM_AMD_CALL(call) call
#else
#define KSHIM_AMD_CALL(call) do { } while (0)
#endif

const char kshim_kernel_version[] = KTREE_VERSION;
const char kshim_kernel_tree[] = KTREE_DIR;

/*
 * The quirks' word on each device (observation_device.acs_quirk and
 * quirk_alias), taken after the final fixups and before an IOMMU driver
 * adds DMA aliases of its own (AMD's setup_aliases()), in the order of
 * pci_bus_type.devices, which observe() walks.
 */
struct quirk_word {
	int acs;
	uint8_t alias[32];
};
static struct quirk_word *quirk_words;
static size_t nr_quirk_words;

static void take_quirk_words(void)
{
	/* pci_device_group()'s REQ_ACS_FLAGS (drivers/iommu/iommu.c) */
	const u16 req = PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF;
	struct device *d;
	size_t n = 0;

	list_for_each_entry(d, &pci_bus_type.devices, bus_node)
		n++;
	quirk_words = calloc(n ? n : 1, sizeof(*quirk_words));
	if (!quirk_words)
		return;
	list_for_each_entry(d, &pci_bus_type.devices, bus_node) {
		struct pci_dev *pdev = to_pci_dev(d);
		struct quirk_word *q = &quirk_words[nr_quirk_words++];
		int acs = pci_dev_specific_acs_enabled(pdev, req);

		q->acs = acs < 0 ? -1 : !!acs;
		/* the 256-devfn bitmap, a byte at a time (bit f: byte f / 8) */
		for (unsigned int b = 0; pdev->dma_alias_mask && b < sizeof(q->alias); b++)
			q->alias[b] = pdev->dma_alias_mask[b / sizeof(long)] >>
				      (8 * (b % sizeof(long)));
	}
}

static void observe(struct observation *obs)
{
	struct device *d;
	size_t n = 0;

	list_for_each_entry(d, &pci_bus_type.devices, bus_node)
		n++;
	obs->devices = calloc(n ? n : 1, sizeof(*obs->devices));
	if (!obs->devices)
		return;
	list_for_each_entry(d, &pci_bus_type.devices, bus_node) {
		struct pci_dev *pdev = to_pci_dev(d);
		struct observation_device *o = &obs->devices[obs->nr_devices++];

		o->segment = pci_domain_nr(pdev->bus);
		o->bus = pdev->bus->number;
		o->devfn = pdev->devfn;
		o->vendor = pdev->vendor;
		o->device = pdev->device;
		o->class = pdev->class;
		o->pcie_type = pci_is_pcie(pdev) ? pci_pcie_type(pdev) : -1;
		o->group = d->iommu_group ? d->iommu_group->id : -1;
		o->unit = -1;
		o->acs_quirk = -1;
		if (obs->nr_devices <= nr_quirk_words) {
			o->acs_quirk = quirk_words[obs->nr_devices - 1].acs;
			memcpy(o->quirk_alias, quirk_words[obs->nr_devices - 1].alias,
			       sizeof(o->quirk_alias));
		}
	}
}

/*
 * Without DMAR (or IVRS) the platform has no IOMMU; the harness then runs
 * the grouping as if one IOMMU translated every device, so topologies can
 * be judged on their own.
 */
static struct iommu_ops topology_only_ops = { .device_group = pci_device_group };

static const struct iommu_ops *every_device(struct device *dev)
{
	return &topology_only_ops;
}

int kshim_run(const struct platform *platform, struct observation *obs)
{
	volatile bool vtd, amd = false;
	char *volatile cmdline = strdup(platform->cmdline ? platform->cmdline : "");
	volatile int ret = 0;

	memset(obs, 0, sizeof(*obs));
	kshim_state_reset();
	kshim_log_reset();
	kshim_devices_reset();
	kshim_groups_reset();
	kshim_config_load(platform);
	kshim_acpi_load(platform);

#ifdef KSHIM_VTD
	kshim_irq_reset();
	kshim_x86_load(platform);
	vtd = kshim_vtd_load(platform);
	KSHIM_AMD_CALL(amd = kshim_amd_load(platform));
#else
	vtd = false;
#endif

	kshim_watchdog_arm();
	if (!setjmp(kshim_bug_jmp) && cmdline) {
		kshim_parse_cmdline(cmdline);
		if (vtd || amd) {
			/* pci_iommu_alloc(): AMD's detection, then Intel's */
			if (amd)
				KSHIM_AMD_CALL(kshim_amd_detect());
			KSHIM_VTD_CALL(kshim_vtd_early());
		} else {
			/* topology only: as if an IOMMU covered every device, asking for ACS */
			pci_request_acs();
		}
		kshim_enumerate(platform);
		take_quirk_words();
		if (amd)
			KSHIM_AMD_CALL(kshim_amd_late());	/* probes as units register */
		if (vtd || amd)
			KSHIM_VTD_CALL(kshim_vtd_late());
		obs->nr_groups = kshim_probe_groups(vtd || amd ? KSHIM_VTD_DRIVER : every_device);
	} else {
		ret = -1;
	}
	observe(obs);
	free(quirk_words);
	quirk_words = NULL;
	nr_quirk_words = 0;
	if ((vtd || amd) && !setjmp(kshim_bug_jmp)) {
		if (vtd)
			KSHIM_VTD_CALL(kshim_vtd_observe(obs));
		else
			KSHIM_AMD_CALL(kshim_amd_observe(obs));
	}
	if (kshim_watchdog_disarm()) {
		char where[512];
		size_t first;

		/* "hang in FIRST: ..." names it as a signature (finding_hang_signature) */
		kshim_watchdog_where(where, sizeof(where));
		first = strcspn(where, ",");
		kshim_fail("hang%s%.*s: the kernel code ran for %d s of CPU time without returning%s%s",
			   first ? " in " : "", (int)first, where, KSHIM_WATCHDOG_SECONDS,
			   where[0] ? ", in " : "", where);
		ret = -1;
	}
	obs->log = kshim_log_take(&obs->log_len);
	obs->failure = kshim_failure_take();

	kshim_free_all();
	kshim_config_release();
	kshim_params_release();
	kshim_acpi_load(NULL);
	KSHIM_VTD_CALL(kshim_vtd_release());
	KSHIM_AMD_CALL(kshim_amd_release());
	free(cmdline);
	return ret;
}
