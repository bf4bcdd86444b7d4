/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel parameters and initcalls.  __setup()/early_param() entries land in
 * a section the shim walks to run the kernel's own parameter handlers on
 * the platform's command line (kmod-stubs/params.c).  Initcalls are listed
 * but the shim calls the ones that matter itself, in boot order.
 */
#ifndef KSHIM_INIT_H
#define KSHIM_INIT_H

#include "types.h"

struct kshim_setup_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

#define KSHIM_SETUP(str, fn, early)					\
	static const struct kshim_setup_param __setup_##fn		\
	__attribute__((used, section("kshim_setup"), aligned(8))) =	\
		{ str, fn, early }
#define __setup(str, fn) KSHIM_SETUP(str, fn, 0)
#define early_param(str, fn) KSHIM_SETUP(str, fn, 1)

#define core_initcall(fn)
#define postcore_initcall(fn)
#define arch_initcall(fn)
#define subsys_initcall(fn)
#define fs_initcall(fn)
#define fs_initcall_sync(fn)
#define rootfs_initcall(fn)
#define device_initcall(fn)
#define late_initcall(fn)
#define late_initcall_sync(fn)
#define pure_initcall(fn)
#define module_init(fn)
#define module_exit(fn)

unsigned long long memparse(const char *ptr, char **retptr);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtobool(const char *s, bool *res);
char *skip_spaces(const char *str);

#endif
