// SPDX-License-Identifier: GPL-2.0-only
/* Printing a verdict: text for people, JSON for programs, same content. */
#include <stdlib.h>
#include <string.h>

#include "solver.h"

static const char *const prop_names[SV_NR_PROPS] = { "P1", "P2", "P3", "P4", "P5", "P6" };
static const char *const prop_titles[SV_NR_PROPS] = {
	"requester-ID isolation", "peer-to-peer isolation", "translation coverage",
	"MSI isolation", "direct maps", "interrupt delivery",
};
static const char *const reason_names[] = {
	[SV_R_NONE] = "none", [SV_R_SHARED_RID] = "shared-requester-id",
	[SV_R_XBUS_ALIAS] = "ivrs-cross-bus-alias",
	[SV_R_ALIAS_REDECLARED] = "ivrs-alias-redeclared",
	[SV_R_CONV_BUS] = "conventional-bus", [SV_R_SWITCH] = "switch-port-without-acs",
	[SV_R_MULTIFUNCTION] = "multifunction-without-acs", [SV_R_ROOT_P2P] = "root-port-p2p",
	[SV_R_NO_UF] = "no-upstream-forwarding", [SV_R_SPOOF] = "no-source-validation",
	[SV_R_PCI_QUIRK] = "pci-quirk",
	[SV_R_NO_UNIT] = "no-unit", [SV_R_OTHER_UNIT] = "other-unit",
	[SV_R_RANGE_NO_START] = "range-end-without-start", [SV_R_IVHD_TYPES] = "ivhd-types-disagree",
	[SV_R_DRHD_REPEAT] = "drhd-same-base", [SV_R_ALIAS_UNIT] = "unit-by-dma-alias",
	[SV_R_IR_OFF] = "msi-not-remapped", [SV_R_SID_ADMITS] = "source-id-admits-other-group",
	[SV_R_NO_REGION] = "missing-reserved-region",
	[SV_R_PART_REGION] = "unaligned-map-partly-reserved",
	[SV_R_IVMD_ALL_SEG] = "ivmd-all-other-segment", [SV_R_IVMD_INVERTED] = "ivmd-range-inverted",
	[SV_R_INIT_FAILED] = "driver-init-failed", [SV_R_IRQ_UNCOVERED] = "irq-source-uncovered",
	[SV_R_TWO_VENDORS] = "dmar-and-ivrs",
};

const char *sv_prop_name(enum sv_prop p)
{
	return p < SV_NR_PROPS ? prop_names[p] : "P?";
}

const char *sv_reason_name(enum sv_reason r)
{
	return r < sizeof(reason_names) / sizeof(reason_names[0]) ? reason_names[r] : "?";
}

static const char *class_name(enum sv_class c)
{
	return c == SV_FIRMWARE ? "firmware inconsistency" : "kernel logic";
}

static bool violated(const struct sv_verdict *v)
{
	for (int i = 0; i < SV_NR_PROPS; i++)
		if (v->status[i] == SV_VIOLATED)
			return true;
	return false;
}

void sv_verdict_print_text(const struct sv_verdict *v, FILE *out)
{
	if (v->internal_error) {
		fprintf(out, "verdict: internal error: %s\n", v->error);
		return;
	}
	fprintf(out, "verdict: %s (%s)\n", violated(v) ? "VIOLATION" : "isolated",
		v->ran_z3 ? "Z3 model, cross-checked by the fast check" : "fast check only");
	for (int p = 0; p < SV_NR_PROPS; p++) {
		size_t shown = 0;

		fprintf(out, "  %s %s: ", prop_names[p], prop_titles[p]);
		if (v->status[p] == SV_NOT_JUDGED) {
			fprintf(out, "%s\n", v->not_judged[p]);
			continue;
		}
		if (v->status[p] == SV_HOLDS) {
			fprintf(out, "holds\n");
			continue;
		}
		fprintf(out, "violated (%zu)\n", v->count[p]);
		for (size_t i = 0; i < v->nr; i++) {
			if (v->v[i].prop != (enum sv_prop)p)
				continue;
			fprintf(out, "    %s [%s]\n", v->v[i].text, class_name(v->v[i].cls));
			shown++;
		}
		if (shown < v->count[p])
			fprintf(out, "    ... and %zu more\n", v->count[p] - shown);
	}
	if (v->table_note[0])
		fprintf(out, "  note: %s\n", v->table_note);
}

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(out, "\\u%04x", *s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

void sv_verdict_print_json(const struct sv_verdict *v, FILE *out)
{
	static const char *const status[] = { "holds", "violated", "not judged" };
	bool first = true;

	fprintf(out, "{\"result\": \"%s\"", v->internal_error ? "internal error" :
		violated(v) ? "violation" : "isolated");
	if (v->internal_error) {
		fprintf(out, ", \"error\": ");
		json_str(out, v->error);
	}
	fprintf(out, ", \"checker\": \"%s\", \"properties\": {", v->ran_z3 ? "z3+fast" : "fast");
	for (int p = 0; p < SV_NR_PROPS; p++) {
		fprintf(out, "%s\"%s\": {\"title\": \"%s\", \"status\": \"%s\", \"violations\": %zu",
			p ? ", " : "", prop_names[p], prop_titles[p], status[v->status[p]], v->count[p]);
		if (v->status[p] == SV_NOT_JUDGED) {
			fprintf(out, ", \"why\": ");
			json_str(out, v->not_judged[p]);
		}
		fputc('}', out);
	}
	fprintf(out, "}, \"violations\": [");
	for (size_t i = 0; i < v->nr; i++) {
		const struct sv_violation *w = &v->v[i];

		fprintf(out, "%s{\"property\": \"%s\", \"class\": \"%s\", \"reason\": \"%s\", \"z3_confirmed\": %s",
			first ? "" : ", ", prop_names[w->prop], class_name(w->cls),
			reason_names[w->reason], w->confirmed ? "true" : "false");
		first = false;
		if (w->a_bdf[0])
			fprintf(out, ", \"device\": \"%s\", \"group\": %d", w->a_bdf, w->a_group);
		if (w->b_bdf[0])
			fprintf(out, ", \"other_device\": \"%s\", \"other_group\": %d", w->b_bdf, w->b_group);
		if (w->via_bdf[0])
			fprintf(out, ", \"via\": \"%s\"", w->via_bdf);
		if (w->rid >= 0)
			fprintf(out, ", \"requester_id\": \"%02x:%02x.%d\"", (w->rid >> 8) & 0xff,
				(w->rid >> 3) & 0x1f, w->rid & 7);
		fprintf(out, ", \"text\": ");
		json_str(out, w->text);
		fputc('}', out);
	}
	fprintf(out, "]");
	if (v->table_note[0]) {
		fprintf(out, ", \"table_note\": ");
		json_str(out, v->table_note);
	}
	fprintf(out, ", \"model\": {\"facts\": %zu, \"rules\": %zu}}\n", v->z3_facts, v->z3_rules);
}

void sv_verdict_release(struct sv_verdict *v)
{
	free(v->v);
	v->v = NULL;
	v->nr = 0;
}
