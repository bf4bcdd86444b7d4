// SPDX-License-Identifier: GPL-2.0-only
/*
 * Batched replays and the comparison of two builds' replays (replay_compare.h).
 * Both builds run the same harness source, only the kernel code differs,
 * so every difference in what they print is the patch's.
 */
#define _GNU_SOURCE		/* strchrnul */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "known.h"
#include "replay_compare.h"
#include "subprocess.h"

#ifndef ISOFUZZ_SOURCE_DIR
#define ISOFUZZ_SOURCE_DIR "."
#endif

/* At most this many paths per process: argv stays far below ARG_MAX. */
#define BATCH_CHUNK 256

/*
 * What a replay printed, without a sanitizer report's process id,
 * addresses and frames (which differ between any two runs, and between two
 * builds), but with its SUMMARY line, which names the kind and the place;
 * died: the process ended there (its status).
 */
static char *settled_text(const char *p, size_t len, int died)
{
	const char *end = p + len, *cut = end, *sum, *eol;
	size_t keep, sl = 0;
	char *s;

	for (const char *l = p; l < end; l = memchr(l, '\n', end - l), l = l ? l + 1 : end)
		if (end - l > 3 && l[0] == '=' && l[1] == '=' && isdigit((unsigned char)l[2])) {
			cut = l;
			break;
		}
	keep = cut - p;
	sum = memmem(cut, end - cut, "SUMMARY: ", 9);
	if (sum) {
		eol = memchr(sum, '\n', end - sum);
		sl = (size_t)((eol ? eol : end) - sum);
	}
	/* what follows the report (isofuzz's own crash line) is kept too */
	eol = cut < end ? memmem(cut, end - cut, "==ABORTING\n", 11) : NULL;
	s = malloc(len + 96);
	if (s)
		snprintf(s, len + 96, "%.*s%.*s%s%.*s", (int)keep, p, (int)sl, sum ? sum : "",
			 sl ? "\n" : "", eol ? (int)(end - eol - 11) : 0, eol ? eol + 11 : "");
	if (s && died >= 0)
		snprintf(s + strlen(s), 96, "(the replay process died here: exit %d)\n", died);
	return s;
}

/*
 * The build's kernel tree path in what it printed (sanitizer reports and
 * warnings name the kernel's files) as "KTREE": two builds differ in it
 * whatever the patch.
 */
static char *untree(char *text, const char *ktree)
{
	size_t kl = ktree ? strlen(ktree) : 0;
	char *p, *w;

	if (!text || kl < 5)
		return text;
	for (p = w = text; *p;) {
		if (!strncmp(p, ktree, kl)) {
			memcpy(w, "KTREE", 5);	/* no longer than what it replaces */
			w += 5;
			p += kl;
		} else {
			*w++ = *p++;
		}
	}
	*w = 0;
	return text;
}

/*
 * Parse one process's batch output (replay --batch) for paths[from..to):
 * the index of the first path it did not finish.  A path it began and did
 * not finish (the process died) is finished here as crashed.
 */
static size_t parse_batch(const struct captured *c, char *const *paths, size_t from, size_t to,
			  const char *ktree, struct replay_result *res, int *err)
{
	const char *p = c->text, *end = c->text + c->len, *body = NULL;
	size_t i = from;

	while (p < end && i < to) {
		const char *e = strchrnul(p, '\n');
		size_t plen = strlen(paths[i]);

		if (!body && (size_t)(e - p) == 3 + plen && !strncmp(p, "== ", 3) &&
		    !memcmp(p + 3, paths[i], plen)) {
			body = *e ? e + 1 : e;
		} else if (body && !strncmp(p, "== exit ", 8)) {
			res[i].text = untree(settled_text(body, (size_t)(p - body), -1), ktree);
			res[i].status = atoi(p + 8);
			if (!res[i].text)
				*err = -1;
			i++;
			body = NULL;
		}
		p = *e ? e + 1 : e;
	}
	if (body && i < to) {
		res[i].text = untree(settled_text(body, (size_t)(end - body), c->status), ktree);
		res[i].status = EXIT_INTERNAL;
		if (!res[i].text)
			*err = -1;
		i++;
	}
	return i;
}

int replay_batch(const char *bin, const char *ktree, char *const *paths, size_t n, bool inputs,
		 bool fast, struct replay_result *res)
{
	char **argv = calloc(BATCH_CHUNK + 8, sizeof(*argv));
	size_t i = 0;
	int ret = 0;

	if (!argv)
		return -1;
	memset(res, 0, n * sizeof(*res));
	while (i < n && !ret) {
		size_t a = 0, to = i + BATCH_CHUNK < n ? i + BATCH_CHUNK : n, next;
		struct captured c;

		argv[a++] = (char *)bin;
		argv[a++] = "replay";
		argv[a++] = "--batch";
		argv[a++] = "--no-expected";
		argv[a++] = "--all";
		if (inputs)
			argv[a++] = "--input";
		if (fast)
			argv[a++] = "--solver=fast";
		for (size_t k = i; k < to; k++)
			argv[a++] = paths[k];
		argv[a] = NULL;
		if (run_captured(argv, &c)) {
			fprintf(stderr, "isofuzz: cannot run %s: %s\n", bin, strerror(errno));
			ret = -1;
			break;
		}
		next = parse_batch(&c, paths, i, to, ktree, res, &ret);
		if (next == i) {
			/* not even the first path began: the build itself is broken */
			fprintf(stderr, "isofuzz: %s replay --batch printed nothing usable (exit %d):\n%.2000s\n",
				bin, c.status, c.text);
			ret = -1;
		}
		captured_release(&c);
		i = next;
	}
	free(argv);
	return ret;
}

