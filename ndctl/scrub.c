// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl start-scrub and wait-scrub: ask the kernel for an address range
 * scrub of each named NFIT bus (all when none is named), or wait for the
 * one running to finish, woken by the kernel's notification on the bus's
 * scrub attribute.  Each bus done is printed as upstream prints it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"

enum scrub_action { SCRUB_START, SCRUB_WAIT };

struct scrub_opts {
	const char *sysroot, *poll;
	int verbose;
	unsigned int interval;
};

static int start_one(struct ndctl_bus *bus)
{
	int rc = ndctl_bus_start_scrub(bus);

	/*
	 * Busy: a request is queued behind a running scrub.  Give the
	 * running one a second to end, then ask again, as upstream does.
	 */
	if (rc == -EBUSY && !ndctl_bus_wait_scrub(bus, 0, 1, 1000))
		rc = ndctl_bus_start_scrub(bus);
	return rc;
}

static void say_failed(struct ndctl_bus *bus, enum scrub_action action, int rc)
{
	const char *name = ndctl_bus_get_devname(bus);
	const char *provider = ndctl_bus_get_provider(bus);

	if (rc == -EOPNOTSUPP)
		pr_err("%s (%s): the bus has no address range scrub", name,
		       provider);
	else if (rc == -EBUSY)
		pr_err("%s (%s): a scrub is already queued; 'ndctl wait-scrub "
		       "%s' waits for it",
		       name, provider, provider);
	else
		pr_err("%s (%s): %s scrub failed: %s", name, provider,
		       action == SCRUB_START ? "starting the" :
					       "waiting for the",
		       strerror(-rc));
}

/* Whether arg names bus; every bus when no name was given. */
static bool named(struct ndctl_bus *bus, int argc, char **argv, bool *all)
{
	int i;

	*all = !argc;
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "all")) {
			*all = true;
			return true;
		}
		if (nd_bus_matches(bus, argv[i]))
			return true;
	}
	return !argc;
}

static int scrub_command(int argc, char **argv, enum scrub_action action)
{
	struct scrub_opts o = { 0 };
	struct opt start_options[] = {
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt wait_options[] = {
		OPT_STR('p', "poll", &o.poll, "SECONDS",
			"read the scrub state at least this often"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	const char *usage = action == SCRUB_START ?
				    "ndctl start-scrub [<bus>...] [<options>]" :
				    "ndctl wait-scrub [<bus>...] [<options>]";
	struct json_object *jbuses;
	int i, rc, done = 0, failed = 0, skipped = 0;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;

	i = parse_options(argc, argv,
			  action == SCRUB_START ? start_options : wait_options,
			  usage);
	log_set_verbose(o.verbose);
	if (o.poll && parse_poll_seconds(o.poll, &o.interval))
		return EXIT_USAGE;
	argc -= i;
	argv += i;
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (nd_check_bus_names(ds.nd, argc, argv)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	jbuses = json_object_new_array();
	ndctl_bus_foreach (ds.nd, bus) {
		bool all;

		if (!named(bus, argc, argv, &all))
			continue;
		if (action == SCRUB_START)
			rc = start_one(bus);
		else
			rc = ndctl_bus_wait_scrub(bus, 0, o.interval, -1);
		/* "all" covers buses that cannot scrub: they are left out. */
		if (rc == -EOPNOTSUPP && all) {
			pr_debug("%s: no address range scrub, skipped",
				 ndctl_bus_get_devname(bus));
			skipped++;
			continue;
		}
		if (rc) {
			say_failed(bus, action, rc);
			failed++;
			continue;
		}
		pr_debug("%s: scrub %s", ndctl_bus_get_devname(bus),
			 action == SCRUB_START ? "started" : "complete");
		json_object_array_add(jbuses, nd_bus_to_json(bus));
		done++;
	}
	if (done)
		json_print(stdout, jbuses);
	json_object_put(jbuses);
	devstate_close(&ds);
	if (!done && !failed)
		pr_err("no bus offers address range scrub (%d without it)",
		       skipped);
	return done && !failed ? EXIT_OK : EXIT_FAIL;
}

int cmd_start_scrub(int argc, char **argv)
{
	return scrub_command(argc, argv, SCRUB_START);
}

int cmd_wait_scrub(int argc, char **argv)
{
	return scrub_command(argc, argv, SCRUB_WAIT);
}
