// SPDX-License-Identifier: GPL-2.0-only
/*
 * lspci -x / -xxx / -xxxx output: a device line "[DDDD:]BB:DD.F ..." then
 * its config space, 16 bytes a line, "OO: XX XX ..." (offsets of three
 * digits past 0xff).  Text of -v in between is skipped: the hex is the
 * whole truth here.  lspci -F reads this same format back.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "import.h"
#include "lines.h"

/* "OO: " or "OOO: ": the offset, or -1 when the line is no hex line */
static long hex_offset(const char *s, const char **p)
{
	size_t n = strspn(s, "0123456789abcdef");
	long off = 0;

	if ((n != 2 && n != 3) || s[n] != ':' || s[n + 1] != ' ')
		return -1;
	for (size_t i = 0; i < n; i++)
		off = off * 16 + (isdigit((unsigned char)s[i]) ? s[i] - '0' : s[i] - 'a' + 10);
	*p = s + n + 1;
	return off;
}

static int xdigit(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

static int finish(struct import_function *f, const char *path, struct diag *d)
{
	const char *src;
	char where[16];

	if (!f)
		return 0;
	src = strrchr(f->source, ':');
	snprintf(where, sizeof(where), "%s", src ? src + 1 : "");
	if (f->f.config_size != 64 && f->f.config_size != 256 && f->f.config_size != 4096) {
		diag_set(d, path, where, "%zu bytes of config space: -x gives 64, -xxx 256, -xxxx 4096",
			 f->f.config_size);
		return -1;
	}
	if ((f->f.config[0] | f->f.config[1] << 8) == 0xffff) {
		diag_set(d, path, where, "vendor ID ffff: no device answers here");
		return -1;
	}
	return 0;
}

int import_lspci_hex(struct import *im, const char *path, const char *text, size_t len,
		     struct diag *d)
{
	struct import_function *f = NULL;
	struct lines l;
	const char *s, *p;
	char where[16];

	lines_init(&l, text, len);
	while ((s = lines_next(&l))) {
		uint16_t seg;
		uint8_t bus, devfn;
		long off;

		lines_where(&l, where, sizeof(where));
		if (lspci_device_line(s, &seg, &bus, &devfn)) {
			if (finish(f, path, d))
				return -1;
			f = import_add_function(im, seg, bus, devfn, path, l.lineno, d);
			if (!f)
				return -1;
			continue;
		}
		off = hex_offset(s, &p);
		if (off < 0)
			continue;
		if (!f) {
			diag_set(d, path, where, "hex before any device line");
			return -1;
		}
		if ((size_t)off != f->f.config_size) {
			diag_set(d, path, where, "offset %02lx out of sequence: %02zx expected", off,
				 f->f.config_size);
			return -1;
		}
		if (off + 16 > PLATFORM_CONFIG_MAX) {
			diag_set(d, path, where, "offset %02lx past the 4096 bytes of config space", off);
			return -1;
		}
		for (int i = 0; i < 16; i++, p += 3) {
			if (p[0] != ' ' || !isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2])) {
				diag_set(d, path, where, "column %d: 16 hex bytes expected", (int)(p - s) + 1);
				return -1;
			}
			f->f.config[off + i] = xdigit((unsigned char)p[1]) << 4 | xdigit((unsigned char)p[2]);
		}
		if (*p && !isspace((unsigned char)*p)) {
			diag_set(d, path, where, "column %d: more than 16 bytes on a line", (int)(p - s) + 1);
			return -1;
		}
		f->f.config_size += 16;
	}
	return finish(f, path, d);
}
