// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl list: buses, DIMMs, regions and namespaces as a JSON array.  The
 * top level is the outermost kind asked for (-B, then -R, then -D, then
 * -N, the default); inner kinds nest under it.  DIMMs asked for together
 * with regions or namespaces, without -B, print as upstream prints them:
 * one object holding a "dimms" array and a "regions" (or "namespaces")
 * array gathered over every bus.
 */
#include <stdio.h>
#include <string.h>

#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/parse.h>
#include "json.h"

struct list_opts {
	const char *bus, *region, *ns, *dimm, *type, *mode, *sysroot;
	bool buses, dimms, regions, namespaces, dax, idle, human, verbose;
	enum ndctl_ns_mode want_mode;
};

/* -t: regions of one type ("pmem" or "blk"). */
static bool region_wanted(struct ndctl_region *region,
			  const struct list_opts *o)
{
	return nd_region_matches(region, o->region) &&
	       (!o->type || !strcmp(ndctl_region_get_type(region), o->type));
}

static struct json_object *list_namespaces(struct ndctl_region *region,
					   const struct list_opts *o,
					   const struct nd_json_flags *flags)
{
	struct json_object *jnss = json_object_new_array();
	struct ndctl_namespace *ns;

	ndctl_namespace_foreach(region, ns) {
		if (!nd_namespace_matches(ns, o->ns))
			continue;
		if (o->mode && ndctl_namespace_get_mode(ns) != o->want_mode)
			continue;
		if (!o->idle && !ndctl_namespace_is_active(ns))
			continue;
		json_object_array_add(jnss, nd_namespace_to_json(ns, flags));
	}
	return jnss;
}

static void append_all(struct json_object *dst, struct json_object *src)
{
	size_t i;

	for (i = 0; i < json_object_array_length(src); i++)
		json_object_array_add(dst, json_object_get(
				json_object_array_get_idx(src, i)));
	json_object_put(src);
}

/* Regions of a bus, each with its namespaces when -N. */
static struct json_object *list_regions(struct ndctl_bus *bus,
					const struct list_opts *o,
					const struct nd_json_flags *flags)
{
	struct json_object *jregions = json_object_new_array();
	struct ndctl_region *region;

	ndctl_region_foreach(bus, region) {
		struct json_object *jregion, *jnss;

		if (!region_wanted(region, o))
			continue;
		if (!o->idle && !ndctl_region_is_enabled(region))
			continue;
		jregion = nd_region_to_json(region, o->dimms, flags);
		if (o->namespaces) {
			jnss = list_namespaces(region, o, flags);
			/* A namespace filter hides regions without one. */
			if (o->ns && !json_object_array_length(jnss)) {
				json_object_put(jnss);
				json_object_put(jregion);
				continue;
			}
			json_object_object_add(jregion, "namespaces", jnss);
		}
		json_object_array_add(jregions, jregion);
	}
	return jregions;
}

static struct json_object *list_dimms(struct ndctl_bus *bus,
				      const struct list_opts *o)
{
	struct json_object *jdimms = json_object_new_array();
	struct ndctl_dimm *dimm;

	ndctl_dimm_foreach(bus, dimm) {
		if (!nd_dimm_matches(dimm, o->dimm))
			continue;
		if (!o->idle && !ndctl_dimm_is_enabled(dimm))
			continue;
		json_object_array_add(jdimms, nd_dimm_to_json(dimm));
	}
	return jdimms;
}

static struct json_object *list_bus(struct ndctl_bus *bus,
				    const struct list_opts *o,
				    const struct nd_json_flags *flags)
{
	struct json_object *jbus = nd_bus_to_json(bus);
	struct ndctl_region *region;

	if (o->dimms)
		json_object_object_add(jbus, "dimms", list_dimms(bus, o));
	if (o->regions) {
		json_object_object_add(jbus, "regions",
				       list_regions(bus, o, flags));
	} else if (o->namespaces) {
		struct json_object *jnss = json_object_new_array();

		ndctl_region_foreach(bus, region)
			if (region_wanted(region, o))
				append_all(jnss,
					   list_namespaces(region, o, flags));
		json_object_object_add(jbus, "namespaces", jnss);
	}
	return jbus;
}

