// SPDX-License-Identifier: GPL-2.0-only
/*
 * lspci -vvnn output has no hex, so the config space is synthesized from
 * what lspci decoded, as far as the kernel's enumeration and grouping read
 * it: IDs, class, revision, header type (and the multifunction bit, from
 * the other functions listed), a bridge's bus numbers, the capability
 * lists at the offsets lspci shows, the PCIe capability's version, port
 * type, slot, phantom functions and ARI forwarding, ACS capability and
 * control, the ARI capability's next function.  Every other byte is 0.
 * Each function gets a note saying which fields were made, so that a
 * difference from the real machine can be traced to what the text lacks.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "lines.h"
#include "names.h"

#define MAX_CAPS 48

struct cap {
	unsigned int off, id, version;
	bool ext;
};

struct text_fn {
	struct import_function *f;
	int line;
	unsigned int vendor, device, class, rev, progif, ssvid, ssid;
	bool has_subsys, bridge, caps_denied;
	unsigned int primary, secondary, subordinate;
	struct cap caps[MAX_CAPS];
	int nr_caps, last;		/* last: the capability lines now refer to */
	int exp_version, exp_type, exp_slot, phantom;	/* -1 when unknown */
	bool ari_fwd_cap, ari_fwd_ctl, has_acs;
	unsigned int acs_cap, acs_ctl, ari_next;
	char note[1536];
};

static const struct { const char *name; unsigned int id; } std_caps[] = {
	{ "Power Management", 0x01 }, { "AGP", 0x02 }, { "Vital Product Data", 0x03 },
	{ "Slot ID", 0x04 }, { "MSI:", 0x05 }, { "CompactPCI hot-swap", 0x06 },
	{ "PCI-X", 0x07 }, { "HyperTransport", 0x08 }, { "Vendor Specific", 0x09 },
	{ "Debug port", 0x0a }, { "CompactPCI central", 0x0b }, { "PCI Hot-plug", 0x0c },
	{ "Subsystem:", 0x0d }, { "AGP3", 0x0e }, { "Secure device", 0x0f },
	{ "Express", 0x10 }, { "MSI-X", 0x11 }, { "SATA", 0x12 },
	{ "PCI Advanced Features", 0x13 }, { "Enhanced Allocation", 0x14 },
	{ "Null", 0x00 },
}, ext_caps[] = {
	{ "Advanced Error Reporting", 0x01 }, { "Virtual Channel", 0x02 },
	{ "Device Serial Number", 0x03 }, { "Power Budgeting", 0x04 },
	{ "Root Complex Link", 0x05 }, { "Vendor Specific", 0x0b },
	{ "Access Control Services", 0x0d }, { "Alternative Routing-ID", 0x0e },
	{ "Address Translation Service", 0x0f }, { "Single Root I/O Virtualization", 0x10 },
	{ "Page Request Interface", 0x13 }, { "Resizable BAR", 0x15 },
	{ "Transaction Processing Hints", 0x17 }, { "Latency Tolerance Reporting", 0x18 },
	{ "Secondary PCI Express", 0x19 }, { "Process Address Space ID", 0x1b },
	{ "Downstream Port Containment", 0x1d }, { "L1 PM Substates", 0x1e },
	{ "Precision Time Measurement", 0x1f }, { "Data Link Feature", 0x25 },
	{ "Physical Layer 16.0 GT/s", 0x26 }, { "Lane Margining at the Receiver", 0x27 },
};


static void note(struct text_fn *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct text_fn *t, const char *fmt, ...)
{
	size_t n = strlen(t->note);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->note + n, sizeof(t->note) - n, fmt, ap);
	va_end(ap);
}

/* "[hhhh:hhhh]", the last on the line: vendor and device (-nn) */
static bool ids(const char *s, unsigned int *a, unsigned int *b)
{
	bool found = false;

	for (const char *p = strchr(s, '['); p; p = strchr(p + 1, '[')) {
		unsigned int x, y;
		char close;

		if (strspn(p + 1, "0123456789abcdef") == 4 && p[5] == ':' &&
		    strspn(p + 6, "0123456789abcdef") == 4 &&
		    sscanf(p, "[%4x:%4x%c", &x, &y, &close) == 3 && close == ']') {
			*a = x;
			*b = y;
			found = true;
		}
	}
	return found;
}

