// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writing machine bundles: files under a bundle root with their folders
 * made on the way (import, collect), and a whole platform as the exact
 * inverse of bundle_load() plus generated/hardware for what only a
 * generator knows (fuzz findings).  A caller that must not be seen half
 * done writes into a fresh folder and renames it into place.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bdf.h"
#include "bundle_write.h"

/* mkdir -p of path's folders (everything before the last '/'). */
static int make_parents(char *path, struct diag *d)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = 0;
		if (mkdir(path, 0755) && errno != EEXIST) {
			diag_set(d, path, NULL, "cannot make folder: %s", strerror(errno));
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

int bundle_create(const char *root, struct diag *d)
{
	char *path = malloc(strlen(root) + 2);
	DIR *dir;
	struct dirent *e;
	int ret = 0;

	if (!path) {
		diag_set(d, root, NULL, "out of memory");
		return -1;
	}
	sprintf(path, "%s/", root);
	if (make_parents(path, d)) {
		free(path);
		return -1;
	}
	free(path);
	dir = opendir(root);
	if (!dir) {
		diag_set(d, root, NULL, "%s", strerror(errno));
		return -1;
	}
	while ((e = readdir(dir)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			diag_set(d, root, NULL, "not empty: a bundle is written into a new folder");
			ret = -1;
			break;
		}
	closedir(dir);
	return ret;
}

int bundle_write_file(const char *root, const char *rel, const void *data, size_t len,
		      struct diag *d)
{
	size_t n = strlen(root) + strlen(rel) + 2;
	char *path = malloc(n);
	FILE *f;
	int ret = -1, bad;

	if (!path) {
		diag_set(d, root, NULL, "out of memory");
		return -1;
	}
	snprintf(path, n, "%s/%s", root, rel);
	if (make_parents(path, d))
		goto out;
	f = fopen(path, "wb");
	if (!f) {
		diag_set(d, path, NULL, "cannot write: %s", strerror(errno));
		goto out;
	}
	bad = fwrite(data, 1, len, f) != len;
	bad |= fclose(f) != 0;	/* always closed, whether the write went */
	if (bad) {
		diag_set(d, path, NULL, "cannot write: %s", strerror(errno));
		goto out;
	}
	ret = 0;
out:
	free(path);
	return ret;
}

void bundle_table_name(const struct platform_table *tables, size_t n, size_t i, char *name)
{
	size_t instance = 0, total = 0;

	for (size_t k = 0; k < n; k++)
		if (!memcmp(tables[k].signature, tables[i].signature, 4)) {
			total++;
			if (k <= i)
				instance++;
		}
	if (total > 1)
		snprintf(name, 16, "%.4s%zu", tables[i].signature, instance);
	else
		snprintf(name, 16, "%.4s", tables[i].signature);
}

static int write_text(const char *root, const char *rel, const char *text, struct diag *d)
{
	return bundle_write_file(root, rel, text, strlen(text), d);
}

static int write_iommu_regs(const struct platform_iommu_regs *r, const char *root, struct diag *d)
{
	char rel[512], text[64];

	if (r->amd) {
		snprintf(rel, sizeof(rel), "sys/class/iommu/%s/amd-iommu/cap", r->name);
		snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->amd_cap);
		if (write_text(root, rel, text, d))
			return -1;
		snprintf(rel, sizeof(rel), "sys/class/iommu/%s/amd-iommu/features", r->name);
		snprintf(text, sizeof(text), "%llx:%llx\n", (unsigned long long)r->amd_features,
			 (unsigned long long)r->amd_features2);
		return write_text(root, rel, text, d);
	}
	snprintf(rel, sizeof(rel), "sys/class/iommu/%s/intel-iommu/cap", r->name);
	snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->cap);
	if (write_text(root, rel, text, d))
		return -1;
	snprintf(rel, sizeof(rel), "sys/class/iommu/%s/intel-iommu/ecap", r->name);
	snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->ecap);
	if (write_text(root, rel, text, d))
		return -1;
	if (!r->reg_base)
		return 0;
	snprintf(rel, sizeof(rel), "sys/class/iommu/%s/intel-iommu/address", r->name);
	snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->reg_base);
	return write_text(root, rel, text, d);
}

int bundle_write_platform(const struct platform *p, const char *root, struct diag *d)
{
	char rel[512], text[4096], bdf[16], name[16];
	size_t n;

	for (size_t i = 0; i < p->nr_functions; i++) {
		const struct platform_pci_function *f = &p->functions[i];

		snprintf(rel, sizeof(rel), "sys/bus/pci/devices/%s/config",
			 bdf_format(BDF(f->segment, f->bus, f->devfn), bdf));
		if (bundle_write_file(root, rel, f->config, f->config_size, d))
			return -1;
	}
	for (size_t i = 0; i < p->nr_tables; i++) {
		bundle_table_name(p->tables, p->nr_tables, i, name);
		snprintf(rel, sizeof(rel), "sys/firmware/acpi/tables/%s", name);
		if (bundle_write_file(root, rel, p->tables[i].data, p->tables[i].len, d))
			return -1;
	}
	for (size_t i = 0; i < p->nr_iommus; i++)
		if (write_iommu_regs(&p->iommus[i], root, d))
			return -1;
	snprintf(text, sizeof(text), "%s\n", p->cmdline ? p->cmdline : "");
	if (write_text(root, "proc/cmdline", text, d))
		return -1;
	if (p->x2apic != PLATFORM_X2APIC_UNKNOWN &&
	    write_text(root, "proc/cpuinfo", p->x2apic == PLATFORM_X2APIC_YES ?
		       "processor\t: 0\nflags\t\t: fpu apic x2apic\n" :
		       "processor\t: 0\nflags\t\t: fpu apic\n", d))
		return -1;
	if (!p->tables_may_lie && !p->hpet_msi && !p->nr_dma_aliases)
		return 0;
	n = (size_t)snprintf(text, sizeof(text), "# what the generator built that no table records\n%s%s",
			     p->tables_may_lie ? "tables_may_lie\n" : "", p->hpet_msi ? "hpet_msi\n" : "");
	for (size_t i = 0; i < p->nr_dma_aliases && n < sizeof(text) - 40; i++) {
		const struct platform_dma_alias *a = &p->dma_aliases[i];

		n += (size_t)snprintf(text + n, sizeof(text) - n, "dma_alias %s %02x:%02x.%x\n",
				      bdf_format(BDF(a->segment, a->bus, a->devfn), bdf),
				      a->alias_rid >> 8, (a->alias_rid >> 3) & 0x1f, a->alias_rid & 7);
	}
	return write_text(root, "generated/hardware", text, d);
}

int bundle_remove(const char *path)
{
	char cmd[4300];

	/* the path goes to the shell in single quotes */
	if (strchr(path, '\'') || snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path) >= (int)sizeof(cmd))
		return -1;
	return system(cmd) ? -1 : 0;
}
