// SPDX-License-Identifier: GPL-2.0-only
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "exec_log.h"
#include "hash.h"

uint64_t exec_log_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void exec_log_note(const uint8_t *data, size_t size)
{
	static int fd = -2;
	char line[64];
	int n;

	if (fd == -2) {
		const char *path = getenv(EXEC_LOG_ENV);

		fd = path && *path ? open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644) : -1;
	}
	if (fd < 0)
		return;
	n = snprintf(line, sizeof(line), "%016" PRIx64 " %" PRIu64 "\n", fnv1a(data, size),
		     exec_log_now_ms());
	if (write(fd, line, (size_t)n) != n) {
		/* a full disk: the times are lost, the campaign goes on */
	}
}

/* 0 is the empty slot: a real hash of 0 is stored as 1 (and looked up so) */
static uint64_t slot_key(uint64_t h)
{
	return h ? h : 1;
}

static int put(struct exec_log *l, uint64_t key, uint64_t ms)
{
	size_t i;

	if (2 * (l->nr + 1) > l->cap) {
		struct exec_log bigger = { 0 };

		bigger.cap = l->cap ? 2 * l->cap : 1024;
		bigger.keys = calloc(bigger.cap, sizeof(*bigger.keys));
		bigger.ms = calloc(bigger.cap, sizeof(*bigger.ms));
		if (!bigger.keys || !bigger.ms) {
			exec_log_release(&bigger);
			return -1;
		}
		for (size_t k = 0; k < l->cap; k++)
			if (l->keys[k])
				put(&bigger, l->keys[k], l->ms[k]);
		exec_log_release(l);
		*l = bigger;
	}
	for (i = key & (l->cap - 1); l->keys[i] && l->keys[i] != key; i = (i + 1) & (l->cap - 1))
		;
	if (!l->keys[i]) {
		l->keys[i] = key;
		l->ms[i] = ms;
		l->nr++;
	} else if (ms < l->ms[i]) {
		l->ms[i] = ms;
	}
	return 0;
}

int exec_log_read(struct exec_log *l, const char *path)
{
	FILE *f = fopen(path, "r");
	uint64_t h, ms;
	int ret = 0;

	memset(l, 0, sizeof(*l));
	if (!f)
		return 0;
	while (!ret && fscanf(f, "%" SCNx64 " %" SCNu64, &h, &ms) == 2)
		ret = put(l, slot_key(h), ms);
	fclose(f);
	return ret;
}

uint64_t exec_log_first(const struct exec_log *l, uint64_t hash)
{
	uint64_t key = slot_key(hash);

	if (!l->cap)
		return UINT64_MAX;
	for (size_t i = key & (l->cap - 1); l->keys[i]; i = (i + 1) & (l->cap - 1))
		if (l->keys[i] == key)
			return l->ms[i];
	return UINT64_MAX;
}

void exec_log_release(struct exec_log *l)
{
	free(l->keys);
	free(l->ms);
	memset(l, 0, sizeof(*l));
}
