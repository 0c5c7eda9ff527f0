// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl plan: what every align x memmap-location x compound choice costs
 * for a device, a namespace, an nd region, or a hypothetical size, before
 * anything changes.  JSON array of plans by default, a table with -u.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memmap/planner.h>
#include <ndctl/libndctl.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "builtin.h"
#include <devstate/context.h>
#include <devstate/plan-json.h>
#include <devstate/each.h>
#include <devstate/parse.h>
#include <devstate/state.h>
#include <devstate/dax-json.h>

struct plan_opts {
	const char *region, *size, *start, *profile, *arch, *align, *memmap;
	const char *compound, *head_only, *mode, *reserve, *free, *sysroot;
	bool human, dynamic;
};

/*
 * -a LIST: one to three sizes, comma-separated.  Every element must be
 * a size: an empty one ("2M,", ",") or 0 would end the 0-terminated
 * list early and plan every align instead.
 */
static int parse_aligns(const char *list, uint64_t *aligns, int max)
{
	const char *elem = list;
	char tok[32];
	int n = 0;

	for (;;) {
		size_t len = strcspn(elem, ",");

		if (n == max || !len || len >= sizeof(tok))
			return -EINVAL;
		memcpy(tok, elem, len);
		tok[len] = '\0';
		if (parse_size(tok, &aligns[n]) || !aligns[n])
			return -EINVAL;
		n++;
		if (!elem[len])
			return 0;
		elem += len + 1;
	}
}

static int parse_filter(const struct plan_opts *o, struct planner_filter *f)
{
	/* aligns[] keeps its last element 0, the list's end. */
	int max_aligns = sizeof(f->aligns) / sizeof(f->aligns[0]) - 1;

	*f = (struct planner_filter){ .location = -1,
				      .compound = -1,
				      .head_only = -1 };
	if (o->align && parse_aligns(o->align, f->aligns, max_aligns)) {
		pr_err("invalid --align '%s': expected one to %d sizes such "
		       "as 4K,2M,1G",
		       o->align, max_aligns);
		return -EINVAL;
	}
	if (o->memmap) {
		enum memmap_location loc;

		if (parse_memmap_location("memmap", o->memmap, &loc))
			return -EINVAL;
		f->location = loc;
	}
	if (o->compound) {
		if (!strcmp(o->compound, "on"))
			f->compound = 1;
		else if (!strcmp(o->compound, "off"))
			f->compound = 0;
		else {
			pr_err("invalid --compound '%s': expected on or off",
			       o->compound);
			return -EINVAL;
		}
	}
	if (o->head_only) {
		if (!strcmp(o->head_only, "on"))
			f->head_only = 1;
		else if (!strcmp(o->head_only, "off"))
			f->head_only = 0;
		else {
			pr_err("invalid --vmemmap-head-only '%s': expected on "
			       "or off",
			       o->head_only);
			return -EINVAL;
		}
	}
	return 0;
}

/* The profiles' names (or their architectures, once each), for a message. */
static void profile_names(bool arch, char *buf, size_t len)
{
	size_t used = 0;
	int i, j;

	buf[0] = '\0';
	for (i = 0; memmap_profiles[i]; i++) {
		const char *word = arch ? memmap_profiles[i]->arch :
					  memmap_profiles[i]->name;
		bool seen = false;

		for (j = 0; j < i && arch; j++)
			seen |= !strcmp(memmap_profiles[j]->arch, word);
		if (seen || used >= len)
			continue;
		used += snprintf(buf + used, len - used, "%s%s",
				 used ? ", " : "", word);
	}
}

static int add_target(struct plan_set *set, const char *name,
		      const struct planner_target *t)
{
	struct plan_item *item;

	if (set->count == set->cap) {
		int cap = set->cap ? 2 * set->cap : 16;

		item = realloc(set->items, cap * sizeof(*item));
		if (!item)
			return -ENOMEM;
		set->items = item;
		set->cap = cap;
	}
	item = &set->items[set->count++];
	*item = (struct plan_item){ 0 };
	snprintf(item->name, sizeof(item->name), "%s", name);
	item->target = *t;
	return 0;
}

