// SPDX-License-Identifier: GPL-2.0-only
/*
 * verify-patch's fuzzing half (verify_fuzz.h).  The difference is found on
 * inputs, not on campaigns: two campaigns never explore alike, so comparing
 * their findings would mostly show the fuzzer's luck.  Instead every input
 * either campaign kept runs through both builds.
 *
 * Each input is first read by this process's grammar and written back in
 * the serialized form (IFZ1), which both builds then parse alike: a raw
 * input is the generator's choice stream, and the generator's dictionary of
 * vendor/device IDs comes from each tree's quirks.c, so a patch to the
 * quirk tables would otherwise make the same bytes two different machines.
 */
#define _GNU_SOURCE		/* open_memstream */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "bundle_write.h"
#include "diag.h"
#include "exec_log.h"
#include "fuzz_input.h"
#include "grammar.h"
#include "hash.h"
#include "subprocess.h"
#include "verify_fuzz.h"

#define NEVER UINT64_MAX

static const char *const side_name[2] = { "base", "patched" };

struct input {
	uint64_t hash;			/* of the serialized form */
	uint64_t ms[2];			/* first run by each campaign, from its start; NEVER */
	uint8_t *data;			/* the serialized form */
	size_t len;
	char *path;			/* OUT/inputs/HASH */
};

struct inputs {
	struct input *v;
	size_t nr, cap;
};

struct campaign {
	char dir[PATH_MAX];
	uint64_t start_ms;
	struct exec_log log;
};

static int campaign_run(const struct tree_build *tb, int side, const struct verify_fuzz *o,
			struct campaign *c)
{
	char secs[16], log[PATH_MAX + 16];
	const char *argv[64] = { tb->bin, "fuzz", "--out", c->dir, "--time", secs };
	size_t a = 6;
	struct captured out;
	const char *done;

	snprintf(secs, sizeof(secs), "%u", o->secs);
	for (size_t i = 0; i < o->nr_seeds && a + 3 < sizeof(argv) / sizeof(argv[0]); i++) {
		argv[a++] = "--seeds";
		argv[a++] = o->seeds[i];
	}
	argv[a] = NULL;
	snprintf(log, sizeof(log), "%s/executed", c->dir);
	if (tree_build_mkdirs(c->dir)) {
		fprintf(stderr, "isofuzz: verify-patch: %s: %s\n", c->dir, strerror(errno));
		return -1;
	}
	if (!o->quiet)
		fprintf(stderr, "isofuzz: verify-patch: fuzzing the %s build for %u s in %s\n",
			side_name[side], o->secs, c->dir);
	/* the build's own fuzz targets, and when each input first ran */
	unsetenv("ISOFUZZ_TARGET_DIR");
	setenv(EXEC_LOG_ENV, log, 1);
	c->start_ms = exec_log_now_ms();
	if (run_captured((char *const *)argv, &out)) {
		fprintf(stderr, "isofuzz: verify-patch: cannot run %s: %s\n", tb->bin, strerror(errno));
		unsetenv(EXEC_LOG_ENV);
		return -1;
	}
	unsetenv(EXEC_LOG_ENV);
	if (out.status > EXIT_VIOLATION) {
		fprintf(stderr, "isofuzz: verify-patch: the %s campaign failed (exit %d):\n%s",
			side_name[side], out.status, out.text);
		captured_release(&out);
		return -1;
	}
	done = strstr(out.text, "fuzz: done: ");
	if (done && !o->quiet)
		fprintf(stderr, "isofuzz: verify-patch: %s: %.*s\n", side_name[side],
			(int)strcspn(done, "\n"), done);
	captured_release(&out);
	if (exec_log_read(&c->log, log)) {
		fprintf(stderr, "isofuzz: verify-patch: %s: out of memory\n", log);
		return -1;
	}
	return 0;
}

