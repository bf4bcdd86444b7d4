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

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", a, b);
	return p;
}

/*
 * The buffer grows with what is read (procfs files report no size), so a large
 * limit costs nothing for a small file.
 */
unsigned char *bundle_read_file(const char *path, size_t max, size_t *len, struct diag *d)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!f) {
		diag_set(d, path, NULL, "%s", strerror(errno));
		return NULL;
	}
	do {
		if (n == cap) {
			unsigned char *nb;

			cap = cap ? 2 * cap : 4096;
			if (cap > max + 1)
				cap = max + 1;
			nb = realloc(buf, cap + 1);
			if (!nb) {
				free(buf);
				fclose(f);
				diag_set(d, path, NULL, "out of memory");
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0 && n <= max);
	fclose(f);
	if (n > max) {
		free(buf);
		diag_set(d, path, NULL, "larger than %zu bytes", max);
		return NULL;
	}
	buf[n] = 0;
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

/* 0, 1 when its config space was synthesized (import), or -1 with d set */
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
	buf = bundle_read_file(path, PLATFORM_CONFIG_MAX, &len, d);
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
	free(path);
	path = join(devdir, "synthesized");
	if (path && !access(path, F_OK))
		ret = ret ? ret : 1;
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

int bundle_list_dir(const char *dir, struct dirent ***names, const char *hint, struct diag *d)
{
	int n = scandir(dir, names, no_dots, by_name);

	if (n >= 0)
		return n;
	*names = NULL;
	if (!hint && errno == ENOENT)
		return 0;
	diag_set(d, dir, NULL, "%s%s", strerror(errno), hint ? hint : "");
	return -1;
}

void bundle_free_names(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int load_functions(struct bundle *b, struct diag *d)
{
	char *dir = join(b->path, PCI_DEVICES);
	struct dirent **names = NULL;
	int n, ret = -1;

	if (!dir)
		return -1;
	n = bundle_list_dir(dir, &names, " (a bundle lists its PCI functions here)", d);
	if (n < 0)
		goto out;
	if (n == 0) {
		diag_set(d, dir, NULL, "no PCI functions");
		goto out;
	}
	b->platform.functions = calloc(n, sizeof(*b->platform.functions));
	if (!b->platform.functions)
		goto out;
	for (int i = 0; i < n; i++) {
		int r = load_function(&b->platform.functions[i], dir, names[i]->d_name, d);

		if (r < 0)
			goto out;
		b->nr_synthesized += r;
		b->platform.nr_functions++;
	}
	ret = 0;
out:
	bundle_free_names(names, n);
	free(dir);
	return ret;
}

int bundle_check_table(const char *path, const uint8_t *data, size_t len, struct diag *d)
{
	/* the kernel reads as far as the header's length field says */
	if (len >= 8 && get32(data, 4) > len) {
		diag_set(d, path, "offset 4", "length field %u exceeds the file's %zu bytes",
			 get32(data, 4), len);
		return -1;
	}
	return 0;
}

int bundle_set_table(struct bundle *b, const char *signature, uint8_t *data, size_t len)
{
	struct platform *p = &b->platform;
	struct platform_table *t;

	for (size_t i = 0; i < p->nr_tables; i++) {
		if (!strcmp(p->tables[i].signature, signature)) {
			free(p->tables[i].data);
			p->tables[i].data = data;
			p->tables[i].len = len;
			return 0;
		}
	}
	t = realloc(p->tables, (p->nr_tables + 1) * sizeof(*t));
	if (!t)
		return -1;
	p->tables = t;
	t = &p->tables[p->nr_tables++];
	snprintf(t->signature, sizeof(t->signature), "%.4s", signature);
	t->data = data;
	t->len = len;
	return 0;
}

/* Tables are optional here (grouping needs none); the Intel and AMD code reads them. */
static int load_tables(struct bundle *b, struct diag *d)
{
	char *dir = join(b->path, ACPI_TABLES);
	struct dirent **names = NULL;
	int n, ret = -1;

	if (!dir)
		return -1;
	n = bundle_list_dir(dir, &names, NULL, d);
	if (n < 0)
		goto out;
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
		t->data = bundle_read_file(path, BUNDLE_MAX_TABLE_SIZE, &t->len, d);
		if (!t->data) {
			free(path);
			goto out;
		}
		if (bundle_check_table(path, t->data, t->len, d)) {
			free(t->data);
			free(path);
			goto out;
		}
		free(path);
		snprintf(t->signature, sizeof(t->signature), "%.4s", names[i]->d_name);
		b->platform.nr_tables++;
	}
	ret = 0;
out:
	bundle_free_names(names, n);
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
	buf = bundle_read_file(path, 4096, &len, d);
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

/*
 * sysfs prints a register as hex text, e.g. "d2008c22260206\n"; amd-iommu's
 * features prints two, "EFR:EFR2" (@v2 non-NULL takes the second).
 */
static int read_hex(const char *path, uint64_t *v, uint64_t *v2, struct diag *d)
{
	size_t len;
	unsigned char *buf = bundle_read_file(path, 64, &len, d);
	char *end;

	if (!buf)
		return -1;
	buf[len] = 0;
	errno = 0;
	*v = strtoull((char *)buf, &end, 16);
	if (v2 && *end == ':' && !errno) {
		char *second = end + 1;

		*v2 = strtoull(second, &end, 16);
		if (end == second)
			end = second - 1;	/* nothing after ':': rejected below */
	}
	while (*end == '\n' || *end == ' ')
		end++;
	if (errno || end == (char *)buf || *end) {
		diag_set(d, path, "line 1", "not a hexadecimal register value");
		free(buf);
		return -1;
	}
	free(buf);
	return 0;
}

/*
 * sys/class/iommu/<unit>/intel-iommu/{cap,ecap,address} and
 * amd-iommu/{cap,features}: what the units' registers hold.
 */
static int load_iommus(struct bundle *b, struct diag *d)
{
	char *dir = join(b->path, "sys/class/iommu");
	struct dirent **names = NULL;
	int n, ret = -1;

	if (!dir)
		return -1;
	n = bundle_list_dir(dir, &names, NULL, d);
	if (n < 0)
		goto out;
	b->platform.iommus = calloc(n ? n : 1, sizeof(*b->platform.iommus));
	if (!b->platform.iommus)
		goto out;
	for (int i = 0; i < n; i++) {
		struct platform_iommu_regs *r = &b->platform.iommus[b->platform.nr_iommus];
		static const char *const files[] = { "intel-iommu/cap", "intel-iommu/ecap",
			"intel-iommu/address", "amd-iommu/cap", "amd-iommu/features" };
		uint64_t *vals[] = { &r->cap, &r->ecap, &r->reg_base, &r->amd_cap, &r->amd_features };
		bool any = false;

		for (size_t k = 0; k < 5; k++) {
			char *unit = join(dir, names[i]->d_name), *path = unit ? join(unit, files[k]) : NULL;
			int bad = 0;

			if (path && !access(path, F_OK)) {
				bad = read_hex(path, vals[k], k == 4 ? &r->amd_features2 : NULL, d);
				any = true;
				r->amd = k >= 3;
			}
			free(unit);
			free(path);
			if (bad)
				goto out;
		}
		if (any) {
			snprintf(r->name, sizeof(r->name), "%s", names[i]->d_name);
			b->platform.nr_iommus++;
		}
	}
	ret = 0;
out:
	bundle_free_names(names, n);
	free(dir);
	return ret;
}

/* proc/cpuinfo: whether the CPU has x2APIC (a "flags" line naming x2apic) */
static int load_cpuinfo(struct bundle *b, struct diag *d)
{
	char *path = join(b->path, "proc/cpuinfo");
	unsigned char *buf;
	size_t len;

	if (!path)
		return -1;
	if (access(path, F_OK)) {
		free(path);
		b->platform.x2apic = PLATFORM_X2APIC_UNKNOWN;
		return 0;
	}
	buf = bundle_read_file(path, 1 << 22, &len, d);
	free(path);
	if (!buf)
		return -1;
	buf[len] = 0;
	b->platform.x2apic = PLATFORM_X2APIC_NO;
	for (char *line = (char *)buf; line && *line;) {
		char *next = strchr(line, '\n');

		if (next)
			*next++ = 0;
		if (!strncmp(line, "flags", 5) && strchr(line, ':')) {
			char *tok = strchr(line, ':') + 1, *save;

			for (tok = strtok_r(tok, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
				if (!strcmp(tok, "x2apic"))
					b->platform.x2apic = PLATFORM_X2APIC_YES;
			break;	/* the boot CPU's line is the first */
		}
		line = next;
	}
	free(buf);
	return 0;
}

/*
 * generated/hardware (written by bundle_write for generated platforms):
 * what the generator built that no table or config space records.
 *   tables_may_lie | hpet_msi | dma_alias DDDD:BB:DD.F BB:DD.F
 */
static int load_generated(struct bundle *b, struct diag *d)
{
	char *path = join(b->path, "generated/hardware"), where[32];
	unsigned char *buf;
	size_t len, nr = 0, lineno = 0;
	int ret = -1;

	if (!path)
		return -1;
	if (access(path, F_OK)) {
		free(path);
		return 0;
	}
	buf = bundle_read_file(path, 1 << 20, &len, d);
	if (!buf)
		goto out;
	buf[len] = 0;
	for (size_t i = 0; i < len; i++)
		nr += buf[i] == '\n';
	b->platform.dma_aliases = calloc(nr + 1, sizeof(*b->platform.dma_aliases));
	if (!b->platform.dma_aliases)
		goto out;
	for (char *line = (char *)buf, *next; line && *line; line = next) {
		bdf_t bdf;
		unsigned bus, dev, fn;
		char name[16], alias[16];

		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		lineno++;
		snprintf(where, sizeof(where), "line %zu", lineno);
		if (!*line || *line == '#')
			continue;
		if (!strcmp(line, "tables_may_lie")) {
			b->platform.tables_may_lie = 1;
		} else if (!strcmp(line, "hpet_msi")) {
			b->platform.hpet_msi = 1;
		} else if (sscanf(line, "dma_alias %15s %15s", name, alias) == 2 &&
			   bdf_parse(name, &bdf) && !name[12] &&
			   sscanf(alias, "%2x:%2x.%1x", &bus, &dev, &fn) == 3 && dev < 32 && fn < 8) {
			struct platform_dma_alias *a = &b->platform.dma_aliases[b->platform.nr_dma_aliases++];

			a->segment = BDF_SEG(bdf);
			a->bus = BDF_BUS(bdf);
			a->devfn = BDF_DEVFN(bdf);
			a->alias_rid = bus << 8 | dev << 3 | fn;
		} else {
			diag_set(d, path, where, "want tables_may_lie, hpet_msi or "
				 "dma_alias DDDD:BB:DD.F BB:DD.F");
			goto out;
		}
	}
	ret = 0;
out:
	free(buf);
	free(path);
	return ret;
}

int bundle_load(struct bundle *b, const char *path, struct diag *d)
{
	struct stat st;
	char *expected;

	memset(b, 0, sizeof(*b));
	if (stat(path, &st)) {
		diag_set(d, path, NULL, "%s", strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_set(d, path, NULL, "not a bundle directory");
		return -1;
	}
	b->path = strdup(path);
	if (!b->path || load_functions(b, d) || load_tables(b, d) || load_cmdline(b, d) ||
	    load_iommus(b, d) || load_cpuinfo(b, d) || load_generated(b, d))
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
	platform_release(&b->platform);
	partition_release(&b->expected);
	free(b->path);
	memset(b, 0, sizeof(*b));
}
