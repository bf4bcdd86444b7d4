// SPDX-License-Identifier: GPL-2.0-only
/*
 * What lint needs from the machine around a DMAR or IVRS table: the PCI
 * functions a scope names, the MADT's IOAPICs and the HPET table's number
 * (each must be under a remapping unit), and the firmware's memory map,
 * which a bundle carries as the BIOS-e820 lines of the real kernel's log
 * (expected/dmesg; `isofuzz import --dmesg` puts them there).  The same
 * log gives the DMA faults the kernel reported, which fwts's dmar test
 * looks for.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi_walk.h"
#include "bundle.h"
#include "lines.h"
#include "lint.h"

const struct platform_pci_function *lint_function(const struct lint *l, uint16_t seg, uint16_t rid)
{
	const struct platform *p = l->platform;

	for (size_t i = 0; i < p->nr_functions; i++)
		if (p->functions[i].segment == seg &&
		    (p->functions[i].bus << 8 | p->functions[i].devfn) == rid)
			return &p->functions[i];
	return NULL;
}

static const struct platform_table *table(const struct lint *l, const char *sig)
{
	for (size_t i = 0; i < l->platform->nr_tables; i++)
		if (!strcmp(l->platform->tables[i].signature, sig) && l->platform->tables[i].data)
			return &l->platform->tables[i];
	return NULL;
}

/* MADT I/O APIC structures (ACPI 5.2.12.3: type 1, ID at byte 2). */
int lint_madt_ioapics(const struct lint *l, int ids[256])
{
	const struct platform_table *t = table(l, "APIC");
	size_t next = ACPI_MADT_FIRST;
	struct acpi_sub e;
	int n = 0;

	if (!t)
		return -1;
	while (acpi_sub_next(ACPI_SUB_MADT, t->data, t->len, &next, &e) > 0)
		if (e.type == 1 && e.len >= 12 && n < 256)
			ids[n++] = t->data[e.off + 2];
	return n;
}

/* IA-PC HPET table: the HPET Number at byte 52 names it in DMAR/IVRS scopes. */
int lint_hpet_number(const struct lint *l)
{
	const struct platform_table *t = table(l, "HPET");

	return t && t->len >= 53 ? t->data[52] : -1;
}

/* The map range containing addr, of type type (or any when type < 0), or NULL. */
static const struct lint_mem *mem_at(const struct lint *l, uint64_t addr, int type)
{
	for (size_t i = 0; i < l->nr_mem; i++)
		if (l->mem[i].start <= addr && addr <= l->mem[i].end &&
		    (type < 0 || (int)l->mem[i].type == type))
			return &l->mem[i];
	return NULL;
}

/*
 * A region a device is mapped 1:1 to for ever (RMRR, IVMD unity map) is
 * memory the OS must never hand out: VT-d 8.4 requires the BIOS to report
 * RMRR regions as reserved in the memory map, and the same holds for AMD's
 * unity maps.  One over usable RAM means the device DMAs into pages the OS
 * allocates to someone else.
 */
void lint_unity_map(struct lint *l, const char *tbl, size_t off, const char *what,
		    uint64_t start, uint64_t end)
{
	uint64_t pos = start;

	if (!l->mem) {
		lint_skip(l, "unity maps against RAM (no BIOS-e820 lines in expected/dmesg)");
		return;
	}
	for (size_t i = 0; i < l->nr_mem; i++) {
		const struct lint_mem *m = &l->mem[i];

		if (m->type == LINT_MEM_USABLE && m->start <= end && start <= m->end) {
			lint_report(l, LINT_ERROR, tbl, off, "unity-map-in-ram",
				    "%s %#" PRIx64 "-%#" PRIx64 " overlaps usable RAM %#" PRIx64 "-%#" PRIx64
				    " of the memory map", what, start, end, m->start, m->end);
			return;
		}
	}
	/* reserved ranges may be listed in pieces: walk them end to end */
	while (pos <= end) {
		const struct lint_mem *m = mem_at(l, pos, LINT_MEM_RESERVED);

		if (!m) {
			const struct lint_mem *o = mem_at(l, pos, -1);

			lint_report(l, LINT_WARNING, tbl, off, "unity-map-not-reserved",
				    "%s %#" PRIx64 "-%#" PRIx64 " is not reserved memory at %#" PRIx64 " (%s)",
				    what, start, end, pos, o ? o->name : "in no range of the memory map");
			return;
		}
		if (m->end >= end)
			break;
		pos = m->end + 1;
	}
}

