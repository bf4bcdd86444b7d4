// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz fuzz: a campaign.  Seeds DIR/corpus when it is empty (a killed
 * campaign resumes from it), runs the libFuzzer target in fork mode (a
 * crash in the kernel's code does not end the campaign), prints a progress
 * line, and turns libFuzzer's crash artifacts into findings next to the
 * targets' own (DIR/findings/SIGNATURE/: bundle, input, report.txt).
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "diag.h"
#include "finding.h"
#include "fuzz.h"
#include "fuzz_kernel.h"
#include "known.h"
#include "seed.h"

#ifndef ISOFUZZ_TARGET_DIR
#define ISOFUZZ_TARGET_DIR "."
#endif
#ifndef ISOFUZZ_SOURCE_DIR
#define ISOFUZZ_SOURCE_DIR "."
#endif
/* what explains known findings (corpus/regression/README.md) */
#define REGRESSION_DIR ISOFUZZ_SOURCE_DIR "/corpus/regression"
#ifndef ISOFUZZ_BINARY_DIR
#define ISOFUZZ_BINARY_DIR "."
#endif

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz fuzz --out DIR [--engine libfuzzer|afl] [--time SECONDS]\n"
		"                    [--jobs N] [--target pipeline|dmar|ivrs] [--seeds DIR]...\n"
		"                    [--kernel TREE [--cache DIR]]\n"
		"\n"
		"Fuzz the kernel's grouping, DMAR/IVRS and interrupt-remapping code (linux %s):\n"
		"platforms generated and mutated by the grammars (grammars/), each run\n"
		"through the kernel's code and judged by the isolation model.\n"
		"\n"
		"  --out DIR      campaign folder: DIR/corpus (resumed when not empty),\n"
		"                 DIR/findings/SIGNATURE/ (a bundle, its fuzz input and\n"
		"                 report.txt), DIR/crashes (the engines' crash artifacts)\n"
		"  --time S       stop after S seconds (default 60)\n"
		"  --jobs N       parallel fuzzing processes (default 1)\n"
		"  --target T     pipeline (default: the whole pipeline and the verdict)\n"
		"                 or dmar, ivrs (raw DMAR or IVRS bytes into the kernel's\n"
		"                 parsers)\n"
		"  --seeds DIR    more seeds: table files, or bundles (DIR/NAME/sys/...);\n"
		"                 the project's bundles and the real tables in\n"
		"                 ../shared/data/real-tables/{DMAR,IVRS} are used when present\n"
		"  --engine E     libfuzzer (default) or afl: AFL++, one main and\n"
		"                 N-1 secondary afl-fuzz (its files in DIR/afl)\n"
		"  --kernel TREE  fuzz another kernel tree (a directory, or a Debian\n"
		"                 linux-source version such as 6.1): this checkout is built\n"
		"                 against it (kept in the cache, so the next campaign only\n"
		"                 recompiles what changed) and that build's fuzz runs\n"
		"  --cache DIR    where --kernel's builds are kept (default\n"
		"                 $XDG_CACHE_HOME/isofuzz/builds or ~/.cache/isofuzz/builds)\n"
		"  --seeds-only   write the seeds into DIR/corpus, do not fuzz\n"
		"\n"
		"A progress line every 5 s: execs/s, kernel-code coverage, corpus size,\n"
		"findings by property.  Findings are deduplicated by property and\n"
		"signature and written atomically.\n"
		"\n"
		"Findings whose signature corpus/regression/*/explains names are known\n"
		"(listed with the folder that explains them); the others are new.\n"
		"\n"
		"exit status: 0 no new finding, 1 new findings (see DIR/findings), 2 usage,\n"
		"3 internal error\n", kshim_kernel_version);
}

static int mkdir_p(const char *path)
{
	return mkdir(path, 0755) && errno != EEXIST ? -1 : 0;
}

static int dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int empty = 1;

	if (!d)
		return 1;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			empty = 0;
	closedir(d);
	return empty;
}

