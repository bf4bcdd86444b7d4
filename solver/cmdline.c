// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ACS state the command line leaves, read from the documented syntax
 * (Documentation/admin-guide/kernel-parameters.txt, "pci="):
 *   pci=config_acs=<flags>[@<pci_dev>][; ...]   flags: 0/1/x per bit, the
 *        rightmost character is bit 0 (SV); '0' forces off, '1' forces on
 *        (only what the capability implements), 'x' leaves it.
 *   pci=disable_acs_redir=<pci_dev>[; ...]   forces the redirect controls
 *        off: P2P Request Redirect, Completion Redirect, Egress Control.
 * <pci_dev> is "pci:VVVV:DDDD[:SSSS:ssss]" or "[DDDD:]BB:DD.F"; the path
 * form "/DD.F..." is not read (such an entry matches nothing).
 *
 * And the requester ID an IOAPIC or HPET sends with, overriding IVRS
 * (same file, "ivrs_ioapic", "ivrs_hpet"; ids are decimal):
 *   ivrs_ioapic=<id>@[<SSSS>:]<BB>:<DD>.<F>      (segment 0 if omitted)
 *   ivrs_ioapic[<id>]=[<SSSS>:]<BB>:<DD>.<F>     (deprecated forms)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"

static bool match_dev(const struct sv_fn *f, const char *spec, size_t len)
{
	char buf[64];
	unsigned int a, b, c, d, e;

	if (!len || len >= sizeof(buf))
		return false;
	memcpy(buf, spec, len);
	buf[len] = 0;
	if (!strncmp(buf, "pci:", 4)) {
		int n = sscanf(buf + 4, "%x:%x:%x:%x", &a, &b, &c, &d);

		if (n < 2 || f->vendor != a || f->device != b)
			return false;
		return n < 4 || (f->subvendor == c && f->subdevice == d);
	}
	if (strchr(buf, '/'))
		return false;
	if (sscanf(buf, "%x:%x:%x.%x", &a, &b, &c, &d) == 4)
		return f->seg == a && f->bus == b && f->devfn == ((c & 0x1f) << 3 | (d & 7));
	if (sscanf(buf, "%x:%x.%x", &b, &c, &e) == 3)
		return f->seg == 0 && f->bus == b && f->devfn == ((c & 0x1f) << 3 | (e & 7));
	return false;
}

/* One "entry; entry; ..." list, value ends at ',' or a blank. */
static void apply_list(struct sv_fn *fns, size_t n, const char *v, bool config)
{
	while (*v && *v != ',' && *v != ' ' && *v != '\n') {
		size_t len = strcspn(v, ";, \n");
		const char *at = memchr(v, '@', len);
		const char *dev = config ? (at ? at + 1 : NULL) : v;
		size_t devlen = dev ? len - (size_t)(dev - v) : 0;
		uint16_t on = 0, off = 0;

		if (config) {
			size_t flen = at ? (size_t)(at - v) : len;

			for (size_t i = 0; i < flen && i < 7; i++) {
				uint16_t bit = 1 << (flen - 1 - i);

				if (v[i] == '1')
					on |= bit;
				else if (v[i] == '0')
					off |= bit;
			}
		} else {
			off = SV_ACS_RR | SV_ACS_CR | SV_ACS_EC;
		}
		for (size_t i = 0; i < n; i++) {
			if (!fns[i].acs || (dev && !match_dev(&fns[i], dev, devlen)))
				continue;
			fns[i].acs_ctrl = (fns[i].acs_ctrl | (on & fns[i].acs_cap)) & ~off;
		}
		v += len;
		if (*v == ';')
			v++;
	}
}

