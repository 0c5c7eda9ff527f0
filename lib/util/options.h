/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One option parser for every command: a table of options, built on the
 * command's stack so nothing is file-static, from which both getopt_long's
 * tables and the --help text are generated.
 */
#ifndef UTIL_OPTIONS_H
#define UTIL_OPTIONS_H

#include <stdbool.h>

enum opt_kind {
	OPT_END,
	OPT_FLAG,	/* bool *: set true */
	/*
	 * int *: --X sets 1, --no-X sets 0; callers start it at -1 to tell
	 * "not given" from either choice.
	 */
	OPT_NEGFLAG,
	OPT_STRING,	/* const char **: last one given wins */
	OPT_COUNT,	/* int *: one more each time it is given (-vv) */
	/*
	 * const char **, as OPT_STRING, for a value that names a region:
	 * "all", N or regionN (N decimal, no leading zero, at most
	 * INT_MAX).  Anything else is a usage error here, so that only a
	 * well-formed id of a region that does not exist reaches the
	 * command's "no region matches" (status 1).
	 */
	OPT_REGION,
	OPT_LIST,	/* struct opt_list *: every value given, in order */
};

/*
 * Every long option also takes --no-X, as upstream's parser does: a
 * switch (OPT_FLAG, OPT_COUNT) back to false or 0, a value back to not
 * given (an OPT_LIST emptied).  A switch whose name starts with "no-"
 * (--no-online) takes the name without it (--online) as its --no- form
 * as well.  --list-opts prints the long names, for bash completion.
 */

/* A repeatable option's values: at most max, pointing into argv. */
struct opt_list {
	const char **items;
	int n, max;
};

struct opt {
	char short_name;
	const char *long_name;	/* NULL: the short form only */
	enum opt_kind kind;
	void *value;
	const char *arg_name;
	const char *help;
};

#define OPT_BOOL(s, l, v, h) { (s), (l), OPT_FLAG, (v), NULL, (h) }
#define OPT_NEG(l, v, h) { 0, (l), OPT_NEGFLAG, (v), NULL, (h) }
#define OPT_STR(s, l, v, a, h) { (s), (l), OPT_STRING, (v), (a), (h) }
#define OPT_LST(s, l, v, a, h) { (s), (l), OPT_LIST, (v), (a), (h) }
#define OPT_SYSROOT(v) \
	OPT_STR(0, "sysroot", (v), "DIR", \
		"read and write sysfs under DIR instead of /")
#define OPT_REGION_ID(s, l, v, a, h) { (s), (l), OPT_REGION, (v), (a), (h) }
/* -b and -r of the commands that take NAMESPACE...|all. */
#define OPT_NAMESPACE_FILTERS(bus, region) \
	OPT_STR('b', "bus", (bus), "BUS", "only namespaces of this bus"), \
	OPT_REGION_ID('r', "region", (region), "REGION", \
		      "only namespaces of this region")
/* -v, --verbose: repeatable; the command passes the count to the log. */
#define OPT_VERBOSE(v) \
	{ 'v', "verbose", OPT_COUNT, (v), NULL, \
	  "more messages: each step as it is taken" }
#define OPT_TERM { 0, NULL, OPT_END, NULL, NULL, NULL }

/*
 * Parse argv against opts.  Returns the index of the first positional
 * argument.  -h/--help prints usage and --list-opts the long option
 * names, and both exit 0; a bad option, an empty value for one that
 * takes a value, or one value too many for an OPT_LIST prints one line
 * and exits with EXIT_USAGE.
 */
int parse_options(int argc, char **argv, const struct opt *opts,
		  const char *usage);

/* Print the generated help for opts to stdout. */
void print_options_help(const struct opt *opts, const char *usage);

/*
 * A --poll value, as upstream's monitor and scrub take it: whole seconds
 * from 0 to a day.  0, or EXIT_USAGE after one line naming the value.
 */
int parse_poll_seconds(const char *arg, unsigned int *seconds);

#endif
