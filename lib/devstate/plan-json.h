/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Plans as the tools print them: daxctl plan's JSON and table, and the
 * candidate objects daxctl reconfigure-device and cxl create-region
 * show before they change anything.
 */
#ifndef DEVSTATE_PLAN_JSON_H
#define DEVSTATE_PLAN_JSON_H

#include <stdio.h>
#include <memmap/planner.h>

struct sysroot;

struct plan_item {
	char name[64];		/* device, namespace, region, or the size */
	char ns[32];		/* backing namespace of a device */
	bool hypothetical;
	/* What a patched kernel counted for the device's memmap now. */
	bool has_kernel;
	uint64_t kernel_dram, kernel_device;
	struct planner_target target;
	struct planner_result plan;
};

/* As many as were named: 'all' on a large machine has no limit. */
struct plan_set {
	int count, cap;
	struct plan_item *items;
};

/* "4K, 2M, 1G" for messages. */
const char *plan_aligns_text(const struct memmap_profile *p);
struct json_object *plan_item_to_json(const struct memmap_profile *p,
				      const struct plan_item *item);
struct json_object *plan_candidate_to_json(const struct planner_candidate *c,
					   uint64_t size);
void plan_print_json(FILE *out, const struct memmap_profile *p,
		     const struct plan_set *set);
void plan_print_table(FILE *out, const struct memmap_profile *p,
		      const struct plan_set *set);

#endif
