// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl enable-region, disable-region, enable-dimm, disable-dimm.
 * Disabling refuses, changing nothing, when it would take a device from
 * someone: a namespace of the region in use, or a DIMM whose regions are
 * still enabled.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <devstate/each.h>
#include <devstate/inuse.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include <devstate/filter.h>
#include "region.h"

struct obj_opts {
	const char *bus, *type, *sysroot;
	int verbose;
};

/* The first enabled region that uses the DIMM, or NULL. */
struct ndctl_region *dimm_active_region(struct ndctl_dimm *dimm)
{
	struct ndctl_bus *bus = ndctl_dimm_get_bus(dimm);
	struct ndctl_region *region;

	ndctl_region_foreach (bus, region)
		if (ndctl_region_is_enabled(region) &&
		    ndctl_region_uses_dimm(region, dimm))
			return region;
	return NULL;
}

static int region_action(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct ndctl_region *region = obj;
	const char *name = ndctl_region_get_devname(region);
	bool enable = *(bool *)arg;
	struct inuse *iu = devstate_inuse(ds);
	int rc;

	/* Beyond upstream: a mounted namespace keeps its region up. */
	if (!enable && (!iu || inuse_check_region(iu, region)))
		return -EBUSY;
	rc = enable ? ndctl_region_enable(region) :
		      ndctl_region_disable(region);
	if (rc)
		pr_err("%s: %s failed: %s", name, enable ? "enable" : "disable",
		       strerror(-rc));
	return rc;
}

static int dimm_action(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct ndctl_dimm *dimm = obj;
	const char *name = ndctl_dimm_get_devname(dimm);
	bool enable = *(bool *)arg;
	struct inuse *iu = devstate_inuse(ds);
	struct ndctl_region *region;
	int rc;

	if (!enable && (!iu || inuse_check_dimm(iu, dimm)))
		return -EBUSY;
	if (!enable) {
		region = dimm_active_region(dimm);
		if (region) {
			pr_err("%s: %s is enabled; disable it first (ndctl "
			       "disable-region %s)",
			       name, ndctl_region_get_devname(region),
			       ndctl_region_get_devname(region));
			return -EBUSY;
		}
	}
	rc = enable ? ndctl_dimm_enable(dimm) : ndctl_dimm_disable(dimm);
	if (rc)
		pr_err("%s: %s failed: %s", name, enable ? "enable" : "disable",
		       strerror(-rc));
	return rc;
}

static int obj_command(int argc, char **argv, bool regions, bool enable)
{
	struct obj_opts o = { 0 };
	struct opt region_options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"only regions of this bus (ndbusN or provider)"),
		OPT_STR('t', "type", &o.type, "pmem|blk",
			"only regions of this type"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt dimm_options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"only DIMMs of this bus (ndbusN or provider)"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct devstate_each each = {
		.kind = regions ? DEVSTATE_REGION : DEVSTATE_DIMM,
		.noun = regions ? "region" : "dimm",
		.done_verb = enable ? "enabled" : "disabled",
		.fn = regions ? region_action : dimm_action,
		.arg = &enable,
	};
	const char *kind = regions ? "region" : "dimm";
	char usage[80];
	int i;

	snprintf(usage, sizeof(usage), "ndctl %s-%s <%s>|all [<options>]",
		 enable ? "enable" : "disable", kind, kind);
	i = parse_options(argc, argv, regions ? region_options : dimm_options,
			  usage);
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name a %s, or 'all'", kind);
		return EXIT_USAGE;
	}
	if (o.type && strcmp(o.type, "pmem") && strcmp(o.type, "blk")) {
		pr_err("invalid --type '%s': expected pmem or blk", o.type);
		return EXIT_USAGE;
	}
	each.region_type = o.type;
	each.bus = o.bus;
	return devstate_run_each(o.sysroot,
				 DEVSTATE_ND | DEVSTATE_DAX | DEVSTATE_CHANGE,
				 &each, argc - i, argv + i);
}

int cmd_enable_region(int argc, char **argv)
{
	return obj_command(argc, argv, true, true);
}

int cmd_disable_region(int argc, char **argv)
{
	return obj_command(argc, argv, true, false);
}

int cmd_enable_dimm(int argc, char **argv)
{
	return obj_command(argc, argv, false, true);
}

int cmd_disable_dimm(int argc, char **argv)
{
	return obj_command(argc, argv, false, false);
}
