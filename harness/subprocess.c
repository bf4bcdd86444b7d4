// SPDX-License-Identifier: GPL-2.0-only
/*
 * Running another program and keeping what it printed: verify-patch runs
 * cmake and the isofuzz built against each tree.  No shell in between, so
 * tree and bundle paths need no quoting.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "subprocess.h"

/* Append what fd delivers until EOF; -1 when out of memory or read fails. */
static int slurp(int fd, struct captured *out)
{
	size_t cap = 0;

	out->text = NULL;
	out->len = 0;
	for (;;) {
		ssize_t n;

		if (out->len + 4096 + 1 > cap) {
			char *t = realloc(out->text, cap = cap ? 2 * cap : 16384);

			if (!t)
				return -1;
			out->text = t;
		}
		n = read(fd, out->text + out->len, cap - out->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		out->len += (size_t)n;
	}
	out->text[out->len] = 0;
	return 0;
}

int run_captured(char *const argv[], struct captured *out)
{
	int pipefd[2], status;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	if (pipe(pipefd))
		return -1;
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null >= 0)
			dup2(null, 0);
		dup2(pipefd[1], 1);
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	if (slurp(pipefd[0], out)) {
		close(pipefd[0]);
		waitpid(pid, &status, 0);
		captured_release(out);
		return -1;
	}
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		out->status = WEXITSTATUS(status);
	else
		out->status = 128 + WTERMSIG(status);
	return 0;
}

void captured_release(struct captured *c)
{
	free(c->text);
	c->text = NULL;
	c->len = 0;
}
