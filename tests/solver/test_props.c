// SPDX-License-Identifier: GPL-2.0-only
/*
 * Each property of solver/README.md both ways: a hand-built platform that
 * breaks it (verdict 1, the right property and devices) and the minimal
 * change that makes it hold (verdict 0).  The expectation of every case is
 * reasoned in its comment from the rule, never taken from the solver's
 * output.  Every case runs in cross-check mode: Z3 enumerates all
 * violations and must find exactly the fast check's set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"

static int failures;

#define CHECK(cond, ...)							\
	do {									\
		if (cond) {							\
			printf("ok: " __VA_ARGS__);				\
		} else {							\
			printf("FAIL: " __VA_ARGS__);				\
			failures++;						\
		}								\
		printf("\n");							\
	} while (0)

static void dump(const struct sv_verdict *v)
{
	if (failures)
		sv_verdict_print_text(v, stdout);
}

/* host bridge 00:00.0, group 0: class 06 (a bridge, never a DMA target) */
static void host(struct tb *t)
{
	tb_class(tb_fn(t, "0000:00:00.0", CONV, 0, 0, NO_ACS, false, 0), 0x060000);
}

/* expect verdict `want`, and for a violation prop naming a and b */
static void expect(struct tb *t, const char *name, int want, enum sv_prop p,
		   const char *a, const char *b, int reason)
{
	struct sv_verdict v;
	int got = tb_judge(t, &v);
	const struct sv_violation *w = want == 1 ? tb_find(&v, p, a, b) : NULL;
	int before = failures;

	CHECK(got == want, "%s: exit %d (want %d)%s%s", name, got, want,
	      v.internal_error ? ": " : "", v.internal_error ? v.error : "");
	if (want == 1) {
		CHECK(w != NULL, "%s: %s names %s%s%s", name, sv_prop_name(p), a,
		      b ? " and " : "", b ? b : "");
		if (w && reason)
			CHECK((int)w->reason == reason, "%s: reason %d (want %d): %s", name,
			      w->reason, reason, w->text);
		if (w)
			CHECK(w->confirmed, "%s: confirmed by a Z3 model", name);
	}
	if (failures != before)
		sv_verdict_print_text(&v, stdout);
	sv_verdict_release(&v);
	tb_free(t);
}

/* ---- P1 ------------------------------------------------------------------ */

/*
 * A conventional device behind a PCIe-to-PCI bridge: the bridge takes
 * ownership of its requests (PCIe-to-PCI Bridge spec 2.3), so the IOMMU sees
 * 01:00.0 (or 02:00.0), the bridge's own ID.  Bridge and device in
 * different groups share a requester ID: P1 violated.  Same group: holds.
 */
static void p1_bridge(int split)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 2, 0x5f, false, 1);
	tb_fn(&t, "0000:01:00.0", 7, 2, 2, NO_ACS, false, 2);
	tb_fn(&t, "0000:02:01.0", CONV, 0, 0, NO_ACS, false, split ? 3 : 2);
	expect(&t, split ? "P1 bridge/device split" : "P1 bridge/device together",
	       split, SV_P1, "0000:01:00.0", "0000:02:01.0", SV_R_SHARED_RID);
}

/*
 * Phantom functions (PCIe 2.2.6.2): DevCap says 1 bit, DevCtl enables it,
 * so 01:00.0 also issues requests as 01:00.4, the ID of a real function in
 * another group.  Enable off (capability alone): only its own ID.  Both
 * functions implement ACS, so no peer path hides the P1 answer.
 */
static void p1_phantom(int enabled)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 1, 0x5f, false, 1);
	tb_phantom(tb_fn(&t, "0000:01:00.0", 0, 0, 0, ACS_STD, true, 2), 1, enabled);
	tb_fn(&t, "0000:01:00.4", 0, 0, 0, ACS_STD, true, 3);
	expect(&t, enabled ? "P1 phantom enabled" : "P1 phantom supported, not enabled",
	       enabled, SV_P1, "0000:01:00.0", "0000:01:00.4", SV_R_SHARED_RID);
}

