// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writing a platform as a machine bundle: the exact inverse of
 * bundle_load(), plus generated/hardware for what only a generator knows
 * (DMA aliases no table declares, HPET MSI delivery, untrusted tables),
 * which bundle_load() reads back.  Writes into a fresh directory that the
 * caller renames into place, so a reader never sees half a bundle.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bdf.h"
#include "bundle.h"

static int mkdirs(const char *path, struct diag *d)
{
	char buf[4096];

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf)) {
		diag_set(d, path, NULL, "path too long");
		return -1;
	}
	for (char *p = buf + 1; ; p++) {
		if (*p == '/' || !*p) {
			char c = *p;

			*p = 0;
			if (mkdir(buf, 0755) && errno != EEXIST) {
				diag_set(d, buf, NULL, "%s", strerror(errno));
				return -1;
			}
			*p = c;
			if (!c)
				return 0;
		}
	}
}

static int write_file(const char *dir, const char *name, const void *data, size_t len,
		      struct diag *d)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (mkdirs(dir, d))
		return -1;
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		diag_set(d, path, NULL, "%s", strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	return 0;
}

static int write_text(const char *dir, const char *name, const char *text, struct diag *d)
{
	return write_file(dir, name, text, strlen(text), d);
}

int bundle_write(const struct platform *p, const char *root, struct diag *d)
{
	char dir[4096], text[4096], bdf[16];
	size_t n;

	for (size_t i = 0; i < p->nr_functions; i++) {
		const struct platform_pci_function *f = &p->functions[i];

		snprintf(dir, sizeof(dir), "%s/sys/bus/pci/devices/%s", root,
			 bdf_format(BDF(f->segment, f->bus, f->devfn), bdf));
		if (write_file(dir, "config", f->config, f->config_size, d))
			return -1;
	}
	snprintf(dir, sizeof(dir), "%s/sys/firmware/acpi/tables", root);
	for (size_t i = 0; i < p->nr_tables; i++)
		if (write_file(dir, p->tables[i].signature, p->tables[i].data, p->tables[i].len, d))
			return -1;
	for (size_t i = 0; i < p->nr_iommus; i++) {
		const struct platform_iommu_regs *r = &p->iommus[i];

		snprintf(dir, sizeof(dir), "%s/sys/class/iommu/%s/%s", root, r->name,
			 r->amd ? "amd-iommu" : "intel-iommu");
		if (r->amd) {
			snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->amd_cap);
			if (write_text(dir, "cap", text, d))
				return -1;
			snprintf(text, sizeof(text), "%llx:%llx\n", (unsigned long long)r->amd_features,
				 (unsigned long long)r->amd_features2);
			if (write_text(dir, "features", text, d))
				return -1;
			continue;
		}
		snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->cap);
		if (write_text(dir, "cap", text, d))
			return -1;
		snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->ecap);
		if (write_text(dir, "ecap", text, d))
			return -1;
		if (r->reg_base) {
			snprintf(text, sizeof(text), "%llx\n", (unsigned long long)r->reg_base);
			if (write_text(dir, "address", text, d))
				return -1;
		}
	}
	snprintf(dir, sizeof(dir), "%s/proc", root);
	snprintf(text, sizeof(text), "%s\n", p->cmdline ? p->cmdline : "");
	if (write_text(dir, "cmdline", text, d))
		return -1;
	if (p->x2apic != PLATFORM_X2APIC_UNKNOWN &&
	    write_text(dir, "cpuinfo", p->x2apic == PLATFORM_X2APIC_YES ?
		       "processor\t: 0\nflags\t\t: fpu apic x2apic\n" :
		       "processor\t: 0\nflags\t\t: fpu apic\n", d))
		return -1;
	if (!p->tables_may_lie && !p->hpet_msi && !p->nr_dma_aliases)
		return 0;
	n = snprintf(text, sizeof(text), "# what the generator built that no table records\n%s%s",
		     p->tables_may_lie ? "tables_may_lie\n" : "", p->hpet_msi ? "hpet_msi\n" : "");
	snprintf(dir, sizeof(dir), "%s/generated", root);
	for (size_t i = 0; i < p->nr_dma_aliases && n < sizeof(text) - 40; i++) {
		const struct platform_dma_alias *a = &p->dma_aliases[i];

		n += snprintf(text + n, sizeof(text) - n, "dma_alias %s %02x:%02x.%x\n",
			      bdf_format(BDF(a->segment, a->bus, a->devfn), bdf),
			      a->alias_rid >> 8, (a->alias_rid >> 3) & 0x1f, a->alias_rid & 7);
	}
	return write_text(dir, "hardware", text, d);
}
