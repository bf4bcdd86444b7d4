// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

void diag_set(struct diag *d, const char *file, const char *where, const char *fmt, ...)
{
	int n;
	va_list ap;

	n = snprintf(d->msg, sizeof(d->msg), "%s%s%s: ", file, where ? ":" : "", where ? where : "");
	if (n < 0 || (size_t)n >= sizeof(d->msg))
		return;
	va_start(ap, fmt);
	vsnprintf(d->msg + n, sizeof(d->msg) - n, fmt, ap);
	va_end(ap);
}

void diag_print(const struct diag *d)
{
	fprintf(stderr, "isofuzz: %s\n", d->msg);
}