/*
 * AMD: conventional 01:01.0 and 01:02.0 behind PCIe-to-PCI bridge 00:01.0
 * both carry the bridge's IDs; the kernel groups them by the bridge's
 * group, and the bridge was never probed, so they are split: P1.  Whose
 * fault depends on the IVRS (48882 IVHD, one unit at 0xfeb80000):
 * variant 0, IOMMU 00:00.2 and a select for the bridge: the kernel had the
 * bridge, class kernel.  Variant 1, the IVHD names the bridge as the IOMMU's
 * own DeviceID (a class 0806h function, which a bridge is not), which
 * init_iommu_one_late() drops from the kernel's lookup table: firmware.
 * Variant 2, no entry names the bridge: firmware.
 */
static void p1_ivrs_bridge(int variant)
{
	uint8_t ivrs[48 + 24 + 12] = { 'I', 'V', 'R', 'S' };
	uint8_t *h = ivrs + 48, *e = h + 24;
	const struct sv_violation *w;
	struct sv_verdict v;
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 7, 1, 1, NO_ACS, false, -1);
	tb_fn(&t, "0000:01:01.0", CONV, 0, 0, NO_ACS, false, 1);
	tb_fn(&t, "0000:01:02.0", CONV, 0, 0, NO_ACS, false, 2);
	h[0] = 0x10;					/* IVHD 10h, 24 bytes + entries */
	h[2] = 24 + 12;
	h[4] = variant == 1 ? 0x08 : 0x02;		/* DeviceID 00:01.0 or 00:00.2 */
	h[10] = 0xb8, h[11] = 0xfe;			/* base 0xfeb80000 */
	e[0] = 0x02, e[1] = 0x08, e[2] = 0x01;		/* select 01:01.0 */
	e[4] = 0x02, e[5] = 0x10, e[6] = 0x01;		/* select 01:02.0 */
	e[8] = 0x02, e[9] = variant == 2 ? 0x00 : 0x08;	/* select 00:01.0, or 00:00.0 */
	tb_table(&t, "IVRS", ivrs, sizeof(ivrs));
	tb_unit(&t, "AMD-Vi0", 0xfeb80000, true);
	for (size_t i = 0; i < t.o.nr_devices; i++)
		t.o.devices[i].unit = 0;
	CHECK(tb_judge(&t, &v) == 1, "P1 IVRS bridge variant %d: verdict", variant);
	w = tb_find(&v, SV_P1, "0000:01:01.0", "0000:01:02.0");
	CHECK(w && w->reason == SV_R_SHARED_RID &&
	      w->cls == (variant ? SV_FIRMWARE : SV_KERNEL_LOGIC),
	      "P1 IVRS bridge variant %d: class %s", variant, variant ? "firmware" : "kernel");
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

/*
 * Root port 00:01.0 -> 01:00.0 (group 2) and 01:00.1 (group group2), with ACS,
 * whose hardware makes 01:00.0 also use 01:00.1's ID (the generator's
 * truth, struct platform_dma_alias).
 */
static void hw_alias_machine(struct tb *t, int group2)
{
	struct platform_dma_alias *a = malloc(sizeof(*a));

	tb_init(t);
	host(t);
	tb_fn(t, "0000:00:01.0", 4, 1, 1, 0x5f, false, 1);
	tb_fn(t, "0000:01:00.0", 0, 0, 0, ACS_STD, true, 2);
	tb_fn(t, "0000:01:00.1", 0, 0, 0, ACS_STD, true, group2);
	*a = (struct platform_dma_alias){ 0, 1, 0x00, 0x0101 };
	t->p.dma_aliases = a;
	t->p.nr_dma_aliases = 1;
}

/*
 * DMA-alias hardware no table declares (the generator's truth): 01:00.0
 * also uses 01:00.1's ID.  Separate groups: P1, class firmware (nothing told
 * the kernel).  Same group: holds.
 */
