// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz verify-patch: does a change to the kernel's IOMMU or PCI code
 * break isolation?  The harness is built against both trees (each build
 * cached by tree), every bundle of the regression corpus and every
 * --bundle is replayed by both builds, and whatever differs (groups, units,
 * interrupt remapping, reserved regions, the verdict) is shown.  A
 * violation the patched tree has and the base tree has not is introduced
 * by the patch: exit 1.
 *
 * Both builds run the same harness source (this checkout): only the kernel
 * code differs, so every difference is the patch's.
 */
#define _GNU_SOURCE		/* strchrnul */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "subprocess.h"

#ifndef ISOFUZZ_SOURCE_DIR
#error "ISOFUZZ_SOURCE_DIR: the checkout verify-patch builds from"
#endif

/* The regression corpus, relative to the checkout. */
static const char *const corpus_globs[] = {
	"tests/bundles/*/sys", "tests/bundles-amd/*/sys", "tests/handmade/*/sys",
	"corpus/regression/*/sys",
};

struct side {
	const char *name;		/* "base", "patched" */
	const char *arg;		/* as given: a tree or a version */
	char tree[PATH_MAX];		/* absolute tree, or "" for a version */
	char build[PATH_MAX];
	char bin[PATH_MAX + 32];
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz verify-patch --base TREE --patched TREE [--bundle BUNDLE]...\n"
		"                            [--cache DIR] [--quiet]\n"
		"\n"
		"Build the harness against two kernel trees (a directory, or a Debian\n"
		"linux-source version such as 6.12), replay the regression corpus of\n"
		"%s and every BUNDLE with both, and show every\n"
		"bundle whose groups, units, interrupt remapping, reserved regions or\n"
		"verdict differ, with the violations the patch introduces or fixes.\n"
		"\n"
		"  --base TREE      the tree without the change\n"
		"  --patched TREE   the tree with it\n"
		"  --bundle BUNDLE  also replay this bundle (repeatable)\n"
		"  --cache DIR      where the two builds are kept (default\n"
		"                   $XDG_CACHE_HOME/isofuzz/builds or ~/.cache/isofuzz/builds)\n"
		"  --quiet          print only the summary and the introduced violations\n"
		"\n"
		"exit status: 0 no violation introduced, 1 the patch introduces one,\n"
		"2 bad usage or a tree the harness does not build against, 3 internal error\n",
		ISOFUZZ_SOURCE_DIR);
}

static int mkdirs(const char *path)
{
	char buf[PATH_MAX];

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
		return -1;
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0755) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0755) && errno != EEXIST ? -1 : 0;
}

static bool is_version(const char *s)
{
	unsigned int a, b;
	int n = 0;

	return sscanf(s, "%u.%u%n", &a, &b, &n) == 2 && !s[n];
}

/* FNV-1a: a stable name for a tree's build directory. */
static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

static int side_resolve(struct side *s, const char *cache)
{
	const char *base;
	struct stat st;

	if (!stat(s->arg, &st) && S_ISDIR(st.st_mode)) {
		if (!realpath(s->arg, s->tree))
			return -1;
		base = strrchr(s->tree, '/') + 1;
	} else if (is_version(s->arg)) {
		base = s->arg;
	} else {
		fprintf(stderr, "isofuzz: verify-patch: --%s %s: neither a kernel tree directory "
			"nor a linux-source version (such as 6.12)\n", s->name, s->arg);
		return -1;
	}
	if (snprintf(s->build, sizeof(s->build), "%s/%s-%016llx", cache, base,
		     (unsigned long long)fnv1a(s->tree[0] ? s->tree : s->arg)) >= (int)sizeof(s->build)) {
		fprintf(stderr, "isofuzz: verify-patch: %s: path too long\n", cache);
		return -1;
	}
	snprintf(s->bin, sizeof(s->bin), "%s/harness/isofuzz", s->build);
	return 0;
}

/* Print the last lines of what a failed step printed. */
static void tail(const struct captured *c, int lines)
{
	const char *p = c->text + c->len;

	while (p > c->text && lines >= 0)
		if (*--p == '\n')
			lines--;
	fprintf(stderr, "%s", p == c->text ? p : p + 1);
}

static int step(struct side *s, char *const argv[], const char *what)
{
	struct captured c;

	if (run_captured(argv, &c)) {
		fprintf(stderr, "isofuzz: verify-patch: cannot run %s: %s\n", argv[0], strerror(errno));
		return -1;
	}
	if (c.status) {
		fprintf(stderr, "isofuzz: verify-patch: --%s %s: %s failed (exit %d); its last lines:\n",
			s->name, s->arg, what, c.status);
		tail(&c, 15);
		captured_release(&c);
		return -1;
	}
	captured_release(&c);
	return 0;
}

