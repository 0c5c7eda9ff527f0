// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "command.h"
#include "log.h"

#ifndef PROJECT_VERSION
#define PROJECT_VERSION "unknown"
#endif
/* Where the project's pages are installed: searched before MANPATH. */
#ifndef MANDIR
#define MANDIR "/usr/share/man"
#endif

int exit_status(int rc)
{
	if (!rc)
		return EXIT_OK;
	return rc == -EINVAL ? EXIT_USAGE : EXIT_FAIL;
}

int op_failed(int rc)
{
	return rc < 0 && rc != -EINVAL ? rc : -EIO;
}

static void usage(FILE *out, const char *tool, const struct command *cmds)
{
	const struct command *c;

	fprintf(out, "usage: %s [--version] [--help] COMMAND [ARGS]\n\n", tool);
	fprintf(out, "commands:\n");
	for (c = cmds; c->name; c++)
		if (c->fn)
			fprintf(out, "    %-22s %s\n", c->name, c->summary);
	fprintf(out,
		"\nSee '%s help COMMAND' for a command's manual page, "
		"'%s COMMAND -h' for its options.\n",
		tool, tool);
}

static const struct command *find(const struct command *cmds, const char *name)
{
	for (; cmds->name; cmds++)
		if (!strcmp(cmds->name, name))
			return cmds;
	return NULL;
}

/* man -w: whether man finds the page, without showing it. */
static int page_found(const char *page)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return 0;
	if (!pid) {
		if (!freopen("/dev/null", "w", stdout) ||
		    !freopen("/dev/null", "w", stderr))
			_exit(127);
		execlp("man", "man", "-w", page, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/*
 * Upstream's viewers: $NDCTL_MAN_VIEWER (or DAXCTL_) may name "man" or
 * "konqueror" (through kfmclient, under X); man is tried last.
 */
static void try_viewer(const char *tool, const char *page)
{
	char var[32], *p;
	const char *viewer;

	snprintf(var, sizeof(var), "%s_MAN_VIEWER", tool);
	for (p = var; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p -= 'a' - 'A';
	viewer = getenv(var);
	if (!viewer || !strcasecmp(viewer, "man"))
		return;
	if (strcasecmp(viewer, "konqueror")) {
		pr_err("%s: '%s': unknown man viewer; trying man", var, viewer);
		return;
	}
	if (getenv("DISPLAY") && *getenv("DISPLAY")) {
		char url[160];

		snprintf(url, sizeof(url), "man:%s(1)", page);
		fflush(NULL);
		execlp("kfmclient", "kfmclient", "newTab", url, (char *)NULL);
		pr_err("cannot run kfmclient for %s; trying man", var);
	}
}

/*
 * The manual page of cmd (NULL: the tool's own), as upstream opens it:
 * man TOOL-CMD, with the project's man directory first in MANPATH.
 * Without man or the page, the options (or the command table) instead.
 */
static int show_help(const char *tool, const struct command *cmds,
		     const char *name)
{
	size_t tl = strlen(tool);
	const struct command *c = NULL;
	const char *old = getenv("MANPATH"), *cmd = name;
	char page[128], *manpath;

	/* "help ndctl" and "help ndctl-list" name the page itself. */
	if (!strncmp(name, tool, tl) && (!name[tl] || name[tl] == '-'))
		cmd = name[tl] ? name + tl + 1 : NULL;
	if (cmd) {
		c = find(cmds, cmd);
		if (!c) {
			pr_err("unknown command '%s'; see '%s --help'", cmd,
			       tool);
			return EXIT_USAGE;
		}
		snprintf(page, sizeof(page), "%s-%s", tool, cmd);
	} else {
		snprintf(page, sizeof(page), "%s", tool);
	}
	if (asprintf(&manpath, "%s:%s", MANDIR, old ? old : "") < 0)
		return EXIT_FAIL;
	setenv("MANPATH", manpath, 1);
	free(manpath);
	try_viewer(tool, page);
	if (page_found(page)) {
		fflush(NULL);
		execlp("man", "man", page, (char *)NULL);
	}
	pr_info("no manual page %s here; %s", page,
		c && c->fn ? "its options:" : "the commands:");
	if (c && c->fn) {
		char *argv[] = { (char *)c->name, "-h", NULL };

		log_set_prog(tool, c->name);
		return c->fn(2, argv);
	}
	usage(stdout, tool, cmds);
	return EXIT_OK;
}

int command_main(const char *tool, const struct command *cmds, int argc,
		 char **argv)
{
	const char *name = argc > 1 ? argv[1] : NULL;
	const struct command *c;

	log_set_prog(tool, NULL);
	if (name && !strcmp(name, "--list-cmds")) {
		for (c = cmds; c->name; c++)
			if (!(c->flags & CMD_HIDDEN))
				printf("%s\n", c->name);
		return EXIT_OK;
	}
	if (name && (!strcmp(name, "version") || !strcmp(name, "--version") ||
		     !strcmp(name, "-v"))) {
		printf("%s\n", PROJECT_VERSION);
		return EXIT_OK;
	}
	if (!name || !strcmp(name, "help") || !strcmp(name, "--help") ||
	    !strcmp(name, "-h")) {
		if (name && argc > 2)
			return show_help(tool, cmds, argv[2]);
		usage(stdout, tool, cmds);
		return EXIT_OK;
	}
	c = name[0] == '-' ? NULL : find(cmds, name);
	if (!c || !c->fn) {
		pr_err("unknown %s '%s'; see '%s --help'",
		       name[0] == '-' ? "option" : "command", name, tool);
		return EXIT_USAGE;
	}
	/* Upstream turns "TOOL CMD --help" into "TOOL help CMD". */
	if (argc > 2 && !strcmp(argv[2], "--help"))
		return show_help(tool, cmds, name);
	log_set_prog(tool, c->name);
	return c->fn(argc - 1, argv + 1);
}
