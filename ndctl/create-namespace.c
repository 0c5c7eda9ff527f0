// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl create-namespace.  It plans first: it states the usable size and
 * the memmap cost in DRAM and on the device, refuses a memmap in DRAM
 * that does not fit the node, and says when it is about to rewrite an
 * info block, before writing anything.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include <devstate/state.h>
#include <devstate/dax-json.h>
#include <devstate/claim.h>
#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/inuse.h>
#include <devstate/journal.h>
#include <devstate/modules.h>
#include <devstate/parse.h>
#include <devstate/words.h>
#include <memmap/memmap.h>
#include <memmap/planner.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "builtin.h"
#include "json.h"

struct create_opts {
	const char *bus, *region, *mode, *map, *memmap, *align, *size,
		*reconfig;
	const char *name, *uuid, *type, *reserve, *sector_size, *sysroot;
	bool force, dry_run, human, cont;
	int verbose;
	/* -1: not given (upstream's defaults: autorecover on) */
	int autorecover, autolabel;
};

static int parse_create(const struct create_opts *o,
			struct ndctl_ns_config *cfg, uint64_t *size)
{
	enum memmap_location map, memmap;

	*cfg = (struct ndctl_ns_config){ .mode = NDCTL_NS_MODE_FSDAX,
					 .map = NDCTL_MAP_DEV };
	*size = 0;
	if (o->mode && parse_ns_mode(o->mode, &cfg->mode))
		return -EINVAL;
	if (o->map) {
		if (parse_memmap_location("map", o->map, &map))
			return -EINVAL;
		cfg->map = map == MEMMAP_PMEM ? NDCTL_MAP_DEV : NDCTL_MAP_MEM;
	}
	if (o->memmap) {
		if (parse_memmap_location("memmap", o->memmap, &memmap))
			return -EINVAL;
		if (o->map && memmap != map) {
			pr_err("--map=%s and --memmap=%s ask for different "
			       "memmap locations",
			       o->map, o->memmap);
			return -EINVAL;
		}
		cfg->map =
			memmap == MEMMAP_PMEM ? NDCTL_MAP_DEV : NDCTL_MAP_MEM;
	}
	if ((cfg->mode == NDCTL_NS_MODE_RAW ||
	     cfg->mode == NDCTL_NS_MODE_SECTOR) &&
	    (o->map || o->memmap || o->align)) {
		pr_err("--%s does not apply to a %s namespace",
		       o->align ? "align" :
		       o->map	? "map" :
				  "memmap",
		       nd_mode_name(cfg->mode));
		return -EINVAL;
	}
	if (o->sector_size) {
		uint64_t ss;

		if (cfg->mode != NDCTL_NS_MODE_RAW &&
		    cfg->mode != NDCTL_NS_MODE_SECTOR) {
			pr_err("--sector-size does not apply to a %s namespace",
			       nd_mode_name(cfg->mode));
			return -EINVAL;
		}
		/* Which sizes exist is the kernel's list: it decides. */
		if (parse_size(o->sector_size, &ss) || !ss || ss > 65536) {
			pr_err("invalid --sector-size '%s'", o->sector_size);
			return -EINVAL;
		}
		cfg->sector_size = (unsigned int)ss;
	}
	if (o->align && (parse_size(o->align, &cfg->align) || !cfg->align)) {
		pr_err("invalid --align '%s'", o->align);
		return -EINVAL;
	}
	if (o->size && (parse_size(o->size, size) || !*size)) {
		pr_err("invalid --size '%s'", o->size);
		return -EINVAL;
	}
	return 0;
}

/* The namespace named name, if it lies in the bus and region asked for. */
static struct ndctl_namespace *find_namespace(struct ndctl_ctx *ctx,
					      const char *busf,
					      const char *region,
					      const char *name)
{
	struct ndctl_namespace *ns = ndctl_get_namespace(ctx, name);
	struct ndctl_region *r = ns ? ndctl_namespace_get_region(ns) : NULL;

	if (!r || !nd_bus_matches(ndctl_region_get_bus(r), busf) ||
	    !nd_region_matches(r, region))
		return NULL;
	return ns;
}

/*
 * A namespace nobody claimed yet, with capacity: what create fills.  With
 * a size and no region named, the first region where that size fits, as
 * upstream moves on to the next region when one has no room.
 */