static void p1_hw_alias(int split)
{
	struct sv_verdict v;
	struct tb t;
	const struct sv_violation *w;

	hw_alias_machine(&t, split ? 3 : 2);
	CHECK(tb_judge(&t, &v) == split, "P1 hardware alias %s: verdict", split ? "split" : "together");
	w = tb_find(&v, SV_P1, "0000:01:00.0", "0000:01:00.1");
	if (split)
		CHECK(w && w->cls == SV_FIRMWARE, "P1 hardware alias: class firmware inconsistency");
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

/*
 * The same hardware alias on a generated platform (tables may lie) whose
 * IVRS declares it (48882 IVHD entry 42h, alias select: 01:00.0 uses
 * 01:00.1's ID).  The kernel was told, so a split is the kernel's: P1,
 * class kernel logic.  With the entry naming another source (01:00.2, no
 * such alias in the hardware), the table told the kernel nothing true:
 * class firmware, as without a table.
 */
static void p1_hw_alias_declared(int wrong_source)
{
	uint8_t ivrs[48 + 24 + 16] = { 'I', 'V', 'R', 'S' };
	uint8_t *h = ivrs + 48, *e = h + 24;
	const struct sv_violation *w;
	struct sv_verdict v;
	struct tb t;

	hw_alias_machine(&t, 3);
	t.p.tables_may_lie = true;
	h[0] = 0x10;					/* IVHD 10h, 24 bytes + entries */
	h[2] = sizeof(ivrs) - 48;
	h[4] = 0x02;					/* DeviceID 00:00.2 */
	h[10] = 0xb8, h[11] = 0xfe;			/* base 0xfeb80000 */
	e[0] = 0x02, e[1] = 0x08;			/* select 00:01.0 */
	e[4] = 0x42, e[5] = 0x00, e[6] = 0x01;		/* alias select 01:00.0 ... */
	e[9] = wrong_source ? 0x02 : 0x01, e[10] = 0x01;	/* ... as 01:00.1 (or .2) */
	e[12] = 0x02, e[13] = 0x01, e[14] = 0x01;	/* select 01:00.1 */
	tb_table(&t, "IVRS", ivrs, sizeof(ivrs));
	tb_unit(&t, "AMD-Vi0", 0xfeb80000, true);
	for (size_t i = 0; i < t.o.nr_devices; i++)
		t.o.devices[i].unit = 0;
	CHECK(tb_judge(&t, &v) == 1, "P1 declared hardware alias %d: verdict", wrong_source);
	w = tb_find(&v, SV_P1, "0000:01:00.0", "0000:01:00.1");
	CHECK(w && w->cls == (wrong_source ? SV_FIRMWARE : SV_KERNEL_LOGIC),
	      "P1 hardware alias the IVRS %s: class %s",
	      wrong_source ? "declares wrongly" : "declares", wrong_source ? "firmware" : "kernel");
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

/* ---- P2 ------------------------------------------------------------------ */

/*
 * root port 00:01.0 (ACS, buses 1-4) -> switch USP 01:00.0 -> DSPs 02:00.0
 * (bus 3) and 02:01.0 (bus 4) -> endpoints 03:00.0, 04:00.0; each DSP in a
 * group with its endpoint.  rp_acs: the root port's ACS capability.
 */
static void switch_topology(struct tb *t, int dsp_acs, int rp_acs)
{
	tb_init(t);
	host(t);
	tb_fn(t, "0000:00:01.0", 4, 1, 4, rp_acs, false, 1);
	tb_fn(t, "0000:01:00.0", 5, 2, 4, NO_ACS, false, 2);
	tb_fn(t, "0000:02:00.0", 6, 3, 3, dsp_acs, false, 3);
	tb_fn(t, "0000:02:01.0", 6, 4, 4, dsp_acs, false, 4);
	tb_fn(t, "0000:03:00.0", 0, 0, 0, NO_ACS, false, 3);
	tb_fn(t, "0000:04:00.0", 0, 0, 0, NO_ACS, false, 4);
}

/*
 * PCIe 6.12.1.1: without ACS RR on the ingress downstream port the switch
 * routes 03:00.0 -> 04:00.0 across its internal bus 2, never upstream.
 * Different groups: P2 via 02:00.0.  With SV/RR/CR/UF on both DSPs the
 * request goes up into the root complex: holds.
 */
static void p2_switch(int acs)
{
	struct tb t;

	switch_topology(&t, acs ? ACS_STD : NO_ACS, 0x5f);
	expect(&t, acs ? "P2 switch with ACS" : "P2 switch without ACS", !acs, SV_P2,
	       "0000:03:00.0", "0000:04:00.0", SV_R_SWITCH);
}

/*
 * The DSPs redirect (RR/CR/UF), but the root port above implements Upstream
 * Forwarding and has it off (pci=config_acs=0xxxx@00:01.0, bit 4): the
 * redirected request arrives at the root port from its own link, targeting
 * its own range, and may be turned back down: P2 (no UF).  A root port that
 * does not implement UF (cap SV|RR|CR) need not (6.12.1.1: only if the root
 * complex validates redirected requests): it hands the request to the root
 * complex, which translates it: holds.  (The generator's ports never lack
 * what 6.12.1.1 requires, and the kernel reads a missing UF as hard-wired.)
 */
static void p2_uf(int implemented)
{
	struct tb t;

	switch_topology(&t, ACS_STD, implemented ? 0x1d : 0x0d);
	if (implemented) {
		free(t.p.cmdline);
		t.p.cmdline = strdup("pci=config_acs=0xxxx@0000:00:01.0 intel_iommu=on");
	}
	expect(&t, implemented ? "P2 root port with UF off" : "P2 root port without UF",
	       implemented, SV_P2, "0000:03:00.0", "0000:04:00.0", SV_R_NO_UF);
}

/*
 * PCIe 6.12.1.2: functions of a multifunction device without ACS may talk
 * to each other inside the device.  Separate groups: P2.  Both with ACS
 * RR/CR enabled (and UF on the root port above): holds.
 */
static void p2_multifunction(int acs)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 1, 0x5f, false, 1);
	tb_fn(&t, "0000:01:00.0", 0, 0, 0, acs ? ACS_STD : NO_ACS, true, 2);
	tb_fn(&t, "0000:01:00.1", 0, 0, 0, acs ? ACS_STD : NO_ACS, true, 3);
	expect(&t, acs ? "P2 multifunction with ACS" : "P2 multifunction without ACS", !acs,
	       SV_P2, "0000:01:00.0", "0000:01:00.1", SV_R_MULTIFUNCTION);
}

