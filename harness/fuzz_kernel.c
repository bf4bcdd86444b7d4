// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz fuzz --kernel TREE: the same campaign, against another kernel
 * tree.  The kernel code is compiled into the fuzz targets, so another
 * tree means another build: this checkout built against TREE (cached,
 * tree_build.c, as verify-patch builds its trees), and that build's own
 * `isofuzz fuzz` run with the same options.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz_kernel.h"
#include "tree_build.h"

int fuzz_kernel_exec(const char *tree, const char *cache_arg, const char *target,
		     char *const *args)
{
	char cache[PATH_MAX], fuzz_target[64];
	/* AFL++'s targets are a sub-build of their own (harness/afl/) */
	const char *targets[] = { "isofuzz", fuzz_target, NULL, NULL };
	struct tree_build tb;
	const char **argv;
	size_t n = 0;

	snprintf(fuzz_target, sizeof(fuzz_target), "fuzz_%s", target);
	for (size_t i = 0; args[i]; i++)
		if (!strcmp(args[i], "--engine") && args[i + 1] && !strcmp(args[i + 1], "afl"))
			targets[2] = "afl-targets";
	if (cache_arg)
		snprintf(cache, sizeof(cache), "%s", cache_arg);
	else if (tree_build_default_cache(cache, sizeof(cache))) {
		fprintf(stderr, "isofuzz fuzz: no cache directory: set --cache\n");
		return EXIT_BAD_INPUT;
	}
	if (tree_build_resolve(&tb, "fuzz: --kernel", tree, cache) ||
	    tree_build_make(&tb, targets, false))
		return EXIT_BAD_INPUT;
	while (args[n])
		n++;
	argv = calloc(n + 3, sizeof(*argv));
	if (!argv)
		return EXIT_INTERNAL;
	argv[0] = tb.bin;
	argv[1] = "fuzz";
	memcpy(argv + 2, args, n * sizeof(*argv));
	printf("fuzz: --kernel %s: the harness built against it in %s\n", tree, tb.build);
	fflush(stdout);
	/* that build's fuzz targets, not the ones a caller pointed this isofuzz at */
	unsetenv("ISOFUZZ_TARGET_DIR");
	execv(tb.bin, (char *const *)argv);
	fprintf(stderr, "isofuzz fuzz: %s: %s\n", tb.bin, strerror(errno));
	free(argv);
	return EXIT_INTERNAL;
}