static struct ndctl_namespace *find_idle(struct ndctl_ctx *ctx,
					 const char *busf, const char *region,
					 uint64_t size, bool must_fit)
{
	/*
	 * A region named: its own size error beats moving on, except
	 * when --continue looks for more room after the first namespace.
	 */
	bool any = !size || (!must_fit && region && strcmp(region, "all"));
	struct ndctl_namespace *ns;
	struct ndctl_region *r;
	struct ndctl_bus *bus;

	ndctl_bus_foreach (ctx, bus)
		ndctl_region_foreach (bus, r) {
			if (!nd_bus_matches(bus, busf) ||
			    !nd_region_matches(r, region) ||
			    !ndctl_region_is_enabled(r))
				continue;
			ndctl_namespace_foreach (r, ns)
				if (ndctl_namespace_get_size(ns) &&
				    ndctl_namespace_get_mode(ns) ==
					    NDCTL_NS_MODE_RAW &&
				    !ndctl_namespace_has_label(ns) &&
				    (any ||
				     size == ndctl_namespace_get_size(ns)))
					return ns;
			/* A labelled region hands out its seed. */
			ndctl_namespace_foreach (r, ns)
				if (!strcmp(ndctl_namespace_get_devname(ns),
					    ndctl_region_get_namespace_seed(
						    r)) &&
				    ndctl_namespace_has_label(ns) &&
				    ndctl_region_get_available_size(r) &&
				    (any ||
				     size <= ndctl_region_get_max_available_extent(
						     r)))
					return ns;
		}
	return NULL;
}

/* The size-0 namespace a labelled region offers for the next one. */
static bool is_labelled_seed(struct ndctl_namespace *ns)
{
	return ndctl_namespace_has_label(ns) && !ndctl_namespace_get_size(ns);
}

static int check_align(struct ndctl_namespace *ns, uint64_t align)
{
	uint64_t aligns[8];
	char buf[32], list[128] = "";
	int n, i;

	n = ndctl_region_get_supported_alignments(
		ndctl_namespace_get_region(ns), aligns, 8);
	if (n <= 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (aligns[i] == align)
			return 0;
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
			 "%s%s", i ? ", " : "",
			 size_exact(aligns[i], buf, sizeof(buf)));
	}
	pr_err("%s: --align %s is not supported (supported: %s)",
	       ndctl_namespace_get_devname(ns),
	       size_exact(align, buf, sizeof(buf)), list);
	return -EINVAL;
}

/*
 * A label-less region has one namespace of fixed size: --size must say
 * that size.  A labelled region's seed takes what the kernel takes: any
 * multiple of the region's current align (its "align" attribute, which
 * an administrator may have lowered to 4K), up to its largest free
 * extent.  A pfn or dax claim trims an unaligned end itself.
 */
static int check_size(struct ndctl_namespace *ns, uint64_t size)
{
	struct ndctl_region *region = ndctl_namespace_get_region(ns);
	bool seed = is_labelled_seed(ns);
	uint64_t have = seed ? ndctl_region_get_max_available_extent(region) :
			       ndctl_namespace_get_size(ns);
	uint64_t a = ndctl_region_get_align(region), below;
	char b1[32], b2[32], b3[32], b4[32];

	if (!size)
		return 0;
	if (!a)
		a = SZ_4K;
	below = ALIGN_DOWN(size, a);
	if (seed && size % a) {
		pr_err("%s: --size %s is not a multiple of %s's align %s: use "
		       "%s or %s",
		       ndctl_namespace_get_devname(ns),
		       size_exact(size, b1, sizeof(b1)),
		       ndctl_region_get_devname(region),
		       size_exact(a, b2, sizeof(b2)),
		       size_exact(below ? below : a, b3, sizeof(b3)),
		       size_exact(ALIGN_UP(size, a), b4, sizeof(b4)));
		return -EINVAL;
	}
	if (size > have) {
		pr_err("%s: --size %s is larger than the %s available",
		       ndctl_namespace_get_devname(ns),
		       size_exact(size, b1, sizeof(b1)),
		       size_exact(have, b2, sizeof(b2)));
		return -EINVAL;
	}
	if (size != have && !seed) {
		pr_err("%s: --size %s: %s has no namespace labels, so its one "
		       "namespace is fixed at %s; initialise labels to carve "
		       "it (ndctl init-labels)",
		       ndctl_namespace_get_devname(ns),
		       size_exact(size, b1, sizeof(b1)),
		       ndctl_region_get_devname(region),
		       size_exact(have, b2, sizeof(b2)));
		return -EINVAL;
	}
	return 0;
}

