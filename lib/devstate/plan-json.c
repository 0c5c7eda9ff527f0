// SPDX-License-Identifier: GPL-2.0
/* Rendering of plans: the JSON tree, and a table of the same facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/words.h>
#include <util/json.h>
#include <util/size.h>
#include "plan-json.h"

const char *plan_aligns_text(const struct memmap_profile *p)
{
	static char text[64];
	char buf[16];
	int i;

	text[0] = '\0';
	for (i = 0; i < 4 && p->aligns[i]; i++) {
		if (i)
			strcat(text, ", ");
		strcat(text, size_exact(p->aligns[i], buf, sizeof(buf)));
	}
	return text;
}

struct json_object *plan_candidate_to_json(const struct planner_candidate *c,
					   uint64_t size)
{
	struct json_object *j = json_object_new_object();
	char buf[32];

	json_add_u64(j, "align", c->cfg.align);
	json_add_str(j, "memmap", memmap_location_name(c->cfg.location));
	json_add_bool(j, "compound", c->cost.compound_pages > 0);
	json_add_bool(j, "dedup", c->cost.dedup);
	json_add_u64(j, "usable_size", c->cost.usable);
	json_add_u64(j, "dram_bytes", c->cost.dram_total);
	json_add_u64(j, "dram_memmap_bytes", c->cost.dram_memmap);
	json_add_u64(j, "dram_pgtable_bytes", c->cost.dram_pgtable);
	json_add_u64(j, "device_bytes", c->cost.device_overhead);
	json_add_u64(j, "device_memmap_bytes", c->cost.device_memmap);
	snprintf(buf, sizeof(buf), "%.4f",
		 size ? 100.0 * (double)c->cost.dram_total / (double)size : 0);
	json_object_object_add(j, "dram_percent",
			       json_object_new_double_s(atof(buf), buf));
	snprintf(buf, sizeof(buf), "%.4f",
		 size ? 100.0 * (double)c->cost.device_overhead / (double)size :
			0);
	json_object_object_add(j, "device_percent",
			       json_object_new_double_s(atof(buf), buf));
	if (c->cost.compound_pages)
		json_add_u64(j, "compound_pages", c->cost.compound_pages);
	if (c->cost.memblocks)
		json_add_u64(j, "memblocks", c->cost.memblocks);
	json_add_bool(j, "fits", c->fits);
	json_add_bool(j, "destructive", c->destructive);
	json_add_bool(j, "current", c->current);
	return j;
}

struct json_object *plan_item_to_json(const struct memmap_profile *p,
				      const struct plan_item *item)
{
	const struct planner_target *t = &item->target;
	const struct planner_result *plan = &item->plan;
	struct json_object *j = json_object_new_object();
	struct json_object *jc = json_object_new_array();
	int i;

	if (item->hypothetical)
		json_add_str(j, "hypothetical", item->name);
	else
		json_add_str(j, "dev", item->name);
	if (item->ns[0])
		json_add_str(j, "namespace", item->ns);
	json_add_u64(j, "start", t->start);
	json_add_u64(j, "size", t->size);
	json_add_str(j, "mode", memmap_mode_name(t->mode));
	json_add_str(j, "profile", p->name);
	json_add_str(j, "arch", p->arch);
	if (t->mode == MEMMAP_MODE_SYSTEM_RAM && p->system_ram_note)
		json_add_str(j, "note", p->system_ram_note);
	if (t->node_free_known)
		json_add_u64(j, "node_free_bytes", t->node_free);
	json_add_u64(j, "reserve_bytes", t->reserve);
	if (t->has_current) {
		struct json_object *jcur = json_object_new_object();

		json_add_u64(jcur, "align", t->cur.align);
		json_add_str(jcur, "memmap",
			     memmap_location_name(t->cur.location));
		json_add_bool(jcur, "compound",
			      t->cur.compound && t->cur.align > p->page_size);
		if (p->vmemmap_head_only_control)
			json_add_bool(jcur, "vmemmap_head_only",
				      t->cur.head_only);
		/* The kernel's own count, next to the estimate. */
		if (item->has_kernel) {
			json_add_u64(jcur, "kernel_dram_bytes",
				     item->kernel_dram);
			json_add_u64(jcur, "kernel_device_bytes",
				     item->kernel_device);
		}
		json_object_object_add(j, "current", jcur);
	}
	for (i = 0; i < plan->count; i++) {
		struct json_object *jcand =
			plan_candidate_to_json(&plan->c[i], t->size);

		/* Only where the kernel offers the choice. */
		if (p->vmemmap_head_only_control)
			json_add_bool(jcand, "vmemmap_head_only",
				      plan->c[i].cost.head_only);
		json_object_array_add(jc, jcand);
	}
	json_object_object_add(j, "candidates", jc);
	if (plan->recommended >= 0) {
		const struct planner_candidate *c = &plan->c[plan->recommended];
		struct json_object *jr = json_object_new_object();

		json_add_u64(jr, "align", c->cfg.align);
		json_add_str(jr, "memmap",
			     memmap_location_name(c->cfg.location));
		json_add_bool(jr, "compound", c->cost.compound_pages > 0);
		if (p->vmemmap_head_only_control)
			json_add_bool(jr, "vmemmap_head_only",
				      c->cost.head_only);
		json_add_str(jr, "reason", plan->reason);
		json_object_object_add(j, "recommended", jr);
	} else {
		json_add_str(j, "recommended_reason", plan->reason);
	}
	return j;
}

