// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>
#include <string.h>

#include "lines.h"

void lines_init(struct lines *l, const char *text, size_t len)
{
	l->p = text;
	l->end = text + len;
	l->lineno = 0;
	l->cut = false;
}

const char *lines_next(struct lines *l)
{
	const char *nl;
	size_t n, keep;

	if (l->p >= l->end)
		return NULL;
	nl = memchr(l->p, '\n', l->end - l->p);
	n = (nl ? nl : l->end) - l->p;
	keep = n < sizeof(l->buf) - 1 ? n : sizeof(l->buf) - 1;
	l->cut = keep < n;
	memcpy(l->buf, l->p, keep);
	/* a NUL inside the line would end it silently: make it visible */
	for (size_t i = 0; i < keep; i++)
		if (!l->buf[i])
			l->buf[i] = '\x7f';
	if (keep && l->buf[keep - 1] == '\r')
		keep--;
	l->buf[keep] = 0;
	l->p += n + (nl != NULL);
	l->lineno++;
	return l->buf;
}

const char *lines_where(const struct lines *l, char *buf, size_t size)
{
	snprintf(buf, size, "%d", l->lineno);
	return buf;
}
