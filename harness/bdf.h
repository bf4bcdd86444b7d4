/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI addresses as text: DDDD:BB:DD.F, the form sysfs and the kernel print. */
#ifndef ISOFUZZ_BDF_H
#define ISOFUZZ_BDF_H

#include <stdbool.h>
#include <stdint.h>

/* segment << 16 | bus << 8 | devfn: sorts the way lspci lists devices */
typedef uint32_t bdf_t;

#define BDF(seg, bus, devfn) (((bdf_t)(seg) << 16) | ((bdf_t)(bus) << 8) | (devfn))
#define BDF_SEG(b) ((b) >> 16)
#define BDF_BUS(b) (((b) >> 8) & 0xff)
#define BDF_DEVFN(b) ((b) & 0xff)

/* Parse exactly "DDDD:BB:DD.F" (hex, function 0-7) from s; false if malformed. */
bool bdf_parse(const char *s, bdf_t *out);
/* Format into buf (at least 13 bytes). */
const char *bdf_format(bdf_t b, char *buf);

#endif
