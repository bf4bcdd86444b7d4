// SPDX-License-Identifier: GPL-2.0-only
/*
 * An RCiEP is integrated in its root complex (PCIe Base 6.0 §1.3.2.3), so
 * it carries the root complex vendor's ID: on a machine whose IOMMUs are
 * AMD-Vi units (no VT-d unit), an RCiEP the tree gives an Intel ID is
 * lowered with AMD's vendor ID (1022h), its device ID kept; with a VT-d
 * unit it keeps Intel's.  Endpoints below root ports keep theirs: they are
 * add-in cards.  Vendor ID: config offset 0, device ID: offset 2.
 */
#include <stdio.h>
#include <string.h>

#include "build.h"
#include "types.h"

static int fails;

static unsigned id_of(const struct g_lowered *l, const struct g_placed *p)
{
	for (size_t i = 0; p && i < l->nr_fns; i++) {
		const struct platform_pci_function *f = &l->fns[i];

		if (f->segment == p->segment && f->bus == p->bus && f->devfn == p->devfn)
			return (unsigned)f->config[0] << 16 | (unsigned)f->config[1] << 24 |
			       f->config[2] | f->config[3] << 8;
	}
	return 0;
}

static void expect(const char *what, unsigned got, unsigned want)
{
	printf("%s: %s: %04x:%04x\n", got == want ? "ok" : "FAIL", what, got >> 16, got & 0xffff);
	fails += got != want;
}

static struct g_node *kid(struct g_node *parent, const struct g_type *t)
{
	struct g_node *n = g_node_new(t);

	if (!n || g_add_kid(parent, n)) {
		g_node_free(n);
		return NULL;
	}
	return n;
}

/* one machine: an Intel RCiEP and an Intel card below a root port */
static int machine(const struct g_type *unit, const char *what, unsigned rciep_vendor)
{
	struct g_node *root = g_node_new(&g_platform), *seg, *rc, *rp, *ep;
	struct g_lowered l;
	char buf[96];

	memset(&l, 0, sizeof(l));
	if (!root || !(seg = kid(root, &g_segment)) || !(rc = kid(seg, &g_rciep)) ||
	    !(rp = kid(seg, &g_root_port)) || !(ep = kid(rp, &g_endpoint)) ||
	    !kid(root, unit)) {
		fprintf(stderr, "test_rc_vendor: out of memory\n");
		g_node_free(root);
		return -1;
	}
	g_set(rc, "id", 0x80861533);
	g_set(ep, "id", 0x80861533);
	if (g_lower(root, &l)) {
		fprintf(stderr, "test_rc_vendor: cannot build the platform\n");
		g_node_free(root);
		return -1;
	}
	snprintf(buf, sizeof(buf), "%s: RCiEP", what);
	expect(buf, id_of(&l, g_placed_of(&l, rc)), rciep_vendor << 16 | 0x1533);
	snprintf(buf, sizeof(buf), "%s: endpoint below a root port", what);
	expect(buf, id_of(&l, g_placed_of(&l, ep)), 0x80861533);
	g_lowered_release(&l);
	g_node_free(root);
	return 0;
}

int main(void)
{
	if (machine(&g_amd_unit, "AMD-Vi machine", 0x1022) ||
	    machine(&g_dmar_unit, "VT-d machine", 0x8086))
		return 2;
	if (fails)
		printf("%d check(s) failed\n", fails);
	return fails ? 1 : 0;
}
