// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz replay BUNDLE: run the kernel's code on a machine bundle, print
 * the IOMMU groups it forms and, when the bundle records what a real
 * kernel formed (expected/iommu_groups), whether the two agree.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isofuzz/platform.h>

#include "bundle.h"
#include "commands.h"
#include "diag.h"
#include "partition.h"
#include "report.h"
#include "table_input.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz replay [--log] [--quiet] BUNDLE...\n"
		"       isofuzz replay [--log] [--quiet] [--topology BUNDLE] TABLE...\n"
		"\n"
		"Run the kernel's grouping, DMAR and interrupt-remapping code (compiled\n"
		"from linux %s) on a machine bundle and print its IOMMU groups, one line\n"
		"per group:\n"
		"  N: DDDD:BB:DD.F DDDD:BB:DD.F ...\n"
		"then the IOMMU units with their devices, interrupt remapping and its\n"
		"mode, and per group MSI isolation and reserved regions.\n"
		"When BUNDLE/expected/iommu_groups exists, compare the two as partitions\n"
		"of devices and show the difference.\n"
		"\n"
		"A TABLE is a lone DMAR table instead of a bundle: its raw bytes as\n"
		"acpixtract (dmar.dat) or iasl (.aml) writes them, or an iasl data-table\n"
		"source (.asl/.dsl; iasl is run to compile it).  It replays on a machine\n"
		"with no PCI functions, or with --topology on BUNDLE's PCI functions,\n"
		"tables, registers, cpuinfo and command line, in place of its DMAR.\n"
		"\n"
		"  --log              also print the kernel's log of the run\n"
		"  --quiet            print only differences and errors\n"
		"  --topology BUNDLE  the machine a lone TABLE replays on\n"
		"\n"
		"Several bundles are replayed one after another in one process, each\n"
		"from pristine kernel state, each under a \"== BUNDLE\" header.\n"
		"\n"
		"exit status (the worst over all bundles): 0 groups formed (and agree\n"
		"with expected/), 1 they differ,\n"
		"2 bad bundle, bad table or usage, 3 internal error or a kernel BUG\n",
		kshim_kernel_version);
}

/* The partition the kernel formed: every device it put in a group. */
static int observed_partition(const struct observation *obs, struct partition *p)
{
	for (size_t i = 0; i < obs->nr_devices; i++) {
		const struct observation_device *d = &obs->devices[i];

		if (d->group >= 0 && partition_add(p, BDF(d->segment, d->bus, d->devfn), d->group))
			return -1;
	}
	partition_sort(p);
	return 0;
}

/* Functions of the bundle the kernel never reached (behind no root bus or bridge). */
static void report_unreached(const struct bundle *b, const struct observation *obs)
{
	char buf[16];

	for (size_t i = 0; i < b->platform.nr_functions; i++) {
		const struct platform_pci_function *f = &b->platform.functions[i];
		bool found = false;

		for (size_t j = 0; j < obs->nr_devices && !found; j++)
			found = obs->devices[j].segment == f->segment &&
				obs->devices[j].bus == f->bus && obs->devices[j].devfn == f->devfn;
		if (!found)
			fprintf(stderr, "isofuzz: %s: not enumerated by the kernel (no path from a root bus)\n",
				bdf_format(BDF(f->segment, f->bus, f->devfn), buf));
	}
}

/* A bundle directory, or a lone table (on --topology's machine, or none). */
static int load_input(struct bundle *b, const char *path, const char *topology, struct diag *d)
{
	if (table_input_is_table(path))
		return table_input_load(b, path, topology, d);
	if (topology) {
		memset(b, 0, sizeof(*b));
		diag_set(d, path, NULL, "a bundle directory: --topology goes with a lone table");
		return -1;
	}
	return bundle_load(b, path, d);
}

static int replay_one(const char *path, const char *topology, bool show_log, bool quiet)
{
	struct bundle b;
	struct observation obs;
	struct partition got = { 0 };
	struct diag d;
	int ret;

	if (load_input(&b, path, topology, &d)) {
		diag_print(&d);
		bundle_release(&b);
		return EXIT_BAD_INPUT;
	}

	ret = kshim_run(&b.platform, &obs);
	if (show_log)
		fwrite(obs.log, 1, obs.log_len, stdout);
	if (ret) {
		fprintf(stderr, "isofuzz: %s: the kernel code failed: %s\n", b.path,
			obs.failure ? obs.failure : "unknown");
		ret = EXIT_INTERNAL;
		goto out;
	}
	if (obs.failure)
		fprintf(stderr, "isofuzz: %s: kernel warning: %s\n", b.path, obs.failure);
	report_unreached(&b, &obs);
	if (observed_partition(&obs, &got)) {
		ret = EXIT_INTERNAL;
		goto out;
	}
	if (!quiet) {
		partition_print(&got, stdout);
		report_units(&obs, stdout);
	}
	ret = EXIT_ISOLATED;
	if (b.has_expected) {
		int n = partition_diff(&b.expected, "expected", &got, "kernel", NULL);

		if (n) {
			printf("groups differ from %s/expected/iommu_groups:\n", b.path);
			partition_diff(&b.expected, "expected", &got, "kernel", stdout);
			ret = EXIT_VIOLATION;
		} else if (!quiet) {
			printf("groups agree with %s/expected/iommu_groups\n", b.path);
		}
	}
out:
	partition_release(&got);
	observation_release(&obs);
	bundle_release(&b);
	return ret;
}

/* Bad input outranks a difference, an internal error outranks both. */
static int worse(int a, int b)
{
	return a > b ? a : b;
}

int cmd_replay(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "log", no_argument, NULL, 'l' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "topology", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	bool show_log = false, quiet = false;
	const char *topology = NULL;
	int c, ret = EXIT_ISOLATED;

	optind = 1;
	while ((c = getopt_long(argc, argv, "lqt:h", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			show_log = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 't':
			topology = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	for (int i = optind; i < argc; i++) {
		if (argc - optind > 1)
			printf("== %s\n", argv[i]);
		fflush(stdout);
		ret = worse(ret, replay_one(argv[i], topology, show_log, quiet));
		fflush(stdout);
	}
	return ret;
}
