// SPDX-License-Identifier: GPL-2.0
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "options.h"

#define MAX_OPTS 64
/* Long-only options get ids above the char range. */
#define LONG_ID_BASE 256
/* --no-X forms of OPT_NEGFLAG options. */
#define NEG_ID_BASE 512

static int count_opts(const struct opt *opts)
{
	int n = 0;

	while (opts[n].kind != OPT_END)
		n++;
	return n;
}

/* "all", "N" or "regionN": N decimal, no leading zero, at most INT_MAX. */
static bool region_id_valid(const char *s)
{
	size_t n;

	if (!strcmp(s, "all"))
		return true;
	if (!strncmp(s, "region", 6))
		s += 6;
	n = strspn(s, "0123456789");
	if (!n || s[n] || (s[0] == '0' && n > 1))
		return false;
	/* INT_MAX is 2147483647: ten digits, compared as text. */
	return n < 10 || (n == 10 && strcmp(s, "2147483647") <= 0);
}

void print_options_help(const struct opt *opts, const char *usage)
{
	int i;

	printf("usage: %s\n\n", usage);
	for (i = 0; opts[i].kind != OPT_END; i++) {
		const struct opt *o = &opts[i];
		char left[64];
		int n = 0;

		if (o->short_name)
			n += snprintf(left + n, sizeof(left) - n, "-%c, ",
				      o->short_name);
		else
			n += snprintf(left + n, sizeof(left) - n, "    ");
		if (o->kind == OPT_NEGFLAG)
			n += snprintf(left + n, sizeof(left) - n, "--[no-]%s",
				      o->long_name);
		else
			n += snprintf(left + n, sizeof(left) - n, "--%s",
				      o->long_name);
		if (o->arg_name)
			snprintf(left + n, sizeof(left) - n, " <%s>",
				 o->arg_name);
		printf("    %-28s %s\n", left, o->help);
	}
	printf("    %-28s %s\n", "-h, --help", "show this help");
}

int parse_options(int argc, char **argv, const struct opt *opts,
		  const char *usage)
{
	struct option longopts[2 * MAX_OPTS + 2];
	char shortopts[3 * MAX_OPTS + 4] = "h";
	char negnames[MAX_OPTS][48];
	int n = count_opts(opts), nl = 0, i, c;
	char *sp = shortopts + 1;

	if (n > MAX_OPTS)
		abort();
	for (i = 0; i < n; i++) {
		const struct opt *o = &opts[i];
		int has_arg = o->kind == OPT_STRING || o->kind == OPT_REGION ?
				      required_argument :
				      no_argument;
		int id = o->short_name ? o->short_name : LONG_ID_BASE + i;

		if (o->short_name) {
			*sp++ = o->short_name;
			if (has_arg)
				*sp++ = ':';
		}
		longopts[nl++] =
			(struct option){ o->long_name, has_arg, NULL, id };
		if (o->kind == OPT_NEGFLAG) {
			snprintf(negnames[i], sizeof(negnames[i]), "no-%s",
				 o->long_name);
			longopts[nl++] =
				(struct option){ negnames[i], no_argument, NULL,
						 NEG_ID_BASE + i };
		}
	}
	longopts[nl++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[nl] = (struct option){ NULL, 0, NULL, 0 };
	*sp = '\0';

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const struct opt *o = NULL;
		bool negate = false;

		if (c == 'h') {
			print_options_help(opts, usage);
			exit(EXIT_OK);
		}
		if (c == '?' || c == ':') {
			const char *bad = argv[optind - 1];

			if (optopt && optopt < LONG_ID_BASE &&
			    strchr(shortopts, optopt) && c == '?')
				pr_err("option '-%c' needs a value", optopt);
			else if (optopt >= LONG_ID_BASE || (optopt && c == ':'))
				pr_err("option '%s' needs a value", bad);
			else if (optopt)
				pr_err("unknown option '-%c'", optopt);
			else
				pr_err("unknown option '%s'", bad);
			fprintf(stderr, "see '%s --help'\n", log_prog());
			exit(EXIT_USAGE);
		}
		if (c >= NEG_ID_BASE) {
			o = &opts[c - NEG_ID_BASE];
			negate = true;
		} else if (c >= LONG_ID_BASE) {
			o = &opts[c - LONG_ID_BASE];
		} else {
			for (i = 0; i < n; i++)
				if (opts[i].short_name == c)
					o = &opts[i];
		}
		if (!o)
			abort();
		switch (o->kind) {
		case OPT_FLAG:
			*(bool *)o->value = true;
			break;
		case OPT_NEGFLAG:
			*(int *)o->value = !negate;
			break;
		case OPT_STRING:
			/*
			 * No option takes "" as a value: an empty one is a
			 * variable that was not set, and taking it as "not
			 * given" would drop a filter or a limit unseen.
			 */
			if (!optarg[0]) {
				pr_err("empty value for option '--%s'",
				       o->long_name);
				exit(EXIT_USAGE);
			}
			*(const char **)o->value = optarg;
			break;
		case OPT_REGION:
			if (!optarg[0]) {
				pr_err("empty value for option '--%s'",
				       o->long_name);
				exit(EXIT_USAGE);
			}
			if (!region_id_valid(optarg)) {
				pr_err("invalid --%s '%s': expected a region id "
				       "(N or regionN) or all",
				       o->long_name, optarg);
				exit(EXIT_USAGE);
			}
			*(const char **)o->value = optarg;
			break;
		case OPT_COUNT:
			(*(int *)o->value)++;
			break;
		case OPT_END:
			break;
		}
	}
	return optind;
}
