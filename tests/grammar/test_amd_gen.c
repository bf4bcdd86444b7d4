// SPDX-License-Identifier: GPL-2.0-only
/*
 * Generated AMD machines against the kernel's AMD-Vi code.  The
 * expectations are the AMD IOMMU specification's and the PCIe rules', not
 * the generator's:
 *  - the small AMD machine (host bridge, IOMMU function 00:00.2, root port
 *    00:01.0 without ACS and its endpoint 01:00.0, RCiEP 00:02.0, IOAPIC 0
 *    at GSI 0) boots with one unit and interrupt remapping on (its IVRS
 *    names IOAPIC 0 at 00:14.0, the southbridge ID check_ioapic_information()
 *    wants); groups {00:00.0} {00:01.0 01:00.0} {00:02.0} {00:14.0}: the
 *    endpoint shares its port's group (no ACS on the path), the
 *    southbridge's conventional function on the root bus is alone, the
 *    IOMMU's own function is in none;
 *  - truthful (consistent-mode) IVRS tables cover their units' segments:
 *    on every generated consistent AMD machine, every PCI function of a
 *    segment that has a unit, but the units' own, is in a group, and a
 *    unit on segment 0 gets interrupt remapping on unless the command line
 *    turns it off (amd_iommu=off, intremap=off, an ivrs_ioapic= override
 *    naming another ID);
 *  - the generator chooses AMD for a fair share of inputs, in each mode,
 *    each with an IVRS and no DMAR.  Only consistent machines run here:
 *    lying and malformed tables are the fuzzer's, since they crash the
 *    kernel's code (its findings).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "types.h"

static int fails;

#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL: " __VA_ARGS__); printf("\n"); } } while (0)

static int group_of(const struct observation *o, uint8_t bus, uint8_t devfn)
{
	for (size_t i = 0; i < o->nr_devices; i++)
		if (!o->devices[i].segment && o->devices[i].bus == bus && o->devices[i].devfn == devfn)
			return o->devices[i].group;
	return -2;	/* not enumerated */
}

static const struct platform_table *table(const struct platform *p, const char *sig)
{
	for (size_t i = 0; i < p->nr_tables; i++)
		if (!strcmp(p->tables[i].signature, sig))
			return &p->tables[i];
	return NULL;
}

static void small_machine(void)
{
	struct g_node *tree = g_platform_small_amd();
	struct platform p;
	struct observation o;
	int g0, g1, g2, g3, g4;

	if (!tree || g_build(tree, &p)) {
		CHECK(0, "small AMD machine: does not build");
		g_node_free(tree);
		return;
	}
	CHECK(table(&p, "IVRS") && !table(&p, "DMAR"), "small AMD machine: IVRS and no DMAR");
	CHECK(p.nr_iommus == 1 && p.iommus[0].amd && !strcmp(p.iommus[0].name, "ivhd0"),
	      "small AMD machine: one AMD register file, ivhd0");
	CHECK(!kshim_run(&p, &o), "small AMD machine: the kernel code failed: %s",
	      o.failure ? o.failure : "?");
	CHECK(o.nr_units == 1 && o.units[0].reg_base == 0xfeb80000, "small AMD machine: %zu units",
	      o.nr_units);
	CHECK(o.ir_mode != OBS_IR_OFF, "small AMD machine: interrupt remapping off");
	g0 = group_of(&o, 0, 0x00);
	g1 = group_of(&o, 0, 0x08);
	g2 = group_of(&o, 1, 0x00);
	g3 = group_of(&o, 0, 0x10);
	g4 = group_of(&o, 0, 0xa0);
	CHECK(g0 >= 0 && g1 >= 0 && g3 >= 0 && g4 >= 0 && g1 == g2 && g0 != g1 && g0 != g3 &&
	      g1 != g3 && g4 != g0 && g4 != g1 && g4 != g3,
	      "small AMD machine: groups %d %d %d %d %d", g0, g1, g2, g3, g4);
	CHECK(group_of(&o, 0, 0x02) == -1, "small AMD machine: the IOMMU function has a group");
	observation_release(&o);
	platform_release(&p);
	g_node_free(tree);
}