/*
 * Two conventional devices on one conventional bus see each other's
 * transactions: P2 when split (P1 too: both carry the bridge's IDs).  All
 * in the bridge's group: holds.
 */
static void p2_conventional(int split)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 2, 0x5f, false, 1);
	tb_fn(&t, "0000:01:00.0", 7, 2, 2, NO_ACS, false, 2);
	tb_fn(&t, "0000:02:01.0", CONV, 0, 0, NO_ACS, false, 2);
	tb_fn(&t, "0000:02:02.0", CONV, 0, 0, NO_ACS, false, split ? 3 : 2);
	expect(&t, split ? "P2 conventional bus split" : "P2 conventional bus together", split,
	       SV_P2, "0000:02:01.0", "0000:02:02.0", SV_R_CONV_BUS);
}

/*
 * Counting past what is reported: four root ports without ACS, an endpoint
 * below each, every one in its own group.  Each endpoint can send requests
 * carrying each other endpoint's ID (no SV), and without RR no peer traffic
 * crosses the root complex (6.12.1.1): P2 for every ordered pair, 4 x 3 =
 * 12 violations.  Every mode must count all 12 while reporting at most its
 * max_report (the fast check stores no more than that).
 */
static void p2_count(void)
{
	static const struct sv_options modes[] = {
		{ SV_MODE_FAST, 1 }, { SV_MODE_Z3, 8 }, { SV_MODE_CROSSCHECK, 64 },
	};
	static const char *const names[] = { "fast", "z3", "crosscheck" };
	struct tb t;

	tb_init(&t);
	host(&t);
	for (int i = 1; i <= 4; i++) {
		char rp[16], ep[16];

		snprintf(rp, sizeof(rp), "0000:00:%02x.0", i);
		snprintf(ep, sizeof(ep), "0000:%02x:00.0", i);
		tb_fn(&t, rp, 4, i, i, NO_ACS, false, i);
		tb_fn(&t, ep, 0, 0, 0, NO_ACS, false, i);
	}
	for (int m = 0; m < 3; m++) {
		struct sv_verdict v;
		size_t shown = 0;

		solver_check(&t.p, &t.o, &modes[m], &v);
		for (size_t i = 0; i < v.nr; i++)
			shown += v.v[i].prop == SV_P2;
		CHECK(solver_exit_status(&v) == 1 && v.count[SV_P2] == 12,
		      "P2 count, %s: %zu violations (want 12)", names[m], v.count[SV_P2]);
		CHECK(shown == (modes[m].max_report < 12 ? modes[m].max_report : 12),
		      "P2 count, %s: %zu reported (max %u)", names[m], shown, modes[m].max_report);
		dump(&v);
		sv_verdict_release(&v);
	}
	tb_free(&t);
}

/*
 * Root ports without ACS: no SV, so 01:00.0 can send requests carrying
 * 02:00.0's ID (P2, no source validation).  Minimal change: root ports
 * implementing only SV (cap 0x01): IDs validated, and RR not implemented
 * means no peer traffic to other root ports (6.12.1.1): holds.
 */
