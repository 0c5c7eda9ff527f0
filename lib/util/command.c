// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "log.h"

#ifndef PROJECT_VERSION
#define PROJECT_VERSION "unknown"
#endif

static void usage(FILE *out, const char *tool, const struct command *cmds)
{
	const struct command *c;

	fprintf(out, "usage: %s [--version] [--help] COMMAND [ARGS]\n\n",
		tool);
	fprintf(out, "commands:\n");
	for (c = cmds; c->name; c++)
		fprintf(out, "    %-22s %s\n", c->name, c->summary);
	fprintf(out, "\nSee '%s COMMAND --help' for a command's options.\n",
		tool);
}

int command_main(const char *tool, const struct command *cmds, int argc,
		 char **argv)
{
	const char *name = argc > 1 ? argv[1] : NULL;
	const struct command *c;

	log_set_prog(tool, NULL);
	if (!name || !strcmp(name, "help") || !strcmp(name, "--help") ||
	    !strcmp(name, "-h")) {
		if (name && !strcmp(name, "help") && argc > 2) {
			for (c = cmds; c->name; c++)
				if (!strcmp(c->name, argv[2])) {
					char *help_argv[] = { argv[2], "--help",
							      NULL };

					log_set_prog(tool, c->name);
					return c->fn(2, help_argv);
				}
			pr_err("unknown command '%s'", argv[2]);
			return EXIT_USAGE;
		}
		usage(stdout, tool, cmds);
		return EXIT_OK;
	}
	if (!strcmp(name, "version") || !strcmp(name, "--version")) {
		printf("%s\n", PROJECT_VERSION);
		return EXIT_OK;
	}
	for (c = cmds; c->name; c++) {
		if (strcmp(c->name, name))
			continue;
		log_set_prog(tool, c->name);
		return c->fn(argc - 1, argv + 1);
	}
	pr_err("unknown command '%s'; see '%s --help'", name, tool);
	return EXIT_USAGE;
}
