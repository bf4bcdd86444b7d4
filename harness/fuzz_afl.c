// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz fuzz --engine afl: the campaign under AFL++.  One main (-M) and
 * jobs-1 secondary (-S) afl-fuzz instances run the AFL++ build of the
 * target (BUILD/afl, harness/afl/) on DIR/corpus, with the grammar custom
 * mutator for the pipeline.  AFL++ keeps its own folder, DIR/afl; what it
 * finds is brought back into the engine-neutral campaign folder: its queue
 * into DIR/corpus (a libFuzzer campaign can resume an AFL++ one and back),
 * its crashes and hangs into DIR/crashes as crash-afl-HASH and
 * timeout-afl-HASH, which fuzz_finish() turns into findings as it does
 * libFuzzer's artifacts.  That happens when the campaign ends and, for a
 * campaign that was killed, when the next one starts.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bundle_write.h"
#include "diag.h"
#include "fuzz.h"
#include "hash.h"

/* where the AFL++ build is (harness/afl/CMakeLists.txt), when there is one */
#ifndef ISOFUZZ_AFL_TARGET_DIR
#define ISOFUZZ_AFL_TARGET_DIR NULL
#define ISOFUZZ_AFL_MUTATOR NULL
#endif

#define MAX_JOBS 64

static pid_t kids[MAX_JOBS];
static unsigned nr_kids;

static void forward(int sig)
{
	for (unsigned i = 0; i < nr_kids; i++)
		if (kids[i] > 0)
			kill(kids[i], sig);
}

/* src into dir/prefix-HASH, written to a temporary name and renamed */
static int import_file(const char *src, const char *dir, const char *prefix)
{
	char path[4096], tmp[4200];
	uint8_t *buf = malloc(1 << 20);
	size_t n = 0;
	FILE *f = fopen(src, "rb");
	int ret = -1;

	if (f && buf)
		n = fread(buf, 1, 1 << 20, f);
	if (f)
		fclose(f);
	if (!f || !buf)
		goto out;
	snprintf(path, sizeof(path), "%s/%s-%016llx", dir, prefix,
		 (unsigned long long)fnv1a(buf, n));
	ret = 0;
	if (!access(path, F_OK))
		goto out;
	snprintf(tmp, sizeof(tmp), "%s/.tmp-%s-%d", dir, prefix, (int)getpid());
	f = fopen(tmp, "wb");
	ret = -1;
	if (!f)
		goto out;
	if (fwrite(buf, 1, n, f) == n && !fclose(f) && !rename(tmp, path))
		ret = 1;
	else
		unlink(tmp);
out:
	free(buf);
	return ret;
}

/* every name in from matching want (a prefix), skipping skip, into to */
static unsigned import_dir(const char *from, const char *want, const char *skip, const char *to,
			   const char *prefix)
{
	DIR *d = opendir(from);
	struct dirent *e;
	char path[4096];
	unsigned n = 0;

	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, want, strlen(want)) || (skip && strstr(e->d_name, skip)))
			continue;
		snprintf(path, sizeof(path), "%s/%s", from, e->d_name);
		n += import_file(path, to, prefix) == 1;
	}
	if (d)
		closedir(d);
	return n;
}

/* DIR/afl/<instance>/{queue,crashes,hangs} into DIR/corpus and DIR/crashes */
static void harvest(const char *dir)
{
	char afl[4096], from[4400], corpus[4096], crashes[4096];
	unsigned inputs = 0, crashed = 0;
	DIR *d;
	struct dirent *e;

	snprintf(afl, sizeof(afl), "%s/afl", dir);
	snprintf(corpus, sizeof(corpus), "%s/corpus", dir);
	snprintf(crashes, sizeof(crashes), "%s/crashes", dir);
	d = opendir(afl);
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		/* ",orig:" entries are DIR/corpus's own files, copied in */
		snprintf(from, sizeof(from), "%s/%s/queue", afl, e->d_name);
		inputs += import_dir(from, "id:", ",orig:", corpus, "afl");
		snprintf(from, sizeof(from), "%s/%s/crashes", afl, e->d_name);
		crashed += import_dir(from, "id:", NULL, crashes, "crash-afl");
		snprintf(from, sizeof(from), "%s/%s/hangs", afl, e->d_name);
		crashed += import_dir(from, "id:", NULL, crashes, "timeout-afl");
	}
	if (d)
		closedir(d);
	if (inputs || crashed)
		printf("fuzz: from %s: %u new inputs, %u crashes and hangs\n", afl, inputs, crashed);
}

