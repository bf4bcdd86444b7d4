// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bad input never crashes the solver, and garbage never makes its two
 * checkers disagree: a valid platform (switch, conventional bridge, DMAR,
 * IVRS, MADT) whose config spaces and tables are mutated at random (byte
 * flips, truncation), judged with the fast check every time and cross-
 * checked against Z3 every 16th time.  ASan/UBSan catch any out-of-bounds
 * read; an internal error (a disagreement) fails the test.
 *
 * usage: test_solver_garbage [ITERATIONS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"

static uint32_t seed = 12345;

static uint32_t rnd(void)
{
	seed = seed * 1103515245 + 12345;
	return seed >> 8;
}

static void base(struct tb *t)
{
	static const uint8_t ivrs_entries[] = {
		0x02, 0x00, 0x01, 0x00,			/* select 01:00.0 */
		0x43, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,	/* alias range 02:00.0.. as 01:00.0 */
		0x04, 0xff, 0x02, 0x00,			/* end 02:1f.7 */
		0x48, 0x00, 0x00, 0x00, 0x02, 0xa0, 0x00, 0x01,	/* IOAPIC 2 at 00:14.0 */
		0xf0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 'A', 'B',
	};
	uint8_t ivrs[48 + 40 + sizeof(ivrs_entries)] = { 'I', 'V', 'R', 'S' };

	tb_init(t);
	tb_class(tb_fn(t, "0000:00:00.0", CONV, 0, 0, NO_ACS, false, 0), 0x060000);
	tb_fn(t, "0000:00:01.0", 4, 1, 4, 0x5f, false, 1);
	tb_fn(t, "0000:01:00.0", 7, 2, 2, NO_ACS, false, 2);
	tb_fn(t, "0000:02:01.0", CONV, 0, 0, NO_ACS, false, 2);
	tb_fn(t, "0000:00:02.0", 4, 3, 4, NO_ACS, false, 3);
	tb_fn(t, "0000:03:00.0", 5, 4, 4, NO_ACS, false, 4);
	tb_fn(t, "0000:04:00.0", 6, 5, 5, ACS_STD, true, 5);
	tb_fn(t, "0000:04:00.1", 0, 0, 0, NO_ACS, true, 6);
	tb_madt_ioapic(t, 2);
	tb_drhd(t, 0xfed90000, false);
	tb_scope(t, 2, 0, 0, 1, 0);
	tb_scope(t, 3, 2, 0xf0, 0x1f, 0);
	tb_drhd(t, 0xfed91000, true);
	tb_rmrr(t, 0xe0000, 0xfffff);
	tb_scope(t, 1, 0, 1, 0, 0);
	tb_dmar_done(t);
	ivrs[48] = 0x11;
	ivrs[50] = (uint8_t)(40 + sizeof(ivrs_entries));
	ivrs[56] = 0x00, ivrs[57] = 0x10, ivrs[58] = 0xd9, ivrs[59] = 0xfe;
	memcpy(ivrs + 88, ivrs_entries, sizeof(ivrs_entries));
	tb_table(t, "IVRS", ivrs, sizeof(ivrs));
	tb_unit(t, "dmar0", 0xfed90000, true);
	tb_unit(t, "dmar1", 0xfed91000, false);
	for (size_t i = 0; i < t->o.nr_devices; i++)
		t->o.devices[i].unit = (int)(i & 1);
	t->o.ir_mode = OBS_IR_XAPIC;
	tb_groups(t, 7);
	t->o.groups[2].isolated_msi = 1;
	tb_obs(t, "0000:01:00.0")->msi_sid_known = 1;
	tb_obs(t, "0000:01:00.0")->msi_svt = 2;
	tb_obs(t, "0000:01:00.0")->msi_sid = 0x0104;
}

static void mutate(struct tb *t)
{
	int n = 1 + rnd() % 12;

	for (int i = 0; i < n; i++) {
		if (rnd() & 1) {
			struct platform_pci_function *f = &t->p.functions[rnd() % t->p.nr_functions];
			size_t off = rnd() % 4 ? rnd() % 0x50 : 0x100 + rnd() % 16;

			f->config[off] ^= 1 << (rnd() % 8);
			if (!(rnd() % 16))
				f->config_size = rnd() % 2 ? 64 : 256;
		} else {
			struct platform_table *tb = &t->p.tables[rnd() % t->p.nr_tables];

			if (!tb->len)
				continue;
			if (rnd() % 8)
				tb->data[rnd() % tb->len] = (uint8_t)rnd();
			else
				tb->len = rnd() % tb->len;
		}
	}
	if (!(rnd() % 8)) {
		free(t->p.cmdline);
		t->p.cmdline = strdup(rnd() % 2 ? "pci=config_acs=1x0x1x1@pci:8086:1234;x@" :
				      "pci=disable_acs_redir=0000:00:01.0;garbage;,config_acs=");
	}
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 400, bad = 0, viol = 0;

	for (int i = 0; i < n; i++) {
		struct sv_options opt = { i % 16 ? SV_MODE_FAST : SV_MODE_CROSSCHECK, 4 };
		struct sv_verdict v;
		struct tb t;
		int ret;

		base(&t);
		if (i)
			mutate(&t);
		solver_check(&t.p, &t.o, &opt, &v);
		ret = solver_exit_status(&v);
		if (ret > 1) {
			printf("FAIL: iteration %d: %s\n", i, v.error);
			bad++;
		}
		viol += ret == 1;
		sv_verdict_release(&v);
		tb_free(&t);
	}
	printf("%s: %d mutated platforms, %d with violations, %d internal errors\n",
	       bad ? "FAIL" : "ok", n, viol, bad);
	return bad ? 1 : 0;
}
