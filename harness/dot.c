// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <spawn.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>

#include "bdf.h"
#include "dot.h"
#include "names.h"

extern char **environ;

static uint16_t get16(const uint8_t *c, size_t off)
{
	return c[off] | c[off + 1] << 8;
}

static const struct platform_pci_function *function_of(const struct platform *p, uint16_t seg,
							 uint8_t bus, uint8_t devfn)
{
	for (size_t i = 0; i < p->nr_functions; i++)
		if (p->functions[i].segment == seg && p->functions[i].bus == bus &&
		    p->functions[i].devfn == devfn)
			return &p->functions[i];
	return NULL;
}

/* The ACS capability register as the firmware left it, -1 when there is none. */
static int acs_cap(const struct platform_pci_function *f)
{
	unsigned int pos = 0x100;

	for (int n = 0; f && f->config_size == 4096 && pos && n < 480; n++) {
		uint32_t hdr = get16(f->config, pos) | (uint32_t)get16(f->config, pos + 2) << 16;

		if (!hdr || hdr == 0xffffffff)
			break;
		if ((hdr & 0xffff) == 0x0d)
			return get16(f->config, pos + 4);
		pos = (hdr >> 20) & ~3u;
		if (pos < 0x100 || pos > 4096 - 8)
			break;
	}
	return -1;
}

/* The bridge whose secondary bus is bus: the function's parent in the tree. */
static const struct platform_pci_function *parent_of(const struct platform *p, uint16_t seg, uint8_t bus)
{
	for (size_t i = 0; i < p->nr_functions; i++) {
		const struct platform_pci_function *f = &p->functions[i];

		if (f->segment == seg && (f->config[0x0e] & 0x7f) && f->config[0x19] == bus &&
		    f->bus != bus)
			return f;
	}
	return NULL;
}

static void quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

static void node(FILE *out, const struct platform *p, const struct observation_device *d)
{
	static const char *const acs_bits[] = { "SV", "TB", "RR", "CR", "UF", "EC", "DT" };
	const struct platform_pci_function *f = function_of(p, d->segment, d->bus, d->devfn);
	char bdf[16], name[256], label[512];
	const char *type = pcie_type_name(d->pcie_type);
	int acs = acs_cap(f), n;

	bdf_format(BDF(d->segment, d->bus, d->devfn), bdf);
	names_device(d->vendor, d->device, name, sizeof(name));
	n = snprintf(label, sizeof(label), "%s [%04x:%04x]\n%s%s%s", bdf, d->vendor, d->device,
		     name, *name ? "\n" : "", type ? type : "PCIe, other port type");
	if (acs >= 0 && n > 0 && (size_t)n < sizeof(label)) {
		n += snprintf(label + n, sizeof(label) - n, ", ACS");
		for (int b = 0; b < 7 && (size_t)n < sizeof(label); b++)
			if (acs & (1 << b))
				n += snprintf(label + n, sizeof(label) - n, " %s", acs_bits[b]);
	}
	fputs("    ", out);
	quoted(out, bdf);
	fputs(" [label=", out);
	quoted(out, label);
	fprintf(out, "%s];\n", acs >= 0 ? ", peripheries=2" : "");
}

static void edge(FILE *out, const char *a, const char *b, const char *attrs)
{
	fputs("  ", out);
	quoted(out, a);
	fputs(" -> ", out);
	quoted(out, b);
	fprintf(out, " [%s];\n", attrs);
}

