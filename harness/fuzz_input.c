// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "fuzz_input.h"
#include "grammar.h"

int fuzz_input_load(struct bundle *b, const char *path, struct diag *d)
{
	size_t len = 0;
	unsigned char *data;
	struct g_node *tree;
	int ret;

	memset(b, 0, sizeof(*b));
	b->path = strdup(path);
	if (!b->path) {
		diag_set(d, path, NULL, "out of memory");
		return -1;
	}
	data = bundle_read_file(path, FUZZ_INPUT_MAX, &len, d);
	if (!data)
		return -1;
	tree = g_platform_from_input(data, len);
	free(data);
	if (!tree) {
		diag_set(d, path, NULL, "out of memory");
		return -1;
	}
	ret = g_build(tree, &b->platform);
	g_node_free(tree);
	if (ret > 0)
		diag_set(d, path, NULL, "the platform this input makes has no PCI function "
			 "(the fuzz target does not run it)");
	else if (ret < 0)
		diag_set(d, path, NULL, "out of memory");
	return ret ? -1 : 0;
}
