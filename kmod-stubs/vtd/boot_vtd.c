// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Intel VT-d part of an x86 boot, in the kernel's order, calling the
 * kernel's functions (compiled from the tree) at the points the kernel
 * calls them:
 *   pci_iommu_alloc()      detect_intel_iommu(): validate DRHDs, ask for ACS
 *   enable_IR_x2apic()     irq_remapping_prepare(), irq_remapping_enable()
 *   (PCI enumeration, subsys_initcall)
 *   pci_iommu_init()       intel_iommu_init(): dmar_table_init(),
 *                          dmar_dev_scope_init(), then translation only
 *                          when neither no_iommu nor dmar_disabled, with
 *                          init_no_remapping_devices() marking the units
 *                          init_dmars() would skip
 *   rootfs_initcall        ir_dev_scope_init()
 *   iommu_device_register  probe: the unit of each device, its group
 * x86's APIC programming around enable_IR_x2apic() and intel_iommu_init()'s
 * page-table, domain and sysfs set-up are not run: they do not change which
 * unit translates which device, the groups, or remapping.  Then what the
 * kernel decided is written into the observation.
 */
#include <stdlib.h>

#include <kshim/vtd.h>
#include "../kshim_internal.h"

/* kernel/ wrappers: glue next to the kernel's static functions */
const struct iommu_ops *kshim_intel_probe(struct device *dev, struct intel_iommu **unit);
int kshim_ir_dev_scope_init(void);
int kshim_ir_x2apic_mode(void);
struct intel_iommu *kshim_ir_ioapic_unit(int apic_id, u16 *sid);
int kshim_ir_hpet(int i, int *id, u16 *sid, struct intel_iommu **unit);
void kshim_ir_msi_sid(struct pci_dev *dev, int *svt, int *sq, u16 *sid);
void kshim_intel_no_remapping_devices(void);

static bool translation;	/* intel_iommu_init() got to registering units */

void kshim_vtd_early(void)
{
	translation = false;
	detect_intel_iommu();
	if (irq_remapping_prepare() == 0)
		irq_remapping_enable();
}

void kshim_vtd_late(void)
{
	if (x86_init.iommu.iommu_init == intel_iommu_init) {
		/* intel_iommu_init(), up to the point it registers the units */
		if (!dmar_table_init() && dmar_dev_scope_init() >= 0 && !no_iommu && !dmar_disabled) {
			translation = true;
			kshim_intel_no_remapping_devices();
		}
	}
	kshim_ir_dev_scope_init();
}

/* The driver that probes @dev: VT-d when translation is on and a unit claims it. */
const struct iommu_ops *kshim_vtd_driver(struct device *dev)
{
	struct intel_iommu *unit;

	if (!translation)
		return NULL;
	return kshim_intel_probe(dev, &unit);
}

static int unit_index(const struct observation *obs, struct intel_iommu *iommu)
{
	for (size_t i = 0; iommu && i < obs->nr_units; i++)
		if (obs->units[i].reg_base == iommu->reg_phys && obs->units[i].segment == iommu->segment)
			return i;
	return -1;
}

/* dmar0, dmar1, ..., dmar10: the kernel's sequence order */
static int cmp_unit(const void *a, const void *b)
{
	const struct observation_unit *x = a, *y = b;
	size_t lx = strlen(x->name), ly = strlen(y->name);

	return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x->name, y->name);
}

static void observe_regions(struct observation *obs, struct observation_group *og,
			    struct iommu_group *group)
{
	LIST_HEAD(regions);
	struct iommu_resv_region *r;
	size_t n = 0;

	if (iommu_get_group_resv_regions(group, &regions))
		return;
	list_for_each_entry(r, &regions, list)
		n++;
	og->regions = calloc(n ? n : 1, sizeof(*og->regions));
	if (!og->regions)
		return;
	list_for_each_entry(r, &regions, list) {
		struct observation_region *o = &og->regions[og->nr_regions++];

		o->start = r->start;
		o->end = r->start + r->length - 1;
		switch (r->type) {
		case IOMMU_RESV_DIRECT: o->type = OBS_RESV_DIRECT; break;
		case IOMMU_RESV_DIRECT_RELAXABLE: o->type = OBS_RESV_DIRECT_RELAXABLE; break;
		case IOMMU_RESV_MSI: o->type = OBS_RESV_MSI; break;
		case IOMMU_RESV_SW_MSI: o->type = OBS_RESV_SW_MSI; break;
		default: o->type = OBS_RESV_RESERVED; break;
		}
	}
}