static int add_mem(struct lint *l, uint64_t start, uint64_t end, const char *name)
{
	struct lint_mem *m = realloc(l->mem, (l->nr_mem + 1) * sizeof(*m));

	if (!m)
		return -1;
	l->mem = m;
	m += l->nr_mem++;
	m->start = start;
	m->end = end;
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->type = !strcmp(name, "usable") ? LINT_MEM_USABLE :
		  !strcmp(name, "reserved") ? LINT_MEM_RESERVED : LINT_MEM_OTHER;
	return 0;
}

/*
 * "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable": the
 * firmware's map as the kernel printed it (arch/x86/kernel/e820.c), and
 * "DMAR: ... [fault reason 0x06] ...": a DMA fault the unit reported.
 */
int lint_dmesg(struct lint *l, const char *bundle_path)
{
	char path[4096];
	struct diag d;
	struct lines ln;
	const char *s;
	size_t len;
	unsigned char *text;

	snprintf(path, sizeof(path), "%s/expected/dmesg", bundle_path);
	text = bundle_read_file(path, 64u << 20, &len, &d);
	if (!text) {
		lint_skip(l, "kernel-log DMA faults (no expected/dmesg)");
		return 0;
	}
	lines_init(&ln, (const char *)text, len);
	while ((s = lines_next(&ln))) {
		const char *e = strstr(s, "BIOS-e820: [mem ");
		unsigned long long a, b;
		char name[24];

		if (e && sscanf(e, "BIOS-e820: [mem %llx-%llx] %23[^\n]", &a, &b, name) == 3 && a <= b) {
			if (add_mem(l, a, b, name)) {
				free(text);
				return -1;
			}
		} else if (strstr(s, "DMAR") && strstr(s, "[fault reason")) {
			/* fwts dmar: DMARError (a fault in the kernel log) */
			lint_report(l, LINT_ERROR, "expected/dmesg", (size_t)ln.lineno, "fwts DMARError",
				    "the kernel logged a DMA remapping fault: %s", strstr(s, "DMAR"));
		}
	}
	free(text);
	if (!l->nr_mem)
		lint_skip(l, "unity maps against RAM (no BIOS-e820 lines in expected/dmesg)");
	return 0;
}

/*
 * The first function in lo..hi whose IVRS alias is on another bus and not
 * what a bridge above it makes of its requests anyway, or -1.  A bridge
 * above a device forwards its requests under the bridge's own requester ID
 * (PCI-X/conventional) or as (secondary bus, 00.0) (PCIe-to-PCI, PCIe-PCI
 * bridge spec 2.3); the kernel derives either from the topology
 * (pci_for_each_dma_alias), so only an alias nothing explains is lost.
 */
int lint_alias_unexplained(const struct lint *l, uint16_t seg, unsigned int lo, unsigned int hi,
			   unsigned int alias)
{
	const struct sv_facts *f = &l->topo;

	for (size_t i = 0; i < f->nr_fns; i++) {
		const struct sv_fn *d = &f->fns[i];
		bool explained = false;

		if (d->seg != seg || d->rid < lo || d->rid > hi || d->bus == alias >> 8)
			continue;
		for (size_t k = 0; k < f->nr_fns && !explained; k++) {
			const struct sv_fn *x = &f->fns[k];

			explained = sv_anc(x, d) && (x->rid == alias ||
				    (x->sec_kind == SV_BUS_CONV && (unsigned int)x->sec << 8 == alias));
		}
		if (!explained)
			return d->rid;
	}
	return -1;
}
