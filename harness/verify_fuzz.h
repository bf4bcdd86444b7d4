/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * verify-patch's fuzzing half: both builds fuzz for the same time from the
 * same seeds; every input either campaign kept (corpus, findings, crash
 * artifacts) is then replayed by both builds, and each input on which they
 * differ is reported once, with when the patched campaign first ran it,
 * and written as a bundle under OUT/differ/.
 */
#ifndef ISOFUZZ_VERIFY_FUZZ_H
#define ISOFUZZ_VERIFY_FUZZ_H

#include <stdbool.h>

#include "replay_compare.h"
#include "tree_build.h"

struct verify_fuzz {
	unsigned secs;			/* per campaign */
	const char *out;		/* OUT: campaigns, inputs, differ */
	const char *const *seeds;	/* more --seeds for both campaigns */
	size_t nr_seeds;
	bool quiet;
};

/* tb[0] base, tb[1] patched, both built.  0, or -1 (message on stderr). */
int verify_fuzz_run(const struct tree_build tb[2], const struct verify_fuzz *o,
		    struct compare_tally *t);

#endif
