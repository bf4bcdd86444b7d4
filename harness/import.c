// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz import -o BUNDLE FILE...: a machine bundle from the files a bug
 * report carries.  Each FILE's format is recognised from its content, so a
 * user hands over what they have in any order: acpidump text, acpixtract
 * binaries, lspci -xxxx or lspci -vvnn output.  Options add the command
 * line and what the machine's own kernel did (expected/).
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bdf.h"
#include "bundle.h"
#include "bundle_write.h"
#include "commands.h"
#include "import.h"
#include "partition.h"

#define MAX_INPUT (64u << 20)

int import_add_table(struct import *im, const uint8_t *data, size_t len, struct diag *d)
{
	struct platform_table *nt = realloc(im->tables, (im->nr_tables + 1) * sizeof(*nt));
	uint8_t *copy = malloc(len);

	if (!nt || !copy) {
		free(copy);
		if (nt)
			im->tables = nt;
		diag_set(d, "import", NULL, "out of memory");
		return -1;
	}
	im->tables = nt;
	memcpy(copy, data, len);
	nt += im->nr_tables++;
	memset(nt, 0, sizeof(*nt));
	memcpy(nt->signature, data, 4);
	nt->data = copy;
	nt->len = len;
	return 0;
}

struct import_function *import_add_function(struct import *im, uint16_t seg, uint8_t bus,
					    uint8_t devfn, const char *file, int line,
					    struct diag *d)
{
	struct import_function *nf;
	char where[16], bdf[16];

	snprintf(where, sizeof(where), "%d", line);
	for (size_t i = 0; i < im->nr_fns; i++) {
		const struct platform_pci_function *f = &im->fns[i].f;

		if (f->segment == seg && f->bus == bus && f->devfn == devfn) {
			diag_set(d, file, where, "%s came already (%s)",
				 bdf_format(BDF(seg, bus, devfn), bdf), im->fns[i].source);
			return NULL;
		}
	}
	nf = realloc(im->fns, (im->nr_fns + 1) * sizeof(*nf));
	if (!nf) {
		diag_set(d, file, where, "out of memory");
		return NULL;
	}
	im->fns = nf;
	nf += im->nr_fns++;
	memset(nf, 0, sizeof(*nf));
	nf->f.segment = seg;
	nf->f.bus = bus;
	nf->f.devfn = devfn;
	snprintf(nf->source, sizeof(nf->source), "%s:%d", file, line);
	return nf;
}

void import_release(struct import *im)
{
	for (size_t i = 0; i < im->nr_tables; i++)
		free(im->tables[i].data);
	free(im->tables);
	for (size_t i = 0; i < im->nr_fns; i++)
		free(im->fns[i].synthesized);
	free(im->fns);
	free(im->iommus);
	memset(im, 0, sizeof(*im));
}

size_t lspci_device_line(const char *s, uint16_t *seg, uint8_t *bus, uint8_t *devfn)
{
	char buf[16];
	bdf_t b;
	size_t n;

	/* lspci leaves the domain out when it is 0 and -D is not given */
	n = strspn(s, "0123456789abcdefABCDEF:.");
	if (n == 7)
		snprintf(buf, sizeof(buf), "0000:%.7s", s);
	else if (n == 12)
		snprintf(buf, sizeof(buf), "%.12s", s);
	else
		return 0;
	if (s[n] != ' ' || !bdf_parse(buf, &b))
		return 0;
	*seg = BDF_SEG(b);
	*bus = BDF_BUS(b);
	*devfn = BDF_DEVFN(b);
	return n;
}

enum format { F_UNKNOWN, F_ACPI_BINARY, F_ACPIDUMP, F_LSPCI_HEX, F_LSPCI_TEXT };

/* What a file is, from its content: markers each format always has. */
static enum format detect(const unsigned char *buf, size_t len)
{
	bool text = !memchr(buf, 0, len), device = false;
	const char *s = (const char *)buf;

