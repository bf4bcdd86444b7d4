// SPDX-License-Identifier: GPL-2.0-only
/*
 * The harness of this checkout built against a kernel tree, cached per
 * tree (tree_build.h).  Both kinds of tree argument end up as the cmake
 * options a person would give by hand: -DKERNEL_SRC=TREE or
 * -DKERNEL_VERSION=6.12.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "subprocess.h"
#include "tree_build.h"

#ifndef ISOFUZZ_SOURCE_DIR
#error "ISOFUZZ_SOURCE_DIR: the checkout the trees are built with"
#endif

int tree_build_mkdirs(const char *path)
{
	char buf[PATH_MAX];

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
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

int tree_build_default_cache(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n;

	if (xdg && *xdg)
		n = snprintf(buf, size, "%s/isofuzz/builds", xdg);
	else
		n = snprintf(buf, size, "%s/.cache/isofuzz/builds", home && *home ? home : "/tmp");
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

static bool is_version(const char *s)
{
	unsigned int a, b;
	int n = 0;

	return sscanf(s, "%u.%u%n", &a, &b, &n) == 2 && !s[n];
}

int tree_build_resolve(struct tree_build *tb, const char *who, const char *arg,
		       const char *cache)
{
	const char *base, *id;
	struct stat st;

	memset(tb, 0, sizeof(*tb));
	tb->who = who;
	tb->arg = arg;
	if (!stat(arg, &st) && S_ISDIR(st.st_mode)) {
		if (!realpath(arg, tb->tree)) {
			fprintf(stderr, "isofuzz: %s %s: %s\n", who, arg, strerror(errno));
			return -1;
		}
		base = strrchr(tb->tree, '/') + 1;
	} else if (is_version(arg)) {
		base = arg;
	} else {
		fprintf(stderr, "isofuzz: %s %s: neither a kernel tree directory "
			"nor a linux-source version (such as 6.12)\n", who, arg);
		return -1;
	}
	/* one build per tree and checkout: two checkouts sharing a cache each get theirs */
	id = tb->tree[0] ? tb->tree : arg;
	if (snprintf(tb->build, sizeof(tb->build), "%s/%s-%016llx", cache, base,
		     (unsigned long long)(fnv1a(id, strlen(id)) ^
					  fnv1a(ISOFUZZ_SOURCE_DIR, strlen(ISOFUZZ_SOURCE_DIR)))) >=
	    (int)sizeof(tb->build)) {
		fprintf(stderr, "isofuzz: %s: %s: path too long\n", who, cache);
		return -1;
	}
	snprintf(tb->bin, sizeof(tb->bin), "%s/harness/isofuzz", tb->build);
	/* where kmod-stubs/tree.sh puts a version's files, or the tree itself */
	if (tb->tree[0])
		snprintf(tb->ktree, sizeof(tb->ktree), "%s", tb->tree);
	else
		snprintf(tb->ktree, sizeof(tb->ktree), "%s/ktree/linux-source-%s", tb->build, arg);
	snprintf(tb->targets, sizeof(tb->targets), "%s/harness", tb->build);
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

static int step(const struct tree_build *tb, char *const argv[], const char *what)
{
	struct captured c;

	if (run_captured(argv, &c)) {
		fprintf(stderr, "isofuzz: %s: cannot run %s: %s\n", tb->who, argv[0], strerror(errno));
		return -1;
	}
	if (c.status) {
		fprintf(stderr, "isofuzz: %s %s: %s failed (exit %d); its last lines:\n",
			tb->who, tb->arg, what, c.status);
		tail(&c, 15);
		captured_release(&c);
		return -1;
	}
	captured_release(&c);
	return 0;
}

int tree_build_make(const struct tree_build *tb, const char *const *targets, bool quiet)
{
	char cachefile[PATH_MAX + 32], def[PATH_MAX + 32];
	char *configure[] = { "cmake", "-S", ISOFUZZ_SOURCE_DIR, "-B", (char *)tb->build,
			      "-DCMAKE_C_COMPILER=clang-14", def, NULL };
	char *build[24] = { "cmake", "--build", (char *)tb->build, "-j2", "--target" };
	size_t n = 5;

	for (size_t i = 0; targets[i] && n < sizeof(build) / sizeof(build[0]) - 1; i++)
		build[n++] = (char *)targets[i];
	build[n] = NULL;
	if (tree_build_mkdirs(tb->build)) {
		fprintf(stderr, "isofuzz: %s: %s: %s\n", tb->who, tb->build, strerror(errno));
		return -1;
	}
	if (!quiet)
		fprintf(stderr, "isofuzz: %s: building the harness against %s in %s\n",
			tb->who, tb->arg, tb->build);
	snprintf(cachefile, sizeof(cachefile), "%s/CMakeCache.txt", tb->build);
	if (tb->tree[0])
		snprintf(def, sizeof(def), "-DKERNEL_SRC=%s", tb->tree);
	else
		snprintf(def, sizeof(def), "-DKERNEL_VERSION=%s", tb->arg);
	if (access(cachefile, F_OK) && step(tb, configure, "configuring the harness"))
		return -1;
	return step(tb, build, "building the harness");
}