static int device_line(struct text_fn *t, const char *s, const char *path, const char *where,
		       struct diag *d)
{
	const char *p = strstr(s, "]: ");
	unsigned int class;

	if (!p || p - s < 5 || p[-5] != '[' || strspn(p - 4, "0123456789abcdef") < 4 ||
	    sscanf(p - 4, "%4x", &class) != 1 || !ids(p, &t->vendor, &t->device)) {
		diag_set(d, path, where, "no [cccc] class code or [vvvv:dddd] IDs: lspci -vvnn has both (-nn)");
		return -1;
	}
	t->class = class;
	if ((p = strstr(s, " (rev ")) && sscanf(p, " (rev %2x)", &t->rev) != 1) {
		diag_set(d, path, where, "column %d: (rev XX) expected", (int)(p - s) + 2);
		return -1;
	}
	if ((p = strstr(s, " (prog-if ")) && sscanf(p, " (prog-if %2x", &t->progif) != 1) {
		diag_set(d, path, where, "column %d: (prog-if XX) expected", (int)(p - s) + 2);
		return -1;
	}
	return 0;
}

static int capability_line(struct text_fn *t, const char *s, const char *path, const char *where,
			   struct diag *d)
{
	struct cap *c;
	unsigned int off, ver = 0;
	int n = 0;
	const char *name;

	if (!strncmp(s, "<access denied>", 15)) {
		diag_set(d, path, where, "capabilities not shown: run lspci -vvnn as root");
		return -1;
	}
	if (sscanf(s, "[%x v%u]%n", &off, &ver, &n) != 2 || !n) {
		n = 0;
		if (sscanf(s, "[%x]%n", &off, &n) != 1 || !n) {
			diag_set(d, path, where, "[offset] or [offset vN] expected after Capabilities:");
			return -1;
		}
	}
	if (t->nr_caps == MAX_CAPS) {
		diag_set(d, path, where, "more than %d capabilities", MAX_CAPS);
		return -1;
	}
	c = &t->caps[t->nr_caps];
	c->off = off;
	c->version = ver;
	c->ext = off >= 0x100;
	if ((!c->ext && (off < 0x40 || off & 3)) || (c->ext && (off > 0xff8 || off & 3))) {
		diag_set(d, path, where, "capability offset %#x: not in the capability area", off);
		return -1;
	}
	for (int i = 0; i < t->nr_caps; i++)
		if (t->caps[i].off == off) {
			diag_set(d, path, where, "capability offset %#x listed twice", off);
			return -1;
		}
	name = s + n;
	name += strspn(name, " ");
	c->id = 0;
	if (c->ext) {
		for (size_t i = 0; i < sizeof(ext_caps) / sizeof(ext_caps[0]); i++)
			if (!strncmp(name, ext_caps[i].name, strlen(ext_caps[i].name)))
				c->id = ext_caps[i].id;
	} else {
		for (size_t i = 0; i < sizeof(std_caps) / sizeof(std_caps[0]); i++)
			if (!strncmp(name, std_caps[i].name, strlen(std_caps[i].name)))
				c->id = std_caps[i].id;
	}
	t->last = t->nr_caps++;
	if (!c->ext && c->id == 0x10) {
		if (sscanf(name, "Express (v%d)", &t->exp_version) != 1 || t->exp_version < 1 ||
		    t->exp_version > 2) {
			diag_set(d, path, where, "Express capability without (v1) or (v2)");
			return -1;
		}
		/* the fields written: flags and DevCap, and for v2 up to DevCtl2 */
		if (off + (t->exp_version == 1 ? 0x08 : 0x2a) > 0x100) {
			diag_set(d, path, where, "Express capability at %#x does not fit", off);
			return -1;
		}
		name = strchr(name, ')');
		if (!name || name[1] != ' ') {
			diag_set(d, path, where, "Express capability: no port type after (vN)");
			return -1;
		}
		name += 2;
		for (int i = 0; i < 16; i++) {
			const char *type = pcie_type_name(i);
			size_t len = type ? strlen(type) : 0;

			if (len && !strncmp(name, type, len) &&
			    (name[len] == ',' || name[len] == ' ' || !name[len]))
				t->exp_type = i;
		}
		if (t->exp_type < 0) {
			diag_set(d, path, where, "unknown PCIe port type \"%.40s\"", name);
			return -1;
		}
		t->exp_slot = strstr(name, "(Slot+)") != NULL;
	}
	if (c->ext && off + 8 > 4096) {
		diag_set(d, path, where, "capability at %#x does not fit", off);
		return -1;
	}
	return 0;
}