	/* a table's header says its length; text has no NUL */
	if (!text || (len >= 8 && (size_t)(buf[4] | buf[5] << 8 | buf[6] << 16 |
					   (uint32_t)buf[7] << 24) == len))
		return F_ACPI_BINARY;
	for (const char *line = s; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		uint16_t seg;
		uint8_t bus, devfn;
		size_t n = strspn(line, "0123456789abcdef");

		size_t sp = strspn(line, " "), hx = strspn(line + sp, "0123456789ABCDEFabcdef");

		if (!strncmp(line, "Raw Table Data:", 15) || (strstr(line, " @ 0x") == line + 4) ||
		    (sp && hx >= 4 && line[sp + hx] == ':' && line[sp + hx + 1] == ' '))
			return F_ACPIDUMP;
		if ((n == 2 || n == 3) && line[n] == ':' && line[n + 1] == ' ' &&
		    isxdigit((unsigned char)line[n + 2]))
			return F_LSPCI_HEX;
		if (lspci_device_line(line, &seg, &bus, &devfn))
			device = true;
	}
	return device ? F_LSPCI_TEXT : F_UNKNOWN;
}

static int import_file(struct import *im, const char *path, struct diag *d)
{
	size_t len;
	unsigned char *buf = bundle_read_file(path, MAX_INPUT, &len, d);
	int ret = -1;

	if (!buf)
		return -1;
	switch (detect(buf, len)) {
	case F_ACPI_BINARY:
		ret = import_acpi_binary(im, path, buf, len, d);
		break;
	case F_ACPIDUMP:
		ret = import_acpidump(im, path, (char *)buf, len, d);
		break;
	case F_LSPCI_HEX:
		ret = import_lspci_hex(im, path, (char *)buf, len, d);
		break;
	case F_LSPCI_TEXT:
		ret = import_lspci_text(im, path, (char *)buf, len, d);
		break;
	default:
		diag_set(d, path, NULL, "not acpidump text, an acpixtract table, lspci -xxxx or lspci -vvnn output");
	}
	free(buf);
	return ret;
}

static int write_bundle(const struct import *im, const char *root, struct diag *d)
{
	char rel[96], name[16], bdf[16];

	for (size_t i = 0; i < im->nr_tables; i++) {
		bundle_table_name(im->tables, im->nr_tables, i, name);
		snprintf(rel, sizeof(rel), "sys/firmware/acpi/tables/%s", name);
		if (bundle_write_file(root, rel, im->tables[i].data, im->tables[i].len, d))
			return -1;
	}
	for (size_t i = 0; i < im->nr_fns; i++) {
		const struct import_function *f = &im->fns[i];

		bdf_format(BDF(f->f.segment, f->f.bus, f->f.devfn), bdf);
		snprintf(rel, sizeof(rel), "sys/bus/pci/devices/%s/config", bdf);
		if (bundle_write_file(root, rel, f->f.config, f->f.config_size, d))
			return -1;
		snprintf(rel, sizeof(rel), "sys/bus/pci/devices/%s/synthesized", bdf);
		if (f->synthesized && bundle_write_file(root, rel, f->synthesized, strlen(f->synthesized), d))
			return -1;
	}
	for (size_t i = 0; i < im->nr_iommus; i++) {
		static const char *const files[] = { "cap", "ecap", "address" };
		const struct platform_iommu_regs *r = &im->iommus[i];
		uint64_t v[] = { r->cap, r->ecap, r->reg_base };
		char text[32];

		for (int k = 0; k < 3; k++) {
			snprintf(rel, sizeof(rel), "sys/class/iommu/%s/intel-iommu/%s", r->name, files[k]);
			snprintf(text, sizeof(text), "%llx\n", (unsigned long long)v[k]);
			if (bundle_write_file(root, rel, text, strlen(text), d))
				return -1;
		}
	}
	return 0;
}