/* What collect_device() adds each device it is given to. */
struct collect {
	struct plan_set *set;
	uint64_t reserve;
	bool free_given; /* --free: the node's meminfo is not needed */
};

/* Planned against an unknown budget: say so, once per object. */
static void warn_free_unknown(struct devstate_ctx *ds, const char *name,
			      int node, int err)
{
	node_free_perror(ds->root, name, node, err,
			 "'fits' is not checked (give --free)");
}

static int collect_device(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct collect *c = arg;
	struct daxctl_dev *dev = obj;
	struct plan_item *item;
	struct planner_target t;
	struct dev_state st;
	int rc;

	dev_state_from_dax(dev, &st);
	rc = dev_state_plan_target(&st, ds->root, c->reserve, &t);
	if (rc && !c->free_given)
		warn_free_unknown(ds, daxctl_dev_get_devname(dev), st.numa_node,
				  rc);
	rc = add_target(c->set, daxctl_dev_get_devname(dev), &t);
	if (rc)
		return rc;
	item = &c->set->items[c->set->count - 1];
	snprintf(item->ns, sizeof(item->ns), "%s",
		 st.backing.nd ? st.backing.ns : "");
	item->has_kernel = st.has_kernel_counts;
	item->kernel_dram = st.kernel_dram;
	item->kernel_device = st.kernel_device;
	return 0;
}

/* Namespaces and nd regions: plan what their capacity could become. */
static int collect_nd(struct devstate_ctx *ds, const char *name,
		      const struct collect *c, bool *found)
{
	struct plan_set *set = c->set;
	uint64_t reserve = c->reserve;
	struct sysroot *root = ds->root;
	struct ndctl_namespace *ns;
	struct ndctl_region *region;
	struct ndctl_bus *bus;
	int rc = 0;

	*found = false;
	ndctl_bus_foreach (ds->nd, bus) {
		ndctl_region_foreach (bus, region) {
			struct planner_target t = { .mode = MEMMAP_MODE_DEVDAX,
						    .info_block = true,
						    .reserve = reserve };
			int node = ndctl_region_get_numa_node(region), err;

			if (!strcmp(ndctl_region_get_devname(region), name)) {
				err = node_free_read(root, node, &t.node_free);
				t.node_free_known = !err;
				if (err && !c->free_given)
					warn_free_unknown(ds, name, node, err);
				t.start = ndctl_region_get_resource(region);
				t.size = ndctl_region_get_size(region);
				rc = add_target(set, name, &t);
				*found = true;
			}
			ndctl_namespace_foreach (region, ns) {
				struct dev_state st;

				if (strcmp(ndctl_namespace_get_devname(ns),
					   name))
					continue;
				dev_state_from_ns(ns, ds->dax, &st);
				err = dev_state_plan_target(&st, root, reserve,
							    &t);
				if (err && !c->free_given)
					warn_free_unknown(ds, name,
							  st.numa_node, err);
				/* What the capacity could become, any mode. */
				t.mode = MEMMAP_MODE_DEVDAX;
				t.info_block = true;
				t.start = ndctl_namespace_get_resource(ns);
				t.size = ndctl_namespace_get_size(ns);
				rc = add_target(set, name, &t);
				*found = true;
			}
		}
	}
	return rc;
}

