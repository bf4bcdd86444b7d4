// SPDX-License-Identifier: GPL-2.0-only
#include <ctype.h>
#include <stdio.h>

#include "bdf.h"

static bool hex_field(const char *s, int len, unsigned int *v)
{
	*v = 0;
	for (int i = 0; i < len; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return false;
		*v = *v * 16 + (isdigit((unsigned char)s[i]) ? s[i] - '0'
							     : (tolower((unsigned char)s[i]) - 'a' + 10));
	}
	return true;
}

bool bdf_parse(const char *s, bdf_t *out)
{
	unsigned int seg, bus, dev, fn;

	if (!hex_field(s, 4, &seg) || s[4] != ':' || !hex_field(s + 5, 2, &bus) ||
	    s[7] != ':' || !hex_field(s + 8, 2, &dev) || s[10] != '.' ||
	    s[11] < '0' || s[11] > '7' || dev > 0x1f)
		return false;
	fn = s[11] - '0';
	*out = BDF(seg, bus, dev << 3 | fn);
	return true;
}

const char *bdf_format(bdf_t b, char *buf)
{
	snprintf(buf, 13, "%04x:%02x:%02x.%u", BDF_SEG(b), BDF_BUS(b),
		 BDF_DEVFN(b) >> 3, BDF_DEVFN(b) & 7);
	return buf;
}
