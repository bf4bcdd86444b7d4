/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Included by each kernel wrapper just before the kernel's code: every
 * writable global the kernel file defines (its static state) goes into the
 * kstate_data/kstate_bss sections, which kmod-stubs/kstate.c restores to
 * their load-time contents before each run.  This is what makes a run
 * independent of the runs before it without knowing the kernel's globals
 * by name.
 */
#pragma clang section bss = "kstate_bss" data = "kstate_data"
