// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"
#include "options.h"

#define MAX_OPTS 64
/* Long-only options get ids above the char range. */
#define LONG_ID_BASE 256
/* --no-X of every option, and --X of a switch named no-X. */
#define NEG_ID_BASE 512
#define LIST_OPTS_ID 1024
/* Each option: its name, --no-name, and for "no-X" switches X. */
#define LONGOPTS_MAX (3 * MAX_OPTS + 3)
#define NAME_MAX_LEN 48

static int count_opts(const struct opt *opts)
{
	int n = 0;

	while (opts[n].kind != OPT_END)
		n++;
	return n;
}

static bool takes_value(const struct opt *o)
{
	return o->kind == OPT_STRING || o->kind == OPT_REGION ||
	       o->kind == OPT_LIST;
}

/* On/off options: upstream's parser takes --no-X for each of them. */
static bool is_switch(const struct opt *o)
{
	return o->kind == OPT_FLAG || o->kind == OPT_COUNT;
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

static bool has_long(const struct opt *opts, const char *name)
{
	int i;

	for (i = 0; opts[i].kind != OPT_END; i++)
		if (opts[i].long_name && !strcmp(opts[i].long_name, name))
			return true;
	return false;
}

void print_options_help(const struct opt *opts, const char *usage)
{
	int i;

	printf("usage: %s\n\n", usage);
	for (i = 0; opts[i].kind != OPT_END; i++) {
		const struct opt *o = &opts[i];
		char left[64];
		int n = 0;

		if (o->short_name && o->long_name)
			n += snprintf(left + n, sizeof(left) - n, "-%c, ",
				      o->short_name);
		else if (o->short_name)
			n += snprintf(left + n, sizeof(left) - n, "-%c",
				      o->short_name);
		else
			n += snprintf(left + n, sizeof(left) - n, "    ");
		if (o->kind == OPT_NEGFLAG)
			n += snprintf(left + n, sizeof(left) - n, "--[no-]%s",
				      o->long_name);
		else if (o->long_name)
			n += snprintf(left + n, sizeof(left) - n, "--%s",
				      o->long_name);
		if (o->arg_name)
			snprintf(left + n, sizeof(left) - n, " <%s>",
				 o->arg_name);
		printf("    %-28s %s\n", left, o->help);
	}
	printf("    %-28s %s\n", "-h, --help", "show this help");
}

/*
 * Upstream's --list-opts: the long names on one line, each followed by
 * a space, no newline.  An OPT_NEGFLAG's --no- form is listed too, as
 * upstream lists its "no-movable".
 */
static void list_opts(const struct opt *opts)
{
	int i;

	for (i = 0; opts[i].kind != OPT_END; i++) {
		if (!opts[i].long_name)
			continue;
		printf("--%s ", opts[i].long_name);
		if (opts[i].kind == OPT_NEGFLAG)
			printf("--no-%s ", opts[i].long_name);
	}
	fflush(stdout);
}

/* The option a getopt id stands for; *negated for the --no- forms. */
static const struct opt *by_id(const struct opt *opts, int n, int id,
			       bool *negated)
{
	int i;

	*negated = false;
	if (id >= NEG_ID_BASE && id < NEG_ID_BASE + n) {
		*negated = true;
		return &opts[id - NEG_ID_BASE];
	}
	if (id >= LONG_ID_BASE && id < LONG_ID_BASE + n)
		return &opts[id - LONG_ID_BASE];
	for (i = 0; id > 0 && i < n; i++)
		if (opts[i].short_name == id)
			return &opts[i];
	return NULL;
}

static void bad_option(const struct opt *opts, int n, const char *bad)
{
	bool negated;
	const struct opt *o = by_id(opts, n, optopt, &negated);

	if (o && takes_value(o) && !negated)
		pr_err("option '%s' needs a value", bad);
	else if (o)
		pr_err("option '%s' takes no value", bad);
	else if (optopt > 0 && optopt < LONG_ID_BASE)
		pr_err("unknown option '-%c'", optopt);
	else
		pr_err("unknown option '%s'", bad);
	fprintf(stderr, "see '%s --help'\n", log_prog());
	exit(EXIT_USAGE);
}

/* "--name", or "-c" for a short-only option, for messages. */
static const char *opt_name(const struct opt *o, char *buf, size_t len)
{
	if (o->long_name)
		snprintf(buf, len, "--%s", o->long_name);
	else
		snprintf(buf, len, "-%c", o->short_name);
	return buf;
}

static void set_value(const struct opt *o, bool negate)
{
	char name[NAME_MAX_LEN + 2];
	struct opt_list *l;

	switch (o->kind) {
	case OPT_FLAG:
		*(bool *)o->value = !negate;
		break;
	case OPT_NEGFLAG:
		*(int *)o->value = !negate;
		break;
	case OPT_STRING:
	case OPT_REGION:
	case OPT_LIST:
		/* --no-X: back to not given, as upstream's parser does. */
		if (negate && o->kind != OPT_LIST) {
			*(const char **)o->value = NULL;
			break;
		}
		if (negate) {
			((struct opt_list *)o->value)->n = 0;
			break;
		}
		/*
		 * No option takes "" as a value: an empty one is a
		 * variable that was not set, and taking it as "not
		 * given" would drop a filter or a limit unseen.
		 */
		if (!optarg[0]) {
			pr_err("empty value for option '%s'",
			       opt_name(o, name, sizeof(name)));
			exit(EXIT_USAGE);
		}
		if (o->kind == OPT_REGION && !region_id_valid(optarg)) {
			pr_err("invalid %s '%s': expected a region id (N or "
			       "regionN) or all",
			       opt_name(o, name, sizeof(name)), optarg);
			exit(EXIT_USAGE);
		}
		if (o->kind != OPT_LIST) {
			*(const char **)o->value = optarg;
			break;
		}
		l = o->value;
		if (l->n == l->max) {
			pr_err("more than %d values for option '%s'", l->max,
			       opt_name(o, name, sizeof(name)));
			exit(EXIT_USAGE);
		}
		l->items[l->n++] = optarg;
		break;
	case OPT_COUNT:
		*(int *)o->value = negate ? 0 : *(int *)o->value + 1;
		break;
	case OPT_END:
		break;
	}
}

int parse_options(int argc, char **argv, const struct opt *opts,
		  const char *usage)
{
	struct option longopts[LONGOPTS_MAX];
	char shortopts[3 * MAX_OPTS + 4] = "h";
	char negnames[MAX_OPTS][NAME_MAX_LEN];
	int n = count_opts(opts), nl = 0, i, c;
	char *sp = shortopts + 1;

	if (n > MAX_OPTS)
		abort();
	for (i = 0; i < n; i++) {
		const struct opt *o = &opts[i];
		int has_arg = takes_value(o) ? required_argument : no_argument;
		int id = o->short_name ? o->short_name : LONG_ID_BASE + i;
		const char *l = o->long_name;

		if (o->short_name) {
			*sp++ = o->short_name;
			if (has_arg)
				*sp++ = ':';
		}
		if (!l)
			continue;
		if (strlen(l) + 4 > NAME_MAX_LEN)
			abort();
		longopts[nl++] = (struct option){ l, has_arg, NULL, id };
		snprintf(negnames[i], sizeof(negnames[i]), "no-%s", l);
		if (!has_long(opts, negnames[i]))
			longopts[nl++] =
				(struct option){ negnames[i], no_argument, NULL,
						 NEG_ID_BASE + i };
		/* --online undoes --no-online, as upstream's parser has it. */
		if (is_switch(o) && !strncmp(l, "no-", 3) && l[3] &&
		    !has_long(opts, l + 3))
			longopts[nl++] =
				(struct option){ l + 3, no_argument, NULL,
						 NEG_ID_BASE + i };
	}
	longopts[nl++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[nl++] =
		(struct option){ "list-opts", no_argument, NULL, LIST_OPTS_ID };
	longopts[nl] = (struct option){ NULL, 0, NULL, 0 };
	*sp = '\0';

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const struct opt *o;
		bool negate;

		if (c == 'h') {
			print_options_help(opts, usage);
			exit(EXIT_OK);
		}
		if (c == LIST_OPTS_ID) {
			list_opts(opts);
			exit(EXIT_OK);
		}
		if (c == '?' || c == ':')
			bad_option(opts, n, argv[optind - 1]);
		o = by_id(opts, n, c, &negate);
		if (!o)
			abort();
		set_value(o, negate);
	}
	return optind;
}

int parse_poll_seconds(const char *arg, unsigned int *seconds)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || v > 86400) {
		pr_err("invalid --poll '%s': whole seconds, 0 to 86400", arg);
		return EXIT_USAGE;
	}
	*seconds = (unsigned int)v;
	return 0;
}
