// SPDX-License-Identifier: GPL-2.0
/*
 * What the region create-region is about to make costs in struct pages,
 * worked out before the first write.  A ram region becomes one dax
 * device with no info block, which daxctl takes to system-ram or leaves
 * as devdax; a pmem region is carved into namespaces, each with an info
 * block, used as fsdax or devdax.  Each use is planned as daxctl plan
 * plans a hypothetical device of the region's size at the address the
 * kernel will give the region, with the profile of the running kernel.
 */
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <devstate/context.h>
#include <devstate/plan-json.h>
#include <devstate/words.h>
#include <memmap/planner.h>
#include <util/log.h>
#include <util/size.h>

#include "region.h"

#define SZ_256M (256ULL << 20)
/* What daxctl plan keeps free of DRAM for the rest of the system. */
#define DRAM_RESERVE SZ_256M

/*
 * The kernel places a region at the lowest address of its window,
 * aligned to 256M times the ways, that no region of the window
 * overlaps (alloc_free_mem_region(), ascending).
 */
static uint64_t predicted_start(struct cxl_decoder *root, uint64_t size,
				unsigned int ways)
{
	uint64_t base = cxl_decoder_get_resource(root);
	uint64_t end = base + cxl_decoder_get_size(root);
	uint64_t align = SZ_256M * ways, a;
	struct cxl_region *r;
	bool taken;

	for (a = (base + align - 1) / align * align; a + size <= end;
	     a += align) {
		taken = false;
		cxl_region_foreach (root, r) {
			uint64_t rs = cxl_region_get_resource(r);
			uint64_t rl = cxl_region_get_size(r);

			if (rs != CXL_U64_NONE && rl != CXL_U64_NONE &&
			    ranges_overlap(a, size, rs, rl))
				taken = true;
		}
		if (!taken)
			return a;
	}
	return base;
}

/* The two uses of the region's memory, in the order they are printed. */
static void region_uses(enum cxl_mode mode, enum memmap_mode uses[2])
{
	uses[0] = mode == CXL_MODE_RAM ? MEMMAP_MODE_SYSTEM_RAM :
					 MEMMAP_MODE_FSDAX;
	uses[1] = MEMMAP_MODE_DEVDAX;
}

int region_plan(struct devstate_ctx *ds, const struct create_plan *c,
		bool print, bool human)
{
	const struct memmap_profile *profile = ds->profile;
	const struct planner_filter any = { .location = -1,
					    .compound = -1,
					    .head_only = -1 };
	struct plan_item items[2] = { 0 };
	struct plan_set set = { .count = 2, .cap = 2, .items = items };
	enum memmap_mode uses[2];
	uint64_t start, node_free = 0;
	/*
	 * The window's node has no memory until the region is online, so
	 * a memmap in DRAM comes from a node that has: node 0's free
	 * memory is the budget, as daxctl plan takes for a device of no
	 * node.
	 */
	bool known = !node_free_read(ds->root, -1, &node_free);
	char b1[32], b2[32], b3[32], b4[32], b5[32];
	int i;

	start = predicted_start(c->root, c->size, c->ways);
	region_uses(c->mode, uses);
	for (i = 0; i < 2; i++) {
		struct plan_item *it = &items[i];

		size_exact(c->size, it->name, sizeof(it->name));
		it->hypothetical = true;
		it->target = (struct planner_target){
			.start = start,
			.size = c->size,
			.mode = uses[i],
			.info_block = c->mode == CXL_MODE_PMEM,
			.node_free_known = known,
			.node_free = node_free,
			.reserve = DRAM_RESERVE,
		};
		planner_build(profile, &it->target, &any, &it->plan);
	}
	if (print) {
		if (human)
			plan_print_table(stdout, profile, &set);
		else
			plan_print_json(stdout, profile, &set);
		return 0;
	}
	for (i = 0; i < 2; i++) {
		const struct planner_result *p = &items[i].plan;
		const struct planner_candidate *pc;

		if (p->recommended < 0) {
			pr_info("%s: a %s %s region at %#llx: as %s, %s",
				cxl_decoder_get_devname(c->root),
				size_exact(c->size, b1, sizeof(b1)),
				cxl_mode_name(c->mode),
				(unsigned long long)start,
				memmap_mode_name(uses[i]), p->reason);
			continue;
		}
		pc = &p->c[p->recommended];
		pr_info("%s: a %s %s region at %#llx: as %s, memmap in %s, "
			"align %s: %s usable, memmap %s in DRAM and %s on the "
			"device",
			cxl_decoder_get_devname(c->root),
			size_exact(c->size, b1, sizeof(b1)),
			cxl_mode_name(c->mode), (unsigned long long)start,
			memmap_mode_name(uses[i]),
			memmap_location_name(pc->cfg.location),
			size_exact(pc->cfg.align, b2, sizeof(b2)),
			size_short(pc->cost.usable, b3, sizeof(b3)),
			size_short(pc->cost.dram_total, b4, sizeof(b4)),
			size_short(pc->cost.device_overhead, b5, sizeof(b5)));
	}
	return 0;
}
