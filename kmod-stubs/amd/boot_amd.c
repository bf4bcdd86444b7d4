// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AMD-Vi part of an x86 boot, in the kernel's order, calling the
 * kernel's functions (compiled from the tree) where the kernel calls them:
 *   pci_iommu_alloc()    amd_iommu_detect(): IVRS present, ACS requested
 *                        (then detect_intel_iommu(), kmod-stubs/vtd/boot_vtd.c)
 *   enable_IR_x2apic()   irq_remapping_prepare() -> amd_iommu_prepare():
 *                        early_amd_iommu_init() (checksum, IVHD type, the
 *                        walk, check_ioapic_information(), IVMD), then
 *                        irq_remapping_enable() -> amd_iommu_enable()
 *   (PCI enumeration)
 *   pci_iommu_init()     amd_iommu_init(): the state machine to
 *                        IOMMU_INITIALIZED; amd_iommu_init_pci() registers
 *                        each unit, and registration probes the bus:
 *                        amd_iommu_probe_device(), device_group
 * The steps are the kernel's state machine (state_next()); the shim only
 * calls its entry points.  Then what the kernel decided is written into
 * the observation.
 */
#include <stdlib.h>

#include <kshim/amd.h>
#include "../kshim_internal.h"

/* kernel/amd wrappers: glue next to the kernel's static functions */
const struct iommu_ops *kshim_amd_probe(struct device *dev);
struct amd_iommu *kshim_amd_rlookup(u16 seg, u16 devid);
bool kshim_amd_iommu_init(void);
bool kshim_amd_init_failed(void);
bool kshim_amd_initialized(void);
int kshim_amd_xt_mode(void);
/* include/linux/amd-iommu.h */
void amd_iommu_detect(void);

void kshim_amd_detect(void)
{
	boot_cpu_data = (struct cpuinfo_x86){ .x86_vendor = X86_VENDOR_AMD, .x86 = 0x17,
					      .microcode = 0x08001250 };
	amd_iommu_detect();
}

void kshim_amd_late(void)
{
	/* bus_iommu_probe() when a unit registers in amd_iommu_init_pci() */
	kshim_probe_on_register(kshim_amd_probe);
	kshim_amd_iommu_init();
	kshim_probe_on_register(NULL);
}

/*
 * obs->units[] is amd_iommu_list's order.  Not matched by register base:
 * two IVHDs at one base are two units to the kernel, each with the
 * devices its rlookup entries give it.
 */
static int unit_index(const struct observation *obs, const struct amd_iommu *iommu)
{
	struct amd_iommu *it;
	size_t i = 0;

	for_each_iommu(it) {
		if (i >= obs->nr_units)
			break;
		if (it == iommu)
			return i;
		i++;
	}
	return -1;
}

static void observe_units(struct observation *obs)
{
	struct amd_iommu *iommu;
	size_t n = 0;

	for_each_iommu(iommu)
		n++;
	obs->units = calloc(n ? n : 1, sizeof(*obs->units));
	if (!obs->units)
		return;
	for_each_iommu(iommu) {
		struct observation_unit *u = &obs->units[obs->nr_units++];

		snprintf(u->name, sizeof(u->name), "ivhd%d", iommu->index);
		u->segment = iommu->pci_seg->id;
		u->reg_base = iommu->mmio_phys;
		u->cap = iommu->cap;
		u->ecap = amd_iommu_efr;
		/* interrupt remapping is part of every AMD-Vi unit (48882, 2.2.5) */
		u->ir_capable = 1;
		u->ir_enabled = irq_remapping_enabled && iommu->ir_domain;
		u->registers_default = kshim_amd_defaults(iommu->mmio_phys);
	}
	obs->ir_mode = !irq_remapping_enabled ? OBS_IR_OFF :
		       kshim_amd_xt_mode() == IRQ_REMAP_X2APIC_MODE ? OBS_IR_X2APIC : OBS_IR_XAPIC;
}

