/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * While the kernel's code runs in a replay, a sanitizer report ends the
 * process as a kernel crash (exit 3, the function named) rather than with
 * the sanitizer's own status.
 */
#ifndef ISOFUZZ_CRASH_REPORT_H
#define ISOFUZZ_CRASH_REPORT_H

/* what: the bundle's path, for the message */
void crash_report_arm(const char *what);
void crash_report_disarm(void);

#endif
