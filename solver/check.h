/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The two checkers of the same specification over the same facts: the Z3
 * model (the oracle of record) and the fast graph check (the fuzzer's hot
 * path).  Both report violations by key, so their answers can be compared
 * set against set.
 */
#ifndef SOLVER_CHECK_H
#define SOLVER_CHECK_H

#include "facts.h"
#include "verdict.h"

/*
 * Violations as found.  keep > 0 stores only the first keep of them (the
 * verdict reports or pins no more) while total still counts every one: on
 * a grown platform the fast check finds thousands of P2 pairs, and storing
 * each, 480 bytes with its unused text, was most of the fast check's time
 * (copies and page faults as the array grew).
 */
struct sv_found {
	struct sv_violation *v;
	size_t nr, cap;		/* stored */
	size_t keep;		/* 0: store all */
	size_t total;		/* found */
};

int sv_found_add(struct sv_found *f, const struct sv_violation *v);
void sv_found_release(struct sv_found *f);
/* Same violation key (what is violated and by whom, not the witness). */
bool sv_same_key(const struct sv_violation *a, const struct sv_violation *b);

/* Rules the fast check evaluates directly, shared with the explanations. */
bool sv_iso_fn(const struct sv_fn *x);
bool sv_phantom_emits(const struct sv_fn *d, uint16_t rid);
bool sv_rp_p2p(const struct sv_fn *x);
bool sv_same_device(const struct sv_facts *f, const struct sv_fn *x, const struct sv_fn *y);
bool sv_turns_back(const struct sv_fn *p);
int sv_uf_gap(const struct sv_facts *f, const struct sv_fn *x);
bool sv_covered_by(const struct sv_facts *f, int unit, uint16_t seg, uint16_t rid);
bool sv_group_iso_msi(const struct sv_facts *f, int group);
bool sv_sid_admits(const struct observation_device *od, uint16_t rid);
bool sv_region_serves(const struct sv_dmap *m, const struct observation_region *q);

/* fastcheck.c: every violation of property p, appended to out. 0 / -1. */
int sv_fast_check(const struct sv_facts *f, enum sv_prop p, struct sv_found *out);

/* z3_model.c */
struct sv_z3;
struct sv_z3 *sv_z3_new(const struct sv_facts *f);
/*
 * One violation of p (pin: exactly that key, else any): 1 found, *out
 * holds Z3's model as a witness; 0 none (unsat); -1 error.
 */
int sv_z3_find(struct sv_z3 *z, enum sv_prop p, const struct sv_violation *pin,
	       struct sv_violation *out);
/* Every violation of p by blocking each found key, at most max: n / -1. */
long sv_z3_enumerate(struct sv_z3 *z, enum sv_prop p, size_t max, struct sv_found *out);
void sv_z3_size(const struct sv_z3 *z, size_t *facts, size_t *rules);
const char *sv_z3_error(const struct sv_z3 *z);
void sv_z3_free(struct sv_z3 *z);

/* explain.c: the words for a violation, from its witness. */
void sv_explain(const struct sv_facts *f, struct sv_violation *v);

#endif
