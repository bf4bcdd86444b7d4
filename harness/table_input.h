/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A lone firmware table as replay input (a raw table or an iasl source),
 * on no PCI topology or on a topology bundle's.
 */
#ifndef ISOFUZZ_TABLE_INPUT_H
#define ISOFUZZ_TABLE_INPUT_H

#include <stdbool.h>

#include "bundle.h"
#include "diag.h"

/* Whether path names a file (a lone table) rather than a bundle directory. */
bool table_input_is_table(const char *path);

/*
 * Load the table at path into b: alone (topology NULL) or in place of the
 * same table of bundle topology.  0, or -1 with d set (bad input); release
 * b with bundle_release() either way.
 */
int table_input_load(struct bundle *b, const char *path, const char *topology, struct diag *d);
/* The same for a table of one of the signatures sigs (NULL-terminated). */
int table_input_load_as(struct bundle *b, const char *path, const char *topology,
			const char *const *sigs, struct diag *d);

#endif
