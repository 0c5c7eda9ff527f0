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

struct dev_state {
	/* What it is. */
	char dev[32]; /* dax device ("dax0.0"); "" when none */
	struct daxctl_backing backing; /* the namespace behind it, if any */
	enum daxctl_dev_mode dax_mode;
	int numa_node;
	/*
	 * How the kernel sets its memmap up at bind, in the model's terms;
	 * valid when configured (a dax device, or an enabled claim).
	 */
	bool configured;
	struct memmap_config cfg;
	/* The info block reserves room for the memmap (nd mode pmem). */
	bool reserve;
	/*
	 * Where device_dax puts the memmap at bind, whatever the device is
	 * bound to now: on the device (the memmap attribute, or nd mode
	 * pmem) or in DRAM.
	 */
	bool dax_memmap_pmem;
	/* system-ram: memmap_on_memory, and the memory blocks. */
	bool memmap_on_memory;
	struct daxctl_memblocks blocks;
	/* What a patched kernel counted at bind (memmap_*_bytes). */
	bool has_kernel_counts;
	uint64_t kernel_dram, kernel_device;
};

void dev_state_from_dax(struct daxctl_dev *dev, struct dev_state *st);
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
			  uint64_t reserve, struct plan_target *t);

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
