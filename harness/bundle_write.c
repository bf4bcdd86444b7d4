// SPDX-License-Identifier: GPL-2.0-only
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle_write.h"

/* mkdir -p of path's folders (everything before the last '/'). */
static int make_parents(char *path, struct diag *d)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = 0;
		if (mkdir(path, 0755) && errno != EEXIST) {
			diag_set(d, path, NULL, "cannot make folder: %s", strerror(errno));
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

int bundle_create(const char *root, struct diag *d)
{
	char *path = malloc(strlen(root) + 2);
	DIR *dir;
	struct dirent *e;
	int ret = 0;

	if (!path) {
		diag_set(d, root, NULL, "out of memory");
		return -1;
	}
	sprintf(path, "%s/", root);
	if (make_parents(path, d)) {
		free(path);
		return -1;
	}
	free(path);
	dir = opendir(root);
	if (!dir) {
		diag_set(d, root, NULL, "%s", strerror(errno));
		return -1;
	}
	while ((e = readdir(dir)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			diag_set(d, root, NULL, "not empty: a bundle is written into a new folder");
			ret = -1;
			break;
		}
	closedir(dir);
	return ret;
}

int bundle_write(const char *root, const char *rel, const void *data, size_t len, struct diag *d)
{
	size_t n = strlen(root) + strlen(rel) + 2;
	char *path = malloc(n);
	FILE *f;
	int ret = -1, bad;

	if (!path) {
		diag_set(d, root, NULL, "out of memory");
		return -1;
	}
	snprintf(path, n, "%s/%s", root, rel);
	if (make_parents(path, d))
		goto out;
	f = fopen(path, "wb");
	if (!f) {
		diag_set(d, path, NULL, "cannot write: %s", strerror(errno));
		goto out;
	}
	bad = fwrite(data, 1, len, f) != len;
	bad |= fclose(f) != 0;	/* always closed, whether the write went */
	if (bad) {
		diag_set(d, path, NULL, "cannot write: %s", strerror(errno));
		goto out;
	}
	ret = 0;
out:
	free(path);
	return ret;
}

void bundle_table_name(const struct platform_table *tables, size_t n, size_t i, char *name)
{
	size_t instance = 0, total = 0;

	for (size_t k = 0; k < n; k++)
		if (!memcmp(tables[k].signature, tables[i].signature, 4)) {
			total++;
			if (k <= i)
				instance++;
		}
	if (total > 1)
		snprintf(name, 16, "%.4s%zu", tables[i].signature, instance);
	else
		snprintf(name, 16, "%.4s", tables[i].signature);
}
