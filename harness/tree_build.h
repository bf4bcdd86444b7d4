/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * This checkout's harness built against another kernel tree, one build
 * directory per tree under a cache (~/.cache/isofuzz/builds by default):
 * configured once, then brought up to date by the build system, so a
 * second run recompiles only what changed in the tree.  verify-patch builds
 * its two trees this way, and `fuzz --kernel` its one.
 */
#ifndef ISOFUZZ_TREE_BUILD_H
#define ISOFUZZ_TREE_BUILD_H

#include <limits.h>
#include <stdbool.h>

struct tree_build {
	const char *who;		/* for messages: "verify-patch: --base" */
	const char *arg;		/* as given: a tree or a Debian version */
	char tree[PATH_MAX];		/* the tree's absolute path, or "" for a version */
	char build[PATH_MAX];		/* its build directory in the cache */
	char ktree[PATH_MAX + 64];	/* the kernel files the build compiles */
	char bin[PATH_MAX + 32];	/* build/harness/isofuzz */
	char targets[PATH_MAX + 32];	/* build/harness: the fuzz targets */
};

/* $XDG_CACHE_HOME/isofuzz/builds or ~/.cache/isofuzz/builds; 0 or -1 */
int tree_build_default_cache(char *buf, size_t size);

/*
 * Name arg's build under cache: arg is a kernel tree directory or a
 * linux-source version (6.12).  0, or -1 with a message (bad usage).
 */
int tree_build_resolve(struct tree_build *tb, const char *who, const char *arg,
		       const char *cache);

/*
 * Configure (once) and build targets (NULL-terminated: "isofuzz",
 * "fuzz_pipeline", ...).  0, or -1 with the message and the failed step's
 * last lines on stderr.
 */
int tree_build_make(const struct tree_build *tb, const char *const *targets, bool quiet);

/* mkdir -p; 0 or -1 with errno */
int tree_build_mkdirs(const char *path);

#endif