/* findings by their leading word (P1..P6, crash, ubsan, timeout, oom, kernel, solver) */
static void count_findings(const char *dir, char *out, size_t size)
{
	static const char *const kinds[] = { "P1", "P2", "P3", "P4", "P5", "P6", "crash", "ubsan",
					     "timeout", "oom", "kernel", "solver" };
	const size_t nk = sizeof(kinds) / sizeof(kinds[0]);
	unsigned n[sizeof(kinds) / sizeof(kinds[0])] = { 0 };
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len = 0;

	while (d && (e = readdir(d)))
		for (size_t k = 0; k < nk; k++)
			if (!strncmp(e->d_name, kinds[k], strlen(kinds[k])))
				n[k]++;
	if (d)
		closedir(d);
	out[0] = 0;
	for (size_t k = 0; k < nk && len < size; k++)
		len += snprintf(out + len, size - len, "%s%s %u", k ? " " : "", kinds[k], n[k]);
}

/*
 * libFuzzer's fork-mode status line, "#EXECS: cov: N ft: N corp: N ...",
 * totals over all jobs (the jobs' own lines, "#N NEW ...", are per job).
 */
static void scan_status(const char *line, long *execs, long *cov, long *corp)
{
	const char *p;
	char *end;
	long n = strtol(line + 1, &end, 10);

	if (*end != ':')
		return;
	*execs = n;
	if ((p = strstr(line, "cov: ")))
		*cov = atol(p + 5);
	if ((p = strstr(line, "corp: ")))
		*corp = atol(p + 6);
}

static pid_t child;

static void forward(int sig)
{
	if (child > 0)
		kill(child, sig);
}

/*
 * The signature of a sanitizer report: the first frame in the kernel's
 * code (a file of the tree this build compiled: the extracted Debian tree,
 * or the directory --kernel or verify-patch named), else the first frame
 * at all.
 */
void finding_crash_signature(const char *artifact, const char *report, char *sig, size_t size)
{
	const char *base = strrchr(artifact, '/') ? strrchr(artifact, '/') + 1 : artifact;
	const char *kind = !strncmp(base, "timeout-", 8) ? "timeout" : !strncmp(base, "oom-", 4) ?
			   "oom" : "crash";
	const char *line = report, *first = NULL, *kernel = NULL;

	for (; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *in = strstr(line, " in ");
		const char *eol = strchr(line, '\n');

		if (strncmp(line, "    #", 5) || !in || (eol && in > eol))
			continue;
		if (!first)
			first = in + 4;
		if (!kernel && strstr(line, kshim_kernel_tree) &&
		    (!eol || strstr(line, kshim_kernel_tree) < eol))
			kernel = in + 4;
	}
	line = kernel ? kernel : first;
	if (!line) {
		/* UBSan's reports name a file and line, not frames */
		const char *ub = strstr(report, ": runtime error: ");
		const char *file = ub ? ub : NULL;

		while (file && file > report && file[-1] != '\n' && file[-1] != '/')
			file--;
		if (ub) {
			snprintf(sig, size, "ubsan-%s-%.*s", strstr(report, kshim_kernel_tree) ? "kernel" : "harness",
				 (int)(ub - file), file);
			for (char *c = sig; *c; c++)
				if (*c == ':')
					*c = '-';
		} else {
			snprintf(sig, size, "%s-not-reproduced", kind);
		}
		return;
	}
	snprintf(sig, size, "%s-%s", kind, kernel ? "kernel-" : "harness-");
	if (line) {
		size_t n = strlen(sig), k = 0;

		while (line[k] && line[k] != ' ' && line[k] != '\n' && n + 1 < size)
			sig[n++] = line[k++];
		sig[n] = 0;
	}
}

/* rerun a crash artifact, capture the sanitizer's report, write the finding */
static int crash_finding(const char *target, enum seed_target kind, const char *artifact,
			 const char *findings)
{
	char cmd[8192], sig[256];
	char *report = NULL;
	size_t rlen = 0, n, len = 0;
	FILE *p, *in;
	uint8_t *data = NULL;
	struct g_node *tree;
	struct platform plat;
	int ret = 0;

	if (strchr(artifact, '\'') || strchr(target, '\''))
		return -1;
	snprintf(cmd, sizeof(cmd), "'%s' -runs=1 -timeout=5 -rss_limit_mb=4096 '%s' 2>&1 >/dev/null "
		 "| head -c 65536", target, artifact);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	report = malloc(65537);
	while (report && (n = fread(report + rlen, 1, 65536 - rlen, p)) > 0)
		rlen += n;
	pclose(p);
	if (!report)
		return -1;
	report[rlen] = 0;
	in = fopen(artifact, "rb");
	data = malloc(1 << 20);
	if (in && data)
		len = fread(data, 1, 1 << 20, in);
	if (in)
		fclose(in);
	finding_crash_signature(artifact, report, sig, sizeof(sig));
	/* a raw-table target's input is the table, on the target's small machine */
	tree = kind == SEED_DMAR ? g_platform_small() : kind == SEED_IVRS ? g_platform_small_amd() :
	       g_platform_from_input(data, len);
	if (tree && !g_build(tree, &plat)) {
		uint8_t *copy = kind != SEED_PIPELINE ? malloc(len ? len : 1) : NULL;
		struct finding f = { sig, &plat, tree, data, len, NULL,
				     "a crash or sanitizer report (the log below)", report, rlen };

		if (copy) {
			memcpy(copy, data, len);
			g_platform_set_table(&plat, kind == SEED_IVRS ? "IVRS" : "DMAR", copy, len);
		}
		ret = finding_write(findings, &f);
		platform_release(&plat);
	}
	g_node_free(tree);
	free(data);
	free(report);
	return ret;
}

