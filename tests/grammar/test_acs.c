// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ports the generator lowers with an ACS capability implement what PCIe
 * 6.12.1.1 (ACS Downstream Ports) requires of them, whatever bits the
 * grammar tree asked for.  The list below is the specification's:
 *  - every downstream port (root port, switch downstream port): Source
 *    Validation and Translation Blocking;
 *  - a switch downstream port: P2P Request Redirect, P2P Completion
 *    Redirect and Upstream Forwarding as well;
 *  - a root port that implements P2P Request Redirect: P2P Completion
 *    Redirect as well.
 * A port the tree gives no ACS bits has no ACS capability at all.
 * Register layout: the extended capability list from 0x100 (PCIe 7.6.3),
 * ACS capability ID 000Dh, its capability register at +4 (7.7.8.2).
 */
#include <stdio.h>
#include <string.h>

#include "build.h"
#include "types.h"

#define SV 0x01
#define TB 0x02
#define RR 0x04
#define CR 0x08
#define UF 0x10
#define EC 0x20

static int fails;

/* the ACS capability register of the function at seg:bus:devfn, -1 none */
static int acs_cap(const struct g_lowered *l, const struct g_placed *p)
{
	for (size_t i = 0; p && i < l->nr_fns; i++) {
		const struct platform_pci_function *f = &l->fns[i];
		unsigned off = 0x100, hops = 0;

		if (f->segment != p->segment || f->bus != p->bus || f->devfn != p->devfn)
			continue;
		while (off >= 0x100 && off + 8 <= f->config_size && hops++ < 64) {
			const uint8_t *c = f->config + off;
			unsigned hdr = c[0] | c[1] << 8 | c[2] << 16 | (unsigned)c[3] << 24;

			if ((hdr & 0xffff) == 0x000d)
				return c[4] | c[5] << 8;
			off = hdr >> 20;
		}
		return -1;
	}
	return -1;
}

static void expect(const char *what, int cap, int must, int must_not)
{
	int ok = cap >= 0 && (cap & must) == must && !(cap & must_not);

	if (must < 0)
		ok = cap < 0;
	if (cap < 0)
		printf("%s: %s: no ACS capability\n", ok ? "ok" : "FAIL", what);
	else
		printf("%s: %s: ACS capability %#x\n", ok ? "ok" : "FAIL", what, cap);
	fails += !ok;
}

static struct g_node *kid(struct g_node *parent, const struct g_type *t, int acs)
{
	struct g_node *n = g_node_new(t);

	if (!n || g_add_kid(parent, n)) {
		fprintf(stderr, "test_acs: out of memory\n");
		return NULL;
	}
	if (acs >= 0)
		g_set(n, "acs_cap", (unsigned)acs);
	return n;
}

int main(void)
{
	struct g_node *root = g_node_new(&g_platform), *seg, *rp_ec, *up, *dp_ec, *rp_rr, *rp_none;
	struct g_lowered l;

	memset(&l, 0, sizeof(l));
	if (!root || !(seg = kid(root, &g_segment, -1)) ||
	    /* root port and switch downstream port asking only for Egress Control */
	    !(rp_ec = kid(seg, &g_root_port, EC)) || !(up = kid(rp_ec, &g_switch_up, -1)) ||
	    !(dp_ec = kid(up, &g_switch_dp, EC)) || !kid(dp_ec, &g_endpoint, -1) ||
	    /* a root port asking for Request Redirect only */
	    !(rp_rr = kid(seg, &g_root_port, RR)) ||
	    /* a root port without ACS */
	    !(rp_none = kid(seg, &g_root_port, 0)) ||
	    g_lower(root, &l)) {
		fprintf(stderr, "test_acs: cannot build the platform\n");
		return 2;
	}
	expect("root port with EC: SV, TB", acs_cap(&l, g_placed_of(&l, rp_ec)), SV | TB, 0);
	expect("switch downstream port with EC: SV, TB, RR, CR, UF",
	       acs_cap(&l, g_placed_of(&l, dp_ec)), SV | TB | RR | CR | UF, 0);
	expect("root port with RR: SV, TB, CR", acs_cap(&l, g_placed_of(&l, rp_rr)),
	       SV | TB | RR | CR, 0);
	expect("root port without ACS: no capability", acs_cap(&l, g_placed_of(&l, rp_none)), -1, 0);
	g_lowered_release(&l);
	g_node_free(root);
	if (fails)
		printf("%d check(s) failed\n", fails);
	return fails ? 1 : 0;
}
