// SPDX-License-Identifier: GPL-2.0
/*
 * How names on the command line match objects (lib/devstate/filter.c),
 * on the captured devdax tree given as the argument: "all" and no filter
 * match everything, "region0" and "0" the same region.
 */
#include <stdio.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include "tap.h"

int main(int argc, char **argv)
{
	struct daxctl_region *dregion;
	struct ndctl_namespace *ns;
	struct ndctl_region *region;
	struct daxctl_dev *dev;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DEVDAX_TREE\n", argv[0]);
		return 2;
	}
	if (!tap_ok(!devstate_open(&ds, argv[1], DEVSTATE_DAX | DEVSTATE_ND),
		    "the devdax tree opens"))
		return tap_done();
	dev = daxctl_get_dev(ds.dax, "dax0.0");
	tap_ok(dev && dax_dev_matches(dev, "dax0.0") &&
		       dax_dev_matches(dev, "all") &&
		       dax_dev_matches(dev, NULL),
	       "dax0.0 matches its name, 'all' and no filter");
	tap_ok(dev && !dax_dev_matches(dev, "dax0.00") &&
		       !dax_dev_matches(dev, "dax0") &&
		       !dax_dev_matches(dev, "0.0"),
	       "and no other spelling");
	dregion = dev ? daxctl_dev_get_region(dev) : NULL;
	tap_ok(dregion && dax_region_matches(dregion, "0") &&
		       dax_region_matches(dregion, "region0") &&
		       dax_region_matches(dregion, "all"),
	       "its dax region matches 0, region0 and all");
	tap_ok(dregion && !dax_region_matches(dregion, "1") &&
		       !dax_region_matches(dregion, "region") &&
		       !dax_region_matches(dregion, "00"),
	       "and not 1, 'region' or 00");

	ns = ndctl_get_namespace(ds.nd, "namespace0.0");
	region = ns ? ndctl_namespace_get_region(ns) : NULL;
	bus = region ? ndctl_region_get_bus(region) : NULL;
	tap_ok(ns && nd_namespace_matches(ns, "namespace0.0") &&
		       nd_namespace_matches(ns, "all") &&
		       !nd_namespace_matches(ns, "namespace0.1"),
	       "namespace0.0 matches its name and all, not namespace0.1");
	tap_ok(region && nd_region_matches(region, "region0") &&
		       nd_region_matches(region, "0") &&
		       !nd_region_matches(region, "region1"),
	       "its region matches region0 and 0, not region1");
	tap_ok(bus && nd_bus_matches(bus, "ndbus0") &&
		       nd_bus_matches(bus, NULL),
	       "its bus matches ndbus0 and no filter");
	tap_ok(!nd_check_filters_matched(ds.nd, NULL, "region0", NULL, NULL),
	       "a region filter that matches is no error");
	tap_ok(nd_check_filters_matched(ds.nd, NULL, "region9", NULL, NULL),
	       "one that matches nothing is");
	devstate_close(&ds);
	return tap_done();
}
