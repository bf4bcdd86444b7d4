// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pristine kernel state for every run.  The kernel wrappers place every
 * writable global of the compiled kernel files in kstate_data (initialized)
 * or kstate_bss (zeroed) (see kshim/kstate.h).  The first reset snapshots
 * kstate_data as loaded; every reset puts it back and zeroes kstate_bss, so
 * a static flag one run set (pci_acs_enable, a parameter string, a
 * printk_once) is gone before the next.
 */
#include <stdlib.h>
#include <string.h>

#include "kshim_internal.h"

extern char __start_kstate_data[] __attribute__((weak));
extern char __stop_kstate_data[] __attribute__((weak));
extern char __start_kstate_bss[] __attribute__((weak));
extern char __stop_kstate_bss[] __attribute__((weak));

static char *pristine_data;

/*
 * The sections hold ASan's redzones between the globals too: copy them as
 * raw memory, byte by byte, outside ASan's view (its shadow is unaffected).
 */
__attribute__((no_sanitize("address")))
static void raw_copy(char *dst, const char *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((volatile char *)dst)[i] = src[i];
}

__attribute__((no_sanitize("address")))
static void raw_zero(char *dst, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((volatile char *)dst)[i] = 0;
}

void kshim_state_reset(void)
{
	size_t data_len = __stop_kstate_data - __start_kstate_data;

	if (!pristine_data && data_len) {
		pristine_data = malloc(data_len);
		if (!pristine_data)
			abort();
		raw_copy(pristine_data, __start_kstate_data, data_len);
	}
	if (data_len)
		raw_copy(__start_kstate_data, pristine_data, data_len);
	if (__stop_kstate_bss > __start_kstate_bss)
		raw_zero(__start_kstate_bss, __stop_kstate_bss - __start_kstate_bss);
}

__attribute__((destructor)) static void kstate_release(void)
{
	free(pristine_data);
}