static void p2_spoof(int sv)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 1, sv ? 0x01 : NO_ACS, false, 1);
	tb_fn(&t, "0000:00:02.0", 4, 2, 2, sv ? 0x01 : NO_ACS, false, 2);
	tb_fn(&t, "0000:01:00.0", 0, 0, 0, NO_ACS, false, 1);
	tb_fn(&t, "0000:02:00.0", 0, 0, 0, NO_ACS, false, 2);
	expect(&t, sv ? "P2 root ports with SV" : "P2 root ports without SV", !sv, SV_P2,
	       "0000:01:00.0", "0000:02:00.0", SV_R_SPOOF);
}

/*
 * PCIe-to-PCI Bridge spec 2.3: a PCIe-to-PCI bridge gives what crosses its
 * conventional bus its own ID or (secondary, 00.0).  Endpoint 03:00.0 has
 * a link of its own below reverse bridge 02:00.0 (PCI-to-PCIe), which sits
 * on the conventional bus of 01:00.0: whatever ID it puts in a request,
 * the IOMMU sees 01:00.0's or 02:00.0's, so it cannot pose as 04:00.0 even
 * with no SV above it (root port 00:01.0 has no ACS), and shares its group
 * with both bridges, whose IDs it emits: holds.  Variant 1, the bridges
 * replaced by a switch (01:00.0 upstream, 02:00.0 downstream port, no
 * ACS): 03:00.0's own ID reaches the IOMMU, nothing validates it: P2
 * source validation, as p2_spoof.
 */
static void p2_retag(int no_conv)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 3, NO_ACS, false, 1);
	tb_fn(&t, "0000:00:02.0", 4, 4, 4, ACS_STD, false, 3);
	tb_fn(&t, "0000:01:00.0", no_conv ? 5 : 7, 2, 3, NO_ACS, false, 2);
	tb_fn(&t, "0000:02:00.0", no_conv ? 6 : 8, 3, 3, NO_ACS, false, 2);
	tb_fn(&t, "0000:03:00.0", 0, 0, 0, NO_ACS, false, 2);
	tb_fn(&t, "0000:04:00.0", 0, 0, 0, NO_ACS, false, 4);
	expect(&t, no_conv ? "P2 endpoint below a switch, no SV" :
	       "P2 endpoint below a PCI-to-PCIe bridge on a conventional bus", no_conv, SV_P2,
	       "0000:03:00.0", "0000:04:00.0", SV_R_SPOOF);
}

/*
 * Root ports that implement RR route peer traffic to each other (6.12.1.1);
 * pci=disable_acs_redir= turns RR/CR off: 01:00.0 reaches 02:00.0 inside the
 * root complex: P2.  Without the parameter (RR on): holds.
 */
static void p2_root_p2p(int redir_off)
{
	struct tb t;

	tb_init(&t);
	host(&t);
	if (redir_off) {
		free(t.p.cmdline);
		t.p.cmdline = strdup("quiet pci=noats,disable_acs_redir=pci:8086:1234 intel_iommu=on");
	}
	tb_fn(&t, "0000:00:01.0", 4, 1, 1, 0x5f, false, 1);
	tb_fn(&t, "0000:00:02.0", 4, 2, 2, 0x5f, false, 2);
	tb_fn(&t, "0000:01:00.0", 0, 0, 0, NO_ACS, false, 1);
	tb_fn(&t, "0000:02:00.0", 0, 0, 0, NO_ACS, false, 2);
	expect(&t, redir_off ? "P2 disable_acs_redir" : "P2 root ports redirecting", redir_off,
	       SV_P2, "0000:01:00.0", "0000:02:00.0", SV_R_ROOT_P2P);
}

/* ---- P3 ------------------------------------------------------------------ */

/* host, ACS root port 00:01.0, endpoint 01:00.0; all units per arguments */
static void small(struct tb *t)
{
	tb_init(t);
	host(t);
	tb_fn(t, "0000:00:01.0", 4, 1, 1, 0x5f, false, 1);
	tb_fn(t, "0000:01:00.0", 0, 0, 0, NO_ACS, false, 2);
}

/*
 * VT-d 8.3: DRHD A (0xfed90000) lists endpoint 01:00.0; DRHD B
 * (0xfed91000, INCLUDE_PCI_ALL) gets everything else.  The kernel puts
 * 01:00.0 under B: its requests reach A, not the unit holding its group's
 * domain: P3, kernel logic (own ID, the table was plain).  Under A: holds.
 */
