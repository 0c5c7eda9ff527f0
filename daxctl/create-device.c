// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl create-device: carve a device out of a dynamic region's free
 * space, align and size it (or give it the ranges an --input file names,
 * to re-create a device listed before), and bind it.  The steps run
 * through the step list: a failure removes the new device again.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include <devstate/context.h>
#include <devstate/journal.h>
#include <devstate/dax-json.h>
#include <devstate/filter.h>
#include <devstate/modules.h>
#include <devstate/parse.h>
#include <devstate/steps.h>
#include <memmap/memmap.h>
#include <memmap/planner.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include "builtin.h"
#include <daxchange/decide.h>
#include "device-input.h"

struct create_request {
	const char *region; /* -r, or from the input's chardev */
	char region_id[16];
	uint64_t size, align;
	struct dax_range ranges[INPUT_RANGES_MAX];
	unsigned int nr_ranges;
};

/*
 * --input: its chardev names the region unless -r does (the new device
 * gets a new name), size and align are taken unless the options give
 * them, and its mappings, when present, are the ranges the new device
 * gets: -s may only repeat their total.  0, or -EINVAL for a usage
 * error, -EIO when the file cannot be read.
 */
static int read_input(const char *file, struct create_request *req)
{
	struct device_input in;
	char b1[32], b2[32];
	int rc;

	rc = device_input_read(file, &in);
	if (rc)
		return rc;
	if (!req->region && in.region_id[0]) {
		memcpy(req->region_id, in.region_id, sizeof(req->region_id));
		req->region = req->region_id;
	}
	if (in.nr_ranges) {
		if (req->size && req->size != in.size) {
			pr_err("%s: --size %s is not the %s its mappings cover",
			       file, size_exact(req->size, b1, sizeof(b1)),
			       size_exact(in.size, b2, sizeof(b2)));
			return -EINVAL;
		}
		memcpy(req->ranges, in.ranges, sizeof(req->ranges));
		req->nr_ranges = in.nr_ranges;
	}
	if (!req->align && in.has_align)
		req->align = in.align;
	if (!req->size && in.has_size)
		req->size = in.size;
	return 0;
}

static struct daxctl_region *find_dynamic(struct daxctl_ctx *ctx,
					  const char *filter)
{
	struct daxctl_region *region;

	daxctl_region_foreach (ctx, region)
		if (dax_region_matches(region, filter) &&
		    daxctl_region_is_dynamic(region))
			return region;
	return NULL;
}

/*
 * The request against the region: 0, or why not (printed): -EINVAL for
 * a request it cannot meet, -EIO for a region whose align is unusable.
 */
static int check_request(struct daxctl_region *region,
			 struct create_request *req)
{
	uint64_t avail = daxctl_region_get_available_size(region);
	uint64_t ralign = daxctl_region_get_align(region);
	int id = daxctl_region_get_id(region);
	char b1[32], b2[32], b3[32];

	/* Every size below is divided by these: never trust them blindly. */
	if (!is_dax_align(ralign)) {
		pr_err("region%d: the kernel reports align %s, which is not "
		       "4K, 2M or 1G; not creating a device",
		       id, size_exact(ralign, b1, sizeof(b1)));
		return -EIO;
	}
	if (!req->size)
		req->size = avail;
	if (!req->align)
		req->align = ralign;
	if (!is_dax_align(req->align)) {
		pr_err("region%d: align %s: expected 4K, 2M or 1G", id,
		       size_exact(req->align, b1, sizeof(b1)));
		return -EINVAL;
	}
	if (req->size % req->align || req->size % ralign) {
		pr_err("region%d: --size %s is not a multiple of the align %s: "
		       "use %s",
		       id, size_exact(req->size, b1, sizeof(b1)),
		       size_exact(req->align, b2, sizeof(b2)),
		       size_exact(ALIGN_DOWN(req->size, req->align), b3,
				  sizeof(b3)));
		return -EINVAL;
	}
	if (!req->size || req->size > avail) {
		pr_err("region%d: --size %s exceeds the %s available", id,
		       size_exact(req->size, b1, sizeof(b1)),
		       size_exact(avail, b2, sizeof(b2)));
		return -EINVAL;
	}
	return 0;
}