struct afl_stats {
	long execs, rate, cov, corp, secs;
};

/* the fields of an instance's fuzzer_stats ("name : value" lines) we show */
static void add_stats(const char *path, struct afl_stats *st)
{
	FILE *f = fopen(path, "r");
	char line[512], key[64];
	long execs = 0, secs = 0;
	double v;

	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s : %lf", key, &v) != 2)
			continue;
		if (!strcmp(key, "execs_done"))
			execs = (long)v;
		else if (!strcmp(key, "run_time"))
			secs = (long)v;
		else if (!strcmp(key, "edges_found") && v > st->cov)
			st->cov = (long)v;
		else if (!strcmp(key, "corpus_count") && v > st->corp)
			st->corp = (long)v;
	}
	if (f)
		fclose(f);
	/* the rate over the run, as libFuzzer's line shows it (AFL++'s own
	 * execs_per_sec is not meaningful in the first file, after calibration) */
	st->execs += execs;
	st->rate += secs ? execs / secs : 0;
	if (secs > st->secs)
		st->secs = secs;
}

static void read_stats(const char *afl, unsigned jobs, struct afl_stats *st)
{
	char path[4200];
	DIR *d;
	struct dirent *e;
	long queued = 0;

	memset(st, 0, sizeof(*st));
	for (unsigned i = 0; i < jobs; i++) {
		snprintf(path, sizeof(path), i ? "%s/s%u/fuzzer_stats" : "%s/main/fuzzer_stats", afl, i);
		add_stats(path, st);
	}
	/* AFL++ rewrites fuzzer_stats once a minute; its queue grows live */
	snprintf(path, sizeof(path), "%s/main/queue", afl);
	d = opendir(path);
	while (d && (e = readdir(d)))
		queued += !strncmp(e->d_name, "id:", 3);
	if (d)
		closedir(d);
	if (queued > st->corp)
		st->corp = queued;
}

static pid_t start(const char *afl, unsigned i, const char *corpus, const char *target,
		   const char *findings, const char *mutator, unsigned secs)
{
	char inst[16], v[16], log[4200];
	pid_t parent = getpid(), pid = fork();
	int fd;

	if (pid)
		return pid;
	/* a killed campaign takes its afl-fuzz along (the next one harvests) */
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) || getppid() != parent)
		_exit(EXIT_INTERNAL);
	snprintf(inst, sizeof(inst), i ? "s%u" : "main", i);
	snprintf(v, sizeof(v), "%u", secs);
	snprintf(log, sizeof(log), "%s/%s.log", afl, inst);
	fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
	}
	setenv("ISOFUZZ_FINDINGS", findings, 1);
	/* a plain log, no checks a shared VM cannot pass (CPU governor, core
	 * pattern, a free core to bind), and sanitizer options of AFL++'s own
	 * choosing (it refuses others) */
	setenv("AFL_NO_UI", "1", 1);
	setenv("AFL_SKIP_CPUFREQ", "1", 1);
	setenv("AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES", "1", 1);
	setenv("AFL_NO_AFFINITY", "1", 1);
	setenv("AFL_NO_CRASH_README", "1", 1);
	setenv("AFL_SKIP_CRASHES", "1", 1);
	setenv("AFL_FAST_CAL", "1", 1);
	setenv("AFL_SYNC_TIME", "1", 1);
	unsetenv("ASAN_OPTIONS");
	unsetenv("UBSAN_OPTIONS");
	if (mutator)
		setenv("AFL_CUSTOM_MUTATOR_LIBRARY", mutator, 1);
	execlp("afl-fuzz", "afl-fuzz", "-i", corpus, "-o", afl, i ? "-S" : "-M", inst, "-V", v,
	       "-t", "5000", "--", target, (char *)NULL);
	fprintf(stderr, "isofuzz: afl-fuzz: %s\n", strerror(errno));
	_exit(EXIT_INTERNAL);
}