int cmd_list(int argc, char **argv)
{
	struct list_opts o = { 0 };
	const struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"only this bus (ndbusN, provider name or all)"),
		OPT_STR('r', "region", &o.region, "REGION",
			"only this region (regionN, N or all)"),
		OPT_STR('n', "namespace", &o.ns, "NAMESPACE",
			"only this namespace (namespaceX.Y or all)"),
		OPT_STR('d', "dimm", &o.dimm, "DIMM",
			"only this DIMM (nmemN, N or all)"),
		OPT_STR('t', "type", &o.type, "TYPE",
			"only regions of this type (pmem or blk)"),
		OPT_STR('m', "mode", &o.mode, "MODE",
			"only namespaces in this mode (raw, fsdax, devdax, "
			"sector)"),
		OPT_BOOL('B', "buses", &o.buses, "list buses"),
		OPT_BOOL('D', "dimms", &o.dimms, "list DIMMs"),
		OPT_BOOL('R', "regions", &o.regions, "list regions"),
		OPT_BOOL('N', "namespaces", &o.namespaces,
			 "list namespaces (the default)"),
		OPT_BOOL(
			'X', "device-dax", &o.dax,
			"show the dax region and devices of devdax namespaces"),
		OPT_BOOL('i', "idle", &o.idle,
			 "include disabled and zero-sized objects"),
		OPT_BOOL('u', "human", &o.human,
			 "sizes and addresses in human-readable form"),
		OPT_BOOL('v', "verbose", &o.verbose, "add NUMA placement"),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct nd_json_flags flags;
	struct json_object *jout;
	struct ndctl_ctx *ctx;
	struct ndctl_bus *bus;
	struct devstate ds;
	int i, rc;

	i = parse_options(argc, argv, options, "ndctl list [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	/* The dax device names come from the dax bus. */
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND | DEVSTATE_DAX)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	ctx = ds.nd;
	if (o.type && strcmp(o.type, "pmem") && strcmp(o.type, "blk")) {
		pr_err("invalid --type '%s': pmem or blk", o.type);
		rc = EXIT_USAGE;
		goto out;
	}
	if (o.mode && parse_ns_mode(o.mode, &o.want_mode)) {
		rc = EXIT_USAGE;
		goto out;
	}
	/* As upstream: with no kind asked for, a filter names the kind. */
	if (!o.buses && !o.dimms && !o.regions && !o.namespaces) {
		o.buses = o.bus != NULL;
		o.regions = o.region != NULL;
		o.dimms = o.dimm != NULL;
	}
	if (!o.buses && !o.dimms && !o.regions && !o.namespaces)
		o.namespaces = true;
	if (o.dax)
		o.namespaces = true;
	flags = (struct nd_json_flags){ .human = o.human,
					.verbose = o.verbose,
					.dax = o.dax,
					.dax_ctx = ds.dax,
					.profile = ds.profile };

	if (!o.buses && o.dimms && (o.regions || o.namespaces)) {
		struct json_object *jd = json_object_new_array();
		struct json_object *jr = json_object_new_array();

		ndctl_bus_foreach (ctx, bus) {
			struct ndctl_region *region;

			if (!nd_bus_matches(bus, o.bus))
				continue;
			append_all(jd, list_dimms(bus, &o));
			if (o.regions) {
				append_all(jr, list_regions(bus, &o, &flags));
				continue;
			}
			ndctl_region_foreach (bus, region)
				if (region_wanted(region, &o))
					append_all(jr,
						   list_namespaces(region, &o,
								   &flags));
		}
		jout = json_object_new_object();
		json_object_object_add(jout, "dimms", jd);
		json_object_object_add(
			jout, o.regions ? "regions" : "namespaces", jr);
		goto print;
	}
	jout = json_object_new_array();
	ndctl_bus_foreach(ctx, bus) {
		if (!nd_bus_matches(bus, o.bus))
			continue;
		if (o.buses)
			json_object_array_add(jout, list_bus(bus, &o, &flags));
		else if (o.regions)
			append_all(jout, list_regions(bus, &o, &flags));
		else if (o.dimms)
			append_all(jout, list_dimms(bus, &o));
		else {
			struct ndctl_region *region;

			ndctl_region_foreach(bus, region)
				if (region_wanted(region, &o))
					append_all(jout, list_namespaces(
							region, &o, &flags));
		}
	}
print:
	json_print(stdout, jout);
	rc = nd_check_filters_matched(ctx, o.bus, o.region, o.ns, o.dimm);
	json_object_put(jout);
out:
	devstate_close(&ds);
	return rc;
}
