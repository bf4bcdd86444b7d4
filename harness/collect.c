// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz collect DIR: copy this machine's bundle.  A bundle mirrors /sys
 * and /proc, so collecting is copying: the ACPI tables, every PCI
 * function's config space, the IOMMU units' registers, the command line
 * and cpuinfo; and as expected/ what this kernel did: its IOMMU groups
 * (sys/kernel/iommu_groups) and its log (/dev/kmsg, as dmesg prints it).
 * Replaying the bundle then compares the code under test with the
 * machine's own kernel.  --root DIR reads another tree laid out like /
 * (the tests' fake machines).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bdf.h"
#include "bundle.h"
#include "bundle_write.h"
#include "commands.h"

#define MAX_FILE (16u << 20)

struct collect {
	const char *root, *out;
	struct diag *d;
};

static char *path_of(const struct collect *c, const char *rel)
{
	size_t n = strlen(c->root) + strlen(rel) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", c->root, rel);
	return p;
}

/* root/rel to out/rel; a missing file is fine when optional. */
static int copy(const struct collect *c, const char *rel, bool optional, size_t *len)
{
	char *path = path_of(c, rel);
	unsigned char *buf;
	size_t n;
	int ret;

	if (!path) {
		diag_set(c->d, rel, NULL, "out of memory");
		return -1;
	}
	if (optional && access(path, F_OK)) {
		free(path);
		return 0;
	}
	buf = bundle_read_file(path, MAX_FILE, &n, c->d);
	free(path);
	if (!buf)
		return -1;
	ret = bundle_write_file(c->out, rel, buf, n, c->d);
	free(buf);
	if (len)
		*len = n;
	return ret;
}

/* The entries of root/rel, sorted; -1 with d set, 0 entries when missing and optional. */
static int list(const struct collect *c, const char *rel, struct dirent ***names, bool optional)
{
	char *path = path_of(c, rel);
	int n;

	if (!path)
		return -1;
	n = bundle_list_dir(path, names, optional ? NULL : "", c->d);
	free(path);
	return n;
}

static bool regular(const struct collect *c, const char *rel)
{
	char *path = path_of(c, rel);
	struct stat st;
	bool ok = path && !stat(path, &st) && S_ISREG(st.st_mode);

	free(path);
	return ok;
}

static int collect_tables(const struct collect *c)
{
	struct dirent **names;
	int n = list(c, "sys/firmware/acpi/tables", &names, true), ret = 0;
	char rel[300];

	for (int i = 0; i < n && !ret; i++) {
		snprintf(rel, sizeof(rel), "sys/firmware/acpi/tables/%s", names[i]->d_name);
		if (regular(c, rel))	/* not dynamic/ or data/ */
			ret = copy(c, rel, false, NULL);
	}
	bundle_free_names(names, n);
	return n < 0 ? -1 : ret;
}

static int collect_functions(const struct collect *c)
{
	struct dirent **names;
	int n = list(c, "sys/bus/pci/devices", &names, false), ret = 0;
	char rel[300];
	size_t len;

	for (int i = 0; i < n && !ret; i++) {
		snprintf(rel, sizeof(rel), "sys/bus/pci/devices/%s/config", names[i]->d_name);
		ret = copy(c, rel, false, &len);
		if (!ret && len < 256) {
			/* sysfs shows the header only to unprivileged readers */
			diag_set(c->d, rel, NULL, "%zu bytes of config space: collect as root", len);
			ret = -1;
		}
	}
	if (!ret && n == 0) {
		diag_set(c->d, c->root, NULL, "no PCI functions under sys/bus/pci/devices");
		ret = -1;
	}
	bundle_free_names(names, n);
	return n < 0 ? -1 : ret;
}

static int collect_iommus(const struct collect *c)
{
	static const char *const files[] = { "intel-iommu/cap", "intel-iommu/ecap",
		"intel-iommu/address", "amd-iommu/cap", "amd-iommu/features" };
	struct dirent **names;
	int n = list(c, "sys/class/iommu", &names, true), ret = 0;
	char rel[300];

	for (int i = 0; i < n && !ret; i++)
		for (size_t k = 0; k < sizeof(files) / sizeof(files[0]) && !ret; k++) {
			snprintf(rel, sizeof(rel), "sys/class/iommu/%s/%s", names[i]->d_name, files[k]);
			ret = copy(c, rel, true, NULL);
		}
	bundle_free_names(names, n);
	return n < 0 ? -1 : ret;
}

/* sys/kernel/iommu_groups/N/devices/BDF as "N: BDF ..." lines; none when the IOMMU is off */
static int collect_groups(const struct collect *c)
{
	struct dirent **groups;
	int n = list(c, "sys/kernel/iommu_groups", &groups, true), ret = 0;
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f || n < 0) {
		if (f)
			fclose(f);
		free(text);
		bundle_free_names(groups, n);
		return -1;
	}
	for (int i = 0; i < n && !ret; i++) {
		struct dirent **devs;
		char rel[300];
		int m;

		snprintf(rel, sizeof(rel), "sys/kernel/iommu_groups/%s/devices", groups[i]->d_name);
		m = list(c, rel, &devs, false);
		if (m < 0) {
			ret = -1;
			break;
		}
		fprintf(f, "%s:", groups[i]->d_name);
		for (int k = 0; k < m; k++)
			fprintf(f, " %s", devs[k]->d_name);
		fputc('\n', f);
		bundle_free_names(devs, m);
	}
	fclose(f);
	if (!ret)
		ret = bundle_write_file(c->out, "expected/iommu_groups", text, size, c->d);
	free(text);
	bundle_free_names(groups, n);
	return ret;
}