int cmd_plan(int argc, char **argv)
{
	struct plan_opts o = { 0 };
	const struct opt options[] = {
		OPT_REGION_ID('r', "region", &o.region, "REGION",
			      "plan every device of this dax region"),
		OPT_STR('s', "size", &o.size, "SIZE",
			"plan a hypothetical device of this size"),
		OPT_STR(0, "start", &o.start, "ADDR",
			"physical start of the hypothetical device (1T)"),
		OPT_BOOL(0, "dynamic", &o.dynamic,
			 "hypothetical device has no info block (hmem, CXL)"),
		OPT_STR(0, "profile", &o.profile, "NAME",
			"kernel profile (linux-6.1, linux-6.1-arm64-4k, ...)"),
		OPT_STR(0, "arch", &o.arch, "ARCH",
			"default profile of an architecture (x86_64, arm64)"),
		OPT_STR('a', "align", &o.align, "LIST",
			"only these alignments, e.g. 2M,1G"),
		OPT_STR(0, "memmap", &o.memmap, "dram|pmem",
			"only this memmap location"),
		OPT_STR(0, "compound", &o.compound, "on|off",
			"only with or without compound pages"),
		OPT_STR(0, "vmemmap-head-only", &o.head_only, "on|off",
			"only with one or two vmemmap pages per compound page"),
		OPT_STR('m', "mode", &o.mode, "MODE",
			"devdax (default), system-ram or fsdax"),
		OPT_STR(0, "reserve", &o.reserve, "SIZE",
			"DRAM to keep free on the node (default 256M)"),
		OPT_STR(0, "free", &o.free, "SIZE",
			"free DRAM to plan against instead of the node's"),
		OPT_BOOL('u', "human", &o.human, "print a table"),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	const struct memmap_profile *profile = NULL;
	struct plan_set *set = NULL;
	struct planner_filter filter;
	struct devstate_ctx ds = { 0 };
	struct collect collect = { 0 };
	struct devstate_each each = {
		.kind = DEVSTATE_DAXDEV,
		.idle = DEVSTATE_IDLE_SKIP,
		.names_first = true,
		.fn = collect_device,
		.arg = &collect,
	};
	uint64_t reserve = 256ULL << 20, free_override = 0, start = 1ULL << 40;
	enum memmap_mode mode = MEMMAP_MODE_DEVDAX;
	int i, rc = EXIT_USAGE;

	i = parse_options(argc, argv, options,
			  "daxctl plan [<options>] [DEVICE...|all]");
	argc -= i;
	argv += i;
	if (parse_filter(&o, &filter) ||
	    (o.mode && parse_memmap_mode(o.mode, &mode)))
		return EXIT_USAGE;
	/*
	 * Both name the kernel profile, one by name and one by its
	 * architecture's default: given together, one would be dropped.
	 */
	if (o.profile && o.arch) {
		pr_err("--profile %s and --arch %s both choose the kernel "
		       "profile: give one",
		       o.profile, o.arch);
		return EXIT_USAGE;
	}
	if (o.profile || o.arch) {
		const char *want = o.profile ? o.profile : o.arch;
		char names[256];

		/* The finder takes either word: each option takes its own. */
		profile = memmap_profile_find(want);
		if (!profile ||
		    strcmp(o.profile ? profile->name : profile->arch, want)) {
			profile_names(!o.profile, names, sizeof(names));
			pr_err("invalid --%s '%s': expected one of %s",
			       o.profile ? "profile" : "arch", want, names);
			return EXIT_USAGE;
		}
	}
	/* Only a hypothetical device has a start and a kind to choose. */
	if ((o.start || o.dynamic) && !o.size) {
		pr_err("--%s describes the hypothetical device of --size; "
		       "give --size too",
		       o.start ? "start" : "dynamic");
		return EXIT_USAGE;
	}
	/*
	 * The running kernel's controls decide the profile.  A hypothetical
	 * size plans even where there is no sysfs to read (stock profile).
	 */
	if (devstate_open(&ds, o.sysroot, DEVSTATE_DAX | DEVSTATE_ND) &&
	    !o.size) {
		rc = EXIT_FAIL;
		goto out;
	}
	if (!profile)
		profile = ds.profile;
	if (o.reserve && parse_size(o.reserve, &reserve)) {
		pr_err("invalid --reserve '%s'", o.reserve);
		goto out;
	}
	if (o.free && parse_size(o.free, &free_override)) {
		pr_err("invalid --free '%s'", o.free);
		goto out;
	}
	if (o.start && parse_size(o.start, &start)) {
		pr_err("invalid --start '%s'", o.start);
		goto out;
	}
	for (i = 0; filter.aligns[i]; i++) {
		if (!memmap_align_supported(profile, filter.aligns[i])) {
			char buf[32];

			pr_err("invalid --align %s: profile %s supports only "
			       "%s",
			       size_exact(filter.aligns[i], buf, sizeof(buf)),
			       profile->name, plan_aligns_text(profile));
			goto out;
		}
	}
	if (filter.compound == 0 && !profile->compound_control) {
		pr_err("--compound off: profile %s has no compound control "
		       "(it needs the kernel-patches series)",
		       profile->name);
		goto out;
	}
	if (filter.head_only == 1 && !profile->vmemmap_head_only_control) {
		pr_err("--vmemmap-head-only on: no vmemmap_head_only "
		       "attribute on this kernel's dax devices (profile %s; "
		       "it needs the vmemmap_head_only control of "
		       "kernel-patches/)",
		       profile->name);
		goto out;
	}
	if (o.size && (argc || o.region)) {
		pr_err("--size plans a hypothetical device; do not name "
		       "devices too");
		goto out;
	}
	if (!o.size && !argc && !o.region) {
		pr_err("name a device, namespace or region, 'all', or give "
		       "--size");
		goto out;
	}

	set = calloc(1, sizeof(*set));
	if (!set) {
		rc = EXIT_FAIL;
		goto out;
	}
	if (o.size) {
		struct planner_target t = { .mode = mode,
					    .info_block = !o.dynamic,
					    .start = start,
					    .reserve = reserve };

		if (parse_size(o.size, &t.size) || !t.size) {
			pr_err("invalid --size '%s'", o.size);
			goto out;
		}
		if (t.size % profile->page_size) {
			char b1[32];

			pr_err("invalid --size '%s': not a multiple of the %s "
			       "page",
			       o.size,
			       size_exact(profile->page_size, b1, sizeof(b1)));
			goto out;
		}
		if (t.start >= profile->addr_limit ||
		    t.size > profile->addr_limit - t.start) {
			char b1[32];

			pr_err("--size %s at --start %#llx ends past %s, the "
			       "most an %s machine can address",
			       o.size, (unsigned long long)t.start,
			       size_exact(profile->addr_limit, b1, sizeof(b1)),
			       profile->arch);
			goto out;
		}
		/* No node to read: without --free the budget is unknown. */
		t.node_free = free_override;
		t.node_free_known = o.free;
		add_target(set, "", &t);
		snprintf(set->items[0].name, sizeof(set->items[0].name), "%s",
			 o.size);
		set->items[0].hypothetical = true;
	} else {
		char *all[] = { "all" };

		rc = EXIT_FAIL;
		collect = (struct collect){ .set = set,
					    .reserve = reserve,
					    .free_given = o.free };
		each.region = o.region;
		for (i = 0; i < argc; i++) {
			bool found = false;

			if (!strncmp(argv[i], "namespace", 9) ||
			    !strncmp(argv[i], "region", 6)) {
				if (collect_nd(&ds, argv[i], &collect, &found))
					goto out;
				if (!found) {
					pr_err("%s: no such namespace or "
					       "region",
					       argv[i]);
					goto out;
				}
				continue;
			}
			if (devstate_each(&ds, &each, 1, &argv[i]))
				goto out;
		}
		if (!argc && devstate_each(&ds, &each, 1, all))
			goto out;
		for (i = 0; i < set->count; i++) {
			/* --free 0 plans against no free DRAM at all. */
			if (o.free) {
				set->items[i].target.node_free = free_override;
				set->items[i].target.node_free_known = true;
			}
			if (o.mode)
				set->items[i].target.mode = mode;
		}
	}
	for (i = 0; i < set->count; i++)
		planner_build(profile, &set->items[i].target, &filter,
			      &set->items[i].plan);
	if (o.human)
		plan_print_table(stdout, profile, set);
	else
		plan_print_json(stdout, profile, set);
	rc = EXIT_OK;
out:
	devstate_close(&ds);
	if (set)
		free(set->items);
	free(set);
	return rc;
}