/* Configure once per tree, then let the build system bring it up to date. */
static int side_build(struct side *s, bool quiet)
{
	char cachefile[PATH_MAX + 32], def[PATH_MAX + 32];
	char *configure[] = { "cmake", "-S", ISOFUZZ_SOURCE_DIR, "-B", s->build,
			      "-DCMAKE_C_COMPILER=clang-14", def, NULL };
	char *build[] = { "cmake", "--build", s->build, "--target", "isofuzz", "-j2", NULL };

	if (mkdirs(s->build)) {
		fprintf(stderr, "isofuzz: verify-patch: %s: %s\n", s->build, strerror(errno));
		return -1;
	}
	if (!quiet)
		fprintf(stderr, "isofuzz: verify-patch: building the harness against %s in %s\n",
			s->arg, s->build);
	snprintf(cachefile, sizeof(cachefile), "%s/CMakeCache.txt", s->build);
	if (s->tree[0])
		snprintf(def, sizeof(def), "-DKERNEL_SRC=%s", s->tree);
	else
		snprintf(def, sizeof(def), "-DKERNEL_VERSION=%s", s->arg);
	if (access(cachefile, F_OK) && step(s, configure, "configuring the harness"))
		return -1;
	return step(s, build, "building the harness");
}

/* A line in @text, @len long, and whether it is among @other's lines. */
static bool has_line(const char *other, const char *line, size_t len)
{
	for (const char *p = other; *p;) {
		const char *e = strchrnul(p, '\n');

		if ((size_t)(e - p) == len && !memcmp(p, line, len))
			return true;
		p = *e ? e + 1 : e;
	}
	return false;
}

/*
 * A violation line ("    P2: 0000:03:00.0 (group 5) reaches ...", "    P4:
 * group 2 reports ...") without its group numbers, which shift whenever
 * grouping changes anywhere.
 */
static char *violation_key(const char *line, size_t len)
{
	char *k = malloc(len + 1), *w = k;

	if (!k)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (!strncmp(line + i, " (group ", 8)) {
			const char *close = memchr(line + i, ')', len - i);

			if (close) {
				i = (size_t)(close - line);
				continue;
			}
		}
		if (!strncmp(line + i, "group ", 6) && i + 6 < len && isdigit((unsigned char)line[i + 6])) {
			memcpy(w, "group N", 7);
			w += 7;
			for (i += 6; i + 1 < len && isdigit((unsigned char)line[i + 1]); i++)
				;
			continue;
		}
		*w++ = line[i];
	}
	*w = 0;
	return k;
}

static bool is_violation(const char *line, size_t len)
{
	return len > 7 && !strncmp(line, "    P", 5) && line[5] >= '1' && line[5] <= '6' && line[6] == ':';
}

/* The violation keys of a replay's output, one per line. */
static char *violation_keys(const char *text)
{
	size_t cap = 1, len = 0;
	char *keys = calloc(1, 1);

	for (const char *p = text; keys && *p;) {
		const char *e = strchrnul(p, '\n');
		char *k;

		if (is_violation(p, (size_t)(e - p)) && (k = violation_key(p, (size_t)(e - p)))) {
			size_t kl = strlen(k);
			char *n = len + kl + 2 > cap ? realloc(keys, cap = 2 * (len + kl + 2)) : keys;

			if (!n) {
				free(k);
				free(keys);
				return NULL;
			}
			keys = n;
			memcpy(keys + len, k, kl);
			len += kl;
			keys[len++] = '\n';
			keys[len] = 0;
			free(k);
		}
		p = *e ? e + 1 : e;
	}
	return keys;
}

/* Print @mine's violations absent from @theirs; how many. */
static int violations_only_in(const char *mine, const char *theirs, const char *what, bool show)
{
	int n = 0;

	for (const char *p = mine; *p;) {
		const char *e = strchrnul(p, '\n');

		if (!has_line(theirs, p, (size_t)(e - p))) {
			if (show)
				printf("  %s: %.*s\n", what, (int)(e - p) - 4, p + 4);
			n++;
		}
		p = *e ? e + 1 : e;
	}
	return n;
}

/* Lines of @a not among @b's, prefixed with @sign. */
static void lines_only_in(const char *a, const char *b, char sign)
{
	for (const char *p = a; *p;) {
		const char *e = strchrnul(p, '\n');

		if (!has_line(b, p, (size_t)(e - p)))
			printf("  %c %.*s\n", sign, (int)(e - p), p);
		p = *e ? e + 1 : e;
	}
}

struct tally {
	int bundles, differ, introduced, fixed, errors;
};