/*
 * /dev/kmsg records ("PRI,SEQ,USEC,FLAGS;message", continuation lines
 * starting with a space) as dmesg prints them: "[SSSSS.UUUUUU] message".
 * The device hands out one record a read and EAGAIN at the end; a file
 * (the tests') reads as a stream: both are lines.
 */
static int collect_dmesg(const struct collect *c)
{
	char *path = path_of(c, "dev/kmsg"), *raw = NULL, *text = NULL, *line, *save;
	size_t rlen = 0, size = 0;
	FILE *raw_f = open_memstream(&raw, &rlen), *f = NULL;
	char buf[8192];
	ssize_t r;
	int fd = path ? open(path, O_RDONLY | O_NONBLOCK) : -1, ret = -1;

	if (fd < 0 || !raw_f) {
		ret = 0;	/* no log to compare with: the bundle goes without */
		goto out;
	}
	while ((r = read(fd, buf, sizeof(buf))) != 0) {
		if (r < 0) {
			if (errno == EPIPE || errno == EINTR)
				continue;	/* a record overwritten while reading */
			break;			/* EAGAIN: the end */
		}
		fwrite(buf, 1, r, raw_f);
	}
	fclose(raw_f);
	raw_f = NULL;
	f = open_memstream(&text, &size);
	if (!f)
		goto out;
	for (line = strtok_r(raw, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned long long usec;
		char *msg = strchr(line, ';');

		if (line[0] == ' ' || !msg || sscanf(line, "%*u,%*u,%llu", &usec) != 1)
			continue;
		fprintf(f, "[%5llu.%06llu] %s\n", usec / 1000000, usec % 1000000, msg + 1);
	}
	fclose(f);
	ret = bundle_write_file(c->out, "expected/dmesg", text, size, c->d);
out:
	if (raw_f)
		fclose(raw_f);
	if (fd >= 0)
		close(fd);
	free(raw);
	free(text);
	free(path);
	return ret;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz collect DIR\n"
		"\n"
		"Copy this machine's bundle into DIR (a new folder); run as root, since\n"
		"sysfs shows unprivileged readers 64 bytes of config space:\n"
		"  sys/firmware/acpi/tables/*, sys/bus/pci/devices/*/config,\n"
		"  sys/class/iommu/*/{intel,amd}-iommu registers, proc/cmdline,\n"
		"  proc/cpuinfo, and what this kernel did: expected/iommu_groups (from\n"
		"  /sys/kernel/iommu_groups; empty when the IOMMU is off) and\n"
		"  expected/dmesg (from /dev/kmsg).\n"
		"'isofuzz replay DIR' then compares the code under test with this kernel.\n"
		"\n"
		"exit status: 0 collected, 2 cannot read or write (the file and why)\n");
}

int cmd_collect(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "root", required_argument, NULL, 'r' },	/* hidden: the tests' fake / */
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	struct diag d;
	struct collect c = { .root = "", .d = &d };
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			c.root = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	c.out = argv[optind];
	if (bundle_create(c.out, &d) || collect_functions(&c) || collect_tables(&c) ||
	    collect_iommus(&c) || copy(&c, "proc/cmdline", false, NULL) ||
	    copy(&c, "proc/cpuinfo", true, NULL) || collect_groups(&c) || collect_dmesg(&c)) {
		diag_print(&d);
		return EXIT_BAD_INPUT;
	}
	return EXIT_ISOLATED;
}
