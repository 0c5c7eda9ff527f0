/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Subcommand dispatch shared by ndctl and daxctl: a table of
 * cmd_<name>(argc, argv) functions, each in its own file.
 */
#ifndef UTIL_COMMAND_H
#define UTIL_COMMAND_H

/*
 * The exit statuses of every command.  Only a cmd_*() function (and the
 * dispatcher, and the option parser that exits on a bad option) maps an
 * outcome to one; the helpers below them return 0 or a negative errno.
 */
#define EXIT_OK 0
#define EXIT_FAIL 1
#define EXIT_USAGE 2

/*
 * A helper's result as an exit status, for a cmd_*() function to return:
 * 0 is EXIT_OK, -EINVAL (the request cannot be met as it was given) is
 * EXIT_USAGE, and any other negative errno (an operation refused or
 * failed, after its message) is EXIT_FAIL.
 */
int exit_status(int rc);

/*
 * rc as a failed operation, whatever errno the callee gave: its -EINVAL
 * (a value the kernel or a file rejected, not the user's request) and a
 * non-negative "failed" both become -EIO, so exit_status() says 1.
 */
int op_failed(int rc);

/* Left out of --list-cmds, as upstream leaves out create-nfit. */
#define CMD_HIDDEN (1u << 0)

/*
 * One entry of the table, in upstream's order (--list-cmds prints it).
 * An entry without fn names a command command_main() answers itself,
 * "version" or "help", at the place upstream lists it.
 */
struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	unsigned int flags;
};

/*
 * Run the subcommand named by argv[1].  Before it, as upstream's main
 * takes them: --list-cmds prints the table's names one a line; -v,
 * --version and "version" print the project version; -h, --help and
 * "help" without a command print the table.  "help CMD", "--help CMD"
 * and "CMD --help" (--help right after CMD) open the manual page
 * TOOL-CMD with man(1), as upstream does, or print CMD's options when
 * man or the page is missing.  Anything else unknown exits with
 * EXIT_USAGE.
 */
int command_main(const char *tool, const struct command *cmds, int argc,
		 char **argv);

#endif
