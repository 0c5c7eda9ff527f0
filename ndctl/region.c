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

#include <devstate/inuse.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "context.h"
#include "filter.h"
#include "region.h"

struct obj_opts {
	const char *bus, *sysroot;
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

static int region_action(struct ndctl_region *region, struct inuse *iu,
			 bool enable)
{
	const char *name = ndctl_region_get_devname(region);
	int rc;

	/* Beyond upstream: a mounted namespace keeps its region up. */
	if (!enable && inuse_check_region(iu, region))
		return -EBUSY;
	rc = enable ? ndctl_region_enable(region) :
		      ndctl_region_disable(region);
	if (rc)
		pr_err("%s: %s failed: %s", name, enable ? "enable" : "disable",
		       strerror(-rc));
	return rc;
}

static int dimm_action(struct ndctl_dimm *dimm, struct inuse *iu, bool enable)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	struct ndctl_region *region;
	int rc;

	if (!enable && inuse_check_dimm(iu, dimm))
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
	struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"only objects of this bus (ndbusN or provider)"),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct daxctl_ctx *dax = NULL;
	struct ndctl_ctx *ctx = NULL;
	struct inuse *iu = NULL;
	struct ndctl_region *region;
	struct ndctl_dimm *dimm;
	struct ndctl_bus *bus;
	const char *kind = regions ? "region" : "dimm";
	char usage[80];
	int i, done = 0, failed = 0, rc = EXIT_FAIL;

	snprintf(usage, sizeof(usage), "ndctl %s-%s <%s>|all [<options>]",
		 enable ? "enable" : "disable", kind, kind);
	i = parse_options(argc, argv, options, usage);
	if (i >= argc) {
		pr_err("name a %s, or 'all'", kind);
		return EXIT_USAGE;
	}
	if (nd_open_contexts(o.sysroot, &ctx, &dax))
		goto out;
	if (nd_check_filters_matched(ctx, o.bus, NULL, NULL, NULL))
		goto out;
	iu = inuse_new(dax);
	if (!iu)
		goto out;
	for (; i < argc; i++) {
		bool found = false;

		ndctl_bus_foreach (ctx, bus) {
			if (!nd_bus_matches(bus, o.bus))
				continue;
			if (regions) {
				ndctl_region_foreach (bus, region) {
					if (!nd_region_matches(region, argv[i]))
						continue;
					found = true;
					if (region_action(region, iu, enable))
						failed++;
					else
						done++;
				}
			} else {
				ndctl_dimm_foreach (bus, dimm) {
					if (!nd_dimm_matches(dimm, argv[i]))
						continue;
					found = true;
					if (dimm_action(dimm, iu, enable))
						failed++;
					else
						done++;
				}
			}
		}
		if (!found) {
			pr_err("%s: no such %s", argv[i], kind);
			failed++;
		}
	}
	pr_info("%s %d %s%s%s", enable ? "enabled" : "disabled", done, kind,
		done == 1 ? "" : "s", failed ? "; some failed" : "");
	rc = failed || !done ? EXIT_FAIL : EXIT_OK;
out:
	inuse_free(iu);
	daxctl_unref(dax);
	ndctl_unref(ctx);
	return rc;
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
