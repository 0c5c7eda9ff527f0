/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_FILTER_H
#define NDCTL_FILTER_H

#include <stdbool.h>
#include <ndctl/libndctl.h>

/* Each filter is NULL or "all" (match everything) or names one object. */
bool nd_bus_matches(struct ndctl_bus *bus, const char *filter);
bool nd_region_matches(struct ndctl_region *region, const char *filter);
bool nd_namespace_matches(struct ndctl_namespace *ns, const char *filter);
bool nd_dimm_matches(struct ndctl_dimm *dimm, const char *filter);

/*
 * A filter that names an object that does not exist is an error: print
 * it and return EXIT_FAIL, else EXIT_OK.
 */
int nd_check_filters_matched(struct ndctl_ctx *ctx, const char *bus,
			     const char *region, const char *ns,
			     const char *dimm);

#endif