void kshim_vtd_observe(struct observation *obs)
{
	struct dmar_drhd_unit *drhd;
	struct device *d;
	size_t n = 0, i = 0;

	for_each_drhd_unit(drhd)
		n += drhd->iommu != NULL;
	obs->units = calloc(n ? n : 1, sizeof(*obs->units));
	if (!obs->units)
		return;
	for_each_drhd_unit(drhd) {
		struct observation_unit *u;

		if (!drhd->iommu)
			continue;
		u = &obs->units[i++];
		snprintf(u->name, sizeof(u->name), "%s", drhd->iommu->name);
		u->segment = drhd->segment;
		u->reg_base = drhd->reg_base_addr;
		u->include_all = drhd->include_all;
		u->ignored = drhd->ignored;
		u->cap = drhd->iommu->cap;
		u->ecap = drhd->iommu->ecap;
		u->ir_capable = ecap_ir_support(drhd->iommu->ecap);
		u->ir_enabled = irq_remapping_enabled && drhd->iommu->ir_table &&
			(readl(drhd->iommu->reg + DMAR_GSTS_REG) & DMA_GSTS_IRES);
		u->registers_default = kshim_vtd_defaults(drhd->reg_base_addr);
	}
	obs->nr_units = i;
	obs->dma_translation = translation;
	qsort(obs->units, obs->nr_units, sizeof(*obs->units), cmp_unit);
	obs->ir_mode = !irq_remapping_enabled ? OBS_IR_OFF :
		       kshim_ir_x2apic_mode() ? OBS_IR_X2APIC : OBS_IR_XAPIC;

	/* IOAPICs in MADT order, then the HPETs remapping knows */
	obs->irq_sources = calloc(nr_ioapics + MAX_HPET_TBS + 1, sizeof(*obs->irq_sources));
	if (obs->irq_sources) {
		int id;
		u16 sid = 0;
		struct intel_iommu *unit;

		for (int k = 0; k < nr_ioapics; k++) {
			struct observation_irq_source *s = &obs->irq_sources[obs->nr_irq_sources++];

			s->id = mpc_ioapic_id(k);
			unit = kshim_ir_ioapic_unit(s->id, &sid);
			s->unit = unit_index(obs, unit);
			s->source_id = unit ? sid : 0;
			s->segment = unit ? unit->segment : 0;
		}
		for (int k = 0; kshim_ir_hpet(k, &id, &sid, &unit); k++) {
			struct observation_irq_source *s = &obs->irq_sources[obs->nr_irq_sources++];

			s->hpet = 1;
			s->id = id;
			s->source_id = sid;
			s->segment = unit->segment;
			s->unit = unit_index(obs, unit);
		}
	}

	/* per device (obs->devices is in the bus's device order): its unit,
	 * MSI isolation and source-id check */
	i = 0;
	list_for_each_entry(d, &pci_bus_type.devices, bus_node) {
		struct observation_device *o;
		struct intel_iommu *unit = NULL;

		if (i >= obs->nr_devices)
			break;
		o = &obs->devices[i++];
		if (kshim_intel_probe(d, &unit))
			o->unit = unit_index(obs, unit);
		o->isolated_msi = msi_device_has_isolated_msi(d);
		if (irq_remapping_enabled) {
			int svt, sq;
			u16 sid;

			kshim_ir_msi_sid(to_pci_dev(d), &svt, &sq, &sid);
			o->msi_sid_known = 1;
			o->msi_svt = svt;
			o->msi_sq = sq;
			o->msi_sid = sid;
		}
	}

	kshim_observe_groups(obs);
}

/* Per group: isolated MSI and the merged reserved regions, as VFIO asks. */
void kshim_observe_groups(struct observation *obs)
{
	struct device *d;

	obs->groups = calloc(obs->nr_groups ? obs->nr_groups : 1, sizeof(*obs->groups));
	if (!obs->groups)
		return;
	for (int g = 0; g < obs->nr_groups; g++)
		obs->groups[g].id = g;
	list_for_each_entry(d, &pci_bus_type.devices, bus_node) {
		struct iommu_group *group = d->iommu_group;
		struct observation_group *og;

		if (!group || group->id >= obs->nr_groups)
			continue;
		og = &obs->groups[group->id];
		if (og->regions)
			continue;	/* done from an earlier member */
		og->isolated_msi = iommu_group_has_isolated_msi(group);
		observe_regions(obs, og, group);
	}
}
