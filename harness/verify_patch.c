// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz verify-patch: does a change to the kernel's IOMMU or PCI code
 * break isolation?  The harness is built against both trees (each build
 * cached by tree, tree_build.c), every bundle of the regression corpus and
 * every --bundle is replayed by both builds, and whatever differs (groups,
 * units, interrupt remapping, reserved regions, the verdict) is shown
 * (replay_compare.c).  With --time, both builds then fuzz and every input
 * of both campaigns is compared the same way (verify_fuzz.c).  A violation
 * the patched tree has and the base tree has not is introduced by the
 * patch: exit 1.
 */
#include <errno.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "replay_compare.h"
#include "tree_build.h"
#include "verify_fuzz.h"

#ifndef ISOFUZZ_SOURCE_DIR
#error "ISOFUZZ_SOURCE_DIR: the checkout verify-patch builds from"
#endif

/* The regression corpus, relative to the checkout. */
static const char *const corpus_globs[] = {
	"tests/bundles/*/sys", "tests/bundles-amd/*/sys", "tests/handmade/*/sys",
	"corpus/regression/*/sys",
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz verify-patch --base TREE --patched TREE [--bundle BUNDLE]...\n"
		"                            [--time S [--out DIR] [--seeds DIR]...] [--no-corpus]\n"
		"                            [--cache DIR] [--quiet]\n"
		"\n"
		"Build the harness against two kernel trees (a directory, or a Debian\n"
		"linux-source version such as 6.12), replay the regression corpus of\n"
		"%s and every BUNDLE with both, and show every\n"
		"bundle whose groups, units, interrupt remapping, reserved regions or\n"
		"verdict differ, with the violations the patch introduces or fixes.\n"
		"With --time, then fuzz both builds for S seconds each from the same\n"
		"seeds, replay every input either campaign kept with both builds, and\n"
		"show each input that differs the same way, with when the patched\n"
		"campaign first ran it; each is kept as a bundle in DIR/differ/.\n"
		"The inputs are judged by the solver's fast check (Z3 would take some\n"
		"100 ms an input; the solver.crosscheck test holds the two equal);\n"
		"replay a differing bundle with each build for Z3's verdict.\n"
		"\n"
		"  --base TREE      the tree without the change\n"
		"  --patched TREE   the tree with it\n"
		"  --bundle BUNDLE  also replay this bundle (repeatable)\n"
		"  --time S         fuzz each build for S seconds (default: no fuzzing)\n"
		"  --out DIR        a new folder for the campaigns (DIR/fuzz-base,\n"
		"                   DIR/fuzz-patched), the inputs (DIR/inputs) and those\n"
		"                   that differ (DIR/differ/HASH: a bundle, its input,\n"
		"                   differ.txt); default a new folder under /tmp\n"
		"  --seeds DIR      more seeds for both campaigns (as isofuzz fuzz --seeds)\n"
		"  --no-corpus      skip the regression corpus (only --bundle and fuzzing)\n"
		"  --cache DIR      where the two builds are kept (default\n"
		"                   $XDG_CACHE_HOME/isofuzz/builds or ~/.cache/isofuzz/builds)\n"
		"  --quiet          print only the summaries and the introduced violations\n"
		"\n"
		"exit status: 0 no violation introduced, 1 the patch introduces one,\n"
		"2 bad usage or a tree the harness does not build against, 3 internal error\n",
		ISOFUZZ_SOURCE_DIR);
}

/* Replay bundles[0..n) with both builds and compare each. */
static int compare_bundles(const struct tree_build tb[2], char *const *bundles, size_t n,
			   bool quiet, struct compare_tally *t)
{
	struct replay_result *res[2] = { calloc(n + 1, sizeof(**res)), calloc(n + 1, sizeof(**res)) };
	int ret = -1;

	if (!res[0] || !res[1])
		goto out;
	for (int s = 0; s < 2; s++)
		if (replay_batch(tb[s].bin, tb[s].ktree, bundles, n, false, false, res[s]))
			goto out;
	for (size_t i = 0; i < n; i++) {
		bool differs;

		if (replay_compare(bundles[i], &res[0][i], &res[1][i], quiet, stdout, &differs, t) < 0)
			goto out;
	}
	ret = 0;
out:
	for (int s = 0; s < 2; s++) {
		if (res[s])
			replay_results_release(res[s], n);
		free(res[s]);
	}
	return ret;
}

/* --out: a new or empty folder (a verify-patch run does not resume another) */
static int check_out(const char *out)
{
	char cmd[PATH_MAX + 32];
	struct stat st;

	snprintf(cmd, sizeof(cmd), "%s/fuzz-patched", out);
	if (!stat(cmd, &st)) {
		fprintf(stderr, "isofuzz: verify-patch: --out %s: holds the campaigns of an earlier "
			"run; give a new folder\n", out);
		return -1;
	}
	if (tree_build_mkdirs(out)) {
		fprintf(stderr, "isofuzz: verify-patch: --out %s: %s\n", out, strerror(errno));
		return -1;
	}
	return 0;
}