void sv_cmdline_acs(struct sv_fn *fns, size_t n, const char *cmdline)
{
	const char *p = cmdline;

	/* config_acs first, then disable_acs_redir, wherever they appear */
	for (int pass = 0; pass < 2 && cmdline; pass++) {
		const char *key = pass ? "disable_acs_redir=" : "config_acs=";

		for (p = cmdline; (p = strstr(p, "pci=")); ) {
			p += 4;
			/* pci= options are comma-separated */
			for (const char *o = p; *o && *o != ' ' && *o != '\n'; ) {
				if (!strncmp(o, key, strlen(key)))
					apply_list(fns, n, o + strlen(key), !pass);
				o += strcspn(o, ", \n");
				if (*o == ',')
					o++;
			}
		}
	}
}

/*
 * The unit that sees a source declared at (seg, rid): the one whose IVHD
 * entries name rid, else the segment's only unit (an AMD IOMMU sits in its
 * root complex and sees every request there; the entries only describe
 * them), else none.
 */
static int unit_seeing(const struct sv_facts *f, uint16_t seg, uint16_t rid)
{
	int only = -1;

	for (size_t k = 0; k < f->nr_ranges; k++) {
		const struct sv_range *r = &f->ranges[k];

		if (r->seg == seg && r->lo <= rid && rid <= r->hi)
			return r->unit;
	}
	for (size_t u = 0; u < f->nr_units; u++) {
		if (f->units[u].seg != seg)
			continue;
		if (only >= 0)
			return -1;
		only = (int)u;
	}
	return only;
}

/* One ivrs_ioapic/ivrs_hpet value, after the key; 0, or -1 if unreadable. */
static int parse_irq_override(const char *v, bool bracket, int *id, unsigned *seg, unsigned *rid)
{
	unsigned int a, b, c, d;
	int n = 0;

	if (bracket) {
		if (sscanf(v, "[%d]=%n", id, &n) != 1 || !n)
			return -1;
	} else if (sscanf(v, "=%d@%n", id, &n) != 1 || !n) {
		return -1;
	}
	v += n;
	if (sscanf(v, "%x:%x:%x.%x", &a, &b, &c, &d) == 4) {
		*seg = a;
	} else if (sscanf(v, "%x:%x.%x", &b, &c, &d) == 3) {
		*seg = 0;
	} else {
		return -1;
	}
	*rid = (b & 0xff) << 8 | (c & 0x1f) << 3 | (d & 7);
	return *id >= 0 && *id <= 255 && *seg <= 0xffff ? 0 : -1;
}

/*
 * The next ivrs_ioapic= (hpet false) or ivrs_hpet= (hpet true) override
 * after *pos in cmdline, in command-line order; *pos moves past it.
 * 0, or -1 when there is none.
 */
static int next_irq_override(const char *cmdline, bool hpet, const char **pos, int *id,
			     unsigned *seg, unsigned *rid)
{
	const char *key = hpet ? "ivrs_hpet" : "ivrs_ioapic";
	size_t klen = strlen(key);
	const char *p = *pos ? *pos : cmdline;

	for (; cmdline && (p = strstr(p, key)); p += klen) {
		if ((p > cmdline && p[-1] != ' ') ||
		    parse_irq_override(p + klen, p[klen] == '[', id, seg, rid))
			continue;
		*pos = p + klen;
		return 0;
	}
	return -1;
}

bool sv_cmdline_irq_rid(const struct sv_facts *f, bool hpet, int id, uint16_t *rid)
{
	const char *pos = NULL;
	unsigned s, r;
	int i;

	while (!next_irq_override(f->platform->cmdline, hpet, &pos, &i, &s, &r))
		if (i == id) {
			*rid = (uint16_t)r;
			return true;
		}
	return false;
}

int sv_cmdline_irqs(struct sv_facts *f)
{
	for (int hpet = 0; hpet < 2; hpet++) {
		const char *pos = NULL;
		unsigned seg, rid;
		int id;

		while (!next_irq_override(f->platform->cmdline, hpet, &pos, &id, &seg, &rid)) {
			/* an HPET only counts when it sends MSIs (tables.c) */
			if (hpet && !f->platform->hpet_msi)
				continue;
			if (sv_add_irq(f, hpet, id, unit_seeing(f, (uint16_t)seg, (uint16_t)rid)))
				return -1;
		}
	}
	return 0;
}
