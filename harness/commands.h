/* SPDX-License-Identifier: GPL-2.0-only */
/* The isofuzz subcommands: each takes its own argv (argv[0] is its name). */
#ifndef ISOFUZZ_COMMANDS_H
#define ISOFUZZ_COMMANDS_H

int cmd_replay(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_collect(int argc, char **argv);
int cmd_verify_patch(int argc, char **argv);
int cmd_fuzz(int argc, char **argv);
int cmd_lint(int argc, char **argv);

#endif
