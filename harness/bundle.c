// SPDX-License-Identifier: GPL-2.0-only
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"

#define PCI_DEVICES "sys/bus/pci/devices"
#define ACPI_TABLES "sys/firmware/acpi/tables"
#define MAX_TABLE_SIZE (16u << 20)

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", a, b);
	return p;
}

/* Read a whole file of at most max bytes; NULL with d set on failure. */
static unsigned char *read_all(const char *path, size_t max, size_t *len, struct diag *d)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	size_t n;

	if (!f) {
		diag_set(d, path, NULL, "%s", strerror(errno));
		return NULL;
	}
	buf = malloc(max + 1);
	if (!buf) {
		fclose(f);
		diag_set(d, path, NULL, "out of memory");
		return NULL;
	}
	n = fread(buf, 1, max + 1, f);
	fclose(f);
	if (n > max) {
		free(buf);
		diag_set(d, path, NULL, "larger than %zu bytes", max);
		return NULL;
	}
	*len = n;
	return buf;
}

static uint16_t get16(const uint8_t *c, size_t off) { return c[off] | c[off + 1] << 8; }
static uint32_t get32(const uint8_t *c, size_t off) { return get16(c, off) | (uint32_t)get16(c, off + 2) << 16; }

/*
 * The capability lists must end.  The kernel bounds its own walks (48
 * standard, 480 extended entries) so a loop does not hang it, but a bundle
 * whose list loops was not read from working hardware: say so.
 */
static int check_capabilities(const struct platform_pci_function *f, const char *path,
			      struct diag *d)
{
	char where[48];
	uint8_t seen[256] = { 0 };
	unsigned int pos;

	if (f->config_size >= 0x40 && (get16(f->config, 0x06) & 0x10)) {
		for (pos = f->config[0x34] & ~3u; pos; pos = f->config[pos + 1] & ~3u) {
			if (pos < 0x40 || pos + 2 > f->config_size) {
				snprintf(where, sizeof(where), "offset 0x%02x", pos);
				diag_set(d, path, where, "capability pointer outside the device-specific area");
				return -1;
			}
			if (seen[pos]++) {
				snprintf(where, sizeof(where), "offset 0x%02x", pos);
				diag_set(d, path, where, "capability list loops");
				return -1;
			}
		}
	}
	if (f->config_size == 4096) {
		uint8_t ext_seen[4096 / 4] = { 0 };
		uint32_t hdr = get32(f->config, 0x100);

		for (pos = 0x100; hdr && hdr != 0xffffffff; ) {
			if (ext_seen[pos / 4]++) {
				snprintf(where, sizeof(where), "offset 0x%03x", pos);
				diag_set(d, path, where, "extended capability list loops");
				return -1;
			}
			pos = (hdr >> 20) & ~3u;
			if (!pos)
				break;
			if (pos < 0x100 || pos + 4 > 4096) {
				snprintf(where, sizeof(where), "offset 0x%03x", pos);
				diag_set(d, path, where, "extended capability pointer outside extended space");
				return -1;
			}
			hdr = get32(f->config, pos);
		}
	}
	return 0;
}