/*
 * The planner's one candidate for the requested configuration, printed
 * before any write: its cost and whether it fits the DRAM budget that
 * t holds (node_free, node_free_known, reserve).  A seed has no
 * capacity yet: it is planned at its region's start.  -EINVAL, with the
 * model's reason, when the kernel cannot lay the namespace out so.
 */
static int plan_namespace(const struct memmap_profile *profile,
			  struct ndctl_namespace *ns,
			  const struct ndctl_ns_config *cfg, uint64_t size,
			  struct planner_target *t, struct planner_candidate *c)
{
	enum memmap_location location =
		cfg->map == NDCTL_MAP_DEV ? MEMMAP_PMEM : MEMMAP_DRAM;
	struct planner_filter f = { .aligns = { cfg->align },
				    .location = location,
				    .compound = 1,
				    .head_only = 0 };
	struct planner_result plan;
	char b1[32], b2[32], b3[32], b4[32];

	t->start = ndctl_namespace_get_resource(ns) ?
			   ndctl_namespace_get_resource(ns) :
			   ndctl_region_get_resource(
				   ndctl_namespace_get_region(ns));
	t->size = size;
	t->mode = cfg->mode == NDCTL_NS_MODE_FSDAX ? MEMMAP_MODE_FSDAX :
						     MEMMAP_MODE_DEVDAX;
	t->info_block = true;
	planner_build(profile, t, &f, &plan);
	if (!plan.count) {
		/* No candidate: the model says why of the one asked for. */
		struct memmap_config mc = { .start = t->start,
					    .size = size,
					    .align = cfg->align,
					    .location = location,
					    .compound = true,
					    .mode = t->mode,
					    .info_block = true };
		struct memmap_cost cost;

		pr_err("%s: %s with align %s: %s",
		       ndctl_namespace_get_devname(ns), nd_mode_name(cfg->mode),
		       size_exact(cfg->align, b1, sizeof(b1)),
		       memmap_strerror(memmap_plan(profile, &mc, &cost)));
		return -EINVAL;
	}
	*c = plan.c[0];
	pr_info("%s: %s, memmap in %s, align %s: %s usable, memmap %s in "
		"DRAM and %s on the device",
		ndctl_namespace_get_devname(ns), nd_mode_name(cfg->mode),
		memmap_location_name(location),
		size_exact(cfg->align, b1, sizeof(b1)),
		size_short(c->cost.usable, b2, sizeof(b2)),
		size_short(c->cost.dram_total, b3, sizeof(b3)),
		size_short(c->cost.device_overhead, b4, sizeof(b4)));
	return 0;
}

/* Whether the namespace reads back with its old claim. */
static bool claim_is_back(struct devstate_ctx *ds, const char *name,
			  const struct ns_claim *old)
{
	struct ndctl_namespace *ns;

	ndctl_refresh(ds->nd);
	ns = ndctl_get_namespace(ds->nd, name);
	return ns && ns_claim_is(ns, old);
}

/* create_once(): no idle namespace was left to fill (--continue ends). */
#define CREATE_NONE_LEFT (-ENOENT)

/*
 * One namespace: the one -e names or an idle one to fill, planned,
 * checked, written and printed.  cfg and size are the request; the
 * defaults this fills in stay with this namespace.  0; -EINVAL for a
 * request the namespace cannot take; CREATE_NONE_LEFT; or another
 * negative errno for a refusal or a failure, after its message.
 */