static void p3_unit(int wrong)
{
	struct tb t;

	small(&t);
	tb_drhd(&t, 0xfed90000, false);
	tb_scope(&t, 1, 0, 1, 0, 0);
	tb_drhd(&t, 0xfed91000, true);
	tb_dmar_done(&t);
	tb_unit(&t, "dmar0", 0xfed90000, true);
	tb_unit(&t, "dmar1", 0xfed91000, true);
	tb_obs(&t, "0000:00:00.0")->unit = 1;
	tb_obs(&t, "0000:00:01.0")->unit = 1;
	tb_obs(&t, "0000:01:00.0")->unit = wrong ? 1 : 0;
	expect(&t, wrong ? "P3 device under the wrong unit" : "P3 device under its unit", wrong,
	       SV_P3, "0000:01:00.0", NULL, SV_R_OTHER_UNIT);
}

/*
 * The table lies: DRHD A lists endpoint 02:01.0, a conventional device
 * behind PCIe-to-PCI bridge 01:00.0, whose requests really carry 01:00.0 /
 * 02:00.0, and those fall to INCLUDE_ALL unit B.  The kernel follows the
 * table (02:01.0 under A): P3, class firmware inconsistency.  Minimal
 * change, a truthful table (bridge scope 01:00.0 for A, kernel puts the
 * bridge and device under A): holds.
 */
