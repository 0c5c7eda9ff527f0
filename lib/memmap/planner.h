/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The planner: every candidate configuration of one device (align x memmap
 * location x compound, and one or two vmemmap pages per compound page
 * where the kernel offers the choice), its cost from the model, whether it fits the DRAM
 * budget, whether reaching it is destructive, and a recommendation.  Pure
 * computation: the caller supplies the device and the free memory.
 */
#ifndef MEMMAP_PLANNER_H
#define MEMMAP_PLANNER_H

#include "memmap.h"

#define PLANNER_MAX_CANDIDATES 16

struct planner_target {
	uint64_t start, size;
	enum memmap_mode mode;
	bool info_block;	/* namespace-backed */
	/* The current configuration, when the device exists. */
	bool has_current;
	/*
	 * align, location, compound, head_only, and whether the namespace's
	 * info block reserves room for the memmap (memmap_reserves()).
	 */
	struct memmap_config cur;
	/*
	 * DRAM budget: free bytes on the node, when node_free_known (0 is
	 * a budget, not "unknown").  Unknown, every candidate fits: the
	 * commands that change a device refuse that themselves.
	 */
	bool node_free_known;
	uint64_t node_free;
	uint64_t reserve;	/* keep this much of node_free free */
};

/* Narrowing options; 0 / -1 mean "any". */
struct planner_filter {
	uint64_t aligns[4];	/* 0-terminated; empty = all */
	int location;		/* -1, MEMMAP_DRAM or MEMMAP_PMEM */
	int compound;		/* -1, 0 or 1 */
	int head_only;		/* -1, 0 or 1 */
};

struct planner_candidate {
	struct memmap_config cfg;
	struct memmap_cost cost;
	bool fits;		/* meaningful when node_free_known */
	bool destructive;	/* rewrites the namespace's info block */
	bool current;
};

struct planner_result {
	int count;
	struct planner_candidate c[PLANNER_MAX_CANDIDATES];
	int recommended;	/* index into c, or -1 */
	char reason[256];
};

/*
 * Every candidate of t filtered by f, with its cost and whether it fits
 * t's DRAM budget: the one place that rule is applied, for every command
 * (a memmap of dram bytes fits when node_free less it keeps reserve).
 */
void planner_build(const struct memmap_profile *p,
		   const struct planner_target *t,
		   const struct planner_filter *f, struct planner_result *plan);

#endif
