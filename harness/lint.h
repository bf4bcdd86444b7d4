/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * isofuzz lint: a firmware checker for the DMAR (Intel VT-d spec ch. 8)
 * and IVRS (AMD IOMMU spec, IVRS chapter) tables, by the specifications,
 * never by the kernel's code.  Every check the Firmware Test Suite's dmar
 * and ivrs tests make, then what isolation needs beyond them: IOAPICs of the
 * MADT covered, scopes that overlap, aliases across buses, unity maps over
 * RAM.  A finding is one line, "SEVERITY TABLE+OFFSET: what (check)":
 *  error    a rule the firmware must follow is broken and the OS's use of
 *           the table suffers (a unit, device, IOAPIC or map lost or wrong);
 *  warning  a reserved field, bit or type is used (the OS ignores it), or a
 *           legal but risky arrangement (an alias the kernel will not honour,
 *           a map outside reserved memory);
 *  info     worth knowing, no rule broken.
 */
#ifndef ISOFUZZ_LINT_H
#define ISOFUZZ_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <isofuzz/platform.h>

#include "facts.h"

enum lint_severity { LINT_ERROR, LINT_WARNING, LINT_INFO };

/* A range of the firmware's memory map (BIOS-e820 lines of the kernel log). */
enum lint_mem_type { LINT_MEM_USABLE, LINT_MEM_RESERVED, LINT_MEM_OTHER };
struct lint_mem {
	uint64_t start, end;		/* inclusive */
	enum lint_mem_type type;
	char name[24];			/* as the log says: usable, ACPI NVS, ... */
};

struct lint {
	const struct platform *platform;
	bool has_topology;		/* the input has PCI functions */
	struct sv_facts topo;		/* the functions as the specification reads them */
	struct lint_mem *mem;		/* NULL: no memory map known */
	size_t nr_mem;
	bool quiet;
	unsigned int count[3];		/* by severity */
	char skipped[512];		/* "; "-separated, each once */
};

/* One finding; table is the signature (or a file), off the byte offset. */
void lint_report(struct lint *l, enum lint_severity sev, const char *table, size_t off,
		 const char *check, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
struct acpi_sub;
/*
 * The end of a walk of a table's sub-structures (acpi_walk.h): more < 0, st
 * overran the table; else bytes left after the last one, from next to n.
 * what names them ("structure", "block"), check the finding's name.
 */
void lint_walk_end(struct lint *l, const char *table, const char *check, const char *what,
		   int more, const struct acpi_sub *st, size_t next, size_t n);
/* A check that could not run, and why: "IOAPIC coverage (no MADT)". */
void lint_skip(struct lint *l, const char *what);
/* The ACPI checksum: the byte sum of the whole table, 0 when it is right. */
uint8_t lint_checksum(const uint8_t *b, size_t n);

/* lint_dmar.c, lint_ivrs.c: the tables' own checks. */
void lint_dmar(struct lint *l, const uint8_t *b, size_t n);
void lint_ivrs(struct lint *l, const uint8_t *b, size_t n);

/*
 * lint_topology.c: what the rest of the machine says.  The config space of
 * a function (NULL when absent); the MADT's IOAPIC IDs (their number, -1
 * without a MADT); the HPET table's number (-1 without one); a unity map
 * or RMRR against the memory map; the memory map and the kernel log's DMA
 * faults from a bundle's expected/dmesg; the first function of a range
 * whose IVRS alias crosses buses with no bridge above to explain it (-1).
 */
const struct platform_pci_function *lint_function(const struct lint *l, uint16_t seg, uint16_t rid);
int lint_madt_ioapics(const struct lint *l, int ids[256]);
int lint_hpet_number(const struct lint *l);
void lint_unity_map(struct lint *l, const char *table, size_t off, const char *what,
		    uint64_t start, uint64_t end);
int lint_dmesg(struct lint *l, const char *bundle_path);
int lint_alias_unexplained(const struct lint *l, uint16_t seg, unsigned int lo, unsigned int hi,
			   unsigned int alias);

#endif
