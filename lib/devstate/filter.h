/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a name on the command line matches an object, the same way in
 * both tools: "all" or NULL match everything, "region0" and "0" the
 * same region.
 */
#ifndef DEVSTATE_FILTER_H
#define DEVSTATE_FILTER_H

#include <stdbool.h>
#include <daxctl/libdaxctl.h>
#include <ndctl/libndctl.h>

/* Each filter is NULL or "all" (match everything) or names one object. */
bool nd_bus_matches(struct ndctl_bus *bus, const char *filter);
bool nd_region_matches(struct ndctl_region *region, const char *filter);
bool nd_namespace_matches(struct ndctl_namespace *ns, const char *filter);
bool nd_dimm_matches(struct ndctl_dimm *dimm, const char *filter);

/* "dax0.0", "all" or NULL match as upstream's -d does. */
bool dax_dev_matches(struct daxctl_dev *dev, const char *filter);
/* "0", "region0", "all" or NULL. */
bool dax_region_matches(struct daxctl_region *region, const char *filter);

/*
 * Each of names (ndbusN, N, a provider, or "all") must match a bus:
 * the first that matches none is said as "NAME: no such bus" and gives
 * -ENOENT, else 0.  "all" passes also where there is no bus.
 */
int nd_check_bus_names(struct ndctl_ctx *ctx, int argc, char **argv);

/*
 * A filter that names an object that does not exist is an error: print
 * it and return -ENOENT, else 0.
 */
int nd_check_filters_matched(struct ndctl_ctx *ctx, const char *bus,
			     const char *region, const char *ns,
			     const char *dimm);

#endif