int cmd_verify_patch(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "base", required_argument, NULL, 'b' },
		{ "patched", required_argument, NULL, 'p' },
		{ "bundle", required_argument, NULL, 'B' },
		{ "cache", required_argument, NULL, 'c' },
		{ "time", required_argument, NULL, 't' },
		{ "out", required_argument, NULL, 'o' },
		{ "seeds", required_argument, NULL, 's' },
		{ "no-corpus", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	/* fuzzing needs the build's pipeline target next to its isofuzz */
	static const char *const targets[] = { "isofuzz", "fuzz_pipeline", NULL };
	const char *arg[2] = { NULL, NULL };
	struct tree_build tb[2];
	char cache[PATH_MAX] = "", outdir[] = "/tmp/isofuzz-verify-XXXXXX";
	struct compare_tally t = { 0 };
	struct verify_fuzz vf = { 0 };
	glob_t g = { 0 };
	bool no_corpus = false;
	int c, ret = EXIT_INTERNAL, gflags = 0;
	/* --bundle and --seeds, and the corpus after them */
	char **extra = calloc((size_t)argc + 1, sizeof(*extra));
	const char **seeds = calloc((size_t)argc + 1, sizeof(*seeds));
	size_t nr_extra = 0;

	if (!extra || !seeds) {
		free(extra);
		free(seeds);
		return EXIT_INTERNAL;
	}
	vf.seeds = seeds;
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'b': arg[0] = optarg; break;
		case 'p': arg[1] = optarg; break;
		case 'c': snprintf(cache, sizeof(cache), "%s", optarg); break;
		case 'q': vf.quiet = true; break;
		case 'n': no_corpus = true; break;
		case 'o': vf.out = optarg; break;
		case 's': seeds[vf.nr_seeds++] = optarg; break;
		case 't': {
			char *end;
			unsigned long v;

			errno = 0;
			v = strtoul(optarg, &end, 10);
			if (errno || *end || !v || v > 1000000) {
				fprintf(stderr, "isofuzz: verify-patch: --time %s: want a positive number "
					"of seconds\n", optarg);
				ret = EXIT_BAD_INPUT;
				goto out;
			}
			vf.secs = (unsigned)v;
			break;
		}
		case 'B': {
			struct stat st;
			char sys[PATH_MAX];

			snprintf(sys, sizeof(sys), "%s/sys", optarg);
			if (stat(sys, &st) || !S_ISDIR(st.st_mode)) {
				fprintf(stderr, "isofuzz: verify-patch: --bundle %s: not a bundle (no sys/ in it)\n",
					optarg);
				ret = EXIT_BAD_INPUT;
				goto out;
			}
			extra[nr_extra++] = optarg;
			break;
		}
		case 'h':
			usage(stdout);
			ret = EXIT_ISOLATED;
			goto out;
		default:
			usage(stderr);
			ret = EXIT_BAD_INPUT;
			goto out;
		}
	}
	ret = EXIT_BAD_INPUT;
	if (!arg[0] || !arg[1] || optind != argc) {
		usage(stderr);
		goto out;
	}
	if ((vf.out || vf.nr_seeds) && !vf.secs) {
		fprintf(stderr, "isofuzz: verify-patch: --out and --seeds go with --time\n");
		goto out;
	}
	if (no_corpus && !nr_extra && !vf.secs) {
		fprintf(stderr, "isofuzz: verify-patch: --no-corpus leaves nothing to compare: "
			"give --bundle or --time\n");
		goto out;
	}
	if (vf.out && check_out(vf.out))
		goto out;
	if (!cache[0] && tree_build_default_cache(cache, sizeof(cache))) {
		fprintf(stderr, "isofuzz: verify-patch: no cache directory: set --cache\n");
		goto out;
	}
	if (tree_build_resolve(&tb[0], "verify-patch: --base", arg[0], cache) ||
	    tree_build_resolve(&tb[1], "verify-patch: --patched", arg[1], cache))
		goto out;
	if (!strcmp(tb[0].build, tb[1].build)) {
		fprintf(stderr, "isofuzz: verify-patch: --base and --patched name the same tree\n");
		goto out;
	}
	for (int i = 0; i < 2; i++)
		if (tree_build_make(&tb[i], vf.secs ? targets : (const char *const[]){ "isofuzz", NULL },
				    vf.quiet))
			goto out;
	ret = EXIT_INTERNAL;

	/* the corpus after the --bundle arguments, so all replay in one batch */
	for (size_t i = 0; !no_corpus && i < sizeof(corpus_globs) / sizeof(corpus_globs[0]); i++) {
		char pat[PATH_MAX];

		snprintf(pat, sizeof(pat), "%s/%s", ISOFUZZ_SOURCE_DIR, corpus_globs[i]);
		if (!glob(pat, gflags, NULL, &g))
			gflags = GLOB_APPEND;
	}
	for (size_t i = 0; i < g.gl_pathc; i++) {
		char *bundle = g.gl_pathv[i];

		char **more = realloc(extra, (nr_extra + 2) * sizeof(*extra));

		if (!more)
			goto out;
		extra = more;
		bundle[strlen(bundle) - 4] = 0;		/* drop "/sys" */
		extra[nr_extra++] = bundle;
	}
	if (nr_extra) {
		if (compare_bundles(tb, extra, nr_extra, vf.quiet, &t))
			goto out;
		printf("verify-patch: %d bundles, %d differ; %d violations introduced, %d fixed, %d known crashes%s\n",
		       t.compared, t.differ, t.introduced, t.fixed, t.known,
		       t.errors ? "; some bundles failed to replay (see above)" : "");
	}
	if (vf.secs) {
		if (!vf.out) {
			if (!mkdtemp(outdir)) {
				fprintf(stderr, "isofuzz: verify-patch: %s: %s\n", outdir, strerror(errno));
				goto out;
			}
			vf.out = outdir;
			printf("verify-patch: campaigns and differing inputs in %s\n", outdir);
		}
		fflush(stdout);
		if (verify_fuzz_run(tb, &vf, &t))
			goto out;
	}
	ret = t.introduced ? EXIT_VIOLATION : EXIT_ISOLATED;
out:
	globfree(&g);
	free(extra);
	free(seeds);
	return ret;
}