/*
 * A finding's writer killed mid-way leaves DIR/findings/.tmp-*: never half
 * a finding, but clutter.  Cleared when a campaign starts (one per DIR).
 */
static void remove_stale(const char *dir)
{
	char path[4096], cmd[4200];
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof(path), "%s/findings", dir);
	d = opendir(path);
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, ".tmp-", 5) || strchr(path, '\'') || strchr(e->d_name, '\''))
			continue;
		snprintf(cmd, sizeof(cmd), "rm -rf '%s/%s'", path, e->d_name);
		if (system(cmd))
			fprintf(stderr, "isofuzz fuzz: could not remove %s/%s\n", path, e->d_name);
	}
	if (d)
		closedir(d);
}

/*
 * Each artifact is rerun to sign it (a hang takes the full timeout): at
 * most MAX_RERUNS per campaign, the rest wait for the next (marked .done
 * once processed, so a resumed campaign picks up where this one stopped).
 */
#define MAX_RERUNS 24

void process_crashes(const char *target, enum seed_target kind, const char *dir)
{
	char crashes[4096], findings[4096], path[8192], done[8300];
	DIR *d;
	struct dirent *e;
	unsigned reruns = 0;

	snprintf(crashes, sizeof(crashes), "%s/crashes", dir);
	snprintf(findings, sizeof(findings), "%s/findings", dir);
	d = opendir(crashes);
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, "crash-", 6) && strncmp(e->d_name, "timeout-", 8) &&
		    strncmp(e->d_name, "oom-", 4))
			continue;
		snprintf(path, sizeof(path), "%s/%s", crashes, e->d_name);
		snprintf(done, sizeof(done), "%s.done", path);
		if (strstr(e->d_name, ".done") || !access(done, F_OK))
			continue;
		if (reruns++ == MAX_RERUNS) {
			printf("fuzz: more crash artifacts in %s than one campaign signs; "
			       "the next run continues\n", crashes);
			break;
		}
		if (crash_finding(target, kind, path, findings) >= 0) {
			FILE *f = fopen(done, "w");

			if (f)
				fclose(f);
		}
	}
	if (d)
		closedir(d);
}

static int campaign(const char *target, enum seed_target kind, const char *dir, unsigned secs,
		    unsigned jobs)
{
	char corpus[4096], findings[4096], crashes[4096], t[32], f[32], prefix[4200];
	char line[4096];
	int pipefd[2], status;
	FILE *out;
	long cov = 0, corp = 0, execs = 0;
	time_t start = time(NULL), last = 0;

	snprintf(corpus, sizeof(corpus), "%s/corpus", dir);
	snprintf(findings, sizeof(findings), "%s/findings", dir);
	snprintf(crashes, sizeof(crashes), "%s/crashes", dir);
	snprintf(t, sizeof(t), "-max_total_time=%u", secs);
	snprintf(f, sizeof(f), "-fork=%u", jobs);
	snprintf(prefix, sizeof(prefix), "-artifact_prefix=%s/", crashes);
	printf("fuzz: kernel code from linux %s\n", kshim_kernel_version);
	if (pipe(pipefd))
		return EXIT_INTERNAL;
	child = fork();
	if (child < 0)
		return EXIT_INTERNAL;
	if (!child) {
		dup2(pipefd[1], 2);
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		setenv("ISOFUZZ_FINDINGS", findings, 1);
		execl(target, target, corpus, t, f, "-ignore_crashes=1", "-ignore_timeouts=1",
		      "-ignore_ooms=1", "-timeout=5", "-rss_limit_mb=4096", "-max_len=65536",
		      prefix, "-print_final_stats=1", (char *)NULL);
		fprintf(stderr, "isofuzz: %s: %s\n", target, strerror(errno));
		_exit(EXIT_INTERNAL);
	}
	close(pipefd[1]);
	signal(SIGINT, forward);
	signal(SIGTERM, forward);
	out = fdopen(pipefd[0], "r");
	while (out && fgets(line, sizeof(line), out)) {
		time_t now = time(NULL);

		if (line[0] == '#')
			scan_status(line, &execs, &cov, &corp);
		if (now - last >= 5) {
			last = now;
			fuzz_progress(findings, now - start, now > start ? execs / (now - start) : 0,
				      cov, corp);
		}
	}
	if (out)
		fclose(out);
	waitpid(child, &status, 0);
	child = 0;
	return fuzz_finish(target, kind, dir, secs, execs, cov, corp);
}