static int compare_bundle(struct side s[2], const char *bundle, bool quiet, struct tally *t)
{
	struct captured out[2];
	char *keys[2] = { NULL, NULL };
	int ret = 0;

	for (int i = 0; i < 2; i++) {
		char *argv[] = { s[i].bin, "replay", "--no-expected", "--all", (char *)bundle, NULL };

		if (run_captured(argv, &out[i])) {
			fprintf(stderr, "isofuzz: verify-patch: cannot run %s: %s\n", s[i].bin, strerror(errno));
			if (i)
				captured_release(&out[0]);
			return -1;
		}
	}
	t->bundles++;
	if (out[0].status == out[1].status && !strcmp(out[0].text, out[1].text))
		goto out;
	t->differ++;
	printf("== %s: differs (exit %d base, %d patched)\n", bundle, out[0].status, out[1].status);
	if (out[0].status >= EXIT_BAD_INPUT || out[1].status >= EXIT_BAD_INPUT)
		t->errors++;
	if (out[1].status >= EXIT_INTERNAL && out[0].status < EXIT_INTERNAL) {
		printf("  introduced: the patched kernel code fails on this bundle\n");
		t->introduced++;
	}
	if (!quiet) {
		lines_only_in(out[0].text, out[1].text, '-');
		lines_only_in(out[1].text, out[0].text, '+');
	}
	keys[0] = violation_keys(out[0].text);
	keys[1] = violation_keys(out[1].text);
	if (!keys[0] || !keys[1]) {
		ret = -1;
		goto out;
	}
	t->introduced += violations_only_in(keys[1], keys[0], "introduced", true);
	t->fixed += violations_only_in(keys[0], keys[1], "fixed", !quiet);
out:
	free(keys[0]);
	free(keys[1]);
	captured_release(&out[0]);
	captured_release(&out[1]);
	return ret;
}

static int default_cache(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n;

	if (xdg && *xdg)
		n = snprintf(buf, size, "%s/isofuzz/builds", xdg);
	else
		n = snprintf(buf, size, "%s/.cache/isofuzz/builds", home && *home ? home : "/tmp");
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int cmd_verify_patch(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "base", required_argument, NULL, 'b' },
		{ "patched", required_argument, NULL, 'p' },
		{ "bundle", required_argument, NULL, 'B' },
		{ "cache", required_argument, NULL, 'c' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	struct side s[2] = { { .name = "base" }, { .name = "patched" } };
	char cache[PATH_MAX] = "";
	struct tally t = { 0 };
	glob_t g = { 0 };
	bool quiet = false;
	int c, ret = EXIT_INTERNAL, gflags = 0;
	const char **extra = calloc((size_t)argc, sizeof(*extra));	/* --bundle */
	size_t nr_extra = 0;

	if (!extra)
		return EXIT_INTERNAL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'b': s[0].arg = optarg; break;
		case 'p': s[1].arg = optarg; break;
		case 'c': snprintf(cache, sizeof(cache), "%s", optarg); break;
		case 'q': quiet = true; break;
		case 'B': {
			struct stat st;
			char sys[PATH_MAX];

			snprintf(sys, sizeof(sys), "%s/sys", optarg);
			if (stat(sys, &st) || !S_ISDIR(st.st_mode)) {
				fprintf(stderr, "isofuzz: verify-patch: --bundle %s: not a bundle (no sys/ in it)\n",
					optarg);
				free(extra);
				return EXIT_BAD_INPUT;
			}
			extra[nr_extra++] = optarg;
			break;
		}
		case 'h':
			usage(stdout);
			free(extra);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			free(extra);
			return EXIT_BAD_INPUT;
		}
	}
	ret = EXIT_BAD_INPUT;
	if (!s[0].arg || !s[1].arg || optind != argc) {
		usage(stderr);
		goto out;
	}
	if (!cache[0] && default_cache(cache, sizeof(cache))) {
		fprintf(stderr, "isofuzz: verify-patch: no cache directory: set --cache\n");
		goto out;
	}
	for (int i = 0; i < 2; i++)
		if (side_resolve(&s[i], cache))
			goto out;
	if (!strcmp(s[0].build, s[1].build)) {
		fprintf(stderr, "isofuzz: verify-patch: --base and --patched name the same tree\n");
		goto out;
	}
	for (int i = 0; i < 2; i++)
		if (side_build(&s[i], quiet))
			goto out;
	ret = EXIT_INTERNAL;

	for (size_t i = 0; i < sizeof(corpus_globs) / sizeof(corpus_globs[0]); i++) {
		char pat[PATH_MAX];

		snprintf(pat, sizeof(pat), "%s/%s", ISOFUZZ_SOURCE_DIR, corpus_globs[i]);
		if (!glob(pat, gflags, NULL, &g))
			gflags = GLOB_APPEND;
	}
	for (size_t i = 0; i < g.gl_pathc; i++) {
		char *bundle = g.gl_pathv[i];

		bundle[strlen(bundle) - 4] = 0;		/* drop "/sys" */
		if (compare_bundle(s, bundle, quiet, &t))
			goto out;
	}
	for (size_t i = 0; i < nr_extra; i++)
		if (compare_bundle(s, extra[i], quiet, &t))
			goto out;
	printf("verify-patch: %d bundles, %d differ; %d violations introduced, %d fixed%s\n",
	       t.bundles, t.differ, t.introduced, t.fixed,
	       t.errors ? "; some bundles failed to replay (see above)" : "");
	ret = t.introduced ? EXIT_VIOLATION : EXIT_ISOLATED;
out:
	globfree(&g);
	free(extra);
	return ret;
}
