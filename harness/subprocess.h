/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef ISOFUZZ_SUBPROCESS_H
#define ISOFUZZ_SUBPROCESS_H

#include <stddef.h>

/* What a program printed (stdout and stderr interleaved) and its status. */
struct captured {
	char *text;		/* NUL-terminated */
	size_t len;
	int status;		/* exit status, or 128 + signal */
};

/* Run argv[0] (searched in PATH) with stdin from /dev/null; 0 or -1. */
int run_captured(char *const argv[], struct captured *out);
void captured_release(struct captured *c);

#endif
