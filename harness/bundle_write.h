/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writing machine bundles: files under a bundle root, their folders made
 * on the way, and the ACPI table names sysfs uses (import, collect); a
 * whole platform (fuzz findings).
 */
#ifndef ISOFUZZ_BUNDLE_WRITE_H
#define ISOFUZZ_BUNDLE_WRITE_H

#include <stddef.h>

#include <isofuzz/platform.h>

#include "diag.h"

/* A new, empty bundle root (made, or an existing empty folder). */
int bundle_create(const char *root, struct diag *d);
/* root/rel := data; 0, or -1 with d set. */
int bundle_write_file(const char *root, const char *rel, const void *data, size_t len,
		      struct diag *d);
/*
 * p as a bundle under root: the inverse of bundle_load(), plus
 * generated/hardware (DMA aliases no table declares, HPET MSI delivery,
 * untrusted tables), which bundle_load() reads back.
 */
int bundle_write_platform(const struct platform *p, const char *root, struct diag *d);
/*
 * The names sysfs gives tables (drivers/acpi/sysfs.c): the signature, with
 * an instance number from 1 when the signature occurs more than once
 * (SSDT1, SSDT2).  name gets at least 16 bytes.
 */
void bundle_table_name(const struct platform_table *tables, size_t n, size_t i, char *name);
/* rm -rf path (a half-written finding, a campaign's old folder); 0 or -1 */
int bundle_remove(const char *path);

#endif
