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

/*
 * A kernel function that loops printing (a zero-length DMAR device scope
 * makes dmar_alloc_dev_scope() do so) must show up as the hang it is, not
 * as memory exhaustion in the shim: the log keeps its first 1 MiB.
 */
#define LOG_MAX (1u << 20)

static void log_append(const char *s, size_t n)
{
	if (log_len + n >= LOG_MAX)
		return;
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
 * Formatting with the kernel's vsprintf semantics where they differ from
 * the C library's, spec by spec:
 *  - '#' with x/X/o always prints its prefix: %#x of 0 is "0x0" (the C
 *    library prints "0"), and %#06x of 0 is "0x0000";
 *  - 'L' on an integer conversion means long long;
 *  - %p extensions (%pS, %pR, %pOF, ...) print as a plain pointer,
 *    swallowing the extension letters as the kernel's vsprintf does.
 */
static int kvformat(char *out, size_t size, const char *fmt, va_list ap)
{
	size_t o = 0;

	for (const char *p = fmt; *p && o + 1 < size;) {
		char spec[32], conv, piece[512];
		int sl = 0, len = 0, width = -1, prec = -1, n;
		bool alt = false, zero = false, left = false;

		if (*p != '%') {
			out[o++] = *p++;
			continue;
		}
		spec[sl++] = *p++;
		if (*p == '%') {
			out[o++] = '%';
			p++;
			continue;
		}
		for (; strchr("-+ #0", *p) && *p; p++) {
			alt |= *p == '#';
			zero |= *p == '0';
			left |= *p == '-';
			if (*p != '#' && sl < 20)
				spec[sl++] = *p;
		}
		if (*p == '*') {
			width = va_arg(ap, int);
			p++;
		} else {
			for (width = 0; *p >= '0' && *p <= '9'; p++)
				width = width * 10 + (*p - '0');
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				prec = va_arg(ap, int);
				p++;
			} else {
				for (prec = 0; *p >= '0' && *p <= '9'; p++)
					prec = prec * 10 + (*p - '0');
			}
		}
		if (width > 256)
			width = 256;
		if (prec > 256)
			prec = 256;
		sl += snprintf(spec + sl, sizeof(spec) - sl, "*.*");
		while (*p && strchr("hlLzjt", *p)) {
			len += *p == 'h' ? -1 : *p == 'L' ? 2 : 1;
			p++;
		}
		conv = *p ? *p++ : 0;
		if (conv == 'p')
			while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				p++;
		spec[sl++] = conv;
		spec[sl] = 0;
		if (width < 0)
			width = 0;
		switch (conv) {
		case 'd': case 'i': {
			long long v = len >= 2 ? va_arg(ap, long long) : len == 1 ? va_arg(ap, long) :
				      va_arg(ap, int);

			if (len == -1) v = (short)v;
			if (len <= -2) v = (signed char)v;
			spec[sl - 1] = 0;
			strcat(spec, "lld");
			n = snprintf(piece, sizeof(piece), spec, width, prec, v);
			break;
		}
		case 'u': case 'x': case 'X': case 'o': {
			unsigned long long v = len >= 2 ? va_arg(ap, unsigned long long) :
					       len == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			char c[2] = { conv, 0 };

			if (len == -1) v = (unsigned short)v;
			if (len <= -2) v = (unsigned char)v;
			spec[sl - 1] = 0;
			strcat(spec, "ll");
			strcat(spec, c);
			if (alt && conv != 'u') {
				const char *pre = conv == 'o' ? (v ? "0" : "") : conv == 'x' ? "0x" : "0X";
				int pl = strlen(pre), pad;
				char digits[300];

				/* zero padding goes between the prefix and the digits */
				snprintf(digits, sizeof(digits), spec,
					 zero && !left && width > pl ? width - pl : 0, prec, v);
				pad = width - pl - (int)strlen(digits);
				n = snprintf(piece, sizeof(piece), "%*s%s%s%*s", left || pad < 0 ? 0 : pad, "",
					     pre, digits, left && pad > 0 ? pad : 0, "");
			} else {
				n = snprintf(piece, sizeof(piece), spec, width, prec, v);
			}
			break;
		}
		case 'c':
			n = snprintf(piece, sizeof(piece), spec, width, prec, va_arg(ap, int));
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);

			n = snprintf(piece, sizeof(piece), spec, width, prec, str ? str : "(null)");
			break;
		}
		case 'p':
			n = snprintf(piece, sizeof(piece), "%p", va_arg(ap, void *));
			break;
		default:
			n = 0;
			piece[0] = 0;
			break;
		}
		if (n < 0)
			continue;
		for (int i = 0; i < n && piece[i] && o + 1 < size; i++)
			out[o++] = piece[i];
	}
	out[o] = 0;
	return o;
}

/*
 * A message without a trailing newline leaves its line open; the next
 * message continues it only when it is KERN_CONT (pr_cont), otherwise the
 * line is closed first, as the kernel's printk does.
 */
static bool line_open;

static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	char line[2048];
	bool cont = fmt[0] == KERN_SOH[0] && fmt[1] == KERN_CONT[1];
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	n = kvformat(line, sizeof(line), fmt, ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	if (line_open && !cont)
		log_append("\n", 1);
	if (prefix && !(line_open && cont))
		log_append(prefix, strlen(prefix));
	log_append(line, n);
	line_open = n == 0 ? line_open && cont : line[n - 1] != '\n';
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

/* The kernel gives up (a unit that never answers, tboot): ends the run like BUG(). */
void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	kvformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	msg[strcspn(msg, "\n")] = 0;
	kshim_fail("Kernel panic - not syncing: %s", msg);
	longjmp(kshim_bug_jmp, 1);
}

void kshim_log_reset(void)
{
	log_len = 0;
	line_open = false;
	if (log_buf)
		log_buf[0] = 0;
	free(failure);
	failure = NULL;
}

char *kshim_log_take(size_t *len)
{
	char *l;

	if (line_open)
		log_append("\n", 1);
	line_open = false;
	l = log_buf ? log_buf : strdup("");
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
