// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the kernel decided beyond groups, in readable form: the IOMMU units
 * and the devices each translates, interrupt remapping and its mode, the
 * IOAPICs/HPETs and their remapping unit, the AMD-Vi alias-table entries
 * that differ from identity, and per group whether its MSIs are isolated
 * and which reserved regions it has.
 */
#include <stdio.h>
#include <string.h>

#include "bdf.h"
#include "names.h"
#include "report.h"

static const char *const region_type[] = {
	[OBS_RESV_DIRECT] = "direct",
	[OBS_RESV_DIRECT_RELAXABLE] = "direct-relaxable",
	[OBS_RESV_RESERVED] = "reserved",
	[OBS_RESV_MSI] = "msi",
	[OBS_RESV_SW_MSI] = "sw-msi",
};

/* runs of consecutive requester IDs with one alias, one line per run */
static void report_aliases(const struct observation *obs, FILE *out)
{
	char a[16], b[16];

	for (size_t i = 0; i < obs->nr_aliases;) {
		const struct observation_alias *first = &obs->aliases[i];
		size_t j = i + 1;

		while (j < obs->nr_aliases && obs->aliases[j].segment == first->segment &&
		       obs->aliases[j].alias == first->alias &&
		       obs->aliases[j].devid == obs->aliases[j - 1].devid + 1)
			j++;
		bdf_format(BDF(first->segment, first->devid >> 8, first->devid & 0xff), a);
		bdf_format(BDF(first->segment, obs->aliases[j - 1].devid >> 8,
			       obs->aliases[j - 1].devid & 0xff), b);
		fprintf(out, "IVRS alias: %s%s%s -> %02x:%02x.%x\n", a, j - i > 1 ? "-" : "",
			j - i > 1 ? b : "", first->alias >> 8, (first->alias >> 3) & 0x1f,
			first->alias & 7);
		i = j;
	}
}

void report_units(const struct observation *obs, FILE *out)
{
	char buf[16];

	if (!obs->nr_units)
		return;
	for (size_t u = 0; u < obs->nr_units; u++) {
		const struct observation_unit *unit = &obs->units[u];
		int col = 0;

		fprintf(out, "unit %s: segment %04x base %#llx%s%s, interrupt remapping %s\n",
			unit->name, unit->segment, (unsigned long long)unit->reg_base,
			unit->include_all ? " INCLUDE_PCI_ALL" : "", unit->ignored ? " (ignored)" : "",
			unit->ir_enabled ? "on" : unit->ir_capable ? "off" : "not supported");
		if (unit->registers_default)
			fprintf(out, "  registers: none in the bundle; defaults cap %llx %s %llx\n",
				(unsigned long long)unit->cap, strncmp(unit->name, "ivhd", 4) ? "ecap" : "features",
				(unsigned long long)unit->ecap);
		fprintf(out, "  devices:");
		for (size_t i = 0; i < obs->nr_devices; i++) {
			const struct observation_device *d = &obs->devices[i];

			if (d->unit != (int)u)
				continue;
			if (col++ && col % 6 == 1)
				fprintf(out, "\n          ");
			fprintf(out, " %s", bdf_format(BDF(d->segment, d->bus, d->devfn), buf));
		}
		fprintf(out, "%s\n", col ? "" : " none");
	}
	/* units the kernel parsed but never translated with: no groups come from them */
	fprintf(out, "DMA translation: %s\n", obs->dma_translation ? "on" :
		obs->init_failed ? "off (the driver failed after registering units: "
				   "their groups stay)" :
		"off (the driver stopped before using the units)");
	fprintf(out, "interrupt remapping: %s\n",
		obs->ir_mode == OBS_IR_X2APIC ? "on, x2apic mode" :
		obs->ir_mode == OBS_IR_XAPIC ? "on, xapic mode" : "off");
	for (size_t i = 0; i < obs->nr_irq_sources; i++) {
		const struct observation_irq_source *s = &obs->irq_sources[i];

		fprintf(out, "  %s %d: ", s->hpet ? "HPET" : "IOAPIC", s->id);
		if (s->unit >= 0)
			fprintf(out, "under %s as %02x:%02x.%x\n", obs->units[s->unit].name,
				s->source_id >> 8, (s->source_id >> 3) & 0x1f, s->source_id & 7);
		else
			fprintf(out, "under no remapping unit\n");
	}
	report_aliases(obs, out);
	for (int g = 0; obs->groups && g < obs->nr_groups; g++) {
		const struct observation_group *grp = &obs->groups[g];

		fprintf(out, "group %d: MSI %s", grp->id, grp->isolated_msi ? "isolated" : "not isolated");
		for (size_t r = 0; r < grp->nr_regions; r++)
			fprintf(out, "%s %#llx-%#llx %s", r ? "," : "; reserved", (unsigned long long)grp->regions[r].start,
				(unsigned long long)grp->regions[r].end, region_type[grp->regions[r].type]);
		fputc('\n', out);
	}
}

void report_functions(const struct observation *obs, FILE *out)
{
	char buf[16], name[256];

	for (size_t i = 0; i < obs->nr_devices; i++) {
		const struct observation_device *d = &obs->devices[i];
		const char *type = pcie_type_name(d->pcie_type);

		names_device(d->vendor, d->device, name, sizeof(name));
		fprintf(out, "function %s [%04x:%04x] %s%s(%s)\n",
			bdf_format(BDF(d->segment, d->bus, d->devfn), buf), d->vendor, d->device,
			name, *name ? " " : "", type ? type : "PCIe, other port type");
	}
}
