// SPDX-License-Identifier: GPL-2.0-only
/*
 * AFL++'s custom mutator (AFL_CUSTOM_MUTATOR_LIBRARY) for the pipeline
 * target: the grammar-aware mutation and crossover of grammars/, the same
 * entry points the libFuzzer target's LLVMFuzzerCustomMutator and
 * LLVMFuzzerCustomCrossOver call.  AFL++'s own havoc stage runs after
 * this one, as libFuzzer's byte mutations do, so no bytes-as-bytes
 * fallback here.
 *
 * The API is AFL++ 4.04c's (docs/custom_mutators.md): afl_custom_init,
 * afl_custom_fuzz (add_buf is another queue entry: the crossover partner),
 * afl_custom_describe, afl_custom_deinit.  The output buffer is ours.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "grammar.h"

struct isofuzz_mutator {
	struct g_src rng;
	uint8_t *out;
	size_t cap;
	const char *last;	/* what the last call did, for describe */
};

void *afl_custom_init(void *afl, unsigned int seed)
{
	struct isofuzz_mutator *m = calloc(1, sizeof(*m));

	(void)afl;
	if (m)
		g_src_rng(&m->rng, seed ? seed : 1);
	return m;
}

/* 1 in CROSSOVER calls with a partner graft a part of it (libFuzzer calls
 * its crossover hook about as often among its mutators) */
#define CROSSOVER 8

size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
		       uint8_t *add_buf, size_t add_buf_size, size_t max_size)
{
	struct isofuzz_mutator *m = data;
	unsigned seed = (unsigned)g_pick(&m->rng, UINT32_MAX);
	size_t n = 0;

	if (max_size < 1)
		return 0;
	if (m->cap < max_size) {
		uint8_t *p = realloc(m->out, max_size);

		if (!p)
			return 0;
		m->out = p;
		m->cap = max_size;
	}
	*out_buf = m->out;
	if (add_buf && add_buf_size && !g_pick(&m->rng, CROSSOVER)) {
		m->last = "grammar-crossover";
		n = g_platform_crossover(buf, buf_size, add_buf, add_buf_size, m->out, max_size, seed);
	}
	if (!n) {
		n = buf_size < max_size ? buf_size : max_size;
		memcpy(m->out, buf, n);
		m->last = "grammar-mutate";
		n = g_platform_mutate(m->out, n, max_size, seed);
	}
	if (!n) {
		/* out of memory or grown past max_size: the input, one byte changed */
		n = buf_size ? (buf_size < max_size ? buf_size : max_size) : 1;
		if (buf_size)
			memcpy(m->out, buf, n);
		else
			m->out[0] = 0;
		m->out[g_pick(&m->rng, n)] ^= 1 + g_pick(&m->rng, 255);
		m->last = "byte";
	}
	return n;
}

const char *afl_custom_describe(void *data, size_t max_description_len)
{
	struct isofuzz_mutator *m = data;

	(void)max_description_len;	/* our names are short */
	return m->last ? m->last : "grammar";
}

void afl_custom_deinit(void *data)
{
	struct isofuzz_mutator *m = data;

	if (m)
		free(m->out);
	free(m);
}