static void p3_firmware(int lie)
{
	struct sv_verdict v;
	struct tb t;
	const struct sv_violation *w;

	tb_init(&t);
	host(&t);
	tb_fn(&t, "0000:00:01.0", 4, 1, 2, 0x5f, false, 1);
	tb_fn(&t, "0000:01:00.0", 7, 2, 2, NO_ACS, false, 2);
	tb_fn(&t, "0000:02:01.0", CONV, 0, 0, NO_ACS, false, 2);
	tb_drhd(&t, 0xfed90000, false);
	if (lie)
		tb_scope(&t, 1, 0, 2, 1, 0);
	else
		tb_scope(&t, 2, 0, 1, 0, 0);
	tb_drhd(&t, 0xfed91000, true);
	tb_dmar_done(&t);
	tb_unit(&t, "dmar0", 0xfed90000, true);
	tb_unit(&t, "dmar1", 0xfed91000, true);
	tb_obs(&t, "0000:00:00.0")->unit = 1;
	tb_obs(&t, "0000:00:01.0")->unit = 1;
	tb_obs(&t, "0000:01:00.0")->unit = lie ? 1 : 0;
	tb_obs(&t, "0000:02:01.0")->unit = 0;
	CHECK(tb_judge(&t, &v) == lie, "P3 %s table: verdict", lie ? "lying" : "truthful");
	w = tb_find(&v, SV_P3, "0000:02:01.0", NULL);
	if (lie)
		CHECK(w && w->cls == SV_FIRMWARE, "P3 lying table: 02:01.0, class firmware inconsistency");
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

/*
 * VT-d 8.3: an INCLUDE_PCI_ALL unit has every PCI device of its segment no
 * other unit lists, and its scopes may name only IOAPICs and HPETs.  Two
 * such units A (0xfed90000) and B (0xfed91000), B with a bridge scope for
 * root port 00:01.0: that scope is outside 8.3 and names nothing, so
 * 00:01.0 and 01:00.0 are in the segment's rest, which both units claim.
 * The kernel putting everything under A breaks no rule the table can
 * state: holds, with the table's error noted.  Variant 1, B without
 * INCLUDE_PCI_ALL: its bridge scope is a plain 8.3.1 scope, 00:01.0 and
 * 01:00.0 belong to B, and under A they are P3.
 */
static void p3_catch_all(int plain_b)
{
	struct sv_verdict v;
	struct tb t;

	small(&t);
	tb_drhd(&t, 0xfed90000, true);
	tb_drhd(&t, 0xfed91000, !plain_b);
	tb_scope(&t, 2, 0, 0, 1, 0);
	tb_dmar_done(&t);
	tb_unit(&t, "dmar0", 0xfed90000, true);
	tb_unit(&t, "dmar1", 0xfed91000, true);
	tb_obs(&t, "0000:00:00.0")->unit = 0;
	tb_obs(&t, "0000:00:01.0")->unit = 0;
	tb_obs(&t, "0000:01:00.0")->unit = 0;
	if (plain_b) {
		expect(&t, "P3 bridge scope of a plain unit", 1, SV_P3, "0000:01:00.0", NULL,
		       SV_R_OTHER_UNIT);
		return;
	}
	CHECK(tb_judge(&t, &v) == 0, "P3 PCI scope under a second INCLUDE_PCI_ALL unit: holds");
	CHECK(strstr(v.table_note, "INCLUDE_PCI_ALL") != NULL,
	      "P3 PCI scope under INCLUDE_PCI_ALL: noted (%s)", v.table_note);
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

/* No units reported: P3, P4, P6 are not judged, and say so. */
static void p3_not_judged(void)
{
	struct sv_verdict v;
	struct tb t;

	small(&t);
	CHECK(tb_judge(&t, &v) == 0, "no units: verdict 0");
	CHECK(v.status[SV_P3] == SV_NOT_JUDGED && strstr(v.not_judged[SV_P3], "no units"),
	      "no units: P3 not judged (%s)", v.not_judged[SV_P3]);
	CHECK(v.status[SV_P6] == SV_NOT_JUDGED, "no units: P6 not judged");
	CHECK(v.status[SV_P1] == SV_HOLDS && v.status[SV_P2] == SV_HOLDS, "no units: P1, P2 judged");
	sv_verdict_release(&v);
	tb_free(&t);
}

/* ---- P4 ------------------------------------------------------------------ */

/* One INCLUDE_ALL unit; every device under it; group 2 claims isolated MSI. */
static void msi_platform(struct tb *t, bool ir_enabled)
{
	small(t);
	tb_fn(t, "0000:00:02.0", 4, 2, 2, 0x5f, false, 3);
	tb_fn(t, "0000:02:00.0", 0, 0, 0, NO_ACS, false, 4);
	tb_drhd(t, 0xfed90000, true);
	tb_dmar_done(t);
	tb_unit(t, "dmar0", 0xfed90000, ir_enabled);
	for (size_t i = 0; i < t->o.nr_devices; i++)
		t->o.devices[i].unit = 0;
	t->o.ir_mode = ir_enabled ? OBS_IR_X2APIC : OBS_IR_OFF;
	tb_groups(t, 5);
	t->o.groups[2].isolated_msi = 1;
}

/*
 * An MSI is a DMA write; only interrupt remapping keeps a device from
 * writing any vector.  Group 2 reports isolated MSI while its unit does not
 * remap: P4.  Remapping on: holds.
 */
static void p4_ir(int off)
{
	struct tb t;

	msi_platform(&t, !off);
	expect(&t, off ? "P4 isolated MSI without remapping" : "P4 isolated MSI with remapping",
	       off, SV_P4, "0000:01:00.0", NULL, SV_R_IR_OFF);
}

/*
 * VT-d 9.10: 01:00.0's IRTEs verify the bus range 01-02 (SVT 2): 02:00.0
 * (group 4, same unit) passes that check and can fire 01:00.0's vectors:
 * P4.  Exact requester-ID check (SVT 1, SID 01:00.0, SQ 0): holds.
 */
static void p4_sid(int range)
{
	struct observation_device *od;
	struct tb t;

	msi_platform(&t, true);
	od = tb_obs(&t, "0000:01:00.0");
	od->msi_sid_known = 1;
	od->msi_svt = range ? 2 : 1;
	od->msi_sid = range ? 0x0102 : 0x0100;
	expect(&t, range ? "P4 bus-range source-id check" : "P4 exact source-id check", range,
	       SV_P4, "0000:01:00.0", "0000:02:00.0", SV_R_SID_ADMITS);
}

/* ---- P5 ------------------------------------------------------------------ */

/*
 * VT-d 8.4: an RMRR names 01:00.0; its memory must stay identity mapped
 * for it, so its group must carry the region as a direct map.  Missing: P5.
 * Present (IOMMU_RESV_DIRECT covering the range): holds.
 */
static void p5_rmrr(int missing)
{
	struct tb t;

	small(&t);
	tb_drhd(&t, 0xfed90000, true);
	tb_rmrr(&t, 0xe0000, 0xfffff);
	tb_scope(&t, 1, 0, 1, 0, 0);
	tb_dmar_done(&t);
	tb_unit(&t, "dmar0", 0xfed90000, true);
	for (size_t i = 0; i < t.o.nr_devices; i++)
		t.o.devices[i].unit = 0;
	tb_groups(&t, 3);
	if (!missing)
		tb_region(&t, 2, 0xd0000, 0xfffff, OBS_RESV_DIRECT);
	expect(&t, missing ? "P5 RMRR without a reserved region" : "P5 RMRR with its region",
	       missing, SV_P5, "0000:01:00.0", NULL, SV_R_NO_REGION);
}

/* ---- P6 ------------------------------------------------------------------ */

/*
 * MADT lists IOAPIC 2.  With remapping on, its interrupts only get through
 * if a remapping unit covers it: DRHD device scope type 3 (IOAPIC) with
 * enumeration id 2.  Scope present: holds.  Absent: P6.
 */
static void p6_ioapic(int uncovered)
{
	struct sv_verdict v;
	struct tb t;

	small(&t);
	tb_madt_ioapic(&t, 2);
	tb_drhd(&t, 0xfed90000, true);
	if (!uncovered)
		tb_scope(&t, 3, 2, 0xf0, 0x1f, 0);
	tb_dmar_done(&t);
	tb_unit(&t, "dmar0", 0xfed90000, true);
	for (size_t i = 0; i < t.o.nr_devices; i++)
		t.o.devices[i].unit = 0;
	t.o.ir_mode = OBS_IR_XAPIC;
	CHECK(tb_judge(&t, &v) == uncovered, "P6 IOAPIC %s: verdict", uncovered ? "uncovered" : "covered");
	if (uncovered)
		CHECK(tb_find(&v, SV_P6, NULL, NULL) && v.status[SV_P6] == SV_VIOLATED,
		      "P6 IOAPIC uncovered: P6 violated");
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

/*
 * An HPET whose timers send MSIs (FSB delivery) with remapping on needs a
 * DRHD scope of type 4 (VT-d 8.3.1) with its number as enumeration id, or
 * its MSIs reach no remapping entry.  hpet_msi=1 and no scope: P6.  The
 * scope added: holds.  hpet_msi=0 (as for every bundle): the timer only
 * raises IOAPIC pins, nothing to judge for it, holds.
 */
static void p6_hpet(int variant)
{
	struct sv_verdict v;
	struct tb t;
	int uncovered = variant == 0;

	small(&t);
	tb_madt_ioapic(&t, 2);
	tb_hpet(&t, 0);
	t.p.hpet_msi = variant != 2;
	tb_drhd(&t, 0xfed90000, true);
	tb_scope(&t, 3, 2, 0xf0, 0x1f, 0);
	if (variant == 1)
		tb_scope(&t, 4, 0, 0, 0x0f, 0);
	tb_dmar_done(&t);
	tb_unit(&t, "dmar0", 0xfed90000, true);
	for (size_t i = 0; i < t.o.nr_devices; i++)
		t.o.devices[i].unit = 0;
	t.o.ir_mode = OBS_IR_XAPIC;
	CHECK(tb_judge(&t, &v) == uncovered, "P6 HPET variant %d: verdict", variant);
	if (uncovered)
		CHECK(tb_find(&v, SV_P6, NULL, NULL) && v.status[SV_P6] == SV_VIOLATED,
		      "P6 HPET uncovered: P6 violated");
	else
		CHECK(v.status[SV_P6] == SV_HOLDS, "P6 HPET variant %d: P6 holds", variant);
	if (variant == 2)
		CHECK(strstr(v.table_note, "HPET 0") != NULL, "P6 HPET without MSI: noted");
	dump(&v);
	sv_verdict_release(&v);
	tb_free(&t);
}

int main(void)
{
	for (int i = 0; i < 2; i++) {
		p1_bridge(i);
		p1_phantom(i);
		p1_hw_alias(i);
		p1_hw_alias_declared(i);
		p2_switch(i);
		p2_multifunction(i);
		p2_conventional(i);
		p2_spoof(i);
		p2_retag(i);
		p2_root_p2p(i);
		p3_unit(i);
		p3_firmware(i);
		p3_catch_all(i);
		p4_ir(i);
		p4_sid(i);
		p5_rmrr(i);
		p6_ioapic(i);
	}
	for (int i = 0; i < 3; i++)
		p6_hpet(i);
	for (int i = 0; i < 3; i++)
		p1_ivrs_bridge(i);
	p2_uf(0);
	p2_uf(1);
	p2_count();
	p3_not_judged();
	if (failures)
		printf("%d check(s) failed\n", failures);
	return failures ? 1 : 0;
}
