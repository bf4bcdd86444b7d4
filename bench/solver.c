// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/solver: the verdict's cost on synthetic platforms of 8, 64 and 256
 * functions (root ports, each with a switch whose downstream ports
 * alternate with and without ACS, an endpoint below each; each downstream
 * port grouped with its endpoint, as the kernel does; one INCLUDE_ALL
 * DRHD so that every property is judged).  Prints the median over many
 * runs of the Z3 check (context, facts, every property decided and every
 * reported violation confirmed) and of the fast check, and the model's
 * size.  Build type and sanitizers matter: the default build has ASan.
 *
 * usage: bench_solver [RUNS]   (RUNS for 8 and 64; a fifth of them for 256)
 * SV_PROFILE=1 in the environment prints Z3's time per property.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tests/solver/builder.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void platform_of(struct tb *t, int n)
{
	char bdf[16];
	int count = 0, group = 0;

	tb_init(t);
	tb_class(tb_fn(t, "0000:00:00.0", CONV, 0, 0, NO_ACS, false, group++), 0x060000);
	count++;
	for (int k = 0; count < n; k++) {
		int b = 1 + 6 * k, rp_group = group++;

		snprintf(bdf, sizeof(bdf), "0000:00:%02x.0", 1 + k);
		tb_fn(t, bdf, 4, b, b + 5, 0x5f, false, rp_group);
		if (++count >= n)
			break;
		snprintf(bdf, sizeof(bdf), "0000:%02x:00.0", b);
		tb_fn(t, bdf, 5, b + 1, b + 5, NO_ACS, false, group++);
		count++;
		for (int j = 0; j < 4 && count < n; j++) {
			int g = group++;

			snprintf(bdf, sizeof(bdf), "0000:%02x:%02x.0", b + 1, j);
			tb_fn(t, bdf, 6, b + 2 + j, b + 2 + j, j & 1 ? ACS_STD : NO_ACS, false, g);
			if (++count >= n)
				break;
			snprintf(bdf, sizeof(bdf), "0000:%02x:00.0", b + 2 + j);
			tb_fn(t, bdf, 0, 0, 0, NO_ACS, false, g);
			count++;
		}
	}
	tb_madt_ioapic(t, 0);
	tb_drhd(t, 0xfed90000, true);
	tb_scope(t, 3, 0, 0xf0, 0x1f, 0);
	tb_dmar_done(t);
	tb_unit(t, "dmar0", 0xfed90000, true);
	for (size_t i = 0; i < t->o.nr_devices; i++)
		t->o.devices[i].unit = 0;
	t->o.ir_mode = OBS_IR_X2APIC;
	tb_groups(t, group);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const int sizes[] = { 8, 64, 256 };
	int runs = argc > 1 ? atoi(argv[1]) : 15;
	double *z = calloc(runs, sizeof(double)), *f = calloc(runs, sizeof(double));

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("%8s %12s %12s %10s %8s %8s %10s\n", "devices", "z3 (ms)", "fast (ms)",
	       "violations", "facts", "rules", "runs");
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct sv_options zo = { SV_MODE_Z3, 8 }, fo = { SV_MODE_FAST, 8 };
		struct sv_verdict v;
		size_t facts = 0, rules = 0, nviol = 0;
		struct tb t;

		int n = sizes[s] > 64 ? (runs + 4) / 5 : runs;	/* Z3 takes seconds at 256 */

		platform_of(&t, sizes[s]);
		for (int r = 0; r < n; r++) {
			double t0 = now_ms();

			solver_check(&t.p, &t.o, &fo, &v);
			f[r] = now_ms() - t0;
			sv_verdict_release(&v);
			solver_check(&t.p, &t.o, &zo, &v);
			z[r] = v.z3_ms;
			facts = v.z3_facts;
			rules = v.z3_rules;
			nviol = 0;
			for (int p = 0; p < SV_NR_PROPS; p++)
				nviol += v.count[p];
			if (v.internal_error)
				printf("internal error: %s\n", v.error);
			sv_verdict_release(&v);
		}
		qsort(z, n, sizeof(double), cmp);
		qsort(f, n, sizeof(double), cmp);
		printf("%8d %12.2f %12.3f %10zu %8zu %8zu %10d\n", sizes[s], z[n / 2], f[n / 2],
		       nviol, facts, rules, n);
		tb_free(&t);
	}
	free(z);
	free(f);
	return 0;
}
