// SPDX-License-Identifier: GPL-2.0-only
/*
 * Platform + observation -> facts.  The topology is read the way PCIe
 * routes ID-routed traffic: by bridge bus-number ranges, not by the order
 * anything was enumerated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"

const char *sv_bdf(const struct sv_fn *x, char buf[13])
{
	snprintf(buf, 13, "%04x:%02x:%02x.%u", x->seg, x->bus, x->devfn >> 3, x->devfn & 7);
	return buf;
}

int sv_find(const struct sv_facts *f, uint16_t seg, uint16_t rid)
{
	for (size_t i = 0; i < f->nr_fns; i++)
		if (f->fns[i].seg == seg && f->fns[i].rid == rid)
			return (int)i;
	return -1;
}

/*
 * The bridge whose secondary bus is bus: the nearest ancestor by range
 * (the one with the narrowest range), -1 for a root bus.
 */
static int bus_owner(const struct sv_facts *f, uint16_t seg, uint8_t bus)
{
	int best = -1;

	for (size_t i = 0; i < f->nr_fns; i++) {
		const struct sv_fn *x = &f->fns[i];

		if (x->bridge && x->seg == seg && x->sec == bus &&
		    (best < 0 || x->sub < f->fns[best].sub))
			best = (int)i;
	}
	return best;
}

/* What a bridge's secondary side is, from the bridge's own description. */
static enum sv_bus_kind secondary_kind(const struct sv_fn *x)
{
	switch (x->pcie_type) {
	case SV_PT_RP:
	case SV_PT_DSP:
	case SV_PT_PCI_PCIE:
		return SV_BUS_LINK;
	case SV_PT_USP:
		return SV_BUS_SWITCH;
	case -1:		/* conventional PCI-to-PCI bridge */
	case SV_PT_PCIE_PCI:
		return SV_BUS_CONV;
	default:		/* an endpoint with a bridge header: treat as a link */
		return SV_BUS_LINK;
	}
}

static void observe(struct sv_facts *f)
{
	const struct observation *obs = f->obs;

	for (size_t i = 0; i < obs->nr_devices; i++) {
		const struct observation_device *d = &obs->devices[i];
		int k = sv_find(f, d->segment, (uint16_t)(d->bus << 8 | d->devfn));

		if (k < 0)
			continue;
		f->fns[k].obs = (int)i;
		f->fns[k].group = d->group;
		f->fns[k].kunit = d->unit >= 0 && (size_t)d->unit < obs->nr_units ? d->unit : -1;
	}
	f->judge_units = obs->nr_units > 0;
	f->judge_regions = f->judge_units && obs->groups != NULL;
	f->ir_on = obs->ir_mode != OBS_IR_OFF;
}

static int add_hw_aliases(struct sv_facts *f)
{
	const struct platform *p = f->platform;

	for (size_t i = 0; i < p->nr_dma_aliases; i++) {
		const struct platform_dma_alias *a = &p->dma_aliases[i];
		int k = sv_find(f, a->segment, (uint16_t)(a->bus << 8 | a->devfn));
		struct sv_alias *n;

		if (k < 0)
			continue;
		n = realloc(f->aliases, (f->nr_aliases + 1) * sizeof(*n));
		if (!n)
			return -1;
		f->aliases = n;
		n[f->nr_aliases++] = (struct sv_alias){ k, a->alias_rid, false };
	}
	return 0;
}

int sv_facts_build(struct sv_facts *f, const struct platform *p,
		   const struct observation *obs)
{
	memset(f, 0, sizeof(*f));
	f->platform = p;
	f->obs = obs;
	f->fns = calloc(p->nr_functions ? p->nr_functions : 1, sizeof(*f->fns));
	if (!f->fns)
		return -1;
	for (size_t i = 0; i < p->nr_functions; i++) {
		/* a second function with the same address is ignored */
		if (sv_find(f, p->functions[i].segment,
			    (uint16_t)(p->functions[i].bus << 8 | p->functions[i].devfn)) >= 0)
			continue;
		sv_config_parse(&f->fns[f->nr_fns++], &p->functions[i]);
	}
	/*
	 * ACS as it stands when groups are handed out: what the config space
	 * holds, plus what an OS with an IOMMU enables (SV, RR, CR, UF where
	 * implemented), then what the command line forces.  A control bit
	 * whose feature is not implemented is hardwired to 0 (PCIe 7.7.8.3).
	 */
	for (size_t i = 0; i < f->nr_fns; i++) {
		struct sv_fn *x = &f->fns[i];

		x->acs_ctrl = (x->acs_ctrl | (x->acs_cap & (SV_ACS_SV | SV_ACS_ISOLATE))) & x->acs_cap;
	}
	sv_cmdline_acs(f->fns, f->nr_fns, p->cmdline);
	for (size_t i = 0; i < f->nr_fns; i++) {
		struct sv_fn *x = &f->fns[i];
		int o = bus_owner(f, x->seg, x->bus);

		x->kind = o < 0 ? SV_BUS_ROOT : secondary_kind(&f->fns[o]);
		if (x->bridge)
			x->sec_kind = secondary_kind(x);
	}
	/*
	 * A request that crossed a conventional bus carries no PCIe requester
	 * ID of its originator any more, even when a PCI-to-PCIe bridge below
	 * that bus gave the originator a link of its own.
	 */
	for (size_t i = 0; i < f->nr_fns; i++) {
		struct sv_fn *x = &f->fns[i];

		x->retagged = x->kind == SV_BUS_CONV;
		for (size_t k = 0; k < f->nr_fns && !x->retagged; k++)
			x->retagged = sv_anc(&f->fns[k], x) && f->fns[k].kind == SV_BUS_CONV;
	}
	/*
	 * VT-d 3.16 (Root-Complex Peer to Peer Considerations): with DMA
	 * remapping on, the root complex decodes peer addresses only after
	 * translating them.  An integrated endpoint of a VT-d root complex,
	 * even a multifunction one without ACS, therefore reaches its peers
	 * only through the IOMMU.  (Intel states the same of its platforms,
	 * which is what the kernel's quirk for Intel RCiEPs cites.)
	 */
	for (size_t i = 0; i < p->nr_tables; i++)
		if (!strcmp(p->tables[i].signature, "DMAR"))
			for (size_t k = 0; k < f->nr_fns; k++)
				f->fns[k].rc_translated = f->fns[k].pcie_type == SV_PT_RCIEP &&
							  f->fns[k].kind == SV_BUS_ROOT;
	if (obs)
		observe(f);
	if (add_hw_aliases(f) || sv_tables_parse(f) || sv_cmdline_irqs(f))
		return -1;
	return 0;
}

void sv_facts_release(struct sv_facts *f)
{
	free(f->fns);
	free(f->units);
	free(f->ranges);
	free(f->aliases);
	free(f->alias_decls);
	free(f->dmaps);
	free(f->irqs);
	free(f->disputes);
	memset(f, 0, sizeof(*f));
}
