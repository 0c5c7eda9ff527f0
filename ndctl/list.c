// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl list: buses, DIMMs, regions and namespaces as JSON, in upstream's
 * shapes.  One walk over the buses fills up to four arrays, each made
 * when its first object is: with -B every other kind nests under its bus,
 * with -R namespaces nest under their region.  Without -B, two or more
 * top-level kinds print as one object ("dimms", then "regions" or
 * "namespaces"); one kind prints as its array, or with -u as the lone
 * object when there is just one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/sysfs.h>
#include "builtin.h"
#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/parse.h>
#include "json.h"

struct list_opts {
	const char *bus, *region, *ns, *dimm, *type, *mode, *numa, *sysroot;
	bool buses, dimms, regions, namespaces, dax, idle, configured;
	bool health, firmware, capabilities, media_errors, human;
	int verbose;
	int node; /* -U, or -1 */
	enum ndctl_ns_mode want_mode;
};

/* What the walk has built so far; each array exists once it has an entry. */
struct walk {
	const struct list_opts *o;
	const struct nd_json_flags *flags;
	struct json_object *jbuses, *jbus, *jdimms, *jregions, *jregion, *jnss;
	bool warned_numa;
	/* A DIMM's health could not be read: said, and the exit is 1. */
	bool failed;
};

static struct json_object *add_to(struct json_object **arr,
				  struct json_object *parent, const char *key,
				  struct json_object *obj)
{
	if (!*arr) {
		*arr = json_object_new_array();
		if (parent)
			json_object_object_add(parent, key, *arr);
	}
	json_object_array_add(*arr, obj);
	return obj;
}

static bool any_kind(const struct list_opts *o)
{
	return o->buses || o->dimms || o->regions || o->namespaces;
}

static bool region_has_ns(struct ndctl_region *region, const char *filter)
{
	struct ndctl_namespace *ns;

	ndctl_namespace_foreach (region, ns)
		if (nd_namespace_matches(ns, filter))
			return true;
	return false;
}

static bool region_has_dimm(struct ndctl_region *region, const char *filter)
{
	struct ndctl_dimm *dimm;

	ndctl_dimm_foreach (ndctl_region_get_bus(region), dimm)
		if (nd_dimm_matches(dimm, filter) &&
		    ndctl_region_uses_dimm(region, dimm))
			return true;
	return false;
}

/* -r, -d, -n: a region is kept when it could hold what they name. */
static bool region_passes(struct ndctl_region *region,
			  const struct list_opts *o)
{
	return nd_region_matches(region, o->region) &&
	       (!o->dimm || region_has_dimm(region, o->dimm)) &&
	       (!o->ns || region_has_ns(region, o->ns));
}

/*
 * -r, -n, -U narrow the DIMMs to those in a region they keep; -U compares
 * the region's node.
 */
static bool dimm_passes(struct ndctl_dimm *dimm, const struct list_opts *o)
{
	struct ndctl_region *region;
	bool by_region = !o->region, by_ns = !o->ns, by_node = o->node < 0;

	if (!nd_dimm_matches(dimm, o->dimm))
		return false;
	ndctl_region_foreach (ndctl_dimm_get_bus(dimm), region) {
		if (!ndctl_region_uses_dimm(region, dimm))
			continue;
		by_region |= nd_region_matches(region, o->region);
		by_ns |= region_has_ns(region, o->ns);
		by_node |= ndctl_region_get_numa_node(region) == o->node;
	}
	return by_region && by_ns && by_node;
}

static bool bus_passes(struct ndctl_bus *bus, const struct list_opts *o)
{
	struct ndctl_region *region;
	struct ndctl_dimm *dimm;
	bool by_dimm = !o->dimm, by_region = !o->region, by_ns = !o->ns;

	if (!nd_bus_matches(bus, o->bus))
		return false;
	ndctl_dimm_foreach (bus, dimm)
		by_dimm |= nd_dimm_matches(dimm, o->dimm);
	ndctl_region_foreach (bus, region) {
		by_region |= nd_region_matches(region, o->region);
		by_ns |= region_has_ns(region, o->ns);
	}
	return by_dimm && by_region && by_ns;
}

/*
 * -H of a DIMM whose DSM family is not decoded here: say so for a DIMM
 * that offers SMART data rather than leave the key out silently.
 */
static void warn_dsm(struct ndctl_dimm *dimm, const struct list_opts *o)
{
	if (o->health && !ndctl_dimm_health_family(dimm) &&
	    ndctl_dimm_has_command(dimm, "smart"))
		pr_err("%s: health: the DIMM's DSM family is not decoded by "
		       "this ndctl, no \"health\" listed",
		       ndctl_dimm_get_devname(dimm));
}