/* an instance that failed: the end of its log, where AFL++ says why */
static void show_log(const char *afl, unsigned i)
{
	char path[4200], cmd[4400];

	snprintf(path, sizeof(path), i ? "%s/s%u.log" : "%s/main.log", afl, i);
	fprintf(stderr, "isofuzz fuzz: afl-fuzz %s failed; the end of %s:\n", i ? "secondary" : "main",
		path);
	if (!strchr(path, '\''))
		snprintf(cmd, sizeof(cmd), "tail -n 15 '%s' >&2", path);
	if (strchr(path, '\'') || system(cmd))
		fprintf(stderr, "  (unreadable)\n");
}

int afl_campaign(const char *lf_target, const char *name, enum seed_target kind,
		 const char *dir, unsigned secs, unsigned jobs)
{
	char afl[4096], corpus[4096], findings[4096], target[4200];
	const char *tdir = getenv("ISOFUZZ_AFL_TARGET_DIR") ? getenv("ISOFUZZ_AFL_TARGET_DIR") :
			   ISOFUZZ_AFL_TARGET_DIR;
	const char *mutator = kind == SEED_PIPELINE ? ISOFUZZ_AFL_MUTATOR : NULL;
	time_t begin = time(NULL), last = 0;
	struct afl_stats st;
	unsigned running, failed = 0;

	if (!tdir) {
		fprintf(stderr, "isofuzz fuzz: --engine afl: this build has no AFL++ targets "
			"(install afl++ and configure again)\n");
		return EXIT_INTERNAL;
	}
	snprintf(target, sizeof(target), "%s/%s", tdir, name);
	if (access(target, X_OK) || (mutator && access(mutator, R_OK))) {
		fprintf(stderr, "isofuzz fuzz: %s: %s (the AFL++ build; set ISOFUZZ_AFL_TARGET_DIR)\n",
			access(target, X_OK) ? target : mutator, strerror(errno));
		return EXIT_INTERNAL;
	}
	if (jobs > MAX_JOBS) {
		fprintf(stderr, "isofuzz fuzz: --jobs %u: at most %u with --engine afl\n", jobs, MAX_JOBS);
		return EXIT_BAD_INPUT;
	}
	snprintf(afl, sizeof(afl), "%s/afl", dir);
	snprintf(corpus, sizeof(corpus), "%s/corpus", dir);
	snprintf(findings, sizeof(findings), "%s/findings", dir);
	/* a previous campaign's folder: what it found is kept, the folder is not
	 * (AFL++ would otherwise refuse it, or resume its queue instead of ours) */
	harvest(dir);
	if (bundle_remove(afl) || mkdir(afl, 0755)) {
		fprintf(stderr, "isofuzz fuzz: %s: cannot make a fresh folder\n", afl);
		return EXIT_INTERNAL;
	}
	signal(SIGINT, forward);
	signal(SIGTERM, forward);
	for (nr_kids = 0; nr_kids < jobs; nr_kids++) {
		kids[nr_kids] = start(afl, nr_kids, corpus, target, findings, mutator, secs);
		if (kids[nr_kids] < 0) {
			forward(SIGTERM);
			return EXIT_INTERNAL;
		}
	}
	for (running = jobs; running;) {
		time_t now = time(NULL);

		if (now - last >= 5) {
			last = now;
			read_stats(afl, jobs, &st);
			fuzz_progress(findings, now - begin, st.rate, st.cov, st.corp);
		}
		/* -V counts from the end of calibration: a generous watchdog */
		if (now - begin > (time_t)secs + 300)
			forward(SIGTERM);
		sleep(1);
		for (unsigned i = 0; i < jobs; i++) {
			int status;

			if (kids[i] <= 0 || waitpid(kids[i], &status, WNOHANG) != kids[i])
				continue;
			kids[i] = 0;
			running--;
			if (!WIFEXITED(status) || WEXITSTATUS(status)) {
				show_log(afl, i);
				failed++;
			}
		}
	}
	nr_kids = 0;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	read_stats(afl, jobs, &st);
	harvest(dir);
	if (failed && !st.execs)
		return EXIT_INTERNAL;
	/* AFL++'s run time, calibration included */
	return fuzz_finish(lf_target, kind, dir, st.secs > 0 ? st.secs : secs, st.execs, st.cov,
			   st.corp);
}