void replay_results_release(struct replay_result *res, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(res[i].text);
}

/* Whether the line (line, len) is among other's lines. */
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
 * A violation line ("    P2: 0000:03:00.0 (group 5) reaches ...") without
 * its group numbers, which shift whenever grouping changes anywhere: the
 * devices name the violation.  A P1 is its pair of functions: which of
 * the IDs both emit the checker shows is a witness, and may change with
 * the groups.
 */
static char *violation_key(const char *line, size_t len)
{
	char *k = malloc(len + 1), *w = k;
	const char *cut;

	if (!k)
		return NULL;
	if (!strncmp(line, "    P1:", 7) &&
	    (cut = memmem(line, len, " share requester ID ", 20)))
		len = (size_t)(cut - line);
	for (size_t i = 0; i < len; i++) {
		if (!strncmp(line + i, " (group ", 8)) {
			const char *close = memchr(line + i, ')', len - i);

			if (close) {
				i = (size_t)(close - line);
				continue;
			}
		}
		/* "P4: group 3 reports isolated MSI, but ...": the group unnumbered */
		if (i + 7 < len && !strncmp(line + i, "group ", 6) && isdigit((unsigned char)line[i + 6])) {
			memcpy(w, "group", 5);
			w += 5;
			for (i += 6; i < len && isdigit((unsigned char)line[i]); i++)
				;
			i--;
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

/* Print mine's violations absent from theirs; how many. */
static int violations_only_in(const char *mine, const char *theirs, const char *what, bool show,
			      FILE *out)
{
	int n = 0;

	for (const char *p = mine; *p;) {
		const char *e = strchrnul(p, '\n');

		if (!has_line(theirs, p, (size_t)(e - p))) {
			if (show)
				fprintf(out, "  %s: %.*s\n", what, (int)(e - p) - 4, p + 4);
			n++;
		}
		p = *e ? e + 1 : e;
	}
	return n;
}

/* Lines of a not among b's, prefixed with sign. */
static void lines_only_in(const char *a, const char *b, char sign, FILE *out)
{
	for (const char *p = a; *p;) {
		const char *e = strchrnul(p, '\n');

		if (!has_line(b, p, (size_t)(e - p)))
			fprintf(out, "  %c %.*s\n", sign, (int)(e - p), p);
		p = *e ? e + 1 : e;
	}
}

/*
 * A crash of the patched build the base build did not have, whose
 * signature (crash_report.c's line) the regression corpus explains: a fault
 * of the base tree's code too (the AMD-Vi writes past last_bdf's tables),
 * which lands in ASan's redzone or in other memory depending on the layout
 * of the run's allocations, so one build crashes where the other did not.
 * The folder's name into name; false when not such a crash.
 */
static bool known_crash(const char *text, char *name, size_t size)
{
	const char *s = strstr(text, "the kernel code crashed: ");
	char sig[128];

	if (!s)
		return false;
	s += strlen("the kernel code crashed: ");
	snprintf(sig, sizeof(sig), "%.*s", (int)strcspn(s, " \n"), s);
	return !known_explained(ISOFUZZ_SOURCE_DIR "/corpus/regression", sig, name, size);
}

int replay_compare(const char *label, const struct replay_result *base,
		   const struct replay_result *patched, bool quiet, FILE *out,
		   bool *differs, struct compare_tally *t)
{
	char *keys[2];
	int introduced = 0;

	t->compared++;
	*differs = base->status != patched->status || strcmp(base->text, patched->text);
	if (!*differs)
		return 0;
	t->differ++;
	fprintf(out, "== %s: differs (exit %d base, %d patched)\n", label, base->status,
		patched->status);
	if (base->status >= EXIT_BAD_INPUT || patched->status >= EXIT_BAD_INPUT)
		t->errors++;
	if (patched->status >= EXIT_INTERNAL && base->status < EXIT_INTERNAL) {
		char name[256];

		if (known_crash(patched->text, name, sizeof(name))) {
			fprintf(out, "  known: the patched build crashes where the base build did not, in a fault of the base tree's code too (corpus/regression/%s): not counted\n",
				name);
			t->known++;
		} else {
			fprintf(out, "  introduced: the patched kernel code fails on this input\n");
			introduced++;
		}
	}
	if (!quiet) {
		lines_only_in(base->text, patched->text, '-', out);
		lines_only_in(patched->text, base->text, '+', out);
	}
	keys[0] = violation_keys(base->text);
	keys[1] = violation_keys(patched->text);
	if (!keys[0] || !keys[1]) {
		free(keys[0]);
		free(keys[1]);
		return -1;
	}
	introduced += violations_only_in(keys[1], keys[0], "introduced", true, out);
	t->fixed += violations_only_in(keys[0], keys[1], "fixed", !quiet, out);
	t->introduced += introduced;
	free(keys[0]);
	free(keys[1]);
	return introduced;
}
