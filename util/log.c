// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>

#include "log.h"

static char prog[128] = "memmap";
static int quiet;

void log_set_prog(const char *tool, const char *cmd)
{
	if (cmd)
		snprintf(prog, sizeof(prog), "%s %s", tool, cmd);
	else
		snprintf(prog, sizeof(prog), "%s", tool);
}

const char *log_prog(void)
{
	return prog;
}

void log_set_quiet(int q)
{
	quiet = q;
}

void pr_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void pr_info(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
