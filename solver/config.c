// SPDX-License-Identifier: GPL-2.0-only
/*
 * The specification's own reading of a PCI function's config space (PCI
 * Local Bus 3.0 ch. 6, PCIe Base 7.5 and 7.7): header type, bus numbers,
 * PCI Express and PCI-X capabilities, phantom functions, ARI forwarding
 * and the ACS extended capability.  Every read is bounds-checked against
 * the bytes the platform really has; a capability list that loops or
 * leaves the space just ends.
 */
#include <string.h>

#include "facts.h"

struct cfg {
	const uint8_t *b;
	size_t n;
};

static uint32_t rd(const struct cfg *c, size_t off, int width)
{
	uint32_t v = 0;

	if (off + width > c->n)
		return 0;
	for (int i = width - 1; i >= 0; i--)
		v = v << 8 | c->b[off + i];
	return v;
}

/* Offset of standard capability id, 0 if absent. */
static size_t find_cap(const struct cfg *c, uint8_t id)
{
	size_t pos;

	if (!(rd(c, 0x06, 2) & 0x10))	/* Status: capabilities list */
		return 0;
	pos = rd(c, 0x34, 1) & 0xfc;
	for (int guard = 0; pos >= 0x40 && pos + 2 <= c->n && guard < 48; guard++) {
		if (rd(c, pos, 1) == id)
			return pos;
		pos = rd(c, pos + 1, 1) & 0xfc;
	}
	return 0;
}

/* Offset of extended capability id (PCIe 7.6.3), 0 if absent. */
static size_t find_ext_cap(const struct cfg *c, uint16_t id)
{
	size_t pos = 0x100;

	for (int guard = 0; pos >= 0x100 && pos + 4 <= c->n && guard < 1024; guard++) {
		uint32_t h = rd(c, pos, 4);

		if (!h || h == 0xffffffff)
			return 0;
		if ((h & 0xffff) == id)
			return pos;
		pos = (h >> 20) & 0xffc;
	}
	return 0;
}

void sv_config_parse(struct sv_fn *fn, const struct platform_pci_function *pf)
{
	struct cfg c = { pf->config, pf->config_size };
	uint8_t hdr;
	size_t pcie, acs;

	if (c.n > PLATFORM_CONFIG_MAX)
		c.n = PLATFORM_CONFIG_MAX;
	memset(fn, 0, sizeof(*fn));
	fn->seg = pf->segment;
	fn->bus = pf->bus;
	fn->devfn = pf->devfn;
	fn->rid = (uint16_t)(pf->bus << 8 | pf->devfn);
	fn->vendor = rd(&c, 0x00, 2);
	fn->device = rd(&c, 0x02, 2);
	fn->class = rd(&c, 0x08, 4) >> 8;
	hdr = rd(&c, 0x0e, 1);
	fn->pcie_type = -1;
	fn->obs = fn->group = fn->unit = fn->kunit = -1;
	fn->type1 = (hdr & 0x7f) == 1;
	if ((hdr & 0x7f) == 1) {
		fn->sec = rd(&c, 0x19, 1);
		fn->sub = rd(&c, 0x1a, 1);
		/*
		 * A bridge routes type 1 config and ID-routed TLPs for buses
		 * sec..sub.  Bus numbers are assigned depth-first from the
		 * root, so a configured bridge's secondary bus lies above its
		 * own; anything else (0/0 after reset, garbage) routes nothing.
		 */
		fn->bridge = fn->sec > fn->bus && fn->sub >= fn->sec;
	} else if ((hdr & 0x7f) == 0) {
		fn->subvendor = rd(&c, 0x2c, 2);
		fn->subdevice = rd(&c, 0x2e, 2);
	}
	/* type 0 and not a bridge by class: a function that masters DMA */
	fn->dma = (hdr & 0x7f) == 0 && (fn->class >> 16) != 0x06;

	pcie = find_cap(&c, 0x10);
	if (pcie) {
		uint32_t devcap = rd(&c, pcie + 4, 4);
		uint16_t devctl = rd(&c, pcie + 8, 2);

		fn->pcie_type = (rd(&c, pcie + 2, 2) >> 4) & 0xf;
		/* PCIe 2.2.6.2: phantom functions only when enabled in DevCtl */
		if (devctl & (1 << 9))
			fn->phantom = (devcap >> 3) & 3;
		/* DevCtl2 ARI Forwarding Enable (7.5.3.16) */
		fn->ari_fwd = rd(&c, pcie + 0x28, 2) & (1 << 5);
	}
	fn->pcix = find_cap(&c, 0x07) != 0;
	acs = find_ext_cap(&c, 0x000d);
	if (acs) {
		fn->acs = true;
		fn->acs_cap = rd(&c, acs + 4, 2) & 0x7f;
		fn->acs_ctrl = rd(&c, acs + 6, 2) & 0x7f;
	}
}
