/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a dax device or namespace is, and how its memmap is set up today:
 * the one description that list, plan, reconfigure-device and
 * create-namespace in both tools start from.  One reader for dax
 * devices, one for namespaces (through their claim), and the JSON of
 * the memmap figures both tools print.
 */
#ifndef DEVSTATE_STATE_H
#define DEVSTATE_STATE_H

#include <stdbool.h>
#include <json-c/json.h>
#include <daxctl/libdaxctl.h>
#include <devstate/backing.h>
#include <memmap/planner.h>
#include <ndctl/libndctl.h>

struct sysroot;

/* Everything reconfigure-device may change about one device. */
struct dax_setup {
	enum daxctl_dev_mode mode; /* DEVDAX, RAM or UNBOUND */
	uint64_t align;
	uint64_t size; /* dynamic regions: the device's size */
	bool memmap_pmem; /* devdax: memmap attribute / nd mode */
	bool compound;
	bool head_only; /* devdax: one vmemmap page per compound page */
	bool memmap_on_memory; /* system-ram */
	bool online, movable; /* system-ram blocks */
};

/*
 * Who a device is (its name, what backs it, its node), its setup now,
 * and what the kernel counted.  A dax device fills setup; a namespace
 * read from its claim fills only cfg.
 */
struct dev_state {
	char dev[32]; /* dax device ("dax0.0"); "" when none */
	struct dev_backing backing; /* the namespace behind it, if any */
	int numa_node;
	/*
	 * A dax device's setup: its mode, and where device_dax puts the
	 * memmap at bind (memmap_pmem: the memmap attribute, or nd mode
	 * pmem), whatever it is bound to now.
	 */
	struct dax_setup setup;
	/*
	 * How the kernel sets its memmap up at bind, in the model's terms
	 * (dev_state_config() of setup, for a dax device); valid when
	 * configured (a dax device, or an enabled claim).
	 */
	bool configured;
	struct memmap_config cfg;
	/* The info block reserves room for the memmap (nd mode pmem). */
	bool reserve;
	/* system-ram: the memory blocks. */
	struct daxctl_memblocks blocks;
	/* What a patched kernel counted at bind (memmap_*_bytes). */
	bool has_kernel_counts;
	uint64_t kernel_dram, kernel_device;
};

void dev_state_from_dax(struct daxctl_dev *dev, struct dev_state *st);
/*
 * The model's memmap_config of a dax device's setup s over backing b
 * (start and size: the device's own, when b is not nd).
 */
void dev_state_config(const struct dax_setup *s, const struct dev_backing *b,
		      uint64_t start, uint64_t size, struct memmap_config *cfg);
/*
 * A namespace through its claim.  A devdax namespace is read through its
 * dax device when dax (the dax bus) is given, so both tools describe the
 * same device alike; otherwise from the claim (compound pages as stock
 * device-dax uses them).
 */
void dev_state_from_ns(struct ndctl_namespace *ns, struct daxctl_ctx *dax,
		       struct dev_state *st);

/*
 * The planner's view of st, with the node's DRAM budget.  Returns 0, or
 * node_free_read()'s error when the budget is unknown (the target is
 * filled in either way, with node_free_known false).
 */
int dev_state_plan_target(const struct dev_state *st, struct sysroot *root,
			  uint64_t reserve, struct planner_target *t);

/* The four memmap_* keys for a configuration and its cost. */
void memmap_figures_to_json(struct json_object *obj,
			    enum memmap_location location,
			    const struct memmap_cost *cost);
/*
 * The model's figures for st under profile p, and beside them what a
 * patched kernel counted; nothing when st is not configured.
 */
void dev_state_memmap_json(struct json_object *obj,
			   const struct memmap_profile *p,
			   const struct dev_state *st);

#endif