/* "Name+" / "Name-" in a line of flags: 1, 0, or -1 when absent */
static int flag(const char *s, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(s, name); p; p = strstr(p + 1, name))
		if ((p == s || !isalnum((unsigned char)p[-1])) && (p[n] == '+' || p[n] == '-'))
			return p[n] == '+';
	return -1;
}

/* ACSCap/ACSCtl: the bits in the order of PCI_ACS_SV ... PCI_ACS_DT */
static int acs_bits(const char *s, unsigned int *v, const char *path, const char *where,
		    struct diag *d)
{
	static const char *const names[] = { "SrcValid", "TransBlk", "ReqRedir", "CmpltRedir",
					     "UpstreamFwd", "EgressCtrl", "DirectTrans" };

	*v = 0;
	for (int i = 0; i < 7; i++) {
		int f = flag(s, names[i]);

		if (f < 0) {
			diag_set(d, path, where, "%s+ or %s- missing", names[i], names[i]);
			return -1;
		}
		*v |= (unsigned int)f << i;
	}
	return 0;
}

/* A line under a capability: the fields the synthesis uses. */
static int detail_line(struct text_fn *t, const char *s, const char *path, const char *where,
		       struct diag *d)
{
	const struct cap *c = t->nr_caps ? &t->caps[t->last] : NULL;
	const char *p;

	if (!c)
		return 0;
	if (!c->ext && c->id == 0x10) {
		if (!strncmp(s, "DevCap:", 7) && (p = strstr(s, "PhantFunc "))) {
			if (sscanf(p, "PhantFunc %d", &t->phantom) != 1 ||
			    (t->phantom != 0 && t->phantom != 1 && t->phantom != 3 && t->phantom != 7)) {
				diag_set(d, path, where, "PhantFunc: 0, 1, 3 or 7 expected");
				return -1;
			}
		} else if (!strncmp(s, "DevCap2:", 8)) {
			t->ari_fwd_cap = flag(s, "ARIFwd") == 1;
		} else if (!strncmp(s, "DevCtl2:", 8)) {
			t->ari_fwd_ctl = flag(s, "ARIFwd") == 1;
		}
	} else if (c->ext && c->id == 0x0d) {
		if (!strncmp(s, "ACSCap:", 7)) {
			t->has_acs = true;
			return acs_bits(s, &t->acs_cap, path, where, d);
		}
		if (!strncmp(s, "ACSCtl:", 7))
			return acs_bits(s, &t->acs_ctl, path, where, d);
	} else if (c->ext && c->id == 0x0e && !strncmp(s, "ARICap:", 7)) {
		if (!(p = strstr(s, "Next Function: ")) || sscanf(p, "Next Function: %u", &t->ari_next) != 1 ||
		    t->ari_next > 255) {
			diag_set(d, path, where, "ARICap: Next Function: N expected");
			return -1;
		}
	}
	return 0;
}

static void put16(uint8_t *c, unsigned int off, unsigned int v)
{
	c[off] = v;
	c[off + 1] = v >> 8;
}

static void put32(uint8_t *c, unsigned int off, uint32_t v)
{
	put16(c, off, v);
	put16(c, off + 2, v >> 16);
}

