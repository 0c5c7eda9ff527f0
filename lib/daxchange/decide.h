/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deciding a dax device's change: from what the device is (its facts and
 * current setup) and what was asked (a typed request, parsed once from
 * the command line or a config section) to the target setup and the
 * list of steps that reach it.  Nothing here reads or writes sysfs:
 * dax_read_facts() gathers what the decision needs beforehand, so the
 * decision is tested on facts alone.
 */
#ifndef DAXCHANGE_DECIDE_H
#define DAXCHANGE_DECIDE_H

#include <stdbool.h>
#include <stdint.h>
#include <daxctl/libdaxctl.h>
#include <devstate/backing.h>
#include <devstate/steps.h>
#include <memmap/memmap.h>
#include "dax-steps.h"

/* What reconfigure-device is asked; -1 (or false / 0) keeps what is. */
struct dax_request {
	bool has_mode;
	enum daxctl_dev_mode mode;
	uint64_t align; /* 0: keep */
	bool has_size;
	uint64_t size;
	int location; /* -1, MEMMAP_DRAM or MEMMAP_PMEM */
	int compound, head_only, movable;
	bool no_online;
	bool force;
};

#define DAX_REQUEST_INIT                                                       \
	{                                                                      \
		.location = -1, .compound = -1, .head_only = -1, .movable = -1 \
	}

/* Whether req asks for anything at all. */
bool dax_request_changes(const struct dax_request *req);

/* What the decision needs to know of a device and its kernel. */
struct dax_facts {
	char name[32];
	const struct memmap_profile *profile;
	struct dev_backing backing;
	/* The per-device controls this kernel has. */
	bool has_memmap, has_compound, has_head_only, has_memmap_on_memory;
	/* Dynamic region: its align and free capacity, the device's size. */
	bool dynamic;
	uint64_t region_align, region_available, dev_size;
};

/* dev's facts, with b as dax_read_setup() read it. */
void dax_read_facts(struct daxctl_dev *dev, const struct dev_backing *b,
		    const struct memmap_profile *p, struct dax_facts *f);

/*
 * The target t for req from cur, and whether reaching it rewrites the
 * namespace's info block.  0, or with one line printed naming the
 * device: -EINVAL for a request that cannot be honoured as given (a
 * usage error), -EOPNOTSUPP for one this kernel cannot honour, -EPERM
 * for a change that needs --force, -EBUSY for memory online in the
 * other zone.
 */
int dax_decide(const struct dax_facts *f, const struct dax_setup *cur,
	       const struct dax_request *req, struct dax_setup *t,
	       bool *destructive);

/*
 * The steps from cur to t.  rewrite: the namespace's info block must be
 * written anew (align or memmap location); the kernel then brings the
 * device up again as devdax with its per-device controls at their
 * defaults.
 */
void dax_plan_steps(const struct dax_facts *f, const struct dax_setup *cur,
		    const struct dax_setup *t, bool rewrite,
		    struct step_list *l);

/*
 * The steps of create-device: a new device in run->region, its align,
 * then its size or, when given, its ranges in order, then bound in mode.
 * ranges must outlive the list.
 */
void dax_plan_create(uint64_t align, uint64_t size,
		     const struct dax_range *ranges, unsigned int nr_ranges,
		     enum daxctl_dev_mode mode, struct step_list *l);

#endif
