// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz replay BUNDLE: run the kernel's code on a machine bundle, print
 * the IOMMU groups it forms and, when the bundle records what a real
 * kernel formed (expected/iommu_groups), whether the two agree.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <isofuzz/platform.h>

#include "bundle.h"
#include "crash_report.h"
#include "solver.h"
#include "commands.h"
#include "diag.h"
#include "dot.h"
#include "finding.h"
#include "fuzz_input.h"
#include "names.h"
#include "partition.h"
#include "report.h"
#include "table_input.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz replay [OPTIONS] BUNDLE...\n"
		"       isofuzz replay [OPTIONS] [--topology BUNDLE] TABLE...\n"
		"       isofuzz replay [OPTIONS] [--dot FILE] [--svg FILE] [--png FILE] BUNDLE\n"
		"       isofuzz replay [OPTIONS] --input FUZZ_INPUT...\n"
		"\n"
		"Run the kernel's grouping, DMAR and interrupt-remapping code (compiled\n"
		"from linux %s) on a machine bundle and print its IOMMU groups, one line\n"
		"per group:\n"
		"  N: DDDD:BB:DD.F DDDD:BB:DD.F ...\n"
		"then each function with its name from pci.ids and port type, the\n"
		"IOMMU units with their devices, interrupt remapping and its\n"
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
		"  --input            the arguments are fuzz inputs of the pipeline target\n"
		"                     (a campaign's corpus entries, a finding's input), run\n"
		"                     on the platform the grammar makes of them\n"
		"  --batch            each argument replayed in a process of its own (a\n"
		"                     crash ends only its replay), under \"== ARG\" and\n"
		"                     followed by\n"
		"                     \"== exit N\", its own exit status (verify-patch reads\n"
		"                     many replays from one process this way)\n"
		"  --all              show every violation (default: 8 per property)\n"
		"  --no-expected      do not compare with BUNDLE/expected/ (verify-patch\n"
		"                     compares two builds with each other instead)\n"
		"  --json             print the verdict as one JSON object per bundle,\n"
		"                     no group text\n"
		"  --solver=z3 (default) | fast | crosscheck\n"
		"                     how the verdict is decided: Z3 confirms every\n"
		"                     violation; the fast check alone; or Z3 enumerates\n"
		"                     every violation and must find the fast check's set\n"
		"  --dot FILE         the picture as Graphviz dot: the PCI tree with names\n"
		"                     from pci.ids, groups as clusters, IOMMU units,\n"
		"                     ACS-capable functions (double border, ACS capability\n"
		"                     bits), DMA aliases, the counterexamples in red (their\n"
		"                     port in orange)\n"
		"  --svg FILE, --png FILE  the same, rendered by Graphviz's dot\n"
		"\n"
		"The verdict (solver/README.md) follows the groups: per property P1-P6\n"
		"holds, violated (with the devices, groups and path) or not judged.\n"
		"\n"
		"Several bundles are replayed one after another in one process, each\n"
		"from pristine kernel state, each under a \"== BUNDLE\" header.\n"
		"\n"
		"exit status (the worst over all bundles): 0 isolated (and groups agree\n"
		"with expected/), 1 a violation or groups differ,\n"
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

static int worse(int a, int b);

static struct sv_options solver_opts = { SV_MODE_Z3, 0 };
static bool json_out;
static bool no_expected;		/* --no-expected: verify-patch compares two builds */
static bool fuzz_inputs;		/* --input: the arguments are fuzz inputs */
/* the picture: --dot FILE, and rendered by Graphviz --svg/--png FILE */
static const char *dot_path, *svg_path, *png_path;

/* The picture of the run, written to --dot FILE or a temporary file to render. */
static int draw(const struct bundle *b, const struct observation *obs, const struct sv_verdict *v)
{
	char tmp[] = "/tmp/isofuzz-dot-XXXXXX";
	const char *path = dot_path;
	FILE *f;
	int fd = -1, ret = 0;

	if (!dot_path && !svg_path && !png_path)
		return 0;
	if (!path) {
		fd = mkstemp(tmp);
		path = tmp;
	}
	f = fd >= 0 ? fdopen(fd, "w") : fopen(path, "w");
	if (!f) {
		fprintf(stderr, "isofuzz: %s: cannot write\n", path);
		if (fd >= 0)
			close(fd);
		return EXIT_BAD_INPUT;
	}
	dot_write(f, b->path, &b->platform, obs, v);
	if (fclose(f)) {
		fprintf(stderr, "isofuzz: %s: cannot write\n", path);
		ret = EXIT_BAD_INPUT;
	}
	if (!ret && svg_path && dot_render(path, "svg", svg_path))
		ret = EXIT_BAD_INPUT;
	if (!ret && png_path && dot_render(path, "png", png_path))
		ret = EXIT_BAD_INPUT;
	if (path == tmp)
		unlink(tmp);
	return ret;
}

/* The isolation verdict on what the kernel decided (solver/), and the picture. */
static int judge(const struct bundle *b, const struct observation *obs, bool quiet)
{
	struct sv_verdict v;
	int ret;

	solver_check(&b->platform, obs, &solver_opts, &v);
	if (json_out) {
		printf("{\"bundle\": \"");
		for (const char *c = b->path; *c; c++)
			printf(*c == '"' || *c == '\\' ? "\\%c" : "%c", *c);
		printf("\", \"verdict\": ");
		sv_verdict_print_json(&v, stdout);
		printf("}\n");
	} else if (!quiet || solver_exit_status(&v)) {
		sv_verdict_print_text(&v, stdout);
	}
	ret = solver_exit_status(&v);
	if (ret == 3)
		fprintf(stderr, "isofuzz: %s: solver: %s\n", b->path, v.error);
	ret = worse(ret, draw(b, obs, &v));
	sv_verdict_release(&v);
	return ret;
}