/* An input a campaign kept: serialized, and its times in both campaigns. */
static int input_add(struct inputs *in, const char *path, const struct campaign c[2])
{
	struct diag d;
	size_t len = 0, slen;
	uint8_t *data = bundle_read_file(path, FUZZ_INPUT_MAX, &len, &d);
	uint64_t raw;
	struct g_node *tree;
	struct platform p;
	uint8_t *ser;
	struct input *x;
	int runs;

	if (!data)
		return 0;	/* a file that vanished or grew past the limit: not an input */
	raw = fnv1a(data, len);
	tree = g_platform_from_input(data, len);
	free(data);
	if (!tree)
		return -1;
	/* the target skips a platform without a PCI function: so do we */
	runs = g_build(tree, &p);
	if (runs < 0) {
		g_node_free(tree);
		return -1;
	}
	if (!runs)
		platform_release(&p);
	ser = runs ? NULL : g_serialize(tree, &slen);
	g_node_free(tree);
	if (runs)
		return 0;
	if (!ser)
		return -1;
	if (in->nr == in->cap) {
		struct input *v = realloc(in->v, (in->cap = in->cap ? 2 * in->cap : 256) * sizeof(*v));

		if (!v) {
			free(ser);
			return -1;
		}
		in->v = v;
	}
	x = &in->v[in->nr++];
	memset(x, 0, sizeof(*x));
	x->hash = fnv1a(ser, slen);
	x->data = ser;
	x->len = slen;
	for (int s = 0; s < 2; s++) {
		uint64_t ms = exec_log_first(&c[s].log, raw);

		x->ms[s] = ms == NEVER ? NEVER : ms > c[s].start_ms ? ms - c[s].start_ms : 0;
	}
	return 0;
}

/* Every input a campaign folder holds: its corpus, its findings' inputs, its crash artifacts */
static int collect(struct inputs *in, const char *dir, const struct campaign c[2])
{
	static const char *const subs[] = { "corpus", "findings", "crashes" };
	char sub[PATH_MAX + 16], path[2 * PATH_MAX];

	for (size_t k = 0; k < 3; k++) {
		DIR *d;
		struct dirent *e;

		snprintf(sub, sizeof(sub), "%s/%s", dir, subs[k]);
		d = opendir(sub);
		while (d && (e = readdir(d))) {
			size_t nl = strlen(e->d_name);

			if (e->d_name[0] == '.' || (nl > 5 && !strcmp(e->d_name + nl - 5, ".done")))
				continue;
			snprintf(path, sizeof(path), k == 1 ? "%s/%s/input" : "%s/%s", sub, e->d_name);
			if (input_add(in, path, c)) {
				closedir(d);
				return -1;
			}
		}
		if (d)
			closedir(d);
	}
	return 0;
}

