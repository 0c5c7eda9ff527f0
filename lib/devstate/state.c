// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a device's memmap setup from the kernel.  Features are
 * detected (an attribute is there or not), never assumed from a version.
 */
#include <stdio.h>
#include <string.h>

#include <util/json.h>
#include "context.h"
#include "state.h"
#include "words.h"

/* Stock device-dax always asks for compound pages above 4K. */
static bool dax_compound(struct daxctl_dev *dev)
{
	int compound = daxctl_dev_get_compound(dev);

	return compound < 0 || compound;
}

/* A patched kernel says where the memmap goes; otherwise the nd mode. */
static bool dax_memmap_on_device(struct daxctl_dev *dev,
				 const struct dev_backing *b)
{
	bool on_device;

	if (!daxctl_dev_get_memmap(dev, &on_device))
		return on_device;
	return b->nd && b->memmap_pmem;
}

/*
 * Without memory_hotplug.memmap_on_memory kmem ignores the attribute
 * (the CXL default is 1) and the memmap goes to DRAM: the setup is then
 * the memmap in DRAM, and nothing writes the attribute (a write of 1
 * fails with EOPNOTSUPP there).
 */
static bool dev_memmap_on_memory_honoured(struct daxctl_dev *dev)
{
	struct daxctl_ctx *ctx =
		daxctl_region_get_ctx(daxctl_dev_get_region(dev));

	return daxctl_memmap_on_memory_enabled(ctx) != 0;
}

void dev_state_config(const struct dax_setup *s, const struct dev_backing *b,
		      uint64_t start, uint64_t size, struct memmap_config *cfg)
{
	*cfg = (struct memmap_config){
		.mode = s->mode == DAXCTL_DEV_MODE_RAM ?
				MEMMAP_MODE_SYSTEM_RAM :
				MEMMAP_MODE_DEVDAX,
		.align = s->align ? s->align : 4096,
		.compound = s->compound,
		.head_only = s->head_only,
		.start = start,
		.size = size,
	};
	if (b->nd) {
		cfg->info_block = true;
		cfg->start = b->ns_start;
		cfg->size = b->ns_size;
		cfg->keep_reserve = b->memmap_pmem;
	}
	if (cfg->mode == MEMMAP_MODE_SYSTEM_RAM) {
		/* On system-ram the location is memmap_on_memory. */
		if (s->memmap_on_memory)
			cfg->location = MEMMAP_PMEM;
		return;
	}
	if (s->memmap_pmem)
		cfg->location = MEMMAP_PMEM;
	/* With the memmap in the reserve, the reserve is not "kept" aside. */
	if (cfg->location == MEMMAP_PMEM)
		cfg->keep_reserve = false;
}

void dev_state_from_dax(struct daxctl_dev *dev, struct dev_state *st)
{
	struct dev_backing *b = &st->backing;
	struct dax_setup *s = &st->setup;

	*st = (struct dev_state){ .numa_node = daxctl_dev_get_numa_node(dev),
				  .configured = true };
	snprintf(st->dev, sizeof(st->dev), "%s", daxctl_dev_get_devname(dev));
	if (dev_backing_read(daxctl_dev_get_region(dev), b))
		*b = (struct dev_backing){ 0 };
	st->reserve = b->nd && b->memmap_pmem;
	*s = (struct dax_setup){
		.mode = daxctl_dev_get_mode(dev),
		.align = daxctl_dev_get_align(dev),
		.size = daxctl_dev_get_size(dev),
		.memmap_pmem = dax_memmap_on_device(dev, b),
		.compound = dax_compound(dev),
		.head_only = daxctl_dev_get_vmemmap_head_only(dev) == 1,
		.memmap_on_memory = daxctl_dev_get_memmap_on_memory(dev) == 1 &&
				    dev_memmap_on_memory_honoured(dev),
		.movable = true,
	};
	if (s->mode == DAXCTL_DEV_MODE_RAM) {
		daxctl_dev_get_memblocks(dev, &st->blocks);
		/*
		 * Online means every block: a device left part-way (an
		 * offline that stopped, a block onlined by hand) is not
		 * the same as one fully online, so a request to online it
		 * has steps to take.
		 */
		s->online = st->blocks.online > 0 &&
			    st->blocks.online == st->blocks.total;
		s->movable = !st->blocks.online ||
			     st->blocks.online_movable == st->blocks.online;
	}
	st->has_kernel_counts = !daxctl_dev_get_memmap_usage(
		dev, &st->kernel_dram, &st->kernel_device);
	dev_state_config(s, b, daxctl_dev_get_resource(dev), s->size, &st->cfg);
}