static void walk_dimm(struct walk *w, struct ndctl_dimm *dimm)
{
	const struct list_opts *o = w->o;
	struct json_object *jdimm;

	if (!dimm_passes(dimm, o))
		return;
	if (!o->configured && !o->idle && !ndctl_dimm_is_enabled(dimm))
		return;
	warn_dsm(dimm, o);
	jdimm = nd_dimm_to_json(dimm, w->flags);
	/* Upstream's order: firmware within the DIMM's keys, then health. */
	if (o->firmware) {
		struct json_object *jfw =
			nd_dimm_firmware_to_json(dimm, o->human);

		if (jfw)
			json_object_object_add(jdimm, "firmware", jfw);
	}
	if (o->health) {
		bool failed;
		struct json_object *jhealth =
			nd_dimm_health_to_json(dimm, &failed);

		if (jhealth)
			json_object_object_add(jdimm, "health", jhealth);
		w->failed |= failed;
	}
	add_to(&w->jdimms, w->jbus, "dimms", jdimm);
}

static void walk_namespace(struct walk *w, struct ndctl_namespace *ns)
{
	const struct list_opts *o = w->o;
	struct json_object *parent = w->jregion ? w->jregion : w->jbus;
	uint64_t size = ndctl_namespace_get_size(ns);

	if (!nd_namespace_matches(ns, o->ns))
		return;
	if (o->mode && ndctl_namespace_get_mode(ns) != o->want_mode)
		return;
	if (o->node >= 0 && ndctl_namespace_get_numa_node(ns) != o->node)
		return;
	/* -c: disabled but sized ("configured") namespaces too. */
	if (!ndctl_namespace_is_active(ns) && !o->idle &&
	    !(o->configured && size))
		return;
	add_to(&w->jnss, parent, "namespaces",
	       nd_namespace_to_json(ns, w->flags));
}

static void walk_region(struct walk *w, struct ndctl_region *region)
{
	const struct list_opts *o = w->o;
	struct ndctl_namespace *ns;

	if (!region_passes(region, o))
		return;
	if (o->node >= 0 && !ndctl_region_has_numa(region) && !o->namespaces) {
		if (!w->warned_numa)
			pr_err("%s: the kernel gives regions no numa_node, "
			       "not listed with --numa-node",
			       ndctl_region_get_devname(region));
		w->warned_numa = true;
		return;
	}
	if (o->node >= 0 && ndctl_region_has_numa(region) &&
	    ndctl_region_get_numa_node(region) != o->node)
		return;
	if (o->type && strcmp(ndctl_region_get_type(region), o->type))
		return;
	if (o->regions) {
		if (!o->configured && !o->idle &&
		    !ndctl_region_is_enabled(region))
			return;
		w->jregion =
			add_to(&w->jregions, w->jbus, "regions",
			       nd_region_to_json(region, o->dimms, w->flags));
		/* Each region gets its own namespaces array. */
		w->jnss = NULL;
	}
	if (!o->namespaces)
		return;
	ndctl_namespace_foreach (region, ns)
		walk_namespace(w, ns);
}

static void walk_bus(struct walk *w, struct ndctl_bus *bus)
{
	const struct list_opts *o = w->o;
	struct ndctl_region *region;
	struct ndctl_dimm *dimm;

	if (!bus_passes(bus, o))
		return;
	/* Under -B each bus holds its own arrays. */
	if (o->buses) {
		w->jdimms = w->jregions = w->jregion = w->jnss = NULL;
		w->jbus = add_to(&w->jbuses, NULL, NULL, nd_bus_to_json(bus));
		if (o->firmware)
			nd_bus_add_firmware(w->jbus, bus);
	}
	if (o->dimms)
		ndctl_dimm_foreach (bus, dimm)
			walk_dimm(w, dimm);
	ndctl_region_foreach (bus, region)
		walk_region(w, region);
}

static void print_array(struct json_object *arr, bool human)
{
	/* Upstream's -u form: a lone object is printed bare. */
	if (human && json_object_array_length(arr) == 1)
		json_print(stdout, json_object_array_get_idx(arr, 0));
	else
		json_print(stdout, arr);
	json_object_put(arr);
}

static void print_walk(struct walk *w)
{
	int kinds = !!w->jdimms + !!w->jregions + !!w->jnss;
	struct json_object *jout;

	if (w->jbuses) {
		print_array(w->jbuses, w->o->human);
		return;
	}
	/*
	 * With regions listed, namespaces are inside them (w->jnss is the
	 * last region's), yet upstream still counts them as a kind: -RN
	 * prints an object holding "regions" alone.
	 */
	if (kinds > 1) {
		jout = json_object_new_object();
		if (w->jdimms)
			json_object_object_add(jout, "dimms", w->jdimms);
		if (w->jregions)
			json_object_object_add(jout, "regions", w->jregions);
		else if (w->jnss)
			json_object_object_add(jout, "namespaces", w->jnss);
		json_print(stdout, jout);
		json_object_put(jout);
	} else if (w->jdimms) {
		print_array(w->jdimms, w->o->human);
	} else if (w->jregions) {
		print_array(w->jregions, w->o->human);
	} else if (w->jnss) {
		print_array(w->jnss, w->o->human);
	}
	/* Nothing matched: upstream prints nothing, and so do we. */
}

/*
 * -v, -vv, -vvv: each level adds to the one below.  NDCTL_LIST_LINT (as
 * upstream) keeps -v and -vv from adding object kinds of their own
 * accord, -vv then listing every kind only when none was asked for.
 */
