// SPDX-License-Identifier: GPL-2.0-only
/*
 * hextable SRC OUT: a firmware table written as commented hex text, for
 * structures the installed iasl cannot compile (Debian's iasl 20200925
 * predates the DMAR SATC structure).  The form:
 *
 *   # a comment runs to the end of the line
 *   44 4d 41 52  00000000      # bytes as hex pairs, in file order;
 *                              # a longer run of digits is split into pairs
 *
 * Like iasl, hextable fills in the header's Table Length (offset 4, the
 * number of bytes written) and Checksum (offset 9, the bytes sum to zero);
 * everything else, subtable lengths included, is written as given.
 * Bad input is named by file, line and column; exit status 2.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_TABLE (1 << 20)

static int bad(const char *src, int line, int col, const char *what)
{
	fprintf(stderr, "hextable: %s:%d:%d: %s\n", src, line, col, what);
	return 2;
}

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

int main(int argc, char **argv)
{
	static unsigned char t[MAX_TABLE];
	size_t n = 0;
	int c, line = 1, col = 0, half = -1, comment = 0;
	unsigned char sum = 0;
	FILE *in, *out;

	if (argc != 3) {
		fprintf(stderr, "usage: hextable SRC OUT\n");
		return 2;
	}
	in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 2;
	}
	while ((c = getc(in)) != EOF) {
		col++;
		if (c == '\n') {
			if (half >= 0)
				return bad(argv[1], line, col, "odd number of hex digits in a run");
			line++, col = 0, comment = 0;
		} else if (comment) {
			continue;
		} else if (c == '#') {
			if (half >= 0)
				return bad(argv[1], line, col, "odd number of hex digits in a run");
			comment = 1;
		} else if (isxdigit(c)) {
			if (half < 0) {
				half = hexval(c);
				continue;
			}
			if (n == MAX_TABLE)
				return bad(argv[1], line, col, "table larger than 1 MiB");
			t[n++] = half << 4 | hexval(c);
			half = -1;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			if (half >= 0)
				return bad(argv[1], line, col, "odd number of hex digits in a run");
		} else {
			return bad(argv[1], line, col, "not a hex digit, blank or '#' comment");
		}
	}
	fclose(in);
	if (half >= 0)
		return bad(argv[1], line, col, "odd number of hex digits at the end");
	if (n < 36)
		return bad(argv[1], line, col, "shorter than an ACPI table header (36 bytes)");
	t[4] = n, t[5] = n >> 8, t[6] = n >> 16, t[7] = n >> 24;
	t[9] = 0;
	for (size_t i = 0; i < n; i++)
		sum += t[i];
	t[9] = -sum;
	out = fopen(argv[2], "wb");
	if (!out || fwrite(t, 1, n, out) != n || fclose(out)) {
		perror(argv[2]);
		return 2;
	}
	return 0;
}
