// SPDX-License-Identifier: GPL-2.0
/*
 * What a dax device is, read from the captured devdax and system-ram
 * trees: the backing reader (lib/devstate/backing.c) against the nd
 * library's view of the same namespace and claim, the setup against
 * the tree's attributes, and dev_state_config() as the one way from a
 * setup to the model's memmap_config.
 *
 * Usage: test-state DEVDAX_TREE SYSTEM_RAM_TREE
 */
#include <stdio.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/state.h>
#include "tap.h"

static bool same_config(const struct memmap_config *a,
			const struct memmap_config *b)
{
	return a->start == b->start && a->size == b->size &&
	       a->align == b->align && a->location == b->location &&
	       a->compound == b->compound && a->head_only == b->head_only &&
	       a->mode == b->mode && a->info_block == b->info_block &&
	       a->keep_reserve == b->keep_reserve;
}

/* The two readers of the namespace behind a device agree. */
static void backing_cases(struct devstate_ctx *ds, const struct dev_state *st,
			  const char *what)
{
	const struct dev_backing *b = &st->backing;
	struct ndctl_ctx *nd = devstate_nd(ds, false);
	struct ndctl_namespace *ns = nd ? ndctl_get_namespace(nd, b->ns) : NULL;
	struct ndctl_claim *claim = ns ? ndctl_namespace_get_claim(ns) : NULL;

	if (!tap_ok(ns && claim, "%s: %s and its claim in the nd library", what,
		    b->ns))
		return;
	tap_ok(!strcmp(ndctl_claim_get_devname(claim), b->claim),
	       "%s: the claim is %s", what, b->claim);
	tap_ok(!b->ns_err && b->ns_size == ndctl_namespace_get_size(ns) &&
		       b->ns_start == ndctl_namespace_get_resource(ns),
	       "%s: the namespace's start and size, as libndctl reads them",
	       what);
	tap_ok(b->align == ndctl_claim_get_align(claim),
	       "%s: the claim's align (%llu)", what,
	       (unsigned long long)b->align);
	tap_ok(b->memmap_pmem == (ndctl_claim_get_map(claim) == NDCTL_MAP_DEV),
	       "%s: the memmap in the reserve as the claim's map says", what);
	/* A lookup by name and the walk down the lists meet one object. */
	tap_ok(ndctl_get_claim(nd, b->claim) == claim &&
		       !strcmp(ndctl_claim_get_namespace(claim), b->ns),
	       "%s: ndctl_get_claim(%s) is the namespace's claim", what,
	       b->claim);
	/* A region's directory holds attributes named like its devices. */
	tap_ok(!ndctl_get_claim(nd, "dax_seed") &&
		       !ndctl_get_namespace(nd, "namespace_seed") &&
		       !ndctl_get_claim(nd, "region0"),
	       "%s: dax_seed, namespace_seed and region0 are no claim or "
	       "namespace",
	       what);
}

static void tree_cases(const char *tree, const char *what,
		       enum daxctl_dev_mode mode)
{
	struct memmap_config cfg;
	struct daxctl_dev *dev;
	struct dev_state st;
	struct devstate_ctx ds;

	if (!tap_ok(!devstate_open(&ds, tree, DEVSTATE_DAX) &&
			    (dev = daxctl_get_dev(ds.dax, "dax0.0")),
		    "%s: dax0.0 read", what)) {
		devstate_close(&ds);
		return;
	}
	dev_state_from_dax(dev, &st);
	tap_ok(!strcmp(st.dev, "dax0.0") && st.setup.mode == mode,
	       "%s: dax0.0 is %s", what,
	       mode == DAXCTL_DEV_MODE_RAM ? "system-ram" : "devdax");
	if (tap_ok(st.backing.nd, "%s: a namespace behind it (%s)", what,
		   st.backing.ns))
		backing_cases(&ds, &st, what);
	tap_ok(st.setup.align == daxctl_dev_get_align(dev) &&
		       st.setup.size == daxctl_dev_get_size(dev),
	       "%s: the setup's align and size are the device's", what);
	dev_state_config(&st.setup, &st.backing, daxctl_dev_get_resource(dev),
			 st.setup.size, &cfg);
	tap_ok(st.configured && same_config(&cfg, &st.cfg),
	       "%s: cfg is dev_state_config() of the setup", what);
	tap_ok(cfg.info_block && cfg.size == st.backing.ns_size &&
		       cfg.mode == (mode == DAXCTL_DEV_MODE_RAM ?
					    MEMMAP_MODE_SYSTEM_RAM :
					    MEMMAP_MODE_DEVDAX),
	       "%s: the model sees the whole namespace, in its mode", what);
	if (mode == DAXCTL_DEV_MODE_RAM)
		tap_ok(st.setup.online ==
				       (st.blocks.online > 0 &&
					st.blocks.online == st.blocks.total) &&
			       st.blocks.total > 0,
		       "%s: online means all %u memory blocks online", what,
		       st.blocks.total);
	else
		tap_ok(st.blocks.total == 0 && !st.setup.online,
		       "%s: no memory blocks counted for devdax", what);
	/* A changed setup converts to the model's choice of location. */
	st.setup.memmap_pmem = !st.setup.memmap_pmem;
	st.setup.memmap_on_memory = !st.setup.memmap_on_memory;
	dev_state_config(&st.setup, &st.backing, 0, 0, &cfg);
	tap_ok(cfg.location == ((mode == DAXCTL_DEV_MODE_RAM ?
					 st.setup.memmap_on_memory :
					 st.setup.memmap_pmem) ?
					MEMMAP_PMEM :
					MEMMAP_DRAM) &&
		       !(cfg.location == MEMMAP_PMEM && cfg.keep_reserve &&
			 mode != DAXCTL_DEV_MODE_RAM),
	       "%s: the location follows %s", what,
	       mode == DAXCTL_DEV_MODE_RAM ? "memmap_on_memory" :
					     "the memmap setting");
	devstate_close(&ds);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DEVDAX_TREE SYSTEM_RAM_TREE\n",
			argv[0]);
		return 2;
	}
	tree_cases(argv[1], "devdax tree", DAXCTL_DEV_MODE_DEVDAX);
	tree_cases(argv[2], "system-ram tree", DAXCTL_DEV_MODE_RAM);
	return tap_done();
}
