/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Subcommand dispatch shared by ndctl and daxctl: a table of
 * cmd_<name>(argc, argv) functions, each in its own file.
 */
#ifndef UTIL_COMMAND_H
#define UTIL_COMMAND_H

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

/*
 * Run the subcommand named by argv[1].  "help", "--help" and no arguments
 * print the table; "version" and "--version" print the project version;
 * anything else unknown exits with EXIT_USAGE.
 */
int command_main(const char *tool, const struct command *cmds, int argc,
		 char **argv);

#endif