static int by_hash(const void *a, const void *b)
{
	const struct input *x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* First run by the patched campaign first; inputs only the base ran last. */
static int by_time(const void *a, const void *b)
{
	const struct input *x = a, *y = b;

	if (x->ms[1] != y->ms[1])
		return x->ms[1] < y->ms[1] ? -1 : 1;
	if (x->ms[0] != y->ms[0])
		return x->ms[0] < y->ms[0] ? -1 : 1;
	return by_hash(a, b);
}

/* One entry per serialized input, the earliest times of its copies. */
static void dedup(struct inputs *in)
{
	size_t w = 0;

	qsort(in->v, in->nr, sizeof(*in->v), by_hash);
	for (size_t r = 0; r < in->nr; r++) {
		if (w && in->v[w - 1].hash == in->v[r].hash) {
			for (int s = 0; s < 2; s++)
				if (in->v[r].ms[s] < in->v[w - 1].ms[s])
					in->v[w - 1].ms[s] = in->v[r].ms[s];
			free(in->v[r].data);
			continue;
		}
		in->v[w++] = in->v[r];
	}
	in->nr = w;
	qsort(in->v, in->nr, sizeof(*in->v), by_time);
}

static int write_inputs(struct inputs *in, const char *dir)
{
	for (size_t i = 0; i < in->nr; i++) {
		struct input *x = &in->v[i];
		FILE *f;

		if (asprintf(&x->path, "%s/%016llx", dir, (unsigned long long)x->hash) < 0) {
			x->path = NULL;
			return -1;
		}
		f = fopen(x->path, "wb");
		if (!f || fwrite(x->data, 1, x->len, f) != x->len || fclose(f)) {
			fprintf(stderr, "isofuzz: verify-patch: %s: %s\n", x->path, strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void label(const struct input *x, char *buf, size_t size)
{
	if (x->ms[1] != NEVER)
		snprintf(buf, size, "input %016llx (patched campaign at %.1f s)",
			 (unsigned long long)x->hash, x->ms[1] / 1000.0);
	else
		snprintf(buf, size, "input %016llx (base campaign only, at %.1f s)",
			 (unsigned long long)x->hash, x->ms[0] / 1000.0);
}

/*
 * OUT/differ/HASH: the input's platform as a bundle (replay it with either
 * build), the input, and what differs; written aside and renamed into place.
 */
static int write_differ(const char *dir, const struct input *x, const struct tree_build tb[2],
			const char *diff)
{
	char final[PATH_MAX + 32], tmp[PATH_MAX + 32], path[PATH_MAX + 64];
	struct bundle b;
	struct diag d;
	FILE *f;

	snprintf(final, sizeof(final), "%s/%016llx", dir, (unsigned long long)x->hash);
	snprintf(tmp, sizeof(tmp), "%s/.tmp-%016llx", dir, (unsigned long long)x->hash);
	if (fuzz_input_load(&b, x->path, &d) || bundle_write_platform(&b.platform, tmp, &d)) {
		diag_print(&d);
		bundle_release(&b);
		return -1;
	}
	bundle_release(&b);
	snprintf(path, sizeof(path), "%s/input", tmp);
	f = fopen(path, "wb");
	if (!f || fwrite(x->data, 1, x->len, f) != x->len || fclose(f))
		goto fail;
	snprintf(path, sizeof(path), "%s/differ.txt", tmp);
	f = fopen(path, "w");
	if (!f)
		goto fail;
	fprintf(f, "isofuzz verify-patch: the builds against these trees replay this input differently\n"
		"  base:    %s\n  patched: %s\n"
		"replay: isofuzz replay DIR (this bundle), or isofuzz replay --input DIR/input,\n"
		"        with each tree's build (%s, %s)\n\n%s",
		tb[0].arg, tb[1].arg, tb[0].bin, tb[1].bin, diff);
	if (fclose(f) || rename(tmp, final))
		goto fail;
	return 0;
fail:
	fprintf(stderr, "isofuzz: verify-patch: %s: %s\n", path, strerror(errno));
	return -1;
}

static int compare_all(const struct inputs *in, const struct tree_build tb[2], const char *out,
		       bool quiet, struct compare_tally *t)
{
	struct replay_result *res[2] = { calloc(in->nr + 1, sizeof(**res)),
					 calloc(in->nr + 1, sizeof(**res)) };
	char **paths = calloc(in->nr + 1, sizeof(*paths));
	char differ[PATH_MAX + 16], lab[96];
	const struct input *first = NULL;
	char *first_line = NULL;
	int ret = -1, nr_differ = 0, introduced = 0, fixed = t->fixed, known = t->known;

	snprintf(differ, sizeof(differ), "%s/differ", out);
	if (!res[0] || !res[1] || !paths || tree_build_mkdirs(differ))
		goto out;
	for (size_t i = 0; i < in->nr; i++)
		paths[i] = in->v[i].path;
	for (int s = 0; s < 2; s++)
		if (replay_batch(tb[s].bin, tb[s].ktree, paths, in->nr, true, true, res[s]))
			goto out;
	for (size_t i = 0; i < in->nr; i++) {
		char *text = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&text, &len);
		bool differs;
		int n;

		if (!m)
			goto out;
		label(&in->v[i], lab, sizeof(lab));
		/* differ.txt gets every line; the terminal, when quiet, the introduced */
		n = replay_compare(lab, &res[0][i], &res[1][i], false, m, &differs, t);
		fclose(m);
		if (n < 0 || !text) {
			free(text);
			goto out;
		}
		if (differs) {
			for (const char *l = text; *l; l += strcspn(l, "\n") + !!l[strcspn(l, "\n")])
				if (!quiet || !strncmp(l, "== ", 3) || !strncmp(l, "  introduced: ", 14))
					printf("%.*s\n", (int)strcspn(l, "\n"), l);
			nr_differ++;
			introduced += n;
			if (n && !first) {
				const char *l = strstr(text, "  introduced: ");

				first = &in->v[i];
				first_line = l ? strndup(l + 14, strcspn(l + 14, "\n")) : NULL;
			}
			if (write_differ(differ, &in->v[i], tb, text)) {
				free(text);
				goto out;
			}
		}
		free(text);
	}
	printf("verify-patch: fuzzing: %zu inputs kept by the two campaigns, %d differ; "
	       "%d violations introduced, %d fixed, %d known crashes (each input in %s)\n",
	       in->nr, nr_differ, introduced, t->fixed - fixed, t->known - known, differ);
	if (first && first->ms[1] != NEVER)
		printf("verify-patch: first introduced at %.1f s into the patched campaign: %s (%s/%016llx)\n",
		       first->ms[1] / 1000.0, first_line ? first_line : "?", differ,
		       (unsigned long long)first->hash);
	else if (first)
		printf("verify-patch: introduced only on inputs of the base campaign, first at %.1f s: %s "
		       "(%s/%016llx)\n", first->ms[0] / 1000.0, first_line ? first_line : "?", differ,
		       (unsigned long long)first->hash);
	ret = 0;
out:
	for (int s = 0; s < 2; s++) {
		if (res[s])
			replay_results_release(res[s], in->nr);
		free(res[s]);
	}
	free(paths);
	free(first_line);
	return ret;
}

int verify_fuzz_run(const struct tree_build tb[2], const struct verify_fuzz *o,
		    struct compare_tally *t)
{
	struct campaign c[2];
	struct inputs in = { 0 };
	char dir[PATH_MAX + 16];
	int ret = -1;

	memset(c, 0, sizeof(c));
	for (int s = 0; s < 2; s++)
		snprintf(c[s].dir, sizeof(c[s].dir), "%s/fuzz-%s", o->out, side_name[s]);
	/* one campaign at a time: each gets the machine the other had */
	for (int s = 1; s >= 0; s--)
		if (campaign_run(&tb[s], s, o, &c[s]))
			goto out;
	snprintf(dir, sizeof(dir), "%s/inputs", o->out);
	if (tree_build_mkdirs(dir)) {
		fprintf(stderr, "isofuzz: verify-patch: %s: %s\n", dir, strerror(errno));
		goto out;
	}
	for (int s = 1; s >= 0; s--)
		if (collect(&in, c[s].dir, c)) {
			fprintf(stderr, "isofuzz: verify-patch: %s: out of memory\n", c[s].dir);
			goto out;
		}
	dedup(&in);
	if (write_inputs(&in, dir))
		goto out;
	if (!o->quiet)
		fprintf(stderr, "isofuzz: verify-patch: replaying %zu inputs with both builds\n", in.nr);
	ret = compare_all(&in, tb, o->out, o->quiet, t);
out:
	for (size_t i = 0; i < in.nr; i++) {
		free(in.v[i].data);
		free(in.v[i].path);
	}
	free(in.v);
	for (int s = 0; s < 2; s++)
		exec_log_release(&c[s].log);
	return ret;
}