/* The config space from what the text said, and the note saying so. */
static int synthesize(struct text_fn *t)
{
	uint8_t *c = t->f->f.config;
	unsigned int hdr = t->bridge ? 1 : (t->class >> 8) == 0x0607 ? 2 : 0;

	memset(c, 0, PLATFORM_CONFIG_MAX);
	put16(c, 0x00, t->vendor);
	put16(c, 0x02, t->device);
	c[0x08] = t->rev;
	c[0x09] = t->progif;
	put16(c, 0x0a, t->class);
	c[0x0e] = hdr;
	note(t, "# config space synthesized by isofuzz import from lspci -vvnn text (%s);\n"
		"# the fields below come from the text, every other byte is 0\n", t->f->source);
	note(t, "ids vendor %04x device %04x class %04x revision %02x prog-if %02x\n", t->vendor,
	     t->device, t->class, t->rev, t->progif);
	note(t, "header-type %u (%s)\n", hdr, t->bridge ? "the Bus: line" : "the class code");
	if (hdr == 0 && t->has_subsys) {
		put16(c, 0x2c, t->ssvid);
		put16(c, 0x2e, t->ssid);
		note(t, "subsystem %04x:%04x\n", t->ssvid, t->ssid);
	}
	if (hdr) {
		c[0x18] = t->primary;
		c[0x19] = t->secondary;
		c[0x1a] = t->subordinate;
		note(t, "bus-numbers primary %02x secondary %02x subordinate %02x\n", t->primary,
		     t->secondary, t->subordinate);
	}
	t->f->f.config_size = 256;
	/* each capability points at the next lspci listed: the chains it walked */
	for (int i = 0; i < t->nr_caps; i++) {
		const struct cap *cap = &t->caps[i];
		unsigned int next = 0;

		for (int j = i + 1; j < t->nr_caps && !next; j++)
			if (t->caps[j].ext == cap->ext)
				next = t->caps[j].off;
		if (cap->ext) {
			put32(c, cap->off, cap->id | (cap->version & 0xf) << 16 | next << 20);
			t->f->f.config_size = 4096;
		} else {
			if (!c[0x34])
				c[0x34] = cap->off;
			c[cap->off] = cap->id;
			c[cap->off + 1] = next;
			c[0x06] |= 0x10;	/* Status: Capabilities List */
		}
		note(t, "capability %#x id %#04x%s (header only%s)\n", cap->off, cap->id,
		     cap->ext ? " extended" : "",
		     cap->id == 0x10 && !cap->ext ? "; flags, DevCap, DevCap2, DevCtl2 below" :
		     cap->id == 0x0d && cap->ext ? "; ACSCap, ACSCtl below" :
		     cap->id == 0x0e && cap->ext ? "; next function below" : "");
		if (!cap->ext && cap->id == 0x10) {
			put16(c, cap->off + 2, t->exp_version | t->exp_type << 4 | t->exp_slot << 8);
			put32(c, cap->off + 4, (t->phantom == 7 ? 3 : t->phantom == 3 ? 2 : t->phantom) << 3);
			note(t, "pcie version %d type %s%s phantom-functions %d\n", t->exp_version,
			     pcie_type_name(t->exp_type), t->exp_slot ? " slot" : "", t->phantom);
			if (t->exp_version > 1) {
				put32(c, cap->off + 0x24, t->ari_fwd_cap << 5);
				put16(c, cap->off + 0x28, t->ari_fwd_ctl << 5);
				note(t, "pcie ari-forwarding cap %d ctl %d\n", t->ari_fwd_cap, t->ari_fwd_ctl);
			}
		} else if (cap->ext && cap->id == 0x0d) {
			put16(c, cap->off + 4, t->acs_cap);
			put16(c, cap->off + 6, t->acs_ctl);
			note(t, "acs cap %#04x ctl %#04x\n", t->acs_cap, t->acs_ctl);
		} else if (cap->ext && cap->id == 0x0e) {
			put16(c, cap->off + 4, t->ari_next << 8);
			note(t, "ari next-function %u\n", t->ari_next);
		}
	}
	return 0;
}