static int load_function(struct platform_pci_function *f, const char *dir,
			 const char *name, struct diag *d)
{
	char *devdir = join(dir, name), *path = devdir ? join(devdir, "config") : NULL;
	unsigned char *buf = NULL;
	size_t len;
	bdf_t bdf;
	int ret = -1;

	if (!path) {
		diag_set(d, dir, NULL, "out of memory");
		goto out;
	}
	if (!bdf_parse(name, &bdf) || name[12]) {
		diag_set(d, devdir, NULL, "not a PCI address (want DDDD:BB:DD.F)");
		goto out;
	}
	buf = read_all(path, PLATFORM_CONFIG_MAX, &len, d);
	if (!buf)
		goto out;
	if (len < 64) {
		diag_set(d, path, NULL, "short config space: %zu bytes, a header needs 64", len);
		goto out;
	}
	memset(f, 0, sizeof(*f));
	f->segment = BDF_SEG(bdf);
	f->bus = BDF_BUS(bdf);
	f->devfn = BDF_DEVFN(bdf);
	f->config_size = len;
	memcpy(f->config, buf, len);
	if (get16(f->config, 0) == 0xffff || get16(f->config, 0) == 0) {
		diag_set(d, path, "offset 0x00", "vendor ID %04x: no device answers here",
			 get16(f->config, 0));
		goto out;
	}
	ret = check_capabilities(f, path, d);
out:
	free(buf);
	free(path);
	free(devdir);
	return ret;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int no_dots(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static int load_functions(struct bundle *b, struct diag *d)
{
	char *dir = join(b->path, PCI_DEVICES);
	struct dirent **names = NULL;
	int n, ret = -1;

	if (!dir)
		return -1;
	n = scandir(dir, &names, no_dots, by_name);
	if (n < 0) {
		diag_set(d, dir, NULL, "%s (a bundle lists its PCI functions here)", strerror(errno));
		goto out;
	}
	if (n == 0) {
		diag_set(d, dir, NULL, "no PCI functions");
		goto out;
	}
	b->platform.functions = calloc(n, sizeof(*b->platform.functions));
	if (!b->platform.functions)
		goto out;
	for (int i = 0; i < n; i++) {
		if (load_function(&b->platform.functions[i], dir, names[i]->d_name, d))
			goto out;
		b->platform.nr_functions++;
	}
	ret = 0;
out:
	for (int i = 0; i < (n > 0 ? n : 0); i++)
		free(names[i]);
	free(names);
	free(dir);
	return ret;
}

/* Tables are optional here (grouping needs none); the Intel and AMD code reads them. */
static int load_tables(struct bundle *b, struct diag *d)
{
	char *dir = join(b->path, ACPI_TABLES);
	struct dirent **names = NULL;
	int n, ret = -1;

	if (!dir)
		return -1;
	n = scandir(dir, &names, no_dots, by_name);
	if (n < 0) {
		ret = errno == ENOENT ? 0 : -1;
		if (ret)
			diag_set(d, dir, NULL, "%s", strerror(errno));
		goto out;
	}
	b->platform.tables = calloc(n ? n : 1, sizeof(*b->platform.tables));
	if (!b->platform.tables)
		goto out;
	for (int i = 0; i < n; i++) {
		struct platform_table *t = &b->platform.tables[b->platform.nr_tables];
		char *path = join(dir, names[i]->d_name);
		struct stat st;

		if (!path)
			goto out;
		if (stat(path, &st) || !S_ISREG(st.st_mode)) {
			free(path);
			continue;	/* sysfs has dynamic/ and data/ folders */
		}
		t->data = read_all(path, MAX_TABLE_SIZE, &t->len, d);
		free(path);
		if (!t->data)
			goto out;
		snprintf(t->signature, sizeof(t->signature), "%.4s", names[i]->d_name);
		b->platform.nr_tables++;
	}
	ret = 0;
out:
	for (int i = 0; i < (n > 0 ? n : 0); i++)
		free(names[i]);
	free(names);
	free(dir);
	return ret;
}

static int load_cmdline(struct bundle *b, struct diag *d)
{
	char *path = join(b->path, "proc/cmdline");
	size_t len = 0;
	unsigned char *buf;

	if (!path)
		return -1;
	if (access(path, F_OK)) {
		free(path);
		b->platform.cmdline = strdup("");
		return b->platform.cmdline ? 0 : -1;
	}
	buf = read_all(path, 4096, &len, d);
	if (buf) {
		buf[len] = 0;
		if (memchr(buf, 0, len)) {
			diag_set(d, path, NULL, "contains a NUL byte");
			free(buf);
			buf = NULL;
		} else {
			while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
				buf[--len] = 0;
		}
	}
	free(path);
	b->platform.cmdline = (char *)buf;
	return buf ? 0 : -1;
}

int bundle_load(struct bundle *b, const char *path, struct diag *d)
{
	struct stat st;
	char *expected;

	memset(b, 0, sizeof(*b));
	if (stat(path, &st) || !S_ISDIR(st.st_mode)) {
		diag_set(d, path, NULL, "not a bundle directory");
		return -1;
	}
	b->path = strdup(path);
	if (!b->path || load_functions(b, d) || load_tables(b, d) || load_cmdline(b, d))
		return -1;
	expected = join(path, "expected/iommu_groups");
	if (!expected)
		return -1;
	if (!access(expected, F_OK)) {
		b->has_expected = true;
		if (partition_load(&b->expected, expected, d)) {
			free(expected);
			return -1;
		}
	}
	free(expected);
	return 0;
}

void bundle_release(struct bundle *b)
{
	for (size_t i = 0; i < b->platform.nr_tables; i++)
		free(b->platform.tables[i].data);
	free(b->platform.tables);
	free(b->platform.functions);
	free(b->platform.cmdline);
	partition_release(&b->expected);
	free(b->path);
	memset(b, 0, sizeof(*b));
}
