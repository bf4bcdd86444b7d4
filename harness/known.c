// SPDX-License-Identifier: GPL-2.0-only
/*
 * Known findings: a finding whose signature the regression corpus explains
 * (corpus/regression/NAME/explains, shell globs one a line) is known; a
 * campaign counts known and new apart so that CI fails on new ones only.
 */
#include <dirent.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

#include "known.h"

/* the corpus folder whose explains matches sig, into name; 0 found, -1 not */
int known_explained(const char *corpus, const char *sig, char *name, size_t size)
{
	DIR *d = opendir(corpus);
	struct dirent *e;
	int found = -1;

	while (d && found && (e = readdir(d))) {
		char path[4096], line[256];
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/explains", corpus, e->d_name);
		f = fopen(path, "r");
		while (f && found && fgets(line, sizeof(line), f)) {
			line[strcspn(line, "\r\n")] = 0;
			if (line[0] && line[0] != '#' && !fnmatch(line, sig, 0)) {
				snprintf(name, size, "%s", e->d_name);
				found = 0;
			}
		}
		if (f)
			fclose(f);
	}
	if (d)
		closedir(d);
	return found;
}

/* known and new findings in a findings folder */
void known_count(const char *corpus, const char *findings, unsigned *known, unsigned *fresh)
{
	DIR *d = opendir(findings);
	struct dirent *e;
	char name[256];

	*known = *fresh = 0;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			(*(known_explained(corpus, e->d_name, name, sizeof(name)) ? fresh : known))++;
	if (d)
		closedir(d);
}

/* one line per finding: "fuzz: new SIG" or "fuzz: known SIG (corpus/regression/NAME/README.md)" */
void known_list(const char *corpus, const char *findings, FILE *out)
{
	DIR *d = opendir(findings);
	struct dirent *e;
	char name[256];

	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (known_explained(corpus, e->d_name, name, sizeof(name)))
			fprintf(out, "fuzz: new   %s\n", e->d_name);
		else
			fprintf(out, "fuzz: known %s (%s/%s/README.md)\n", e->d_name, corpus, name);
	}
	if (d)
		closedir(d);
}
