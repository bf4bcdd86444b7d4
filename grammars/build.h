/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * From a platform tree (grammars/topology.c's g_platform) to a struct
 * platform the kernel shim runs and the solver judges.  The generator
 * builds hardware and tables; it never decides groups.
 */
#ifndef GRAMMAR_BUILD_H
#define GRAMMAR_BUILD_H

#include <isofuzz/platform.h>

#include "grammar.h"

/* where lowering put a topology node: its function 0, and a bridge's buses */
struct g_placed {
	const struct g_node *n;
	uint16_t segment;
	uint8_t bus, devfn;
	uint8_t secondary, subordinate;	/* bridges; 0 otherwise */
};

struct g_lowered {
	struct platform_pci_function *fns;
	size_t nr_fns, cap_fns;
	struct g_placed *placed;
	size_t nr_placed, cap_placed;
	struct platform_dma_alias *aliases;
	size_t nr_aliases, cap_aliases;
};

/* lower.c: config spaces for every function of the topology; 0 or -1 (memory) */
int g_lower(const struct g_node *platform, struct g_lowered *l);
void g_lowered_release(struct g_lowered *l);
const struct g_placed *g_placed_of(const struct g_lowered *l, const struct g_node *n);

/* derive.c: the tables truthful firmware would have for this hardware */
struct g_node *g_derive_dmar(const struct g_node *platform, const struct g_lowered *l);
struct g_node *g_derive_madt(const struct g_node *platform);
struct g_node *g_derive_hpet(const struct g_node *platform);
/* the register base derive.c gives the unit-th dmar_unit of the platform */
uint64_t g_unit_base(unsigned unit);

/* derive_ivrs.c: the IVRS truthful AMD firmware would have */
struct g_node *g_derive_ivrs(const struct g_node *platform, const struct g_lowered *l);
/* an AMD machine: amd_unit children and no dmar_unit */
int g_platform_is_amd(const struct g_node *platform);
/* the nth placed amd_unit's register base; its index among them, -1 unplaced */
uint64_t g_amd_unit_base(unsigned nth);
int g_amd_unit_nth(const struct g_lowered *l, const struct g_node *amd_unit);
/* the IOMMU capability block header (PCI config and sysfs amd-iommu/cap) */
uint32_t g_amd_cap_header(void);
/* whether segment 0 has an AMD unit, and so the southbridge (FCH) function 00:14.0 */
int g_amd_fch(const struct g_node *platform);
/* the requester ID of the nth IOAPIC on an AMD machine (the first: the southbridge's) */
uint16_t g_amd_ioapic_source(unsigned nth);
/* ivrs_lies.c: one inconsistent-mode lie told in an IVRS; what, or NULL */
const char *g_ivrs_lie(struct g_node *ivrs, struct g_src *s);

/* build.c: the whole platform (tables per the mode); 0, 1 when the tree has
 * no PCI function (nothing to run), or -1 out of memory */
int g_build(const struct g_node *platform, struct platform *p);
/* replace table sig's bytes with data (taken over), sized as the kernel maps it */
int g_platform_set_table(struct platform *p, const char *sig, uint8_t *data, size_t len);

/* gen.c: a platform tree from a fuzz input: the serialized tree, or else
 * the bytes read as the generator's choices.  NULL only out of memory. */
struct g_node *g_platform_from_input(const uint8_t *data, size_t len);
/* the grammar-aware crossover of two inputs into out; the size, 0 on failure */
size_t g_platform_crossover(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
			    uint8_t *out, size_t max, unsigned seed);
/* a small fixed machine (the raw DMAR target's, and its findings') */
struct g_node *g_platform_small(void);
/* the same with an AMD-Vi unit (the raw IVRS target's) */
struct g_node *g_platform_small_amd(void);
/* the grammar-aware mutation of a fuzz input; the new size, 0 on failure */
size_t g_platform_mutate(uint8_t *data, size_t size, size_t max, unsigned seed);

#endif
