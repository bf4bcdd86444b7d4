/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A verdict: per property, holds / violated / not judged, and the
 * violations with their witnesses, in words a kernel engineer reads at a
 * glance (text) or a program reads (JSON).
 */
#ifndef SOLVER_VERDICT_H
#define SOLVER_VERDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum sv_prop { SV_P1, SV_P2, SV_P3, SV_P4, SV_P5, SV_P6, SV_NR_PROPS };

enum sv_status { SV_HOLDS, SV_VIOLATED, SV_NOT_JUDGED };

enum sv_class {
	SV_KERNEL_LOGIC,	/* the kernel had the information */
	SV_FIRMWARE,		/* the tables contradict the hardware */
};

/* Why, per property (what the witness means). */
enum sv_reason {
	SV_R_NONE,
	/* P1 */
	SV_R_SHARED_RID,	/* both emit the same requester ID */
	SV_R_XBUS_ALIAS,	/* ... one by an IVRS alias on another bus */
	SV_R_ALIAS_REDECLARED,	/* ... one by an IVRS alias a later entry replaces */
	/* P2 */
	SV_R_CONV_BUS,		/* shared conventional PCI bus */
	SV_R_SWITCH,		/* switch downstream port without ACS isolation */
	SV_R_MULTIFUNCTION,	/* functions of one device without ACS */
	SV_R_ROOT_P2P,		/* root ports that route peer traffic */
	SV_R_NO_UF,		/* a port above reflects redirected requests */
	SV_R_SPOOF,		/* no source validation: can pose as the other */
	SV_R_PCI_QUIRK,		/* P2, P3: a PCI quirk's word the generated hardware breaks */
	/* P3 */
	SV_R_NO_UNIT,		/* no unit translates the requester ID */
	SV_R_OTHER_UNIT,	/* another unit than the kernel's */
	SV_R_RANGE_NO_START,	/* the kernel's unit by an IVRS end of range without a start */
	SV_R_IVHD_TYPES,	/* the kernel's unit by IVHDs of a type the tables' newest contradicts */
	SV_R_DRHD_REPEAT,	/* the tables' unit by a DRHD repeating an earlier one's unit */
	SV_R_ALIAS_UNIT,	/* the kernel's unit copied from a function below, whose DMA alias it is */
	/* P4 */
	SV_R_IR_OFF,		/* MSI not remapped */
	SV_R_SID_ADMITS,	/* source-id check admits another group */
	/* P5 */
	SV_R_NO_REGION,
	SV_R_PART_REGION,	/* map not whole pages; regions cover part of it */
	SV_R_IVMD_ALL_SEG,	/* IVMD 20h, a device of another segment than its bytes 8-9 */
	SV_R_IVMD_INVERTED,	/* IVMD 22h whose range ends before it starts */
	SV_R_INIT_FAILED,	/* the driver freed the maps when its set-up failed */
	/* P6 */
	SV_R_IRQ_UNCOVERED,
	/* P3..P6 */
	SV_R_TWO_VENDORS,	/* judged against a DMAR and an IVRS at once */
};

struct sv_violation {
	enum sv_prop prop;
	enum sv_class cls;
	enum sv_reason reason;
	int a, b;		/* function indices (facts), -1 none */
	int x, y;		/* witnesses: a port, bridge, unit (by reason) */
	int rid;		/* requester ID, -1 none */
	int item;		/* P5 map, P6 source, P4 group */
	bool confirmed;		/* Z3 produced a model for exactly this */
	char text[400];
	/* for JSON, filled when the verdict is made (indices die with the facts) */
	char a_bdf[13], b_bdf[13], via_bdf[13];
	int a_group, b_group;
};

struct sv_verdict {
	enum sv_status status[SV_NR_PROPS];
	char not_judged[SV_NR_PROPS][96];
	struct sv_violation *v;
	size_t nr;
	size_t count[SV_NR_PROPS];	/* violations found, all of them */
	bool internal_error;
	char error[256];
	char table_note[160];
	/* how it was decided */
	bool ran_fast, ran_z3;
	double fast_ms, z3_ms;
	size_t z3_facts, z3_rules;
};

const char *sv_prop_name(enum sv_prop p);
const char *sv_reason_name(enum sv_reason r);	/* as --json spells it */
void sv_verdict_print_text(const struct sv_verdict *v, FILE *out);
void sv_verdict_print_json(const struct sv_verdict *v, FILE *out);
void sv_verdict_release(struct sv_verdict *v);

#endif
