/* SPDX-License-Identifier: GPL-2.0-only */
/* Diagnostics and the command's exit codes. */
#ifndef ISOFUZZ_DIAG_H
#define ISOFUZZ_DIAG_H

enum {
	EXIT_ISOLATED = 0,	/* no violation; groups agree */
	EXIT_VIOLATION = 1,	/* a violation, or groups differ from expected */
	EXIT_BAD_INPUT = 2,	/* bad input or usage */
	EXIT_INTERNAL = 3,	/* internal error */
};

/*
 * A diagnosis of outside data: "isofuzz: FILE[:WHERE]: message".  It is
 * recorded (not printed) so that a caller can decide; diag_print() shows it.
 */
struct diag {
	char msg[1024];
};

void diag_set(struct diag *d, const char *file, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_print(const struct diag *d);

#endif