void fuzz_progress(const char *findings, long elapsed, long rate, long cov, long corp)
{
	char counts[256];
	unsigned known = 0, fresh = 0;

	count_findings(findings, counts, sizeof(counts));
	known_count(REGRESSION_DIR, findings, &known, &fresh);
	printf("fuzz: %4lds  %6ld execs/s  cov %ld  corpus %ld  findings: new %u known %u (%s)\n",
	       elapsed, rate, cov, corp, fresh, known, counts);
	fflush(stdout);
}

int fuzz_finish(const char *target, enum seed_target kind, const char *dir, unsigned secs,
		long execs, long cov, long corp)
{
	char findings[4096], counts[256];
	unsigned known = 0, fresh = 0;

	snprintf(findings, sizeof(findings), "%s/findings", dir);
	process_crashes(target, kind, dir);
	finding_sweep(findings);
	count_findings(findings, counts, sizeof(counts));
	known_count(REGRESSION_DIR, findings, &known, &fresh);
	printf("fuzz: done: %ld execs in %us (%ld/s)  cov %ld  corpus %ld  findings: new %u known %u (%s)\n",
	       execs, secs, execs / secs, cov, corp, fresh, known, counts);
	known_list(REGRESSION_DIR, findings, stdout);
	printf("fuzz: findings in %s (each: report.txt, and a bundle for isofuzz replay)\n", findings);
	/* a finding the regression corpus explains does not fail a run */
	return fresh ? EXIT_VIOLATION : EXIT_ISOLATED;
}

