/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hand-built platforms and observations for the solver's unit tests: config
 * spaces laid out as PCIe describes them (the same layout as
 * tests/handmade/make-bundles.py), tables byte by byte, and the kernel's
 * decisions written down directly.
 */
#ifndef TESTS_SOLVER_BUILDER_H
#define TESTS_SOLVER_BUILDER_H

#include <stdbool.h>
#include <stdint.h>

#include <isofuzz/platform.h>

#include "solver.h"

#define NO_ACS (-1)
#define CONV (-1)	/* conventional PCI: no PCI Express capability */
#define ACS_STD 0x1d	/* SV|RR|CR|UF */

struct tb {
	struct platform p;
	struct observation o;
	uint8_t dmar[1024];
	size_t dmar_len;
};

void tb_init(struct tb *t);
/* A function; sec/sub 0 for a type 0 header.  Returns its config bytes. */
uint8_t *tb_fn(struct tb *t, const char *bdf, int pcie_type, int sec, int sub, int acs,
	       bool mf, int group);
/* class code for a type 0 function (default: Ethernet) */
void tb_class(uint8_t *cfg, uint32_t class);
/* DevCap phantom functions supported and DevCtl phantom enable */
void tb_phantom(uint8_t *cfg, int bits, bool enabled);
void tb_set_group(struct tb *t, const char *bdf, int group);
struct observation_device *tb_obs(struct tb *t, const char *bdf);
/* Kernel-side units (observation) */
int tb_unit(struct tb *t, const char *name, uint64_t base, bool ir_enabled);
/* DMAR: begin a DRHD, add scopes (type 1 endpoint, 2 bridge, 3 IOAPIC) */
void tb_drhd(struct tb *t, uint64_t base, bool include_all);
void tb_scope(struct tb *t, int type, int enum_id, int bus, int dev, int fn);
void tb_rmrr(struct tb *t, uint64_t base, uint64_t limit);
void tb_dmar_done(struct tb *t);
void tb_madt_ioapic(struct tb *t, int id);
void tb_hpet(struct tb *t, int number);
void tb_table(struct tb *t, const char *sig, const uint8_t *data, size_t len);
void tb_groups(struct tb *t, int nr_groups);
void tb_region(struct tb *t, int group, uint64_t start, uint64_t end, enum observation_region_type type);
void tb_free(struct tb *t);

/* Judge with Z3 enumerating everything (so every test is a cross-check too). */
int tb_judge(struct tb *t, struct sv_verdict *v);
/* A violation of prop naming a (and b, if not NULL) as device/other device. */
const struct sv_violation *tb_find(const struct sv_verdict *v, enum sv_prop p,
				   const char *a, const char *b);

#endif