/* A bundle directory, or a lone table (on --topology's machine, or none). */
static int load_input(struct bundle *b, const char *path, const char *topology, struct diag *d)
{
	if (fuzz_inputs)
		return fuzz_input_load(b, path, d);
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

	crash_report_arm(b.path);
	ret = kshim_run(&b.platform, &obs);
	crash_report_disarm();
	if (show_log)
		fwrite(obs.log, 1, obs.log_len, stdout);
	if (ret) {
		char sig[256];

		if (!finding_hang_signature(obs.failure, sig, sizeof(sig)))
			fprintf(stderr, "isofuzz: %s: the kernel code hung: %s (%s)\n", b.path, sig,
				obs.failure);
		else
			fprintf(stderr, "isofuzz: %s: the kernel code failed: %s\n", b.path,
				obs.failure ? obs.failure : "unknown");
		ret = EXIT_INTERNAL;
		goto out;
	}
	if (obs.failure)
		fprintf(stderr, "isofuzz: %s: kernel warning: %s\n", b.path, obs.failure);
	report_unreached(&b, &obs);
	if (b.nr_synthesized && !quiet && !json_out)
		printf("note: %zu of %zu functions have config space synthesized from lspci text "
		       "(sys/bus/pci/devices/*/synthesized says which fields)\n",
		       b.nr_synthesized, b.platform.nr_functions);
	if (observed_partition(&obs, &got)) {
		ret = EXIT_INTERNAL;
		goto out;
	}
	if (!quiet && !json_out) {
		partition_print(&got, stdout);
		report_functions(&obs, stdout);
		report_units(&obs, stdout);
	}
	ret = EXIT_ISOLATED;
	if (b.has_expected && !no_expected) {
		int n = partition_diff(&b.expected, "expected", &got, "kernel", NULL);

		if (n) {
			printf("groups differ from %s/expected/iommu_groups:\n", b.path);
			partition_diff(&b.expected, "expected", &got, "kernel", stdout);
			ret = EXIT_VIOLATION;
		} else if (!quiet && !json_out) {
			printf("groups agree with %s/expected/iommu_groups\n", b.path);
		}
	}
	ret = worse(ret, judge(&b, &obs, quiet));
out:
	partition_release(&got);
	observation_release(&obs);
	bundle_release(&b);
	return ret;
}

/*
 * --batch: each replay in a child of its own, so that a sanitizer report
 * in the kernel's code (which ends the process, exit 3) ends only that
 * replay; the rest of the batch goes on without a new process per crash.
 */
static int replay_forked(const char *path, const char *topology, bool show_log, bool quiet)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return replay_one(path, topology, show_log, quiet);
	if (!pid) {
		int ret = replay_one(path, topology, show_log, quiet);

		fflush(stdout);
		_exit(ret);	/* the parent releases what is shared, once */
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return EXIT_INTERNAL;
	return WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_INTERNAL;
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
		{ "json", no_argument, NULL, 'j' },
		{ "solver", required_argument, NULL, 's' },
		{ "no-expected", no_argument, NULL, 'n' },
		{ "all", no_argument, NULL, 'a' },
		{ "topology", required_argument, NULL, 't' },
		{ "input", no_argument, NULL, 'I' },
		{ "batch", no_argument, NULL, 'b' },
		{ "dot", required_argument, NULL, 'd' },
		{ "svg", required_argument, NULL, 'S' },
		{ "png", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	bool show_log = false, quiet = false, batch = false;
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
		case 'j':
			json_out = true;
			break;
		case 'n':
			no_expected = true;
			break;
		case 'a':
			solver_opts.max_report = UINT_MAX;
			break;
		case 's':
			if (!strcmp(optarg, "fast"))
				solver_opts.mode = SV_MODE_FAST;
			else if (!strcmp(optarg, "z3"))
				solver_opts.mode = SV_MODE_Z3;
			else if (!strcmp(optarg, "crosscheck"))
				solver_opts.mode = SV_MODE_CROSSCHECK;
			else {
				usage(stderr);
				return EXIT_BAD_INPUT;
			}
			break;
		case 't':
			topology = optarg;
			break;
		case 'I':
			fuzz_inputs = true;
			break;
		case 'b':
			batch = true;
			break;
		case 'd':
			dot_path = optarg;
			break;
		case 'S':
			svg_path = optarg;
			break;
		case 'P':
			png_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (optind >= argc || ((dot_path || svg_path || png_path) && argc - optind > 1) ||
	    (fuzz_inputs && topology)) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (batch) {
		char warm[8];

		/* the device names loaded once, before the children share them */
		names_device(0x8086, 0x1533, warm, sizeof(warm));
	}
	for (int i = optind; i < argc; i++) {
		int one;

		if (argc - optind > 1 || batch)
			printf("== %s\n", argv[i]);
		fflush(stdout);
		one = batch ? replay_forked(argv[i], topology, show_log, quiet) :
			      replay_one(argv[i], topology, show_log, quiet);
		if (batch)
			printf("== exit %d\n", one);
		ret = worse(ret, one);
		fflush(stdout);
	}
	names_release();
	return ret;
}