/* The dax device a devdax claim presents, found on the dax bus. */
static struct daxctl_dev *claim_dax_dev(struct daxctl_ctx *dax,
					struct ndctl_claim *claim)
{
	const char *chardev = ndctl_claim_get_chardev(claim);

	return dax && chardev[0] ? daxctl_get_dev(dax, chardev) : NULL;
}

void dev_state_from_ns(struct ndctl_namespace *ns, struct daxctl_ctx *dax,
		       struct dev_state *st)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	enum ndctl_ns_mode mode = ndctl_namespace_get_mode(ns);
	struct daxctl_dev *dev;

	if (claim && mode == NDCTL_NS_MODE_DEVDAX) {
		dev = claim_dax_dev(dax, claim);
		if (dev) {
			dev_state_from_dax(dev, st);
			return;
		}
	}
	*st = (struct dev_state){ .numa_node =
					  ndctl_namespace_get_numa_node(ns) };
	st->backing = (struct dev_backing){
		.nd = true,
		.ns_start = ndctl_namespace_get_resource(ns),
		.ns_size = ndctl_namespace_get_size(ns),
	};
	snprintf(st->backing.ns, sizeof(st->backing.ns), "%s",
		 ndctl_namespace_get_devname(ns));
	st->cfg = (struct memmap_config){
		.start = st->backing.ns_start,
		.size = st->backing.ns_size,
		.mode = mode == NDCTL_NS_MODE_FSDAX ? MEMMAP_MODE_FSDAX :
						      MEMMAP_MODE_DEVDAX,
		.compound = true,
		.info_block = true,
	};
	if (!claim || !ndctl_claim_get_align(claim))
		return;
	snprintf(st->backing.claim, sizeof(st->backing.claim), "%s",
		 ndctl_claim_get_devname(claim));
	st->configured = ndctl_claim_is_enabled(claim);
	st->reserve = ndctl_claim_get_map(claim) == NDCTL_MAP_DEV;
	st->backing.memmap_pmem = st->reserve;
	st->backing.align = ndctl_claim_get_align(claim);
	st->cfg.align = st->backing.align;
	st->cfg.location = st->reserve ? MEMMAP_PMEM : MEMMAP_DRAM;
}

int dev_state_plan_target(const struct dev_state *st, struct sysroot *root,
			  uint64_t reserve, struct planner_target *t)
{
	int rc;

	*t = (struct planner_target){
		.start = st->cfg.start,
		.size = st->cfg.size,
		.mode = st->cfg.mode,
		.info_block = st->cfg.info_block,
		.has_current = st->configured || st->backing.claim[0],
		.cur = st->cfg,
		.reserve = reserve,
	};
	rc = node_free_read(root, st->numa_node, &t->node_free);
	t->node_free_known = !rc;
	return rc;
}

void memmap_figures_to_json(struct json_object *obj,
			    enum memmap_location location,
			    const struct memmap_cost *cost)
{
	json_add_str(obj, "memmap_location", memmap_location_name(location));
	json_add_bool(obj, "memmap_compound", cost->compound_pages > 0);
	json_add_u64(obj, "memmap_dram_bytes", cost->dram_total);
	json_add_u64(obj, "memmap_device_bytes", cost->device_memmap);
}

void dev_state_memmap_json(struct json_object *obj,
			   const struct memmap_profile *p,
			   const struct dev_state *st)
{
	struct memmap_cost cost;

	if (!p)
		p = &memmap_profile_linux61_x86_64;
	if (!st->configured || memmap_plan(p, &st->cfg, &cost))
		return;
	memmap_figures_to_json(obj, st->cfg.location, &cost);
	/* A patched kernel counts what it allocated: show it alongside. */
	if (st->has_kernel_counts) {
		json_add_u64(obj, "memmap_kernel_dram_bytes", st->kernel_dram);
		json_add_u64(obj, "memmap_kernel_device_bytes",
			     st->kernel_device);
	}
}