void plan_print_json(FILE *out, const struct memmap_profile *p,
		     const struct plan_set *set)
{
	struct json_object *jarr = json_object_new_array();
	int i;

	for (i = 0; i < set->count; i++)
		json_object_array_add(jarr,
				      plan_item_to_json(p, &set->items[i]));
	json_print(out, jarr);
	json_object_put(jarr);
}

/* One row of the table: a candidate of a device's plan. */
struct plan_row {
	const struct planner_target *t;
	const struct planner_candidate *pc;
	bool recommended;
};

typedef void plan_cell_fn(const struct plan_row *row, char *buf, size_t len);

static void cell_align(const struct plan_row *row, char *buf, size_t len)
{
	size_exact(row->pc->cfg.align, buf, len);
}

static void cell_memmap(const struct plan_row *row, char *buf, size_t len)
{
	snprintf(buf, len, "%s", memmap_location_name(row->pc->cfg.location));
}

static void cell_compound(const struct plan_row *row, char *buf, size_t len)
{
	const struct memmap_cost *cost = &row->pc->cost;

	snprintf(buf, len, "%s",
		 !cost->compound_pages ? "off" :
		 cost->head_only       ? "on/1page" :
		 cost->dedup	       ? "on" :
					 "on/nodedup");
}

static void cell_usable(const struct plan_row *row, char *buf, size_t len)
{
	size_short(row->pc->cost.usable, buf, len);
}

static void cell_dram(const struct plan_row *row, char *buf, size_t len)
{
	size_short(row->pc->cost.dram_total, buf, len);
}

static void share(uint64_t part, uint64_t whole, char *buf, size_t len)
{
	snprintf(buf, len, "%.3f%%",
		 whole ? 100.0 * (double)part / (double)whole : 0);
}

static void cell_dram_share(const struct plan_row *row, char *buf, size_t len)
{
	share(row->pc->cost.dram_total, row->t->size, buf, len);
}

static void cell_device(const struct plan_row *row, char *buf, size_t len)
{
	size_short(row->pc->cost.device_overhead, buf, len);
}

static void cell_device_share(const struct plan_row *row, char *buf, size_t len)
{
	share(row->pc->cost.device_overhead, row->t->size, buf, len);
}

static void cell_fits(const struct plan_row *row, char *buf, size_t len)
{
	snprintf(buf, len, "%s", row->pc->fits ? "yes" : "no");
}

static void cell_note(const struct plan_row *row, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", row->pc->current ? "current " : "",
		 row->recommended ? "recommended " : "",
		 row->pc->destructive ? "destructive" : "");
}

/*
 * The table's columns, in order: header, width (negative: left-aligned;
 * 0: the last, unpadded) and the cell.  Header and rows both come from
 * here, so they cannot drift apart.
 */
static const struct {
	const char *header;
	int width;
	plan_cell_fn *cell;
} plan_columns[] = {
	{ "ALIGN", -5, cell_align },	    { "MEMMAP", -6, cell_memmap },
	{ "COMPOUND", -10, cell_compound }, { "USABLE", 12, cell_usable },
	{ "DRAM", 12, cell_dram },	    { "DRAM%", 8, cell_dram_share },
	{ "DEVICE", 12, cell_device },	    { "DEVICE%", 8, cell_device_share },
	{ "FITS", -4, cell_fits },	    { "NOTE", 0, cell_note },
};

static void print_cells(FILE *out, const struct plan_row *row)
{
	char cell[64];
	size_t i;

	for (i = 0; i < sizeof(plan_columns) / sizeof(plan_columns[0]); i++) {
		if (row)
			plan_columns[i].cell(row, cell, sizeof(cell));
		else
			snprintf(cell, sizeof(cell), "%s",
				 plan_columns[i].header);
		fprintf(out, "%s%*s", i ? " " : "", plan_columns[i].width,
			cell);
	}
	fputc('\n', out);
}

static void print_recommended(FILE *out, const struct planner_result *plan)
{
	const struct planner_candidate *pc;
	char align[32];

	if (plan->recommended < 0) {
		fprintf(out, "recommended: none (%s)\n", plan->reason);
		return;
	}
	pc = &plan->c[plan->recommended];
	fprintf(out, "recommended: %s %s%s (%s)\n",
		size_exact(pc->cfg.align, align, sizeof(align)),
		memmap_location_name(pc->cfg.location),
		pc->cost.head_only ? ", one vmemmap page per compound page" :
				     "",
		plan->reason);
}

void plan_print_table(FILE *out, const struct memmap_profile *p,
		      const struct plan_set *set)
{
	char a[32], b[32];
	int i, k;

	for (i = 0; i < set->count; i++) {
		const struct plan_item *item = &set->items[i];
		const struct planner_target *t = &item->target;

		if (i)
			fputc('\n', out);
		fprintf(out, "%s %s%s%s: %s, %s, profile %s (%s)\n",
			item->hypothetical ? "hypothetical" : "device",
			item->name, item->ns[0] ? " on " : "", item->ns,
			size_short(t->size, a, sizeof(a)),
			memmap_mode_name(t->mode), p->name, p->arch);
		if (t->mode == MEMMAP_MODE_SYSTEM_RAM && p->system_ram_note)
			fprintf(out, "note: %s\n", p->system_ram_note);
		if (t->node_free_known)
			fprintf(out, "node free DRAM %s, keeping %s free\n",
				size_short(t->node_free, a, sizeof(a)),
				size_short(t->reserve, b, sizeof(b)));
		print_cells(out, NULL);
		for (k = 0; k < item->plan.count; k++) {
			struct plan_row row = {
				.t = t,
				.pc = &item->plan.c[k],
				.recommended = k == item->plan.recommended,
			};

			print_cells(out, &row);
		}
		print_recommended(out, &item->plan);
	}
}