/*
 * The DRAM budget, as reconfigure-device checks it: the memmap the model
 * plans for the new device in DRAM must fit the free memory of the node
 * new devices of the region get, keeping reserve free.  The kernel
 * places the device only when it is created, so the plan starts it at
 * the first --input range, or else at an aligned address; that moves
 * the count of page-table pages by one at either end at most.  0,
 * -EINVAL when the model cannot lay the device out, -ENOSPC when it does
 * not fit, or why the node's free memory could not be read.
 */
static int create_budget(struct devstate_ctx *ds, struct daxctl_region *region,
			 const struct create_request *req,
			 enum daxctl_dev_mode mode, uint64_t reserve)
{
	int id = daxctl_region_get_id(region);
	int node = daxctl_region_get_numa_node(region);
	struct planner_filter f = { .aligns = { req->align },
				    .location = MEMMAP_DRAM,
				    .compound = 1,
				    .head_only = 0 };
	struct planner_target t = {
		.start = req->nr_ranges ? req->ranges[0].start : 0,
		.size = req->size,
		.mode = mode == DAXCTL_DEV_MODE_RAM ? MEMMAP_MODE_SYSTEM_RAM :
						      MEMMAP_MODE_DEVDAX,
		.reserve = reserve,
	};
	const struct planner_candidate *c;
	char name[32], b1[32], b2[32], b3[32];
	struct planner_result plan;
	int rc;

	snprintf(name, sizeof(name), "region%d", id);
	rc = node_free_read(ds->root, node, &t.node_free);
	t.node_free_known = !rc;
	/*
	 * A new device gets the kernel's defaults: compound pages above
	 * 4K and two vmemmap pages per compound page for devdax, the
	 * memmap in DRAM for both modes (memmap_on_memory is off).
	 */
	planner_build(ds->profile, &t, &f, &plan);
	if (!plan.count) {
		pr_err("%s: a %s device of %s with align %s cannot be laid out "
		       "by this kernel's memmap",
		       name, dax_mode_name(mode),
		       size_exact(req->size, b1, sizeof(b1)),
		       size_exact(req->align, b2, sizeof(b2)));
		return -EINVAL;
	}
	c = &plan.c[0];
	if (!c->cost.dram_total)
		return 0;
	if (rc) {
		node_free_refuse(ds->root, name, node, rc, c->cost.dram_total);
		return op_failed(rc);
	}
	if (!c->fits) {
		pr_err("%s: the new device's memmap needs %s of DRAM on node "
		       "%d, which has %s free outside ZONE_MOVABLE (keeping "
		       "%s): nothing was created; use a smaller --size, or "
		       "--force",
		       name, size_exact(c->cost.dram_total, b1, sizeof(b1)),
		       node < 0 ? 0 : node,
		       size_exact(t.node_free, b2, sizeof(b2)),
		       size_exact(reserve, b3, sizeof(b3)));
		return -ENOSPC;
	}
	pr_debug("%s: the new device's memmap: %s of DRAM on node %d", name,
		 size_exact(c->cost.dram_total, b1, sizeof(b1)),
		 node < 0 ? 0 : node);
	return 0;
}

/*
 * What failed, and what the region holds now: re-read, so the message
 * says only what is true.
 */
static void report_failure(struct reconf_run *run, struct journal *j,
			   const struct steps_result *res)
{
	const char *before = run->before ? run->before : "";
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	char what[128], left[64] = "";

	steps_describe(res->failed, run, what, sizeof(what));
	daxctl_refresh(run->ds->dax);
	daxctl_region_foreach (run->ds->dax, region) {
		if (daxctl_region_get_id(region) != run->region_id)
			continue;
		daxctl_dev_foreach (region, dev)
			if (!dax_name_listed(before,
					     daxctl_dev_get_devname(dev)))
				snprintf(left, sizeof(left), "%s",
					 daxctl_dev_get_devname(dev));
	}
	if (res->signal && !left[0])
		pr_err("region%d: %s before '%s'; no new device is left",
		       run->region_id, steps_signal_name(res->signal), what);
	else if (!left[0])
		pr_err("region%d: %s failed (%s); no new device is left",
		       run->region_id, what, strerror(-res->rc));
	else
		pr_err("region%d: %s failed (%s), and %s could not be removed "
		       "(%s); the next daxctl command tries again (%s)",
		       run->region_id, what, strerror(-res->rc), left,
		       strerror(-res->undo_rc), j->path);
}

