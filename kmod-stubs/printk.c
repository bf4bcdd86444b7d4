// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's log.  printk() and dev_printk() append to the run's log, one
 * line per message with the level stripped, as dmesg prints them; WARN and
 * BUG are recorded as the run's failure (a finding, for the fuzzer).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <kshim/kernel.h>
#include "kshim_internal.h"

bool initcall_debug;

static char *log_buf;
static size_t log_len, log_cap;
static char *failure;
jmp_buf kshim_bug_jmp;

static void log_append(const char *s, size_t n)
{
	if (log_len + n + 1 > log_cap) {
		size_t cap = log_cap ? 2 * log_cap : 4096;

		while (cap < log_len + n + 1)
			cap *= 2;
		char *nb = realloc(log_buf, cap);

		if (!nb)
			return;
		log_buf = nb;
		log_cap = cap;
	}
	memcpy(log_buf + log_len, s, n);
	log_len += n;
	log_buf[log_len] = 0;
}

/*
 * The kernel's %p extensions (%pS, %pR, %pOF, ...) have no host meaning:
 * print them as a plain pointer, swallowing the extension letters as the
 * kernel's vsprintf does.
 */
static void host_format(char *out, size_t size, const char *fmt)
{
	size_t o = 0;

	for (const char *p = fmt; *p && o + 3 < size; p++) {
		out[o++] = *p;
		if (p[0] == '%' && p[1] == 'p') {
			out[o++] = 'p';
			p++;
			while (((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z')))
				p++;
		} else if (p[0] == '%' && p[1] == '%') {
			out[o++] = '%';
			p++;
		}
	}
	out[o] = 0;
}

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	char hostfmt[1024], line[2048];
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	host_format(hostfmt, sizeof(hostfmt), fmt);
	n = vsnprintf(line, sizeof(line), hostfmt, ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	if (prefix)
		log_append(prefix, strlen(prefix));
	log_append(line, n);
	if (n == 0 || line[n - 1] != '\n')
		log_append("\n", 1);
}

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(NULL, fmt, ap);
	va_end(ap);
	return 0;
}

void kshim_dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	char prefix[64];
	va_list ap;

	/* dev_printk prints "<driver or bus> <device>: "; PCI devices have no driver here */
	snprintf(prefix, sizeof(prefix), "%s %s: ",
		 dev->bus ? dev->bus->name : "", dev_name(dev));
	va_start(ap, fmt);
	vlog(prefix, fmt, ap);
	va_end(ap);
}

void kshim_fail(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_append(msg, strlen(msg));
	log_append("\n", 1);
	if (!failure)
		failure = strdup(msg);
}

void kshim_warn(const char *file, int line, const char *cond)
{
	kshim_fail("WARNING: at %s:%d: %s", file, line, cond);
}

void kshim_bug(const char *file, int line)
{
	kshim_fail("kernel BUG at %s:%d!", file, line);
	longjmp(kshim_bug_jmp, 1);
}

void kshim_log_reset(void)
{
	log_len = 0;
	if (log_buf)
		log_buf[0] = 0;
	free(failure);
	failure = NULL;
}

char *kshim_log_take(size_t *len)
{
	char *l = log_buf ? log_buf : strdup("");

	*len = log_len;
	log_buf = NULL;
	log_len = log_cap = 0;
	return l;
}

char *kshim_failure_take(void)
{
	char *f = failure;

	failure = NULL;
	return f;
}
