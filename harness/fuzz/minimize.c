// SPDX-License-Identifier: GPL-2.0-only
/*
 * minimize FINDING_DIR OUT_DIR: shrink a property finding structurally.
 * The finding's fuzz input is read back as a platform tree (grammars/);
 * every node (a device, a bridge with what is below it, a table entry, a
 * scope, a parameter) is dropped in turn while the run still ends in the
 * same signature (finding_signature over the fast check, as the fuzzer
 * signs it).  The smallest tree is written as a finding to OUT_DIR/SIG/:
 * a bundle, its input and report.txt with the Z3-confirmed verdict.
 *
 * Crash findings are not for this tool: their run does not come back
 * (libFuzzer's -minimize_crash shrinks those).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build.h"
#include "finding.h"
#include "grammar.h"
#include "solver.h"

/* the signature of the tree's run; 0 when it has one, -1 none/no platform */
static int run_signature(const struct g_node *tree, char *sig, size_t size)
{
	static const struct sv_options fast = { SV_MODE_FAST, 1 };
	struct platform p;
	struct observation obs;
	struct sv_verdict v;
	int ret = -1;

	if (g_build(tree, &p))
		return -1;
	if (!kshim_run(&p, &obs)) {
		solver_check(&p, &obs, &fast, &v);
		if (solver_exit_status(&v) == 1) {
			finding_signature(&v, &obs, sig, size);
			ret = 0;
		}
		sv_verdict_release(&v);
	}
	observation_release(&obs);
	platform_release(&p);
	return ret;
}

/*
 * The same in a child process: dropping a node can turn a property
 * finding into a crash of the kernel's code (a scope left without its
 * path), which the sanitizers end the process on.
 */
static int signature(const struct g_node *tree, char *sig, size_t size)
{
	int fd[2], status;
	ssize_t n;
	pid_t pid;

	fflush(NULL);
	if (pipe(fd))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		char buf[256];
		int ok = !run_signature(tree, buf, sizeof(buf));

		close(fd[0]);
		if (ok && write(fd[1], buf, strlen(buf) + 1) < 0)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	n = read(fd[0], sig, size - 1);
	close(fd[0]);
	waitpid(pid, &status, 0);
	if (n <= 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return -1;
	sig[n] = 0;
	return 0;
}

/* the n-th node below root in depth-first order, and its parent */
static struct g_node *nth(struct g_node *root, size_t *n, struct g_node **parent, size_t *index)
{
	for (size_t i = 0; i < root->nr_kids; i++) {
		struct g_node *r;

		if ((*n)-- == 0) {
			*parent = root;
			*index = i;
			return root->kids[i];
		}
		r = nth(root->kids[i], n, parent, index);
		if (r)
			return r;
	}
	return NULL;
}

/* one pass: drop every node that can go; whether any did */
static int shrink(struct g_node **tree, const char *want)
{
	char sig[256];
	int changed = 0;

	for (size_t k = 0;; ) {
		struct g_node *copy = g_node_clone(*tree), *parent, *victim;
		size_t n = k, index;

		if (!copy)
			return changed;
		victim = nth(copy, &n, &parent, &index);
		if (!victim) {
			g_node_free(copy);
			return changed;
		}
		g_node_free(g_take_kid(parent, index));
		if (!signature(copy, sig, sizeof(sig)) && !strcmp(sig, want)) {
			g_node_free(*tree);
			*tree = copy;
			changed = 1;	/* the same k is now the next node */
		} else {
			g_node_free(copy);
			k++;
		}
	}
}

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = malloc(1 << 20);

	*len = 0;
	if (f && buf)
		*len = fread(buf, 1, 1 << 20, f);
	if (f)
		fclose(f);
	if (!f || !*len) {
		free(buf);
		return NULL;
	}
	return buf;
}

int main(int argc, char **argv)
{
	static const struct sv_options z3 = { SV_MODE_Z3, 4 };
	char path[4096], want[256], got[256];
	struct g_node *tree;
	struct platform p;
	struct observation obs;
	struct sv_verdict v;
	uint8_t *data, *small;
	size_t len, small_len, before;
	int ret;

	if (argc != 3) {
		fprintf(stderr, "usage: minimize FINDING_DIR OUT_DIR\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/input", argv[1]);
	data = slurp(path, &len);
	if (!data) {
		fprintf(stderr, "minimize: %s: cannot read the fuzz input\n", path);
		return 2;
	}
	tree = g_platform_from_input(data, len);
	free(data);
	if (!tree || signature(tree, want, sizeof(want))) {
		fprintf(stderr, "minimize: %s: the input gives no property finding\n", path);
		g_node_free(tree);
		return 2;
	}
	before = g_count(tree);
	while (shrink(&tree, want))
		;
	fprintf(stderr, "minimize: %s: %zu -> %zu nodes\n", want, before, g_count(tree));
	small = g_serialize(tree, &small_len);
	ret = 3;
	if (small && !g_build(tree, &p)) {
		if (!kshim_run(&p, &obs)) {
			solver_check(&p, &obs, &z3, &v);
			finding_signature(&v, &obs, got, sizeof(got));
			if (solver_exit_status(&v) == 1 && !strcmp(got, want)) {
				struct finding f = { want, &p, tree, small, small_len, &v,
						     "isolation violated (minimized)", obs.log, obs.log_len };

				ret = finding_write(argv[2], &f) < 0 ? 3 : 0;
			}
			sv_verdict_release(&v);
		}
		observation_release(&obs);
		platform_release(&p);
	}
	free(small);
	g_node_free(tree);
	return ret;
}
