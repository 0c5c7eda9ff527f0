// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>

#include "planner.h"

static bool filter_align(const struct planner_filter *f, uint64_t align)
{
	int i;

	if (!f->aligns[0])
		return true;
	for (i = 0; i < 4 && f->aligns[i]; i++)
		if (f->aligns[i] == align)
			return true;
	return false;
}

/*
 * Changing align or memmap location of a namespace-backed device means a
 * new info block (nd_pfn_validate() refuses a mismatch), and with it a new
 * data offset: the data is gone.  Compound pages are a probe-time choice.
 */
static bool is_destructive(const struct memmap_profile *p,
			   const struct planner_target *t,
			   const struct memmap_config *cfg)
{
	if (!t->has_current || !t->info_block)
		return false;
	if (cfg->align != t->cur.align)
		return true;
	/* For system-ram the location is memmap_on_memory, a bind option. */
	if (cfg->location == t->cur.location ||
	    t->mode == MEMMAP_MODE_SYSTEM_RAM)
		return false;
	/*
	 * A patched kernel moves the memmap between the reserve and DRAM
	 * at bind time; without a reserve, memmap=pmem needs a new one.
	 */
	return !(p->memmap_location_control && memmap_reserves(&t->cur));
}

/* The candidate keeps the namespace's reserve instead of rewriting it. */
static bool keeps_reserve(const struct memmap_profile *p,
			  const struct planner_target *t, uint64_t align,
			  enum memmap_location loc)
{
	if (!t->info_block || !memmap_reserves(&t->cur))
		return false;
	if (t->mode == MEMMAP_MODE_SYSTEM_RAM)
		return true;
	return p->memmap_location_control && loc == MEMMAP_DRAM &&
	       align == t->cur.align;
}

/*
 * The DRAM budget: dram bytes of memmap keep reserve of node_free free.
 * Written so that a reserve near 2^64 cannot wrap into a fit.
 */
static bool planner_fits(uint64_t dram, uint64_t node_free, uint64_t reserve)
{
	return dram <= node_free && reserve <= node_free - dram;
}

static void add(const struct memmap_profile *p, const struct planner_target *t,
		struct planner_result *plan, uint64_t align,
		enum memmap_location loc, bool compound, bool head_only)
{
	struct planner_candidate *c = &plan->c[plan->count];

	if (plan->count >= PLANNER_MAX_CANDIDATES)
		return;
	c->cfg = (struct memmap_config){ .start = t->start,
					 .size = t->size,
					 .align = align,
					 .location = loc,
					 .compound = compound,
					 .mode = t->mode,
					 .info_block = t->info_block,
					 .keep_reserve = keeps_reserve(
						 p, t, align, loc),
					 .head_only = head_only };
	if (memmap_plan(p, &c->cfg, &c->cost))
		return;
	/* Where the memmap is not deduplicated it is the plain candidate. */
	if (head_only && !c->cost.head_only)
		return;
	c->fits = !t->node_free_known ||
		  planner_fits(c->cost.dram_total, t->node_free, t->reserve);
	c->destructive = is_destructive(p, t, &c->cfg);
	/*
	 * vmemmap_head_only set on a device whose memmap is not
	 * deduplicated changes nothing: that is the plain candidate.
	 */
	c->current = t->has_current && align == t->cur.align &&
		     loc == t->cur.location && compound == t->cur.compound &&
		     c->cost.head_only == (t->cur.head_only && c->cost.dedup);
	plan->count++;
}

/*
 * The recommendation: of the candidates that fit, the one that loses the
 * fewest bytes in all (DRAM for the memmap plus device capacity for the
 * info block, reserve and alignment), keeping the current configuration
 * on a tie so nothing is rewritten for no gain.
 */
static void recommend(struct planner_result *plan)
{
	uint64_t best_cost = UINT64_MAX;
	int i;

	plan->recommended = -1;
	for (i = 0; i < plan->count; i++) {
		struct planner_candidate *c = &plan->c[i];
		uint64_t lost = c->cost.dram_total + c->cost.device_overhead;

		if (!c->fits)
			continue;
		if (lost < best_cost ||
		    (lost == best_cost && c->current)) {
			best_cost = lost;
			plan->recommended = i;
		}
	}
	if (plan->recommended < 0) {
		snprintf(plan->reason, sizeof(plan->reason),
			 "no candidate fits the free DRAM of the node");
		return;
	}
	snprintf(plan->reason, sizeof(plan->reason),
		 "%sleast memory lost (memmap in DRAM plus device capacity "
		 "not usable for data) among the candidates that fit",
		 plan->c[plan->recommended].current ? "keep the current setup: " :
						      "");
}

void planner_build(const struct memmap_profile *p,
		   const struct planner_target *t,
		   const struct planner_filter *f, struct planner_result *plan)
{
	int i;

	plan->count = 0;
	for (i = 0; i < 4 && p->aligns[i]; i++) {
		uint64_t align = p->aligns[i];
		bool may_compound = t->mode == MEMMAP_MODE_DEVDAX &&
				    align > p->page_size;

		if (!filter_align(f, align))
			continue;
		if (f->location != MEMMAP_PMEM) {
			if ((f->compound != 0 || !may_compound) &&
			    f->head_only != 1)
				add(p, t, plan, align, MEMMAP_DRAM, true,
				    false);
			/* One vmemmap page per compound page: dedup only. */
			if (may_compound && f->compound != 0 &&
			    f->head_only != 0 && p->vmemmap_head_only_control)
				add(p, t, plan, align, MEMMAP_DRAM, true, true);
			if (may_compound && f->compound != 1 &&
			    f->head_only != 1 && p->compound_control)
				add(p, t, plan, align, MEMMAP_DRAM, false,
				    false);
		}
		if (f->location == MEMMAP_DRAM || f->head_only == 1)
			continue;
		if (t->mode == MEMMAP_MODE_SYSTEM_RAM ?
			    p->memmap_on_memory_control :
			    t->info_block)
			add(p, t, plan, align, MEMMAP_PMEM, true, false);
	}
	recommend(plan);
}