/* IOAPICs in MADT order with the devid the IVRS (or ivrs_ioapic=) gave,
 * the HPET of the HPET table, then other HPETs the IVRS names */
static void observe_irq_sources(struct observation *obs)
{
	struct devid_map *m;
	size_t n = nr_ioapics + 1;
	int hpet = kshim_hpet_id();

	list_for_each_entry(m, &hpet_map, list)
		n++;
	obs->irq_sources = calloc(n ? n : 1, sizeof(*obs->irq_sources));
	if (!obs->irq_sources)
		return;
	for (int k = 0; k < nr_ioapics; k++) {
		struct observation_irq_source *s = &obs->irq_sources[obs->nr_irq_sources++];
		int devid = -1;

		s->id = mpc_ioapic_id(k);
		s->unit = -1;
		list_for_each_entry(m, &ioapic_map, list)
			if (m->id == s->id) {
				devid = m->devid;
				break;
			}
		if (devid < 0)
			continue;
		s->segment = devid >> 16;
		s->source_id = devid & 0xffff;
		s->unit = unit_index(obs, kshim_amd_rlookup(s->segment, s->source_id));
	}
	if (hpet >= 0) {
		struct observation_irq_source *s = &obs->irq_sources[obs->nr_irq_sources++];
		int devid = get_hpet_devid(hpet);

		s->hpet = 1;
		s->id = hpet;
		s->unit = -1;
		if (devid >= 0) {
			s->segment = devid >> 16;
			s->source_id = devid & 0xffff;
			s->unit = unit_index(obs, kshim_amd_rlookup(s->segment, s->source_id));
		}
	}
	list_for_each_entry(m, &hpet_map, list) {
		struct observation_irq_source *s;

		if (m->id == hpet || get_hpet_devid(m->id) != (int)m->devid)
			continue;	/* the table's HPET, or an entry the first one hides */
		s = &obs->irq_sources[obs->nr_irq_sources++];
		s->hpet = 1;
		s->id = m->id;
		s->segment = m->devid >> 16;
		s->source_id = m->devid & 0xffff;
		s->unit = unit_index(obs, kshim_amd_rlookup(s->segment, s->source_id));
	}
}

/* alias-table entries that differ from identity, per segment */
static void observe_aliases(struct observation *obs)
{
	struct amd_iommu_pci_seg *seg;
	size_t n = 0, cap = 0;

	for_each_pci_segment(seg)
		for (u32 d = 0; seg->alias_table && d <= seg->last_bdf; d++)
			cap += seg->alias_table[d] != d;
	obs->aliases = calloc(cap ? cap : 1, sizeof(*obs->aliases));
	if (!obs->aliases)
		return;
	for_each_pci_segment(seg)
		for (u32 d = 0; seg->alias_table && d <= seg->last_bdf; d++)
			if (seg->alias_table[d] != d)
				obs->aliases[n++] = (struct observation_alias){
					.segment = seg->id, .devid = d, .alias = seg->alias_table[d] };
	obs->nr_aliases = n;
}

void kshim_amd_observe(struct observation *obs)
{
	struct device *d;
	size_t i = 0;

	observe_units(obs);
	obs->init_failed = kshim_amd_init_failed();
	obs->dma_translation = kshim_amd_initialized();
	observe_irq_sources(obs);
	observe_aliases(obs);
	/* per device (obs->devices is in the bus's device order) */
	list_for_each_entry(d, &pci_bus_type.devices, bus_node) {
		struct observation_device *o;

		if (i >= obs->nr_devices)
			break;
		o = &obs->devices[i++];
		if (d->iommu_dev)
			o->unit = unit_index(obs, container_of(d->iommu_dev, struct amd_iommu, iommu));
		o->isolated_msi = msi_device_has_isolated_msi(d);
	}
	kshim_observe_groups(obs);
}