static int create_once(struct devstate_ctx *ds, const struct create_opts *o,
		       struct ndctl_ns_config cfg, uint64_t size,
		       uint64_t reserve, bool quiet_none)
{
	struct ndctl_namespace *ns;
	struct planner_target pt = { .reserve = reserve };
	struct planner_candidate c = { 0 };
	struct ndctl_ctx *ctx;
	struct inuse *iu;
	struct ns_claim old;
	struct journal j;
	bool seed;
	char name[64], what[128], b1[32], b2[32], b3[32];
	int rc = -EINVAL;

	ctx = ds->nd;
	if (nd_check_filters_matched(ctx, o->bus, o->region, NULL, NULL)) {
		rc = -ENODEV;
		goto out;
	}
	ns = o->reconfig ? find_namespace(ctx, o->bus, o->region, o->reconfig) :
			   find_idle(ctx, o->bus, o->region, size, quiet_none);
	if (!ns) {
		rc = -ENODEV;
		if (o->reconfig)
			pr_err("%s: no such namespace%s%s", o->reconfig,
			       o->region ? " in region " : "",
			       o->region ? o->region : "");
		else if (quiet_none)
			rc = CREATE_NONE_LEFT;
		else
			pr_err("no idle namespace in %s: reconfigure one with "
			       "-e NAMESPACE -f",
			       o->region ? o->region : "any region");
		goto out;
	}
	snprintf(name, sizeof(name), "%s", ndctl_namespace_get_devname(ns));
	pr_debug("%s: %s namespace in %s, %s now", name,
		 o->reconfig ? "the named" : "an idle",
		 ndctl_region_get_devname(ndctl_namespace_get_region(ns)),
		 nd_mode_name(ndctl_namespace_get_mode(ns)));
	/* In use refuses before anything else, whatever the options. */
	iu = devstate_inuse(ds);
	if (!iu || inuse_check_namespace(iu, ns)) {
		rc = -EBUSY;
		goto out;
	}
	ns_claim_save(ns, &old);
	if ((o->name || o->uuid) && !is_labelled_seed(ns)) {
		pr_err("%s: --%s applies to a new namespace in a region with "
		       "labels (ndctl init-labels)",
		       name, o->name ? "name" : "uuid");
		goto out;
	}
	/*
	 * A btt seed has no logical block size until one is written (the
	 * kernel refuses to bind it): 4K, upstream's default.
	 */
	if (cfg.mode == NDCTL_NS_MODE_SECTOR && !cfg.sector_size)
		cfg.sector_size = SZ_4K;
	if (cfg.mode == NDCTL_NS_MODE_FSDAX ||
	    cfg.mode == NDCTL_NS_MODE_DEVDAX) {
		/* The kernel's default for both pfn and dax claims. */
		if (!cfg.align)
			cfg.align = SZ_2M;
		if (check_align(ns, cfg.align))
			goto out;
	}
	if (check_size(ns, size))
		goto out;
	seed = is_labelled_seed(ns);
	if (!size)
		size = seed ? ndctl_region_get_max_available_extent(
				      ndctl_namespace_get_region(ns)) :
			      ndctl_namespace_get_size(ns);
	if (cfg.mode == NDCTL_NS_MODE_FSDAX ||
	    cfg.mode == NDCTL_NS_MODE_DEVDAX) {
		int node = ndctl_namespace_get_numa_node(ns), err;

		/* The budget first: the planner says whether the plan fits. */
		err = node_free_read(ds->root, node, &pt.node_free);
		pt.node_free_known = !err;
		if (plan_namespace(ds->profile, ns, &cfg, size, &pt, &c))
			goto out;
		if (!err)
			pr_debug("node %d: %s free outside ZONE_MOVABLE, %s "
				 "kept",
				 node < 0 ? 0 : node,
				 size_exact(pt.node_free, b1, sizeof(b1)),
				 size_exact(reserve, b2, sizeof(b2)));
		/* --force skips the budget, unknown or not, as documented. */
		if (err && c.cost.dram_total && !o->force) {
			node_free_refuse(ds->root, name, node, err,
					 c.cost.dram_total);
			rc = -EIO;
			goto out;
		}
		/* An unknown budget fits every candidate: refused above. */
		if (!c.fits && !o->force) {
			pr_err("%s: the memmap needs %s of DRAM but node %d has "
			       "%s free outside ZONE_MOVABLE (keeping %s): use "
			       "--memmap pmem, or --force",
			       name,
			       size_exact(c.cost.dram_total, b1, sizeof(b1)),
			       node < 0 ? 0 : node,
			       size_exact(pt.node_free, b2, sizeof(b2)),
			       size_exact(reserve, b3, sizeof(b3)));
			rc = -ENOSPC;
			goto out;
		}
	}
	/* Active: claimed, or a raw namespace with its block device up. */
	if (old.mode != NDCTL_NS_MODE_RAW || old.enabled) {
		if (!o->force) {
			pr_err("%s is active (%s): reconfiguring it rewrites its "
			       "info block and destroys the data on it; use "
			       "--force",
			       name, nd_mode_name(old.mode));
			rc = -EBUSY;
			goto out;
		}
		pr_info("%s: rewriting the info block; the data on it is lost",
			name);
	}
	if (o->dry_run) {
		struct json_object *j = json_object_new_object();

		json_add_str(j, "dev", name);
		json_add_str(j, "mode", nd_mode_name(cfg.mode));
		if (cfg.mode == NDCTL_NS_MODE_FSDAX ||
		    cfg.mode == NDCTL_NS_MODE_DEVDAX) {
			json_add_str(j, "map", nd_map_name(cfg.map));
			json_add_size(j, "size", c.cost.usable, o->human);
			json_add_u64(j, "align", cfg.align);
			memmap_figures_to_json(j,
					       cfg.map == NDCTL_MAP_DEV ?
						       MEMMAP_PMEM :
						       MEMMAP_DRAM,
					       &c.cost);
		}
		json_add_bool(j, "dry_run", true);
		json_print(stdout, j);
		json_object_put(j);
		rc = 0;
		goto out;
	}
	/* The drivers the new claim binds to, loaded when missing. */
	if (devstate_need_driver(ds, "nd",
				 cfg.mode == NDCTL_NS_MODE_DEVDAX ?
					 "dax_pmem" :
					 "nd_pmem") ||
	    (cfg.mode == NDCTL_NS_MODE_DEVDAX &&
	     devstate_need_driver(ds, "dax", "device_dax"))) {
		rc = -EIO;
		goto out;
	}
	snprintf(what, sizeof(what), "ndctl create-namespace %s: %s -> %s",
		 name, nd_mode_name(old.mode), nd_mode_name(cfg.mode));
	if (ns_claim_journal_begin(&j, ds->root, ns, what)) {
		rc = -EIO;
		goto out;
	}
	if (seed) {
		journal_set(&j, "seed", "1");
		if (journal_write(&j)) {
			journal_remove(&j);
			rc = -EIO;
			goto out;
		}
		rc = ndctl_namespace_set_label(ns, o->uuid, o->name, size);
		if (!rc)
			rc = ndctl_namespace_configure(ns, &cfg);
		if (rc) {
			pr_err("%s: configuring %s failed: %s", name,
			       nd_mode_name(cfg.mode), strerror(-rc));
			/* Its capacity back, said only once read back. */
			if (!ns_claim_journal_recover(ds, &j))
				journal_remove(&j);
			rc = -EIO;
			goto out;
		}
		journal_remove(&j);
		nd_print_namespace(ds, name, o->human, false);
		rc = 0;
		goto out;
	}
	/* --no-autorecover: a failed claim leaves the namespace raw. */
	if (ns_claim_replace(ns, &cfg, o->autorecover ? &old : NULL, &j)) {
		/* The replace said where it is; a failed restore stays. */
		if (!o->autorecover || claim_is_back(ds, name, &old))
			journal_remove(&j);
		rc = -EIO;
		goto out;
	}
	journal_remove(&j);
	nd_print_namespace(ds, name, o->human, false);
	rc = 0;
out:
	return rc;
}

