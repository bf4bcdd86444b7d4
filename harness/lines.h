/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Outside text one line at a time, with its line number for diagnoses.
 * Lines are handed out NUL-terminated without their newline (and without a
 * DOS carriage return); a NUL byte inside the text ends nothing early: the
 * parsers see it as an unknown character.
 */
#ifndef ISOFUZZ_LINES_H
#define ISOFUZZ_LINES_H

#include <stdbool.h>
#include <stddef.h>

struct lines {
	const char *p, *end;
	int lineno;		/* of the line last returned, from 1 */
	char buf[4096];		/* longer lines are cut (and flagged) */
	bool cut;		/* the last line was longer than buf */
};

void lines_init(struct lines *l, const char *text, size_t len);
/* The next line, or NULL at the end. */
const char *lines_next(struct lines *l);
/* "line N" for diag_set's where argument */
const char *lines_where(const struct lines *l, char *buf, size_t size);

#endif
