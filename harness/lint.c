// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz lint TABLE|BUNDLE: check a DMAR or IVRS table by the
 * specifications (lint.h says what the severities mean).  A bundle gives
 * the checks that need the machine their topology: its PCI config spaces,
 * its MADT and HPET, the memory map of its expected/dmesg; a lone table is
 * checked alone (or on --topology BUNDLE), and the summary names the
 * checks that could not run.  Exit: 0 clean or info only, 1 errors or
 * warnings, 2 unreadable input or usage, 3 internal error.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "commands.h"
#include "diag.h"
#include "acpi_walk.h"
#include "lint.h"
#include "table_input.h"

static const char *const severity_name[] = { "error", "warning", "info" };

void lint_report(struct lint *l, enum lint_severity sev, const char *table, size_t off,
		 const char *check, const char *fmt, ...)
{
	va_list ap;

	l->count[sev]++;
	if (l->quiet)
		return;
	/* a table's findings are at a byte offset, a log's at a line */
	if (strchr(table, '/'))
		printf("%s %s:%zu: ", severity_name[sev], table, off);
	else
		printf("%s %s+%#zx: ", severity_name[sev], table, off);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (%s)\n", check);
}

void lint_walk_end(struct lint *l, const char *table, const char *check, const char *what,
		   int more, const struct acpi_sub *st, size_t next, size_t n)
{
	if (more < 0)
		lint_report(l, LINT_ERROR, table, st->off, check,
			    "%s of type %02xh has length %zu, %s", what, st->type, st->len,
			    st->len < 4 ? "shorter than its header" : "running past the table's end");
	else if (next < n)
		lint_report(l, LINT_ERROR, table, next, check, "%zu bytes after the last %s",
			    n - next, what);
}

void lint_skip(struct lint *l, const char *what)
{
	size_t n = strlen(l->skipped);

	if (strstr(l->skipped, what))
		return;
	snprintf(l->skipped + n, sizeof(l->skipped) - n, "%s%s", n ? "; " : "", what);
}

uint8_t lint_checksum(const uint8_t *b, size_t n)
{
	uint8_t sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += b[i];
	return sum;
}

/* Every table: the header's checksum (ACPI 5.2.6: all bytes sum to 0). */
static void lint_header(struct lint *l, const struct platform_table *t)
{
	uint8_t sum;

	/* the loaders refuse a short table; the FACS has no checksum (ACPI 5.2.10) */
	if (t->len < 36 || !strcmp(t->signature, "FACS"))
		return;
	sum = lint_checksum(t->data, t->len);
	if (sum)
		lint_report(l, LINT_ERROR, t->signature, 9, "acpi-checksum",
			    "checksum 0x%02x is wrong: the bytes sum to 0x%02x, not 0 (0x%02x would be right)%s",
			    t->data[9], sum, (uint8_t)(t->data[9] - sum),
			    !strcmp(t->signature, "IVRS") ? "; the kernel's AMD-Vi driver refuses the table" : "");
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: isofuzz lint [--quiet] [--topology BUNDLE] TABLE|BUNDLE\n"
		"\n"
		"Check a DMAR or IVRS table by the VT-d and AMD IOMMU specifications:\n"
		"every check of the Firmware Test Suite's dmar and ivrs tests, and\n"
		"IOAPICs of the MADT under a unit, overlapping scopes, IVRS aliases\n"
		"across buses, unity maps (RMRR, IVMD) over RAM.  TABLE is a raw\n"
		"table (.dat, .aml) or an iasl source (.asl, .dsl); BUNDLE a machine\n"
		"bundle, whose PCI functions, MADT, HPET and the BIOS-e820 lines of\n"
		"expected/dmesg feed the checks that need them.\n"
		"\n"
		"One finding a line, \"SEVERITY TABLE+OFFSET: what (check)\", then\n"
		"\"lint: N errors, M warnings, K info\" and the checks skipped.\n"
		"\n"
		"  --topology BUNDLE  check TABLE on BUNDLE's machine, in place of its own\n"
		"  --quiet            print nothing; the exit status says\n"
		"\n"
		"Exit status: 0 no error or warning (info only), 1 errors or warnings,\n"
		"2 unreadable input or usage, 3 internal error.\n");
}

static const char *const lintable[] = { "DMAR", "IVRS", NULL };

int cmd_lint(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "topology", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *topology = NULL;
	struct lint l = { 0 };
	struct bundle b;
	struct diag d;
	bool lone, any = false;
	int c, ret;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qt:h", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			l.quiet = true;
			break;
		case 't':
			topology = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_ISOLATED;
		default:
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	lone = table_input_is_table(argv[optind]);
	if (topology && !lone) {
		fprintf(stderr, "isofuzz: lint: --topology goes with a lone TABLE, not a bundle\n");
		return EXIT_BAD_INPUT;
	}
	if (lone ? table_input_load_as(&b, argv[optind], topology, lintable, &d) :
		   bundle_load(&b, argv[optind], &d)) {
		diag_print(&d);
		bundle_release(&b);
		return EXIT_BAD_INPUT;
	}
	l.platform = &b.platform;
	l.has_topology = b.platform.nr_functions > 0;
	ret = sv_facts_build(&l.topo, &b.platform, NULL);
	if (!ret && (!lone || topology))
		ret = lint_dmesg(&l, lone ? topology : b.path);
	if (ret) {
		fprintf(stderr, "isofuzz: lint: out of memory\n");
		ret = EXIT_INTERNAL;
		goto out;
	}
	if (!l.has_topology)
		lint_skip(&l, "scope devices and their types (no PCI functions)");
	for (size_t i = 0; i < b.platform.nr_tables; i++) {
		const struct platform_table *t = &b.platform.tables[i];

		if (!t->data)
			continue;
		lint_header(&l, t);
		if (!strcmp(t->signature, "DMAR")) {
			lint_dmar(&l, t->data, t->len);
			any = true;
		} else if (!strcmp(t->signature, "IVRS")) {
			lint_ivrs(&l, t->data, t->len);
			any = true;
		}
	}
	if (!any)
		lint_skip(&l, "DMAR and IVRS checks (neither table present)");
	if (!l.quiet)
		printf("lint: %u error%s, %u warning%s, %u info%s%s%s\n",
		       l.count[LINT_ERROR], l.count[LINT_ERROR] == 1 ? "" : "s",
		       l.count[LINT_WARNING], l.count[LINT_WARNING] == 1 ? "" : "s",
		       l.count[LINT_INFO], *l.skipped ? " (checks skipped: " : "", l.skipped,
		       *l.skipped ? ")" : "");
	ret = l.count[LINT_ERROR] || l.count[LINT_WARNING] ? EXIT_VIOLATION : EXIT_ISOLATED;
out:
	free(l.mem);
	sv_facts_release(&l.topo);
	bundle_release(&b);
	return ret;
}
