// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "names.h"

/* as lspci prints them (ls-caps.c), which import reads back */
static const char *const port_types[] = {
	[0x0] = "Endpoint", [0x1] = "Legacy Endpoint", [0x4] = "Root Port",
	[0x5] = "Upstream Port", [0x6] = "Downstream Port",
	[0x7] = "PCI-Express to PCI/PCI-X Bridge", [0x8] = "PCI/PCI-X to PCI-Express Bridge",
	[0x9] = "Root Complex Integrated Endpoint", [0xa] = "Root Complex Event Collector",
};

const char *pcie_type_name(int type)
{
	if (type < 0)
		return "conventional PCI";
	if ((size_t)type >= sizeof(port_types) / sizeof(port_types[0]) || !port_types[type])
		return NULL;
	return port_types[type];
}

#ifdef HAVE_LIBPCI
#include <pci/pci.h>

static struct pci_access *pacc;

/* a missing pci.ids only costs the names */
static void quiet(char *msg, ...)
{
	(void)msg;
}

/* libpci's errors do not return (out of memory) */
static void __attribute__((noreturn)) fatal(char *msg, ...)
{
	va_list ap;

	fprintf(stderr, "isofuzz: libpci: ");
	va_start(ap, msg);
	vfprintf(stderr, msg, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(3);
}

const char *names_device(uint16_t vendor, uint16_t device, char *buf, size_t size)
{
	char name[256];

	buf[0] = 0;
	if (!pacc) {
		pacc = pci_alloc();	/* no pci_init(): the names only, no bus access */
		if (!pacc)
			return buf;
		/* pci_init() would set these, but it also opens the bus */
		pacc->error = fatal;
		pacc->warning = quiet;
		pacc->debug = quiet;
	}
	/* the database alone: no udev hwdb, no DNS look-ups (the defaults keep those off) */
	if (pci_lookup_name(pacc, name, sizeof(name),
			    PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE | PCI_LOOKUP_NO_NUMBERS | PCI_LOOKUP_NO_HWDB,
			    vendor, device))
		snprintf(buf, size, "%s", name);
	return buf;
}

void names_release(void)
{
	if (pacc)
		pci_cleanup(pacc);
	pacc = NULL;
}
#else
const char *names_device(uint16_t vendor, uint16_t device, char *buf, size_t size)
{
	(void)vendor;
	(void)device;
	if (size)
		buf[0] = 0;
	return buf;
}

void names_release(void)
{
}
#endif
