/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * isofuzz import: what the files of a bug report add up to, before it is
 * written out as a machine bundle.  One parser per input format fills it:
 * acpidump text and acpixtract binaries (import_acpi.c), lspci -x/-xxx/
 * -xxxx hex (import_lspci_hex.c), lspci -vv text with its config space
 * synthesized from the decoded fields (import_lspci_text.c).
 */
#ifndef ISOFUZZ_IMPORT_H
#define ISOFUZZ_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include <isofuzz/platform.h>

#include "diag.h"

struct import_function {
	struct platform_pci_function f;
	char source[256];		/* "FILE:LINE" it came from */
	char *synthesized;		/* NULL: config space read as hex; else
					   the note of what was made up, a line
					   per field */
};

struct import {
	struct platform_table *tables;
	size_t nr_tables;
	struct import_function *fns;
	size_t nr_fns;
	struct platform_iommu_regs *iommus;	/* from a kernel log */
	size_t nr_iommus;
};

/* A table's bytes, copied; the bundle names it the sysfs way. */
int import_add_table(struct import *im, const uint8_t *data, size_t len, struct diag *d);
/*
 * A new function at bdf (segment/bus/devfn), or NULL with d set when the
 * same address came already (from where), or out of memory.
 */
struct import_function *import_add_function(struct import *im, uint16_t seg, uint8_t bus,
					    uint8_t devfn, const char *file, int line,
					    struct diag *d);
void import_release(struct import *im);

/* The parsers: 0, or -1 with d naming file, line/offset and what is wrong. */
int import_acpidump(struct import *im, const char *path, const char *text, size_t len,
		    struct diag *d);
int import_acpi_binary(struct import *im, const char *path, const uint8_t *buf, size_t len,
		       struct diag *d);
int import_lspci_hex(struct import *im, const char *path, const char *text, size_t len,
		     struct diag *d);
/* VT-d unit registers from a kernel log (--dmesg); never fails on other lines */
int import_dmesg(struct import *im, const char *path, const char *text, size_t len,
		 struct diag *d);
int import_lspci_text(struct import *im, const char *path, const char *text, size_t len,
		      struct diag *d);

/*
 * The device line both lspci forms start a function with: "[DDDD:]BB:DD.F "
 * at column 0.  Returns the characters taken, 0 when the line is not one.
 */
size_t lspci_device_line(const char *s, uint16_t *seg, uint8_t *bus, uint8_t *devfn);

#endif
