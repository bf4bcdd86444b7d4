// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lone firmware table given to `isofuzz replay` instead of a bundle: the
 * raw bytes as acpixtract writes them (dmar.dat) or as iasl compiles them
 * (.aml), or an iasl data-table source (.asl, .dsl) compiled here by
 * running iasl.  The table replays on a platform with no PCI functions, or
 * in place of the same table of a topology bundle (--topology): that
 * bundle's PCI functions, MADT, HPET, registers, cpuinfo and command line.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "table_input.h"

#define ACPI_HEADER_SIZE 36
/* iasl 20200925 loops on a subtable Length that does not match its fields */
#define IASL_SECONDS 30

/*
 * The tables replay knows how to run.  IVRS (AMD-Vi) joins this list when
 * the AMD code is compiled; until then an IVRS is refused by name here.
 */
static const char *const replayable[] = { "DMAR", NULL };

static bool known_signature(const uint8_t *data, const char *const *sigs)
{
	for (size_t i = 0; sigs[i]; i++)
		if (!memcmp(data, sigs[i], 4))
			return true;
	return false;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* A signature for a message: printable characters as they are, others as '.' */
static void printable(const uint8_t *data, size_t len, char out[5])
{
	for (size_t i = 0; i < 4; i++)
		out[i] = i < len && data[i] >= 0x20 && data[i] < 0x7f ? data[i] : '.';
	out[4] = 0;
}

/* The header checks a lone table needs: it is exactly one table of a kind in sigs. */
static int check_lone_table(const char *path, const uint8_t *data, size_t len,
			    const char *const *sigs, struct diag *d)
{
	char sig[5];
	uint32_t length;

	if (len < ACPI_HEADER_SIZE) {
		diag_set(d, path, NULL, "%zu bytes: too short for an ACPI table header (36 bytes)", len);
		return -1;
	}
	if (!known_signature(data, sigs)) {
		char known[64] = "";

		for (size_t i = 0; sigs[i]; i++)
			snprintf(known + strlen(known), sizeof(known) - strlen(known), "%s%s",
				 i ? " or " : "", sigs[i]);
		printable(data, len, sig);
		diag_set(d, path, "offset 0", "signature \"%s\": %s a %s table", sig,
			 sigs == replayable ? "replay runs" : "want", known);
		return -1;
	}
	if (bundle_check_table(path, data, len, d))
		return -1;
	length = data[4] | data[5] << 8 | data[6] << 16 | (uint32_t)data[7] << 24;
	if (length != len) {
		diag_set(d, path, "offset 4", "length field %u, but the file has %zu bytes (one table per file)",
			 length, len);
		return -1;
	}
	return 0;
}

/*
 * iasl's first error (-vi form: "file.asl(31) : error    6313 - what"):
 * its line number in *line (0 when it names none) and the rest in out.
 */
static void iasl_first_error(const char *log, int *line, char *out, size_t size)
{
	FILE *f = fopen(log, "r");
	char text[512];

	*line = 0;
	snprintf(out, size, "no error message (see iasl's output)");
	if (!f)
		return;
	while (fgets(text, sizeof(text), f)) {
		char *e = strstr(text, "error");
		char *paren = strchr(text, '(');

		if (!e)
			continue;
		text[strcspn(text, "\n")] = 0;
		if (paren && paren < e)
			*line = atoi(paren + 1);
		snprintf(out, size, "%s", e);
		break;
	}
	fclose(f);
}

/*
 * Compile an .asl data-table source with iasl into a temporary folder and
 * read the table it writes.  iasl runs with a time limit (alarm() survives
 * exec): a wrong subtable Length makes iasl 20200925 loop for ever.
 */
static uint8_t *compile_asl(const char *path, size_t *len, struct diag *d)
{
	char dir[] = "/tmp/isofuzz-iasl-XXXXXX", prefix[64], aml[64], log[64], msg[400], where[32];
	uint8_t *data = NULL;
	int status, line;
	pid_t pid;

	if (!mkdtemp(dir)) {
		diag_set(d, path, NULL, "cannot make a folder for iasl: %s", strerror(errno));
		return NULL;
	}
	snprintf(prefix, sizeof(prefix), "%s/table", dir);
	snprintf(aml, sizeof(aml), "%s/table.aml", dir);
	snprintf(log, sizeof(log), "%s/iasl.log", dir);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		FILE *out = freopen(log, "w", stdout);

		if (out && dup2(fileno(stdout), 2) >= 0 && freopen("/dev/null", "r", stdin)) {
			alarm(IASL_SECONDS);
			execlp("iasl", "iasl", "-vi", "-p", prefix, path, (char *)NULL);
		}
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		diag_set(d, path, NULL, "cannot run iasl: %s", strerror(errno));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		diag_set(d, path, NULL, "an .asl source needs iasl to compile it, and iasl is not "
			 "installed (Debian: apt-get install acpica-tools)");
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
		diag_set(d, path, NULL, "iasl did not finish in %d s (iasl 20200925 loops on a subtable "
			 "Length that does not match its fields)", IASL_SECONDS);
	} else if (WIFSIGNALED(status)) {
		diag_set(d, path, NULL, "iasl crashed on it (signal %d): not a data-table source iasl "
			 "can read", WTERMSIG(status));
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) || access(aml, F_OK)) {
		iasl_first_error(log, &line, msg, sizeof(msg));
		snprintf(where, sizeof(where), "line %d", line);
		diag_set(d, path, line ? where : NULL, "iasl could not compile it: %s", msg);
	} else {
		data = bundle_read_file(aml, BUNDLE_MAX_TABLE_SIZE, len, d);
	}
	unlink(aml);
	unlink(log);
	rmdir(dir);
	return data;
}

int table_input_load(struct bundle *b, const char *path, const char *topology, struct diag *d)
{
	return table_input_load_as(b, path, topology, replayable, d);
}

int table_input_load_as(struct bundle *b, const char *path, const char *topology,
			const char *const *sigs, struct diag *d)
{
	uint8_t *data;
	size_t len;
	char sig[5];

	memset(b, 0, sizeof(*b));
	if (topology) {
		if (bundle_load(b, topology, d))
			return -1;
	} else {
		/* no topology: no PCI functions, no MADT, an empty command line */
		b->platform.cmdline = strdup("");
		if (!b->platform.cmdline)
			return -1;
	}
	free(b->path);
	b->path = strdup(path);
	if (!b->path)
		return -1;
	data = bundle_read_file(path, BUNDLE_MAX_TABLE_SIZE, &len, d);
	if (!data)
		return -1;
	if (!(len >= 4 && known_signature(data, sigs)) &&
	    (has_suffix(path, ".asl") || has_suffix(path, ".dsl"))) {
		free(data);
		data = compile_asl(path, &len, d);
		if (!data)
			return -1;
	}
	if (check_lone_table(path, data, len, sigs, d)) {
		free(data);
		return -1;
	}
	printable(data, len, sig);
	if (bundle_set_table(b, sig, data, len)) {
		free(data);
		diag_set(d, path, NULL, "out of memory");
		return -1;
	}
	/* the topology's expected groups were formed with its own table */
	partition_release(&b->expected);
	b->has_expected = false;
	return 0;
}

bool table_input_is_table(const char *path)
{
	struct stat st;

	return !stat(path, &st) && !S_ISDIR(st.st_mode);
}
