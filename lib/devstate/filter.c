// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/log.h>
#include "filter.h"

static bool is_all(const char *filter)
{
	return !filter || !strcmp(filter, "all");
}

/* "region0" matches "region0" and "0". */
static bool name_matches(const char *name, const char *prefix,
			 const char *filter)
{
	size_t plen = strlen(prefix);

	if (!strcmp(name, filter))
		return true;
	return !strncmp(name, prefix, plen) && !strcmp(name + plen, filter);
}

bool nd_bus_matches(struct ndctl_bus *bus, const char *filter)
{
	return is_all(filter) ||
	       name_matches(ndctl_bus_get_devname(bus), "ndbus", filter) ||
	       !strcmp(ndctl_bus_get_provider(bus), filter);
}

bool nd_region_matches(struct ndctl_region *region, const char *filter)
{
	return is_all(filter) ||
	       name_matches(ndctl_region_get_devname(region), "region",
			    filter);
}

bool nd_namespace_matches(struct ndctl_namespace *ns, const char *filter)
{
	return is_all(filter) ||
	       name_matches(ndctl_namespace_get_devname(ns), "namespace",
			    filter);
}

bool nd_dimm_matches(struct ndctl_dimm *dimm, const char *filter)
{
	return is_all(filter) ||
	       name_matches(ndctl_dimm_get_devname(dimm), "nmem", filter);
}

bool dax_dev_matches(struct daxctl_dev *dev, const char *filter)
{
	return is_all(filter) || !strcmp(filter, daxctl_dev_get_devname(dev));
}

bool dax_region_matches(struct daxctl_region *region, const char *filter)
{
	char name[32];

	if (is_all(filter))
		return true;
	snprintf(name, sizeof(name), "region%d", daxctl_region_get_id(region));
	return name_matches(name, "region", filter);
}

int nd_check_filters_matched(struct ndctl_ctx *ctx, const char *busf,
			     const char *regionf, const char *nsf,
			     const char *dimmf)
{
	bool bus_ok = is_all(busf), region_ok = is_all(regionf);
	bool ns_ok = is_all(nsf), dimm_ok = is_all(dimmf);
	struct ndctl_namespace *ns;
	struct ndctl_region *region;
	struct ndctl_dimm *dimm;
	struct ndctl_bus *bus;

	ndctl_bus_foreach (ctx, bus) {
		bus_ok |= nd_bus_matches(bus, busf);
		ndctl_dimm_foreach (bus, dimm)
			dimm_ok |= nd_dimm_matches(dimm, dimmf);
		ndctl_region_foreach (bus, region) {
			region_ok |= nd_region_matches(region, regionf);
			ndctl_namespace_foreach (region, ns)
				ns_ok |= nd_namespace_matches(ns, nsf);
		}
	}
	if (!bus_ok)
		pr_err("no bus matches '%s'", busf);
	else if (!region_ok)
		pr_err("no region matches '%s'", regionf);
	else if (!ns_ok)
		pr_err("no namespace matches '%s'", nsf);
	else if (!dimm_ok)
		pr_err("no DIMM matches '%s'", dimmf);
	else
		return 0;
	return -ENOENT;
}

int nd_check_bus_names(struct ndctl_ctx *ctx, int argc, char **argv)
{
	struct ndctl_bus *bus;

	for (int i = 0; i < argc; i++) {
		bool found = is_all(argv[i]);

		ndctl_bus_foreach (ctx, bus)
			found |= nd_bus_matches(bus, argv[i]);
		if (!found) {
			pr_err("%s: no such bus", argv[i]);
			return -ENOENT;
		}
	}
	return 0;
}
