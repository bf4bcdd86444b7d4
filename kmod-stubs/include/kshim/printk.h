/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk and the dev_ and pr_ families.  What the kernel logs is captured
 * into the run's log (kmod-stubs/printk.c) in the kernel's own words, with
 * the same "pci 0000:00:1c.0: " prefixes a real dmesg shows.  Debug
 * messages are compiled in but, as in a kernel without dynamic debug
 * enabled for them, never printed.
 */
#ifndef KSHIM_PRINTK_H
#define KSHIM_PRINTK_H

#include "types.h"

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"
#define FW_BUG "[Firmware Bug]: "
#define FW_WARN "[Firmware Warn]: "
#define FW_INFO "[Firmware Info]: "
#define HW_ERR "[Hardware Error]: "

struct device;

__printf(1, 2) int printk(const char *fmt, ...);
__printf(3, 4) void kshim_dev_printk(const char *level, const struct device *dev,
				     const char *fmt, ...);
/* the kernel does nothing with a debug message unless asked: type-check only */
#define kshim_no_printk(fmt, ...) ({ if (0) printk(fmt, ##__VA_ARGS__); 0; })

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) kshim_no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...) kshim_no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning pr_warn

#define printk_once(fmt, ...) ({			\
	static bool __print_once;			\
	if (!__print_once) {				\
		__print_once = true;			\
		printk(fmt, ##__VA_ARGS__);		\
	}						\
})
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...) printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited pr_info
/* rate limits: every message of a run is kept */
struct ratelimit_state { int unused; };
#define DEFINE_RATELIMIT_STATE(name, interval, burst) struct ratelimit_state name
#define DEFAULT_RATELIMIT_INTERVAL 5
#define DEFAULT_RATELIMIT_BURST 10
#define __ratelimit(rs) ((void)(rs), 1)
#define pr_warn_ratelimited pr_warn
#define pr_err_ratelimited pr_err

#define dev_emerg(dev, fmt, ...) kshim_dev_printk(KERN_EMERG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) kshim_dev_printk(KERN_CRIT, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) kshim_dev_printk(KERN_ERR, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) kshim_dev_printk(KERN_WARNING, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) kshim_dev_printk(KERN_NOTICE, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) kshim_dev_printk(KERN_INFO, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) ({ if (0) kshim_dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__); })
#define dev_info_ratelimited dev_info
#define dev_warn_ratelimited dev_warn
#define dev_err_ratelimited dev_err
#define dev_warn_once dev_warn
#define dev_info_once dev_info

/*
 * WARN: the kernel prints a backtrace and carries on.  The shim records the
 * warning in the run's log (a finding for the fuzzer) and carries on too.
 */
void kshim_warn(const char *file, int line, const char *cond);
#define WARN_ON(cond) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c))						\
		kshim_warn(__FILE__, __LINE__, #cond);			\
	unlikely(__c);							\
})
#define WARN_ON_ONCE(cond) WARN_ON(cond)
#define WARN(cond, fmt, ...) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c)) {						\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
		kshim_warn(__FILE__, __LINE__, #cond);			\
	}								\
	unlikely(__c);							\
})
#define WARN_ONCE WARN
#define WARN_TAINT(cond, taint, fmt, ...) WARN(cond, fmt, ##__VA_ARGS__)
#define WARN_TAINT_ONCE WARN_TAINT
/* BUG: the kernel would stop here; a run that reaches one is a finding */
void kshim_bug(const char *file, int line) __attribute__((noreturn));
#define BUG() kshim_bug(__FILE__, __LINE__)
/* panic(): the kernel gives up; the run ends like BUG() (kmod-stubs/printk.c) */
__attribute__((noreturn)) void panic(const char *fmt, ...);
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#endif