/* the command line keeps remapping from coming up (kernel-parameters.txt) */
static int ir_turned_off(const char *cmdline)
{
	return strstr(cmdline, "amd_iommu=off") || strstr(cmdline, "intremap=off") ||
	       strstr(cmdline, "ivrs_ioapic=0@00:15.0");
}

static int unit_on(const struct g_node *tree, unsigned seg)
{
	for (size_t i = 0; i < tree->nr_kids; i++)
		if (tree->kids[i]->type == &g_amd_unit && g_get(tree->kids[i], "segment") == seg)
			return 1;
	return 0;
}

/* a generated consistent AMD machine: coverage and remapping as the spec says */
static void consistent(struct g_node *tree, const struct platform *p, const struct observation *o,
		       unsigned seed)
{
	/* amd_iommu=off: the driver stops before reading the IVRS, no unit, no group */
	if (strstr(p->cmdline, "amd_iommu=off")) {
		CHECK(!o->nr_units, "seed %u: amd_iommu=off, yet %zu units", seed, o->nr_units);
		return;
	}
	for (size_t i = 0; i < o->nr_devices; i++) {
		const struct observation_device *d = &o->devices[i];
		int own = !d->bus && d->vendor == 0x1022 && d->device == 0x1451;

		if (own || !unit_on(tree, d->segment))
			continue;
		CHECK(d->group >= 0, "seed %u: %04x:%02x:%02x.%d is in no group", seed, d->segment,
		      d->bus, d->devfn >> 3, d->devfn & 7);
	}
	if (unit_on(tree, 0) && !ir_turned_off(p->cmdline))
		CHECK(o->ir_mode != OBS_IR_OFF, "seed %u: interrupt remapping off (%s)", seed,
		      p->cmdline);
}

int main(void)
{
	unsigned amd = 0, made[G_NR_MODES] = { 0 }, reached = 0, total = 0;

	small_machine();
	for (unsigned seed = 0; seed < 600; seed++) {
		uint8_t bytes[160];
		struct g_node *tree;
		struct platform p;
		struct observation o;
		int mode;

		for (size_t i = 0; i < sizeof(bytes); i++)
			bytes[i] = (seed * 2654435761u + i * 2246822519u) >> 13;
		tree = g_platform_from_input(bytes, sizeof(bytes));
		total++;
		if (!tree || !g_platform_is_amd(tree) || g_build(tree, &p)) {
			g_node_free(tree);
			continue;
		}
		amd++;
		mode = g_get(tree, "mode");
		if (table(&p, "IVRS") && !table(&p, "DMAR"))
			made[mode]++;
		if (mode == G_MODE_CONSISTENT && kshim_run(&p, &o) == 0) {
			/* the AMD code ran: it set a unit up, logged, or was told not to */
			reached += o.nr_units || (o.log && strstr(o.log, "AMD-Vi:")) ||
				   strstr(p.cmdline, "amd_iommu=off");
			consistent(tree, &p, &o, seed);
		}
		if (mode == G_MODE_CONSISTENT)
			observation_release(&o);
		platform_release(&p);
		g_node_free(tree);
	}
	CHECK(amd * 4 > total, "%u of %u generated machines are AMD", amd, total);
	for (int m = 0; m < G_NR_MODES; m++)
		CHECK(made[m] > 0, "mode %d: no AMD machine with an IVRS and no DMAR", m);
	CHECK(reached == made[G_MODE_CONSISTENT], "%u of %u consistent AMD machines reached the AMD code",
	      reached, made[G_MODE_CONSISTENT]);
	printf("%s: %u of %u generated machines AMD (%u consistent, %u inconsistent, %u raw); "
	       "%u consistent ones ran the AMD code\n", fails ? "FAIL" : "ok", amd, total,
	       made[G_MODE_CONSISTENT], made[G_MODE_INCONSISTENT], made[G_MODE_RAW], reached);
	return fails ? 1 : 0;
}