int cmd_create_device(int argc, char **argv)
{
	const char *region = NULL, *size = NULL, *align = NULL,
		   *mode_arg = NULL;
	const char *input = NULL, *sysroot = NULL, *reserve_arg = NULL;
	uint64_t reserve = 256ULL << 20;
	bool human = false, force = false;
	int verbose = 0;
	struct opt options[] = {
		OPT_REGION_ID(
			'r', "region", &region, "REGION",
			"dynamic region to create in (default: the first)"),
		OPT_STR('s', "size", &size, "SIZE",
			"device size (default: all available)"),
		OPT_STR('a', "align", &align, "SIZE", "4K, 2M or 1G"),
		OPT_STR('m', "mode", &mode_arg, "MODE",
			"devdax (default) or system-ram"),
		OPT_STR(0, "input", &input, "FILE",
			"a device as daxctl list prints it: re-create its "
			"size, align and ranges"),
		OPT_STR(0, "reserve", &reserve_arg, "SIZE",
			"DRAM to keep free on the node (default 256M)"),
		OPT_BOOL('f', "force", &force, "skip the DRAM budget check"),
		OPT_BOOL('u', "human", &human, "human-readable sizes"),
		OPT_VERBOSE(&verbose),
		OPT_SYSROOT(&sysroot),
		OPT_TERM,
	};
	struct create_request req = { 0 };
	enum daxctl_dev_mode mode = DAXCTL_DEV_MODE_DEVDAX;
	struct reconf_run run = { .name = "the new device" };
	struct dax_json_flags flags = { 0 };
	struct steps_result res;
	struct step_list steps;
	struct journal j;
	char what[64];
	struct devstate_ctx ds;
	int i, rc = EXIT_USAGE;

	i = parse_options(argc, argv, options,
			  "daxctl create-device [<options>]");
	log_set_verbose(verbose);
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (size && (parse_size(size, &req.size) || !req.size)) {
		pr_err("invalid --size '%s'", size);
		return EXIT_USAGE;
	}
	if (align &&
	    (parse_size(align, &req.align) || !is_dax_align(req.align))) {
		pr_err("invalid --align '%s': expected 4K, 2M or 1G", align);
		return EXIT_USAGE;
	}
	if (mode_arg && parse_dax_mode(mode_arg, &mode))
		return EXIT_USAGE;
	if (reserve_arg && parse_size(reserve_arg, &reserve)) {
		pr_err("invalid --reserve '%s'", reserve_arg);
		return EXIT_USAGE;
	}
	req.region = region;
	if (input) {
		rc = read_input(input, &req);
		if (rc)
			return exit_status(rc);
	}
	if (devstate_open(&ds, sysroot, DEVSTATE_DAX | DEVSTATE_CHANGE)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	run.ds = &ds;
	run.region = find_dynamic(ds.dax, req.region);
	if (!run.region) {
		pr_err("no dynamic dax region%s%s: only hmem and CXL regions "
		       "can create devices",
		       req.region ? " matches " : "",
		       req.region ? req.region : "");
		rc = EXIT_FAIL;
		goto out;
	}
	rc = check_request(run.region, &req);
	if (!rc && !force)
		rc = create_budget(&ds, run.region, &req, mode, reserve);
	if (rc) {
		rc = exit_status(rc);
		goto out;
	}
	rc = EXIT_FAIL;
	if (devstate_need_driver(&ds, "dax",
				 mode == DAXCTL_DEV_MODE_RAM ? "kmem" :
							       "device_dax"))
		goto out;
	dax_plan_create(req.align, req.size, req.ranges, req.nr_ranges, mode,
			&steps);
	run.region_id = daxctl_region_get_id(run.region);
	snprintf(what, sizeof(what), "daxctl create-device in region%d",
		 run.region_id);
	if (dax_journal_create(&j, &run, what))
		goto out;
	if (steps_run(&steps, &run, &j, &res)) {
		report_failure(&run, &j, &res);
		steps_release(&steps);
		goto out;
	}
	steps_release(&steps);
	journal_remove(&j);
	{
		struct json_object *arr = json_object_new_array();

		flags.profile = ds.profile;
		flags.human = human;
		json_object_array_add(arr, dax_dev_to_json(run.dev, &flags));
		json_print(stdout, arr);
		json_object_put(arr);
	}
	rc = EXIT_OK;
out:
	free(run.before);
	devstate_close(&ds);
	return rc;
}