/*
 * --continue, as upstream: one namespace in each region within the bus
 * and region filters, passing over regions with no idle namespace that
 * has room; a namespace that fails ends it with that failure.
 */
static int create_each_region(struct devstate_ctx *ds,
			      const struct create_opts *o,
			      struct ndctl_ns_config cfg, uint64_t size,
			      uint64_t reserve)
{
	struct create_opts one = *o;
	struct ndctl_region *region;
	struct ndctl_bus *bus;
	char names[64][32];
	int n = 0, i, made = 0, rc = 0;

	/* By name: each namespace made re-reads the context. */
	ndctl_bus_foreach (ds->nd, bus)
		if (nd_bus_matches(bus, o->bus))
			ndctl_region_foreach (bus, region)
				if (nd_region_matches(region, o->region) &&
				    n < 64)
					snprintf(names[n++], sizeof(names[0]),
						 "%s",
						 ndctl_region_get_devname(
							 region));
	for (i = 0; !rc && i < n; i++) {
		one.region = names[i];
		rc = create_once(ds, &one, cfg, size, reserve, true);
		if (!rc)
			made++;
		if (rc == CREATE_NONE_LEFT)
			rc = 0;
	}
	if (!rc && !made) {
		pr_err("no idle namespace with room in %s",
		       o->region ? o->region : "any region");
		rc = -ENODEV;
	}
	return rc;
}