static int finish(struct text_fn *t, const char *path, struct diag *d)
{
	char where[16];

	if (!t->f)
		return 0;
	snprintf(where, sizeof(where), "%d", t->line);
	/* the kernel walks the extended list from 0x100, and so did lspci */
	for (int i = 0; i < t->nr_caps; i++)
		if (t->caps[i].ext) {
			if (t->caps[i].off != 0x100) {
				diag_set(d, path, where, "extended capabilities start at %#x, not 0x100",
					 t->caps[i].off);
				return -1;
			}
			break;
		}
	synthesize(t);
	t->f->synthesized = strdup(t->note);
	if (!t->f->synthesized) {
		diag_set(d, path, where, "out of memory");
		return -1;
	}
	return 0;
}

/*
 * The header type's multifunction bit is not in -vv text: a device whose
 * other functions are listed has it (the kernel scans functions 1-7 only
 * when function 0 says so).
 */
static int mark_multifunction(struct import *im, size_t first)
{
	for (size_t i = first; i < im->nr_fns; i++) {
		struct import_function *f = &im->fns[i];

		for (size_t j = 0; j < im->nr_fns; j++) {
			const struct platform_pci_function *g = &im->fns[j].f;

			if (j != i && g->segment == f->f.segment && g->bus == f->f.bus &&
			    g->devfn >> 3 == f->f.devfn >> 3) {
				size_t n = strlen(f->synthesized);
				char *nn = realloc(f->synthesized, n + 64);

				if (!nn)
					return -1;
				f->synthesized = nn;
				snprintf(nn + n, 64, "multifunction (other functions of the device are listed)\n");
				f->f.config[0x0e] |= 0x80;
				break;
			}
		}
	}
	return 0;
}

int import_lspci_text(struct import *im, const char *path, const char *text, size_t len,
		      struct diag *d)
{
	struct text_fn *t = calloc(1, sizeof(*t));
	struct lines l;
	const char *s;
	char where[16];
	size_t first = im->nr_fns;
	int ret = -1;

	if (!t) {
		diag_set(d, path, NULL, "out of memory");
		return -1;
	}
	lines_init(&l, text, len);
	while ((s = lines_next(&l))) {
		uint16_t seg;
		uint8_t bus, devfn;

		lines_where(&l, where, sizeof(where));
		if (l.cut) {
			diag_set(d, path, where, "line too long");
			goto out;
		}
		if (lspci_device_line(s, &seg, &bus, &devfn)) {
			if (finish(t, path, d))
				goto out;
			memset(t, 0, sizeof(*t));
			t->exp_type = t->exp_version = -1;
			t->line = l.lineno;
			t->f = import_add_function(im, seg, bus, devfn, path, l.lineno, d);
			if (!t->f || device_line(t, s, path, where, d))
				goto out;
			continue;
		}
		if (s[0] != '\t' || !t->f)
			continue;	/* blank lines, and text before the first device */
		if (s[1] == '\t') {
			if (detail_line(t, s + 2 + strspn(s + 2, "\t "), path, where, d))
				goto out;
		} else if (!strncmp(s + 1, "Capabilities: ", 14)) {
			if (capability_line(t, s + 15, path, where, d))
				goto out;
		} else if (!strncmp(s + 1, "Subsystem: ", 11)) {
			t->has_subsys = ids(s, &t->ssvid, &t->ssid);
		} else if (!strncmp(s + 1, "Bus: ", 5)) {
			if (sscanf(s + 6, "primary=%2x, secondary=%2x, subordinate=%2x", &t->primary,
				   &t->secondary, &t->subordinate) != 3) {
				diag_set(d, path, where, "Bus: primary=XX, secondary=XX, subordinate=XX expected");
				goto out;
			}
			t->bridge = true;
		}
	}
	if (finish(t, path, d))
		goto out;
	if (mark_multifunction(im, first)) {
		diag_set(d, path, NULL, "out of memory");
		goto out;
	}
	ret = 0;
out:
	free(t);
	return ret;
}
