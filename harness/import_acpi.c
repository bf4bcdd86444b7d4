// SPDX-License-Identifier: GPL-2.0-only
/*
 * ACPI tables from what bug reports carry:
 *  - acpidump text: per table a "SIG @ 0xADDR" line (the address zeroed when
 *    dumped from /sys or by hw-probe) and hex lines "  OFFS: XX XX ...  ascii";
 *  - the same hex after an iasl disassembly, as hw-probe stores it: a
 *    "Raw Table Data: Length N (0xN)" line, hex lines ending in "// ascii";
 *  - acpixtract binaries (SIG.dat), one table a file.
 * The table's own header is the authority: its signature and length field
 * must agree with what the dump says and with the bytes that came.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "lint.h"
#include "lines.h"

#define MAX_TABLE (16u << 20)

struct dump_table {
	uint8_t *data;
	size_t len, cap;
	char sig[5];		/* from "SIG @ 0x..", "" when not given */
	long declared;		/* from "Raw Table Data: Length N", -1 */
	int line;		/* where it started */
	bool open;
};

static bool sig_char(int c)
{
	return isupper(c) || isdigit(c) || c == '!' || c == '_';
}

/* The header checks both the text and the binary form need. */
static int check_header(const uint8_t *b, size_t len, const char *path, const char *where,
			struct diag *d)
{
	uint32_t hdr_len;

	if (len < 8) {
		diag_set(d, path, where, "%zu bytes: too short for an ACPI table header", len);
		return -1;
	}
	for (int i = 0; i < 4; i++)
		if (!sig_char(b[i])) {
			diag_set(d, path, where, "byte %d of the signature is 0x%02x: not an ACPI table",
				 i, b[i]);
			return -1;
		}
	hdr_len = b[4] | b[5] << 8 | b[6] << 16 | (uint32_t)b[7] << 24;
	if (hdr_len != len) {
		diag_set(d, path, where, "%.4s: length field says %u bytes, %zu came",
			 (const char *)b, hdr_len, len);
		return -1;
	}
	/*
	 * A wrong checksum is kept (replay shows what the kernel makes of
	 * the table: AMD-Vi refuses an IVRS) but said; the FACS has none.
	 */
	if (len >= 36 && memcmp(b, "FACS", 4) && lint_checksum(b, len)) {
		struct diag w;

		diag_set(&w, path, where, "warning: %.4s checksum 0x%02x is wrong (the bytes sum to 0x%02x, "
			 "not 0); kept as it is: see isofuzz lint", (const char *)b, b[9],
			 lint_checksum(b, len));
		diag_print(&w);
	}
	return 0;
}

/* RSDP, RSDT and XSDT point at tables; sysfs does not list them and nor does a bundle. */
static bool is_pointer_table(const uint8_t *b, size_t len)
{
	return (len >= 8 && !memcmp(b, "RSD PTR ", 8)) ||
	       (len >= 4 && (!memcmp(b, "RSDT", 4) || !memcmp(b, "XSDT", 4)));
}

static int finish(struct import *im, struct dump_table *t, const char *path, struct diag *d)
{
	char where[16];
	int ret = 0;

	if (!t->open)
		return 0;
	snprintf(where, sizeof(where), "%d", t->line);
	t->open = false;
	if (!t->len) {
		diag_set(d, path, where, "%s%sno hex data follows", t->sig, *t->sig ? ": " : "");
		ret = -1;
	} else if (t->sig[0] && memcmp(t->sig, t->data, 4) &&
		   !(!strcmp(t->sig, "RSDP") && t->len >= 8 && !memcmp(t->data, "RSD PTR ", 8))) {
		diag_set(d, path, where, "the header names %s, the bytes say %.4s", t->sig,
			 sig_char(t->data[0]) ? (const char *)t->data : "????");
		ret = -1;
	} else if (t->declared >= 0 && (size_t)t->declared != t->len) {
		diag_set(d, path, where, "Raw Table Data says %ld bytes, %zu came", t->declared, t->len);
		ret = -1;
	} else if (!is_pointer_table(t->data, t->len)) {
		ret = check_header(t->data, t->len, path, where, d);
		if (!ret)
			ret = import_add_table(im, t->data, t->len, d);
	}
	t->len = 0;
	return ret;
}

/* "SIG @ 0xHEX": acpidump's table header line. */
static bool header_line(const char *s, char sig[5])
{
	const char *p;

	for (int i = 0; i < 4; i++)
		if (!sig_char((unsigned char)s[i]))
			return false;
	if (strncmp(s + 4, " @ 0x", 5))
		return false;
	for (p = s + 9; isxdigit((unsigned char)*p); p++)
		;
	if (p == s + 9)
		return false;
	while (isspace((unsigned char)*p))
		p++;
	if (*p)
		return false;
	memcpy(sig, s, 4);
	sig[4] = 0;
	return true;
}