int cmd_create_namespace(int argc, char **argv)
{
	struct create_opts o = { 0 };
	struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"only regions of this bus (ndbusN or provider)"),
		OPT_REGION_ID('r', "region", &o.region, "REGION",
			      "region to create in (regionN, N or all)"),
		OPT_STR('m', "mode", &o.mode, "MODE",
			"devdax, fsdax (default), sector or raw"),
		OPT_STR('l', "sector-size", &o.sector_size, "SIZE",
			"logical block size of a sector or raw namespace"),
		OPT_STR('M', "map", &o.map, "mem|dev",
			"where the memmap goes: DRAM (mem) or the device (dev)"),
		OPT_STR(0, "memmap", &o.memmap, "dram|pmem",
			"the same choice as --map, in this project's words"),
		OPT_STR('a', "align", &o.align, "SIZE",
			"mapping alignment: 4K, 2M or 1G"),
		OPT_STR('s', "size", &o.size, "SIZE", "namespace size"),
		OPT_STR('e', "reconfig", &o.reconfig, "NAMESPACE",
			"reconfigure this namespace (with --force if active)"),
		OPT_STR('n', "name", &o.name, "NAME", "namespace name"),
		OPT_STR(0, "reserve", &o.reserve, "SIZE",
			"DRAM to keep free on the node (default 256M)"),
		OPT_BOOL('f', "force", &o.force,
			 "rewrite an active namespace; ignore the DRAM budget"),
		OPT_BOOL(0, "dry-run", &o.dry_run,
			 "print the plan, change nothing"),
		OPT_STR('u', "uuid", &o.uuid, "UUID",
			"uuid of a new labelled namespace"),
		OPT_STR('t', "type", &o.type, "pmem",
			"namespace type (only pmem exists on this kernel)"),
		OPT_BOOL(0, "human", &o.human, "human-readable sizes"),
		{ 'R', "autorecover", OPT_NEGFLAG, &o.autorecover, NULL,
		  "restore the previous setup if -e fails (default)" },
		{ 'L', "autolabel", OPT_NEGFLAG, &o.autolabel, NULL,
		  "--no-autolabel only: labels come from ndctl init-labels" },
		OPT_BOOL('c', "continue", &o.cont,
			 "one namespace in each region the filters pass"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct ndctl_ns_config cfg;
	uint64_t size, reserve = 256ULL << 20;
	struct devstate_ctx ds;
	int i, rc;

	o.autorecover = o.autolabel = -1;
	i = parse_options(argc, argv, options,
			  "ndctl create-namespace [<options>]");
	log_set_verbose(o.verbose);
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (parse_create(&o, &cfg, &size))
		return EXIT_USAGE;
	if (o.autolabel == 1) {
		pr_err("--autolabel is not supported: initialise labels with "
		       "ndctl init-labels");
		return EXIT_USAGE;
	}
	if (o.reserve && parse_size(o.reserve, &reserve)) {
		pr_err("invalid --reserve '%s'", o.reserve);
		return EXIT_USAGE;
	}
	if (o.type && strcmp(o.type, "pmem")) {
		pr_err("invalid --type '%s': only pmem namespaces exist",
		       o.type);
		return EXIT_USAGE;
	}
	if (o.uuid) {
		uuid_t u;

		if (uuid_parse(o.uuid, u)) {
			pr_err("invalid --uuid '%s'", o.uuid);
			return EXIT_USAGE;
		}
	}
	if (o.cont && (o.reconfig || o.uuid)) {
		pr_err("--continue creates new namespaces, each with its own "
		       "uuid: not with --%s",
		       o.reconfig ? "reconfig" : "uuid");
		return EXIT_USAGE;
	}
	/* One context for the command, --continue's regions included. */
	if (devstate_open(&ds, o.sysroot,
			  DEVSTATE_ND | DEVSTATE_DAX |
				  (o.dry_run ? 0 : DEVSTATE_CHANGE))) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (o.cont && !o.dry_run)
		rc = create_each_region(&ds, &o, cfg, size, reserve);
	else
		rc = create_once(&ds, &o, cfg, size, reserve, false);
	devstate_close(&ds);
	return exit_status(rc);
}
