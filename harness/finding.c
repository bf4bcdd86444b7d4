// SPDX-License-Identifier: GPL-2.0-only
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bdf.h"
#include "bundle.h"
#include "bundle_write.h"
#include "finding.h"

static const char *pcie_type_name(int t)
{
	static const char *const names[] = { "endpoint", "legacy-endpoint", "?", "?", "root-port",
		"switch-up", "switch-down", "pcie-pci-bridge", "pci-pcie-bridge", "rciep", "rcec" };

	if (t < 0)
		return "pci";
	return t < (int)(sizeof(names) / sizeof(names[0])) ? names[t] : "?";
}

static int type_of(const struct observation *obs, const char *bdf_text)
{
	bdf_t b;

	if (!bdf_text[0] || !bdf_parse(bdf_text, &b))
		return -2;
	for (size_t i = 0; i < obs->nr_devices; i++)
		if (BDF(obs->devices[i].segment, obs->devices[i].bus, obs->devices[i].devfn) == b)
			return obs->devices[i].pcie_type;
	return -2;
}

/*
 * Property, class and reason of the first violation, and for kernel logic
 * the kinds of the two devices in a fixed order: the same defect on another
 * topology has the same signature, a different kind of pair is worth its
 * own finding.  A firmware inconsistency is about the tables, whatever the
 * devices: one finding per property and reason.
 */
void finding_signature(const struct sv_verdict *v, const struct observation *obs,
		       char *buf, size_t size)
{
	const struct sv_violation *w = v->nr ? &v->v[0] : NULL;
	const char *ka, *kb, *t;
	int ta, tb;

	if (!w) {
		snprintf(buf, size, "unknown");
		return;
	}
	ta = type_of(obs, w->a_bdf);
	tb = type_of(obs, w->b_bdf);
	ka = ta > -2 ? pcie_type_name(ta) : "";
	kb = tb > -2 ? pcie_type_name(tb) : "";
	if (strcmp(ka, kb) > 0) {
		t = ka;
		ka = kb;
		kb = t;
	}
	if (w->cls == SV_FIRMWARE)
		ka = kb = "";
	snprintf(buf, size, "%s-%s-%s%s%s%s%s", sv_prop_name(w->prop),
		 w->cls == SV_FIRMWARE ? "firmware" : "kernel", sv_reason_name(w->reason),
		 *ka ? "-" : "", ka, *kb ? "-" : "", kb);
}

int finding_hang_signature(const char *failure, char *sig, size_t size)
{
	static const char hang[] = "hang in ";
	const char *fn, *end;

	if (!failure || strncmp(failure, hang, sizeof(hang) - 1))
		return -1;
	fn = failure + sizeof(hang) - 1;
	end = strchr(fn, ':');
	if (!end || end == fn)
		return -1;
	snprintf(sig, size, "timeout-kernel-%.*s", (int)(end - fn), fn);
	return 0;
}

static int safe_for_shell(const char *s)
{
	return !strchr(s, '\'');
}

void finding_disassemble(const char *bundle, FILE *out)
{
	char cmd[8192], path[4096];
	FILE *p;
	size_t n;

	if (!safe_for_shell(bundle)) {
		fprintf(out, "(not disassembled: the path has a quote)\n");
		return;
	}
	/*
	 * iasl reads malformed tables too, which is the point, but a fuzzer's
	 * table may make it loop or print without end: 10 s, 256 KB.
	 */
	snprintf(cmd, sizeof(cmd),
		 "t=$(mktemp -d) && cp '%s'/sys/firmware/acpi/tables/* \"$t\"/ && cd \"$t\" && "
		 "for f in *; do timeout 10 iasl -d \"$f\" >/dev/null 2>&1; "
		 "[ -f \"$f.dsl\" ] && cat \"$f.dsl\" || echo \"(iasl could not disassemble $f)\"; "
		 "done | head -c 262144; rm -rf \"$t\"", bundle);
	p = popen(cmd, "r");
	if (!p) {
		fprintf(out, "(iasl not run: %s)\n", strerror(errno));
		return;
	}
	while ((n = fread(path, 1, sizeof(path), p)) > 0)
		fwrite(path, 1, n, out);
	pclose(p);
}

static int write_report(const char *dir, const struct finding *f)
{
	char path[4096];
	FILE *out;

	snprintf(path, sizeof(path), "%s/report.txt", dir);
	out = fopen(path, "w");
	if (!out)
		return -1;
	fprintf(out, "isofuzz finding %s\nkernel code: linux %s\nwhat: %s\n"
		"replay: isofuzz replay FINDING_DIR   (fuzz input: FINDING_DIR/input)\n\n",
		f->signature, kshim_kernel_version, f->what);
	if (f->verdict) {
		fprintf(out, "== verdict (Z3-confirmed)\n");
		sv_verdict_print_text(f->verdict, out);
	}
	if (f->tree) {
		fprintf(out, "\n== platform (grammar tree; lowered to the bundle's config spaces)\n");
		g_print(f->tree, out);
	}
	fprintf(out, "\n== tables (iasl -d)\n");
	fflush(out);
	finding_disassemble(dir, out);
	if (f->log) {
		fprintf(out, "\n== kernel log\n");
		fwrite(f->log, 1, f->log_len, out);
	}
	return fclose(out);
}

int finding_write(const char *findings, const struct finding *f)
{
	char final[4096], tmp[4096], path[4200];
	struct diag d;
	FILE *in;

	snprintf(final, sizeof(final), "%s/%s", findings, f->signature);
	if (!access(final, F_OK))
		return 0;
	snprintf(tmp, sizeof(tmp), "%s/.tmp-%s-%d", findings, f->signature, (int)getpid());
	if (bundle_write_platform(f->platform, tmp, &d)) {
		diag_print(&d);
		return -1;
	}
	if (f->input) {
		snprintf(path, sizeof(path), "%s/input", tmp);
		in = fopen(path, "wb");
		if (!in || fwrite(f->input, 1, f->input_len, in) != f->input_len || fclose(in)) {
			fprintf(stderr, "isofuzz: %s: %s\n", path, strerror(errno));
			return -1;
		}
	}
	if (write_report(tmp, f)) {
		fprintf(stderr, "isofuzz: %s/report.txt: %s\n", tmp, strerror(errno));
		return -1;
	}
	if (rename(tmp, final)) {
		int e = errno;

		/* another job got there first: keep its copy */
		bundle_remove(tmp);
		return e == EEXIST || e == ENOTEMPTY ? 0 : -1;
	}
	return 1;
}

void finding_sweep(const char *findings)
{
	DIR *d = opendir(findings);
	struct dirent *e;
	char path[4200];

	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, ".tmp-", 5))
			continue;
		snprintf(path, sizeof(path), "%s/%s", findings, e->d_name);
		bundle_remove(path);
	}
	if (d)
		closedir(d);
}