/* An optional file copied into the bundle as it is, after a check by its loader. */
static int copy_into(const char *root, const char *rel, const char *path, struct diag *d)
{
	size_t len;
	unsigned char *buf;
	int ret;

	if (!path)
		return 0;
	if (!strcmp(rel, "expected/iommu_groups")) {
		struct partition p = { 0 };

		ret = partition_load(&p, path, d);
		partition_release(&p);
		if (ret)
			return -1;
	}
	buf = bundle_read_file(path, MAX_INPUT, &len, d);
	if (!buf)
		return -1;
	if (!strcmp(rel, "proc/cmdline") && memchr(buf, 0, len)) {
		diag_set(d, path, NULL, "contains a NUL byte");
		free(buf);
		return -1;
	}
	ret = bundle_write_file(root, rel, buf, len, d);
	free(buf);
	return ret;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz import -o BUNDLE [--cmdline FILE] [--cpuinfo FILE]\n"
		"                      [--groups FILE] [--dmesg FILE] FILE...\n"
		"\n"
		"Build a machine bundle (a new folder) from the files of a bug report;\n"
		"each FILE's format is recognised from its content:\n"
		"  acpidump text       every table with hex (\"SIG @ 0x...\" blocks, the\n"
		"                      address may be zeroed; or iasl's \"Raw Table Data\")\n"
		"  acpixtract binary   one table (SIG.dat)\n"
		"  lspci -xxxx         config space as hex (-x and -xxx: 64/256 bytes)\n"
		"  lspci -vvnn         no hex: config space synthesized from the decoded\n"
		"                      fields (header type, bus numbers, multifunction,\n"
		"                      PCIe port type, ACS, ARI, capability list); each\n"
		"                      such device's folder gets a 'synthesized' note\n"
		"\n"
		"  --cmdline FILE   the kernel command line (proc/cmdline)\n"
		"  --cpuinfo FILE   /proc/cpuinfo (x2APIC)\n"
		"  --groups FILE    the groups the machine's kernel formed, \"N: BDF ...\"\n"
		"                   (expected/iommu_groups; replay compares against it)\n"
		"  --dmesg FILE     the machine's kernel log (expected/dmesg); the VT-d\n"
		"                   units' cap/ecap it prints go to sys/class/iommu\n"
		"\n"
		"Then: isofuzz replay BUNDLE.  exit status: 0 written, 2 bad input\n"
		"(the file, line or offset, and what is wrong), 3 internal error\n");
}

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "cmdline", required_argument, NULL, 'c' },
		{ "cpuinfo", required_argument, NULL, 'p' },
		{ "groups", required_argument, NULL, 'g' },
		{ "dmesg", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	const char *out = NULL, *cmdline = NULL, *cpuinfo = NULL, *groups = NULL, *dmesg = NULL;
	struct import im = { 0 };
	struct diag d;
	int c, ret = EXIT_BAD_INPUT;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'c': cmdline = optarg; break;
		case 'p': cpuinfo = optarg; break;
		case 'g': groups = optarg; break;
		case 'm': dmesg = optarg; break;
		case 'h':
			usage(stdout);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (!out || optind >= argc) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	for (int i = optind; i < argc; i++)
		if (import_file(&im, argv[i], &d))
			goto fail;
	if (dmesg) {
		size_t len;
		unsigned char *buf = bundle_read_file(dmesg, MAX_INPUT, &len, &d);

		if (!buf || import_dmesg(&im, dmesg, (char *)buf, len, &d)) {
			free(buf);
			goto fail;
		}
		free(buf);
	}
	if (!im.nr_fns) {
		diag_set(&d, "import", NULL, "no PCI functions: give an lspci -xxxx or -vvnn file");
		goto fail;
	}
	if (bundle_create(out, &d) || write_bundle(&im, out, &d) ||
	    copy_into(out, "proc/cmdline", cmdline, &d) ||
	    copy_into(out, "proc/cpuinfo", cpuinfo, &d) ||
	    copy_into(out, "expected/iommu_groups", groups, &d) ||
	    copy_into(out, "expected/dmesg", dmesg, &d))
		goto fail;
	ret = EXIT_ISOLATED;
	goto out;
fail:
	diag_print(&d);
out:
	import_release(&im);
	return ret;
}