/*
 * "  OFFS: XX XX ..." with 4 to 8 offset digits: true with the offset, and
 * p after the colon.  Anything else is text (disassembly, banners).
 */
static bool hex_line(const char *s, unsigned long *off, const char **p)
{
	const char *q = s;
	int n = 0;

	while (*q == ' ' || *q == '\t')
		q++;
	if (q == s)
		return false;
	*off = 0;
	for (; isxdigit((unsigned char)*q) && n < 9; q++, n++)
		*off = *off * 16 + (isdigit((unsigned char)*q) ? *q - '0' : (tolower((unsigned char)*q) - 'a' + 10));
	if (n < 4 || n > 8 || q[0] != ':' || q[1] != ' ')
		return false;
	*p = q + 1;
	return true;
}

static int xdigit(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

static int append(struct dump_table *t, const uint8_t *b, size_t n, const char *path,
		  const char *where, struct diag *d)
{
	if (t->len + n > MAX_TABLE) {
		diag_set(d, path, where, "table larger than %u bytes", MAX_TABLE);
		return -1;
	}
	if (t->len + n > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 4096;
		uint8_t *nd = realloc(t->data, cap);

		if (!nd) {
			diag_set(d, path, where, "out of memory");
			return -1;
		}
		t->data = nd;
		t->cap = cap;
	}
	memcpy(t->data + t->len, b, n);
	t->len += n;
	return 0;
}

static int hex_bytes(struct dump_table *t, unsigned long off, const char *p, const char *path,
		     const char *where, struct diag *d)
{
	uint8_t b[16];
	size_t n = 0;

	/* bytes are " XX"; the ASCII column follows after two or more spaces */
	while (n < 16 && p[0] == ' ' && isxdigit((unsigned char)p[1]) &&
	       isxdigit((unsigned char)p[2]) && (p[3] == ' ' || !p[3])) {
		b[n++] = xdigit((unsigned char)p[1]) << 4 | xdigit((unsigned char)p[2]);
		p += 3;
	}
	if (!n) {
		diag_set(d, path, where, "offset 0x%04lx: no hex bytes", off);
		return -1;
	}
	if (off != t->len) {
		diag_set(d, path, where, "offset 0x%04lx out of sequence: 0x%04zx expected", off, t->len);
		return -1;
	}
	if (t->len & 15) {
		diag_set(d, path, where, "offset 0x%04lx follows a short line", off);
		return -1;
	}
	return append(t, b, n, path, where, d);
}

int import_acpidump(struct import *im, const char *path, const char *text, size_t len,
		    struct diag *d)
{
	struct dump_table t = { .declared = -1 };
	struct lines l;
	const char *s, *p;
	char where[16];
	size_t before = im->nr_tables;
	int ret = -1;

	lines_init(&l, text, len);
	while ((s = lines_next(&l))) {
		unsigned long off;
		char sig[5];

		lines_where(&l, where, sizeof(where));
		if (l.cut) {
			diag_set(d, path, where, "line too long");
			goto out;
		}
		if (header_line(s, sig)) {
			if (finish(im, &t, path, d))
				goto out;
			t = (struct dump_table){ .data = t.data, .cap = t.cap, .declared = -1,
						 .line = l.lineno, .open = true };
			memcpy(t.sig, sig, 5);
		} else if (!strncmp(s, "Raw Table Data: Length ", 23)) {
			char *end;
			long n = strtol(s + 23, &end, 10);

			if (finish(im, &t, path, d))
				goto out;
			if (end == s + 23 || n < 0) {
				diag_set(d, path, where, "Raw Table Data: no length");
				goto out;
			}
			t = (struct dump_table){ .data = t.data, .cap = t.cap, .declared = n,
						 .line = l.lineno, .open = true };
		} else if (hex_line(s, &off, &p)) {
			if (!t.open) {
				if (off) {
					diag_set(d, path, where, "hex at offset 0x%04lx outside any table", off);
					goto out;
				}
				t = (struct dump_table){ .data = t.data, .cap = t.cap, .declared = -1,
							 .line = l.lineno, .open = true };
			}
			if (hex_bytes(&t, off, p, path, where, d))
				goto out;
		} else if (t.open && t.len) {
			/* the first other line after the hex ends the table */
			if (finish(im, &t, path, d))
				goto out;
		}
	}
	if (finish(im, &t, path, d))
		goto out;
	if (im->nr_tables == before) {
		diag_set(d, path, NULL, "no ACPI table with hex data found (want acpidump text output)");
		goto out;
	}
	ret = 0;
out:
	free(t.data);
	return ret;
}

int import_acpi_binary(struct import *im, const char *path, const uint8_t *buf, size_t len,
		       struct diag *d)
{
	if (check_header(buf, len, path, "offset 0", d))
		return -1;
	return import_add_table(im, buf, len, d);
}