static void apply_verbose(struct list_opts *o)
{
	bool lint = secure_getenv("NDCTL_LIST_LINT") != NULL;

	if (o->verbose >= 3)
		o->idle = o->firmware = o->health = o->capabilities = true;
	if (o->verbose >= 2) {
		if (!lint || !any_kind(o)) {
			o->dimms = o->buses = o->regions = true;
			o->namespaces |= lint;
		}
	}
	if (o->verbose >= 1) {
		o->media_errors = o->dax = true;
		o->namespaces |= !lint;
	}
}

static int parse_node(struct list_opts *o, struct sysroot *root)
{
	char *end;
	long node;

	o->node = -1;
	if (!o->numa || !strcmp(o->numa, "all"))
		return EXIT_OK;
	node = strtol(o->numa, &end, 0);
	if (end == o->numa || *end || node < 0 || node > 1 << 20) {
		pr_err("invalid --numa-node '%s': a node number", o->numa);
		return EXIT_USAGE;
	}
	if (!sysfs_exists(root, "sys/devices/system/node")) {
		pr_err("--numa-node %ld: this system has no NUMA nodes", node);
		return EXIT_FAIL;
	}
	o->node = (int)node;
	return EXIT_OK;
}

int cmd_list(int argc, char **argv)
{
	struct list_opts o = { 0 };
	const struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"only this bus (ndbusN, provider name or all)"),
		OPT_REGION_ID('r', "region", &o.region, "REGION",
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
		OPT_STR('U', "numa-node", &o.numa, "NODE",
			"only objects on this NUMA node"),
		OPT_BOOL('B', "buses", &o.buses, "list buses"),
		OPT_BOOL('D', "dimms", &o.dimms, "list DIMMs"),
		OPT_BOOL('F', "firmware", &o.firmware,
			 "add DIMM firmware information"),
		OPT_BOOL('H', "health", &o.health, "add DIMM health"),
		OPT_BOOL('R', "regions", &o.regions, "list regions"),
		OPT_BOOL('N', "namespaces", &o.namespaces,
			 "list namespaces (the default)"),
		OPT_BOOL(
			'X', "device-dax", &o.dax,
			"show the dax region and devices of devdax namespaces"),
		OPT_BOOL('C', "capabilities", &o.capabilities,
			 "add each region's modes and their sizes"),
		OPT_BOOL('i', "idle", &o.idle,
			 "include disabled and zero-sized objects"),
		OPT_BOOL('c', "configured", &o.configured,
			 "include sized namespaces, enabled or not"),
		OPT_BOOL('M', "media-errors", &o.media_errors,
			 "add bad blocks (media errors)"),
		OPT_BOOL('u', "human", &o.human,
			 "sizes and addresses in human-readable form"),
		{ 'v', "verbose", OPT_COUNT, &o.verbose, NULL,
		  "more detail: -v, -vv, -vvv (see ndctl-list(1))" },
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct nd_json_flags flags;
	struct walk w = { .o = &o };
	struct ndctl_bus *bus;
	struct devstate_ctx ds;
	int i, rc;

	i = parse_options(argc, argv, options, "ndctl list [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (o.type && strcmp(o.type, "pmem") && strcmp(o.type, "blk")) {
		pr_err("invalid --type '%s': pmem or blk", o.type);
		return EXIT_USAGE;
	}
	if (o.mode && parse_ns_mode(o.mode, &o.want_mode))
		return EXIT_USAGE;
	/* The dax device names come from the dax bus. */
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND | DEVSTATE_DAX)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	rc = parse_node(&o, ds.root);
	if (rc)
		goto out;
	/*
	 * As upstream: with no kind asked for, a filter names the kind, and
	 * -X alone lists devdax namespaces.
	 */
	if (!any_kind(&o)) {
		o.buses = o.bus != NULL;
		o.regions = o.region != NULL;
		o.dimms = o.dimm != NULL;
		if (o.dax && !o.mode) {
			o.mode = nd_mode_name(NDCTL_NS_MODE_DEVDAX);
			o.want_mode = NDCTL_NS_MODE_DEVDAX;
		}
	}
	apply_verbose(&o);
	if (!any_kind(&o))
		o.namespaces = true;
	flags = (struct nd_json_flags){ .human = o.human,
					.verbose = o.verbose > 0,
					.dax = o.dax,
					.idle = o.idle,
					.configured = o.configured,
					.media_errors = o.media_errors,
					.capabilities = o.capabilities,
					.dimm_filter = o.dimm,
					.dax_ctx = ds.dax,
					.profile = ds.profile };
	w.flags = &flags;
	ndctl_bus_foreach (ds.nd, bus)
		walk_bus(&w, bus);
	print_walk(&w);
	/*
	 * A filter that names nothing is not an error, as upstream: the
	 * output is empty and the status 0.
	 */
	if (w.failed)
		rc = EXIT_FAIL;
out:
	devstate_close(&ds);
	return rc;
}