void dot_write(FILE *out, const char *title, const struct platform *p,
	       const struct observation *obs, const struct sv_verdict *v)
{
	char a[16], b[16], label[600];
	bool violated = false;

	for (int i = 0; i < SV_NR_PROPS; i++)
		violated |= v && v->status[i] == SV_VIOLATED;
	fputs("digraph isofuzz {\n  graph [rankdir=LR, compound=true, fontname=Helvetica, label=", out);
	snprintf(label, sizeof(label), "%s: kernel %s, interrupt remapping %s, verdict %s", title,
		 kshim_kernel_version,
		 obs->ir_mode == OBS_IR_X2APIC ? "on (x2apic)" : obs->ir_mode == OBS_IR_XAPIC ? "on (xapic)" : "off",
		 !v ? "not judged" : violated ? "VIOLATION (red)" : "isolated");
	quoted(out, label);
	fputs("];\n  node [shape=box, fontname=Helvetica, fontsize=10];\n"
	      "  edge [fontname=Helvetica, fontsize=9];\n", out);

	/* groups: clusters, with their functions */
	for (int g = 0; g < obs->nr_groups; g++) {
		fprintf(out, "  subgraph cluster_g%d {\n    label=\"group %d%s\"; style=rounded;\n", g, g,
			obs->groups && !obs->groups[g].isolated_msi ? " (MSI not isolated)" : "");
		for (size_t i = 0; i < obs->nr_devices; i++)
			if (obs->devices[i].group == g)
				node(out, p, &obs->devices[i]);
		fputs("  }\n", out);
	}
	for (size_t i = 0; i < obs->nr_devices; i++)
		if (obs->devices[i].group < 0)
			node(out, p, &obs->devices[i]);

	/* the tree: each function under the bridge of its bus, or its root bus */
	for (size_t i = 0; i < obs->nr_devices; i++) {
		const struct observation_device *d = &obs->devices[i];
		const struct platform_pci_function *up = parent_of(p, d->segment, d->bus);

		bdf_format(BDF(d->segment, d->bus, d->devfn), b);
		if (up) {
			edge(out, bdf_format(BDF(up->segment, up->bus, up->devfn), a), b, "arrowhead=none");
		} else {
			snprintf(a, sizeof(a), "bus %04x:%02x", d->segment, d->bus);
			fputs("  ", out);
			quoted(out, a);
			fputs(" [shape=ellipse, label=", out);
			snprintf(label, sizeof(label), "root bus %04x:%02x", d->segment, d->bus);
			quoted(out, label);
			fputs("];\n", out);
			edge(out, a, b, "arrowhead=none");
		}
	}

	/* units, each pointing at the groups of the functions it translates */
	for (size_t u = 0; u < obs->nr_units; u++) {
		const struct observation_unit *unit = &obs->units[u];

		snprintf(label, sizeof(label), "%s\nbase %#llx\nremapping %s", unit->name,
			 (unsigned long long)unit->reg_base,
			 unit->ir_enabled ? "on" : unit->ir_capable ? "off" : "not supported");
		fputs("  ", out);
		quoted(out, unit->name);
		fputs(" [shape=hexagon, style=filled, fillcolor=lightblue, label=", out);
		quoted(out, label);
		fputs("];\n", out);
		for (int g = -1; g < obs->nr_groups; g++)
			for (size_t i = 0; i < obs->nr_devices; i++) {
				const struct observation_device *d = &obs->devices[i];

				if (d->unit != (int)u || d->group != g)
					continue;
				if (g >= 0)
					snprintf(label, sizeof(label), "style=dashed, color=gray40, lhead=cluster_g%d", g);
				else
					snprintf(label, sizeof(label), "style=dashed, color=gray40");
				edge(out, unit->name, bdf_format(BDF(d->segment, d->bus, d->devfn), b), label);
				if (g >= 0)
					break;	/* one edge a group */
			}
	}

	/* DMA aliases the hardware emits (platform truth, when a generator knows it) */
	for (size_t i = 0; i < p->nr_dma_aliases; i++) {
		const struct platform_dma_alias *al = &p->dma_aliases[i];

		bdf_format(BDF(al->segment, al->bus, al->devfn), a);
		bdf_format(BDF(al->segment, al->alias_rid >> 8, al->alias_rid & 0xff), b);
		edge(out, a, b, "style=dotted, color=blue, label=\"DMA alias\", constraint=false");
	}

	/* the counterexamples: who reaches whom, and through what */
	for (size_t i = 0; v && i < v->nr; i++) {
		const struct sv_violation *x = &v->v[i];

		if (x->a_bdf[0]) {
			fputs("  ", out);
			quoted(out, x->a_bdf);
			fputs(" [color=red, penwidth=2, fontcolor=red];\n", out);
		}
		if (x->b_bdf[0]) {
			fputs("  ", out);
			quoted(out, x->b_bdf);
			fputs(" [color=red, penwidth=2, fontcolor=red];\n", out);
		}
		if (x->via_bdf[0]) {
			fputs("  ", out);
			quoted(out, x->via_bdf);
			fputs(" [style=filled, fillcolor=orange];\n", out);
		}
		if (x->a_bdf[0] && x->b_bdf[0]) {
			snprintf(label, sizeof(label), "color=red, fontcolor=red, penwidth=2, constraint=false, label=\"%s\"",
				 sv_prop_name(x->prop));
			edge(out, x->a_bdf, x->b_bdf, label);
		}
	}
	fputs("}\n", out);
}

int dot_render(const char *dot_path, const char *format, const char *path)
{
	char fmt[16];
	char *argv[] = { "dot", fmt, "-o", (char *)path, (char *)dot_path, NULL };
	pid_t pid;
	int status, err;

	snprintf(fmt, sizeof(fmt), "-T%s", format);
	err = posix_spawnp(&pid, "dot", NULL, NULL, argv, environ);
	if (err) {
		fprintf(stderr, "isofuzz: --%s needs Graphviz's dot: %s (use --dot FILE)\n", format,
			strerror(err));
		return -1;
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "isofuzz: %s: dot -T%s failed\n", path, format);
		return -1;
	}
	return 0;
}
