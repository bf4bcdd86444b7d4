// SPDX-License-Identifier: GPL-2.0-only
/*
 * isofuzz: does a machine's IOMMU grouping really isolate its devices?
 * One command, subcommands; exit status 0 isolated/agree, 1 violation or
 * difference, 2 bad input or usage, 3 internal error.
 */
#include <stdio.h>
#include <string.h>

#include <isofuzz/platform.h>

#include "commands.h"
#include "diag.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *what;
} commands[] = {
	{ "replay", cmd_replay, "run the kernel's code on a machine bundle" },
	{ "import", cmd_import, "build a bundle from acpidump and lspci files" },
	{ "collect", cmd_collect, "copy this machine's bundle (as root)" },
	{ "verify-patch", cmd_verify_patch, "does a kernel change break isolation? two trees, one answer" },
	{ "fuzz", cmd_fuzz, "a fuzz campaign with the isolation model judging every input" },
	{ "lint", cmd_lint, "check a DMAR or IVRS table by the VT-d and AMD IOMMU specifications" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: isofuzz COMMAND [ARGS...]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-13s %s\n", commands[i].name, commands[i].what);
	fprintf(out, "\n'isofuzz COMMAND --help' for a command's options.\n"
		     "Kernel code compiled from linux %s.\n", kshim_kernel_version);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_ISOLATED;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("isofuzz (kernel code from linux %s)\n", kshim_kernel_version);
		return EXIT_ISOLATED;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "isofuzz: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_BAD_INPUT;
}
