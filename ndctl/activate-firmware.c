// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl activate-firmware: bring the firmware staged on the armed DIMMs
 * of each named bus (all when none is named) into service, through the
 * kernel's ndbusN/firmware/activate, then print each bus with its DIMMs
 * and their firmware objects, as upstream does.
 *
 * A bus whose platform activates by "quiesce" stalls every device while
 * the DIMMs switch.  Beyond upstream, that is refused while a namespace
 * on the bus is in use (a mounted filesystem, an open or mapped
 * device): --force asks for a live activation instead, as upstream's
 * --force does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/inuse.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"

struct activate_opts {
	const char *sysroot;
	bool force, dry_run;
	int idle; /* -1: not given, the default: idling allowed */
	int verbose;
};

/* The first namespace on the bus with a user, and who it is. */
static const char *bus_user(struct devstate_ctx *ds, struct ndctl_bus *bus,
			    const char **ns_name)
{
	struct inuse *iu = devstate_inuse(ds);
	struct ndctl_region *region;
	struct ndctl_namespace *ns;
	const char *user;

	if (!iu) {
		*ns_name = ndctl_bus_get_devname(bus);
		return "unknown (the in-use check could not run)";
	}
	ndctl_region_foreach (bus, region)
		ndctl_namespace_foreach (region, ns) {
			user = inuse_namespace_user(iu, ns);
			if (user) {
				*ns_name = ndctl_namespace_get_devname(ns);
				return user;
			}
		}
	return NULL;
}

static int activate_bus(struct devstate_ctx *ds, struct ndctl_bus *bus,
			const struct activate_opts *o)
{
	const char *name = ndctl_bus_get_devname(bus);
	const char *provider = ndctl_bus_get_provider(bus);
	enum ndctl_fwa_method method;
	enum ndctl_fwa_state state;
	struct ndctl_dimm *dimm;
	bool any = false, noidle = false;
	const char *user, *ns_name = NULL;
	int rc = 0;

	ndctl_dimm_foreach (bus, dimm)
		any |= ndctl_dimm_fw_update_supported(dimm) == 0;
	if (!any) {
		pr_err("%s: %s: has no DIMMs that support firmware update",
		       provider, name);
		return -EOPNOTSUPP;
	}
	method = ndctl_bus_get_fw_activate_method(bus);
	if (method == NDCTL_FWA_METHOD_RESET) {
		pr_err("%s: %s: the platform activates firmware only by a "
		       "reset",
		       provider, name);
		return -EOPNOTSUPP;
	}
	if (method == NDCTL_FWA_METHOD_SUSPEND && o->force)
		method = NDCTL_FWA_METHOD_LIVE;
	if (method == NDCTL_FWA_METHOD_SUSPEND) {
		user = bus_user(ds, bus, &ns_name);
		if (user) {
			pr_err("%s: %s: activation by quiesce would stall "
			       "%s (%s); --force activates live instead",
			       provider, name, ns_name, user);
			return -EBUSY;
		}
	}
	if (o->dry_run) {
		pr_info("%s: %s: would activate firmware (%s)", provider, name,
			method == NDCTL_FWA_METHOD_LIVE ? "live" : "quiesce");
		return 0;
	}
	state = ndctl_bus_get_fw_activate_state(bus);
	if (state != NDCTL_FWA_ARMED && state != NDCTL_FWA_ARM_OVERFLOW) {
		pr_err("%s: %s: no DIMMs armed ('ndctl update-firmware -A' "
		       "arms them)",
		       provider, name);
		return -ENXIO;
	}
	if (o->idle == 0) {
		if (ndctl_bus_set_fw_activate_noidle(bus, true))
			pr_err("%s: %s: could not turn platform idling off; "
			       "activating with it",
			       provider, name);
		else
			noidle = true;
	}
	rc = ndctl_bus_activate_firmware(bus, method);
	if (rc)
		pr_err("%s: %s: firmware activation failed: %s", provider, name,
		       strerror(-rc));
	if (noidle)
		ndctl_bus_set_fw_activate_noidle(bus, false);
	return rc;
}

/* The bus and its DIMMs, with every number in hex as upstream's. */
static struct json_object *bus_json(struct ndctl_bus *bus)
{
	struct nd_json_flags flags = { .human = true };
	struct json_object *jbus = nd_bus_to_json(bus), *jdimms;
	struct ndctl_dimm *dimm;

	nd_bus_add_firmware(jbus, bus);
	jdimms = json_object_new_array();
	ndctl_dimm_foreach (bus, dimm) {
		struct json_object *jdimm = nd_dimm_to_json(dimm, &flags);
		struct json_object *jfw = nd_dimm_firmware_to_json(dimm, true);

		if (jfw)
			json_object_object_add(jdimm, "firmware", jfw);
		json_object_array_add(jdimms, jdimm);
	}
	if (json_object_array_length(jdimms))
		json_object_object_add(jbus, "dimms", jdimms);
	else
		json_object_put(jdimms);
	return jbus;
}

static bool named(struct ndctl_bus *bus, int argc, char **argv)
{
	if (!argc)
		return true;
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], "all") || nd_bus_matches(bus, argv[i]))
			return true;
	return false;
}

int cmd_activate_firmware(int argc, char **argv)
{
	struct activate_opts o = { .idle = -1 };
	const struct opt options[] = {
		{ 'I', "idle", OPT_NEGFLAG, &o.idle, NULL,
		  "let the platform inject idle time over the activation "
		  "(the default; --no-idle turns it off)" },
		OPT_BOOL('f', "force", &o.force,
			 "activate live, even where the platform quiesces"),
		OPT_BOOL('n', "dry-run", &o.dry_run,
			 "check everything, activate nothing"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct json_object *jbuses;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;
	int i, rc, done = 0, failed = 0;

	i = parse_options(argc, argv, options,
			  "ndctl activate-firmware [<bus>...] [<options>]");
	log_set_verbose(o.verbose);
	argc -= i;
	argv += i;
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND | DEVSTATE_DAX)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (nd_check_bus_names(ds.nd, argc, argv)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	jbuses = json_object_new_array();
	ndctl_bus_foreach (ds.nd, bus) {
		if (!named(bus, argc, argv))
			continue;
		rc = activate_bus(&ds, bus, &o);
		if (rc) {
			failed++;
			continue;
		}
		done++;
		json_object_array_add(jbuses, bus_json(bus));
	}
	if (done)
		json_print(stdout, jbuses);
	json_object_put(jbuses);
	devstate_close(&ds);
	return done && !failed ? EXIT_OK : EXIT_FAIL;
}