int cmd_fuzz(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, 'o' }, { "time", required_argument, NULL, 't' },
		{ "jobs", required_argument, NULL, 'j' }, { "engine", required_argument, NULL, 'e' },
		{ "target", required_argument, NULL, 'T' }, { "seeds", required_argument, NULL, 's' },
		{ "kernel", required_argument, NULL, 'k' }, { "cache", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' }, { "seeds-only", no_argument, NULL, 'S' },
		{ 0 }
	};
	const char *out = NULL, *seeds[16], *kernel = NULL, *cache = NULL;
	size_t nr_seeds = 0, user_seeds;
	enum seed_target kind = SEED_PIPELINE;
	unsigned secs = 60, jobs = 1, count;
	char target[4096], path[4200], *end;
	const char *name;
	int c, afl = 0, seeds_only = 0;

	seeds[nr_seeds++] = ISOFUZZ_SOURCE_DIR "/tests/bundles";
	seeds[nr_seeds++] = ISOFUZZ_SOURCE_DIR "/tests/handmade";
	seeds[nr_seeds++] = ISOFUZZ_SOURCE_DIR "/tests/bundles-amd";
	seeds[nr_seeds++] = ISOFUZZ_SOURCE_DIR "/tests/handmade-amd";
	seeds[nr_seeds++] = ISOFUZZ_SOURCE_DIR "/../shared/data/real-tables/DMAR";
	seeds[nr_seeds++] = ISOFUZZ_SOURCE_DIR "/../shared/data/real-tables/IVRS";
	seeds[nr_seeds++] = ISOFUZZ_BINARY_DIR "/corpus/dmar";
	user_seeds = nr_seeds;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:j:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 't':
		case 'j':
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);

			if (errno || *end || !v || v > 1000000) {
				fprintf(stderr, "isofuzz fuzz: --%s %s: want a positive number\n",
					c == 't' ? "time" : "jobs", optarg);
				return EXIT_BAD_INPUT;
			}
			*(c == 't' ? &secs : &jobs) = v;
			break;
		case 'e':
			afl = !strcmp(optarg, "afl");
			if (!afl && strcmp(optarg, "libfuzzer")) {
				fprintf(stderr, "isofuzz fuzz: --engine %s: want libfuzzer or afl\n", optarg);
				return EXIT_BAD_INPUT;
			}
			break;
		case 'T':
			if (!strcmp(optarg, "dmar"))
				kind = SEED_DMAR;
			else if (!strcmp(optarg, "ivrs"))
				kind = SEED_IVRS;
			else if (strcmp(optarg, "pipeline")) {
				fprintf(stderr, "isofuzz fuzz: --target %s: want pipeline, dmar or ivrs\n",
					optarg);
				return EXIT_BAD_INPUT;
			}
			break;
		case 's':
			if (nr_seeds == sizeof(seeds) / sizeof(seeds[0])) {
				fprintf(stderr, "isofuzz fuzz: too many --seeds\n");
				return EXIT_BAD_INPUT;
			}
			seeds[nr_seeds++] = optarg;
			break;
		case 'k':
			kernel = optarg;
			break;
		case 'c':
			cache = optarg;
			break;
		case 'S':
			seeds_only = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (!out || optind != argc || (cache && !kernel)) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (kernel) {
		/* the same options, for the build against the tree (its own default seeds) */
		char secs_s[16], jobs_s[16];
		const char *t = kind == SEED_DMAR ? "dmar" : kind == SEED_IVRS ? "ivrs" : "pipeline";
		char *args[16 + 2 * 16] = { "--out", (char *)out, "--time", secs_s, "--jobs", jobs_s,
					    "--target", (char *)t,
					    "--engine", afl ? "afl" : "libfuzzer" };
		size_t a = 10;

		snprintf(secs_s, sizeof(secs_s), "%u", secs);
		snprintf(jobs_s, sizeof(jobs_s), "%u", jobs);
		for (size_t i = user_seeds; i < nr_seeds; i++) {
			args[a++] = "--seeds";
			args[a++] = (char *)seeds[i];
		}
		args[a] = NULL;
		return fuzz_kernel_exec(kernel, cache, t, args);
	}
	name = kind == SEED_DMAR ? "fuzz_dmar" : kind == SEED_IVRS ? "fuzz_ivrs" : "fuzz_pipeline";
	/* the libFuzzer target, also AFL++'s crash artifacts' signer */
	snprintf(target, sizeof(target), "%s/%s",
		 getenv("ISOFUZZ_TARGET_DIR") ? getenv("ISOFUZZ_TARGET_DIR") : ISOFUZZ_TARGET_DIR, name);
	if (access(target, X_OK)) {
		fprintf(stderr, "isofuzz fuzz: %s: %s (set ISOFUZZ_TARGET_DIR)\n", target, strerror(errno));
		return EXIT_INTERNAL;
	}
	for (const char *sub = ""; sub; sub = !*sub ? "/corpus" : !strcmp(sub, "/corpus") ?
	     "/findings" : !strcmp(sub, "/findings") ? "/crashes" : NULL) {
		snprintf(path, sizeof(path), "%s%s", out, sub);
		if (mkdir_p(path)) {
			fprintf(stderr, "isofuzz fuzz: %s: %s\n", path, strerror(errno));
			return EXIT_BAD_INPUT;
		}
	}
	remove_stale(out);
	snprintf(path, sizeof(path), "%s/corpus", out);
	if (dir_is_empty(path)) {
		if (seed_corpus(path, kind, seeds, nr_seeds, &count)) {
			fprintf(stderr, "isofuzz fuzz: %s: could not write seeds\n", path);
			return EXIT_INTERNAL;
		}
		printf("fuzz: %u seeds in %s\n", count, path);
	} else {
		printf("fuzz: resuming from %s\n", path);
	}
	fflush(stdout);
	if (seeds_only)
		return EXIT_ISOLATED;
	if (afl)
		return afl_campaign(target, name, kind, out, secs, jobs);
	return campaign(target, kind, out, secs, jobs);
}
