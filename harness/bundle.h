/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine bundles (DESIGN.md, "The machine bundle"): a directory mirroring
 * a real machine's sysfs and procfs.  Loading one checks what the kernel
 * could not sensibly be handed (a config space too short to hold a header,
 * a capability list that loops) and names the file and offset at fault.
 */
#ifndef ISOFUZZ_BUNDLE_H
#define ISOFUZZ_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <isofuzz/platform.h>

#include "diag.h"
#include "partition.h"

struct bundle {
	char *path;
	struct platform platform;
	bool has_expected;
	size_t nr_synthesized;		/* functions whose folder has a 'synthesized'
					   note (import from lspci -vvnn text) */
	struct partition expected;	/* expected/iommu_groups */
};

/* 0, or -1 with d set (bad input). */
int bundle_load(struct bundle *b, const char *path, struct diag *d);
void bundle_release(struct bundle *b);
/*
 * The entries of dir by name, dot-files skipped: their number, or -1 with d
 * set.  A missing folder has no entries when hint is NULL (optional); else
 * the diagnosis ends with hint (what the folder should have held).
 */
struct dirent;
int bundle_list_dir(const char *dir, struct dirent ***names, const char *hint, struct diag *d);
void bundle_free_names(struct dirent **names, int n);

/*
 * The pieces a lone table (table_input.c) and import share with bundles:
 * reading a whole file of at most max bytes, NUL-terminated one past len
 * so text can be parsed in place (NULL with d set), the check every table gets
 * (its length field within the file), and putting a table into a bundle in
 * place of the one with the same signature (the bundle takes data).
 */
#define BUNDLE_MAX_TABLE_SIZE (16u << 20)
unsigned char *bundle_read_file(const char *path, size_t max, size_t *len, struct diag *d);
int bundle_check_table(const char *path, const uint8_t *data, size_t len, struct diag *d);
int bundle_set_table(struct bundle *b, const char *signature, uint8_t *data, size_t len);

#endif
