// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl reconfigure-device: change a device's mode (devdax, system-ram),
 * memmap location, compound pages or align.  For each device it reads the
 * current state, plans the target with the model, checks the DRAM budget
 * and whether the change is destructive, applies it through sysfs,
 * verifies the result, and prints the new state with the plan.  A failure
 * part-way puts the device back, or says exactly where it was left.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memmap/planner.h>
#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/inuse.h>
#include <devstate/journal.h>
#include <devstate/modules.h>
#include <devstate/parse.h>
#include <devstate/state.h>
#include <devstate/steps.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "builtin.h"
#include <devstate/dax-json.h>
#include <devstate/plan-json.h>
#include "config.h"
#include <daxchange/decide.h>
#include "reconfigure.h"
#include "device-input.h"
#include "zone-policy.h"

struct reconf {
	const struct reconf_opts *o;
	/* What was asked, parsed once (the command line or a section). */
	struct dax_request req;
	/* The context: its dax bus, root, profile and in-use checker. */
	struct devstate_ctx *ds;
	uint64_t reserve;
	/* The size came from --input: a no-op where it is the device's. */
	bool input_size;
	char input_region[16]; /* its chardev's region, for -r */
	struct json_object *out;
	bool stale; /* a device was worked on: re-read before the next */
};

/*
 * The planner's candidate for the target; false (with the model's reason
 * printed) when the model says the kernel cannot lay the device out so.
 * *budget_rc: why the node's free memory, the DRAM budget the candidate
 * was planned against, could not be read (0: it was).
 */
static bool plan_for(struct reconf *r, struct daxctl_dev *dev,
		     const struct dev_state *st, const struct dax_setup *t,
		     struct planner_candidate *c, int *budget_rc)
{
	struct planner_filter f = { .location = -1, .compound = -1 };
	struct planner_target pt;
	struct planner_result plan;

	*budget_rc = dev_state_plan_target(st, r->ds->root, r->reserve, &pt);
	pt.mode = t->mode == DAXCTL_DEV_MODE_RAM ? MEMMAP_MODE_SYSTEM_RAM :
						   MEMMAP_MODE_DEVDAX;
	f.aligns[0] = t->align;
	/* -s: a dynamic device is planned at its new size. */
	if (t->size && daxctl_region_is_dynamic(daxctl_dev_get_region(dev)))
		pt.size = t->size;
	f.location = (t->mode == DAXCTL_DEV_MODE_RAM ? t->memmap_on_memory :
						       t->memmap_pmem) ?
			     MEMMAP_PMEM :
			     MEMMAP_DRAM;
	f.compound = t->mode == DAXCTL_DEV_MODE_RAM ? -1 : t->compound;
	f.head_only = t->mode == DAXCTL_DEV_MODE_RAM ? -1 : t->head_only;
	/* One align, one location, one compound choice: one candidate. */
	planner_build(r->ds->profile, &pt, &f, &plan);
	if (plan.count) {
		*c = plan.c[0];
		return true;
	}
	{
		struct memmap_config cfg = {
			.start = pt.start,
			.size = pt.size,
			.align = t->align,
			.location = f.location,
			.compound = t->compound,
			.mode = pt.mode,
			.info_block = pt.info_block,
		};
		struct memmap_cost cost;
		char buf[32];

		pr_err("%s: %s with align %s: %s", daxctl_dev_get_devname(dev),
		       dax_mode_name(t->mode),
		       size_exact(t->align, buf, sizeof(buf)),
		       memmap_strerror(
			       memmap_plan(r->ds->profile, &cfg, &cost)));
	}
	return false;
}

static void emit(struct reconf *r, struct daxctl_dev *dev,
		 const struct planner_candidate *c, const struct dax_setup *t,
		 struct json_object *steps)
{
	bool dry_run = steps;
	struct dax_json_flags flags = { .profile = r->ds->profile,
					.human = r->o->human };
	struct json_object *j, *jp;

	if (dry_run) {
		j = json_object_new_object();
		json_add_str(j, "chardev", daxctl_dev_get_devname(dev));
		json_add_str(j, "mode", dax_mode_name(t->mode));
		json_add_u64(j, "align", t->align);
		json_add_bool(j, "dry_run", true);
		json_object_object_add(j, "steps", steps);
	} else {
		j = dax_dev_to_json(dev, &flags);
	}
	jp = plan_candidate_to_json(c, c->cfg.size);
	json_object_object_add(j, "plan", jp);
	json_object_array_add(r->out, j);
}

/*
 * -N asks for the memory to stay offline, but when kmem binds, the
 * kernel onlines it itself if auto_online_blocks says so.  As upstream
 * does, refuse that, or with --force offline the blocks again after the
 * bind (the kernel migrates what it offlines).
 */
static int check_auto_online(struct reconf *r, struct daxctl_dev *dev,
			     const struct dax_setup *cur,
			     const struct dax_setup *t, bool destructive,
			     bool *offline_auto)
{
	char policy[32] = "";
	bool binds_kmem = cur->mode != DAXCTL_DEV_MODE_RAM || destructive ||
			  t->memmap_on_memory != cur->memmap_on_memory;

	*offline_auto = false;
	if (t->mode != DAXCTL_DEV_MODE_RAM || t->online || !binds_kmem)
		return 0;
	daxctl_get_auto_online(
		daxctl_region_get_ctx(daxctl_dev_get_region(dev)), policy,
		sizeof(policy));
	if (strncmp(policy, "online", 6))
		return 0;
	if (!r->o->force) {
		pr_err("%s: --no-online, but the kernel's policy "
		       "(auto_online_blocks=%s) onlines the memory when kmem "
		       "binds: aborting; use --force to offline it again "
		       "after the bind",
		       daxctl_dev_get_devname(dev), policy);
		return -EPERM;
	}
	*offline_auto = true;
	return 0;
}

/* The one message for a failed run: what failed, and where it was left. */
static void report_failure(struct reconf_run *run, const struct dax_setup *cur,
			   const struct steps_result *res)
{
	char what[128], stuck[128];

	steps_describe(res->failed, run, what, sizeof(what));
	if (run->dev)
		daxctl_dev_reload(run->dev);
	if (!res->undo_rc && res->signal) {
		pr_err("%s: %s before '%s'; what was done is undone: %s again",
		       run->name, steps_signal_name(res->signal), what,
		       run->dev ? dax_mode_name(daxctl_dev_get_mode(run->dev)) :
				  "without a dax device");
		return;
	}
	if (!res->undo_rc) {
		pr_err("%s: %s failed (%s); restored to %s", run->name, what,
		       strerror(-res->rc),
		       run->dev ? dax_mode_name(daxctl_dev_get_mode(run->dev)) :
				  dax_mode_name(cur->mode));
		return;
	}
	steps_describe(res->stuck, run, stuck, sizeof(stuck));
	pr_err("%s: %s failed (%s), and undoing '%s' failed too (%s): left "
	       "%s; the next daxctl command tries again (%s)",
	       run->name, what, strerror(-res->rc), stuck,
	       strerror(-res->undo_rc),
	       run->dev ? dax_mode_name(daxctl_dev_get_mode(run->dev)) :
			  "without a dax device",
	       run->j ? run->j->path : "no record");
}

/*
 * The DRAM budget of a change that allocates a memmap: refused when the
 * plan does not fit the node's free memory, or when that could not be
 * read (budget_rc, from the plan: the node is read once).
 */
static int reconf_budget(struct reconf *r, const struct reconf_run *run,
			 const struct planner_candidate *c, int node,
			 int budget_rc)
{
	const struct reconf_opts *o = r->o;
	char b1[32], b2[32];
	int rc;

	if (!c->fits && !o->force) {
		pr_err("%s: the memmap needs %s of DRAM, more than the node has "
		       "free outside ZONE_MOVABLE (keeping %s): use --memmap "
		       "pmem, or --force",
		       run->name,
		       size_exact(c->cost.dram_total, b1, sizeof(b1)),
		       size_exact(r->reserve, b2, sizeof(b2)));
		return -ENOSPC;
	}
	/* The planner took an unreadable budget as no limit: refuse it. */
	rc = o->force || !c->cost.dram_total ? 0 : budget_rc;
	if (rc) {
		node_free_refuse(r->ds->root, run->name, node, rc,
				 c->cost.dram_total);
		return op_failed(rc);
	}
	return 0;
}

static int reconfigure_one(struct reconf *r, struct daxctl_dev *dev)
{
	const struct reconf_opts *o = r->o;
	char b1[32], b2[32], b3[32], b4[32];
	struct reconf_run run = { .ds = r->ds, .dev = dev };
	struct journal j;
	char what[160];
	struct dev_state st;
	struct dax_facts facts;
	struct dax_setup cur, t;
	struct planner_candidate c;
	struct steps_result res;
	struct step_list steps;
	struct dax_request req;
	bool destructive, offline_auto;
	int rc, budget_rc, node = daxctl_dev_get_numa_node(dev);

	snprintf(run.name, sizeof(run.name), "%s", daxctl_dev_get_devname(dev));
	/* Read once: the decision, the plan and the journal start here. */
	dev_state_from_dax(dev, &st);
	cur = st.setup;
	run.ns = st.backing.nd ? st.backing.ns : NULL;
	if (cur.mode == DAXCTL_DEV_MODE_OTHER) {
		pr_err("%s: bound to a driver daxctl does not manage",
		       run.name);
		return -EOPNOTSUPP;
	}
	/* Every figure of the plan follows from the size: a failed read. */
	if (st.backing.nd && st.backing.ns_err) {
		pr_err("%s: cannot read the size of %s: %s; nothing was changed",
		       run.name, st.backing.ns,
		       st.backing.ns_err == -EBADMSG ?
			       "it reads 0" :
		       st.backing.ns_err == -EINVAL ?
			       "not a number" :
			       strerror(-st.backing.ns_err));
		return op_failed(st.backing.ns_err);
	}
	dax_read_facts(dev, &st.backing, r->ds->profile, &facts);
	req = r->req;
	if (r->input_size && !facts.dynamic) {
		if (req.size != facts.dev_size) {
			pr_err("%s: %s says size %s, but it is %s and only "
			       "devices of dynamic regions change size",
			       run.name, o->input,
			       size_exact(req.size, b1, sizeof(b1)),
			       size_exact(facts.dev_size, b2, sizeof(b2)));
			return -EINVAL;
		}
		req.has_size = false;
	}
	rc = dax_decide(&facts, &cur, &req, &t, &destructive);
	if (rc)
		return rc;

	if (!plan_for(r, dev, &st, &t, &c, &budget_rc))
		return -EINVAL;
	pr_info("%s: %s -> %s, align %s, memmap in %s: %s usable, memmap %s "
		"in DRAM, %s of the device not usable for data%s",
		run.name, dax_mode_name(cur.mode), dax_mode_name(t.mode),
		size_exact(t.align, b1, sizeof(b1)),
		memmap_location_name(c.cfg.location),
		size_short(c.cost.usable, b2, sizeof(b2)),
		size_short(c.cost.dram_total, b3, sizeof(b3)),
		size_short(c.cost.device_overhead, b4, sizeof(b4)),
		destructive ? " (destructive)" : "");
	rc = check_auto_online(r, dev, &cur, &t, destructive, &offline_auto);
	if (rc)
		return rc;
	rc = zone_policy_check(dev, &cur, &t, &req,
			       cur.mode != DAXCTL_DEV_MODE_RAM || destructive ||
				       t.memmap_on_memory !=
					       cur.memmap_on_memory);
	if (rc)
		return op_failed(rc);
	/* Nothing to do is not an error; the state is printed as it is. */
	steps.count = 0;
	if (destructive || !dax_same_setup(&cur, &t)) {
		/*
		 * Only a new setup allocates a memmap: the one in place is
		 * already paid for, and counting it again against what is
		 * left free would refuse a device its own saved setup.
		 */
		rc = reconf_budget(r, &run, &c, node, budget_rc);
		if (rc)
			return rc;
		dax_plan_steps(&facts, &cur, &t, destructive, &steps);
	}
	/* -N -f: take back what the kernel's policy onlined at bind. */
	if (offline_auto)
		steps_add(&steps, &dax_blocks_step, 0);
	if (o->dry_run) {
		emit(r, dev, &c, &t, steps_to_json(&steps, &run));
		return 0;
	}
	if (!steps.count)
		goto done;

	/*
	 * Refuse before touching anything when the device is in use.  Its
	 * online memory is the one holder --force may clear, because the
	 * kernel migrates what it offlines or refuses.
	 */
	rc = inuse_check_daxdev(r->ds->iu, dev, true);
	if (rc)
		return op_failed(rc);
	rc = devstate_need_driver(r->ds, "dax",
				  t.mode == DAXCTL_DEV_MODE_RAM ? "kmem" :
								  "device_dax");
	if (rc)
		return op_failed(rc);
	if (cur.mode == DAXCTL_DEV_MODE_RAM && cur.online &&
	    (t.mode != DAXCTL_DEV_MODE_RAM || destructive ||
	     t.memmap_on_memory != cur.memmap_on_memory) &&
	    !o->force) {
		pr_err("%s is in use: its memory is online as system RAM; "
		       "offline it first (daxctl offline-memory %s), or let "
		       "--force offline it (the kernel migrates what it "
		       "offlines)",
		       run.name, run.name);
		return -EBUSY;
	}
	snprintf(what, sizeof(what), "daxctl reconfigure-device %s: %s -> %s",
		 run.name, dax_mode_name(cur.mode), dax_mode_name(t.mode));
	rc = dax_journal_reconfigure(&j, &run, &cur, what);
	if (rc)
		return op_failed(rc);
	rc = steps_run(&steps, &run, &j, &res);
	if (rc)
		report_failure(&run, &cur, &res);
	steps_release(&steps);
	if (rc)
		return op_failed(rc);
	dev = run.dev;
	if (!dax_verify_setup(dev, &t)) {
		/* The zone is the kernel's to pick: say which it took. */
		if (t.mode != DAXCTL_DEV_MODE_RAM || !t.online ||
		    daxctl_dev_get_mode(dev) != DAXCTL_DEV_MODE_RAM ||
		    zone_applied(dev, t.movable, "putting it back"))
			pr_err("%s: the kernel did not apply the request "
			       "(now %s); putting it back",
			       run.name,
			       dax_mode_name(daxctl_dev_get_mode(dev)));
		if (!dax_journal_undo(r->ds, &j, "the request"))
			journal_remove(&j);
		return -EIO;
	}
	journal_remove(&j);
done:
	daxctl_dev_reload(dev);
	dev_state_from_dax(dev, &st);
	plan_for(r, dev, &st, &t, &c, &budget_rc);
	emit(r, dev, &c, &t, NULL);
	return 0;
}

/* The command line's request, parsed once: -EINVAL for a bad value. */
static int request_from_opts(const struct reconf_opts *o,
			     struct dax_request *req)
{
	enum memmap_location location;

	*req = (struct dax_request)DAX_REQUEST_INIT;
	if (o->mode) {
		if (parse_dax_mode(o->mode, &req->mode))
			return -EINVAL;
		req->has_mode = true;
	}
	if (o->memmap) {
		if (parse_memmap_location("memmap", o->memmap, &location))
			return -EINVAL;
		req->location = location;
	}
	if (o->align && (parse_size(o->align, &req->align) || !req->align)) {
		pr_err("invalid --align '%s'", o->align);
		return -EINVAL;
	}
	if (o->size) {
		if (parse_size(o->size, &req->size)) {
			pr_err("invalid --size '%s'", o->size);
			return -EINVAL;
		}
		req->has_size = true;
	}
	req->compound = o->compound;
	req->head_only = o->head_only;
	req->movable = o->movable;
	req->no_online = o->no_online;
	req->force = o->force;
	return 0;
}

/*
 * --input: the size and align the listing gives, unless -s and -a do,
 * and the region its chardev names, unless -r does, as create-device
 * takes them.  Its mappings are checked but not placed: a device that
 * grows gets the ranges the kernel picks.  0, or device_input_read()'s
 * -EINVAL or -EIO.
 */
static int apply_input(const struct reconf_opts *o, struct reconf *r,
		       struct devstate_each *each)
{
	struct device_input in;
	int rc = device_input_read(o->input, &in);

	if (rc)
		return rc;
	if (!o->size && in.has_size) {
		r->req.has_size = true;
		r->req.size = in.size;
		r->input_size = true;
	}
	if (!o->align && in.has_align)
		r->req.align = in.align;
	if (!o->region && in.region_id[0]) {
		memcpy(r->input_region, in.region_id, sizeof(in.region_id));
		each->region = r->input_region;
	}
	return 0;
}

/*
 * Each device afresh once one before it was worked on: that may have
 * changed the context under it.  The first is as devstate_open() read it.
 * devstate_each() takes an exit status from it: a device's bad request
 * is a usage error, as on the command line.
 */
static int reconfigure_named(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct reconf *r = arg;
	const struct reconf_opts *o = r->o;
	struct config_id id;
	char name[32];
	int rc;

	if (r->stale) {
		snprintf(name, sizeof(name), "%s", daxctl_dev_get_devname(obj));
		daxctl_refresh(ds->dax);
		obj = daxctl_get_dev(ds->dax, name);
		if (!obj)
			return 0;
	}
	r->stale = true;
	rc = o->save_config ? config_save_prepare(ds, obj, o->config_dir, &id) :
			      0;
	if (rc)
		return exit_status(op_failed(rc));
	rc = reconfigure_one(arg, obj);
	if (!rc && o->save_config && config_save(ds, &id, o->config_dir))
		rc = -EIO;
	return exit_status(rc);
}

int cmd_reconfigure_device(int argc, char **argv)
{
	struct reconf_opts o = { .compound = -1,
				 .movable = -1,
				 .head_only = -1 };
	struct opt options[] = {
		OPT_STR('m', "mode", &o.mode, "MODE", "devdax or system-ram"),
		OPT_STR(0, "memmap", &o.memmap, "dram|pmem",
			"where the memmap goes (system-ram: pmem means "
			"memmap_on_memory)"),
		OPT_NEG("compound", &o.compound,
			"compound pages for the memmap (devdax)"),
		OPT_NEG("vmemmap-head-only", &o.head_only,
			"devdax: one vmemmap page per compound page (patched "
			"kernel)"),
		OPT_STR('a', "align", &o.align, "SIZE", "4K, 2M or 1G"),
		OPT_STR('s', "size", &o.size, "SIZE",
			"dynamic regions: the device's new size"),
		OPT_REGION_ID('r', "region", &o.region, "REGION",
			      "only devices of this region"),
		OPT_STR(0, "input", &o.input, "FILE",
			"a device as daxctl list prints it: take its size and "
			"align"),
		OPT_BOOL('N', "no-online", &o.no_online,
			 "system-ram: leave the memory offline"),
		OPT_NEG("movable", &o.movable,
			"system-ram: online to ZONE_MOVABLE (default) or "
			"ZONE_NORMAL"),
		OPT_STR(0, "reserve", &o.reserve, "SIZE",
			"DRAM to keep free on the node (default 256M)"),
		OPT_BOOL('f', "force", &o.force,
			 "rewrite info blocks, offline memory, ignore the "
			 "DRAM budget"),
		OPT_BOOL(0, "dry-run", &o.dry_run,
			 "print the plan, change nothing"),
		OPT_BOOL('u', "human", &o.human, "human-readable sizes"),
		OPT_VERBOSE(&o.verbose),
		OPT_BOOL('C', "check-config", &o.check_config,
			 "take the settings from the config section that "
			 "matches the one device named (udev does, at boot)"),
		OPT_BOOL(0, "save-config", &o.save_config,
			 "after the change, write the device's setup to the "
			 "config directory"),
		OPT_STR(0, "config-dir", &o.config_dir, "DIR",
			"the config directory (default " DAXCTL_CONF_DIR ")"),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct reconf r = { .o = &o, .reserve = 256ULL << 20 };
	struct devstate_each each = {
		.kind = DEVSTATE_DAXDEV,
		.idle = DEVSTATE_IDLE_SKIP,
		/* Every name must exist before any device changes. */
		.names_first = true,
		.noun = "device",
		.fn = reconfigure_named,
		.arg = &r,
	};
	struct devstate_ctx ds;
	int i, rc = EXIT_USAGE;

	i = parse_options(argc, argv, options,
			  "daxctl reconfigure-device <device>...|all "
			  "[<options>]");
	if (i >= argc) {
		pr_err("name a device, or 'all'");
		return EXIT_USAGE;
	}
	log_set_verbose(o.verbose);
	if (request_from_opts(&o, &r.req))
		return EXIT_USAGE;
	if (o.input && !o.check_config) {
		rc = apply_input(&o, &r, &each);
		if (rc)
			return exit_status(rc);
	}
	if (o.check_config) {
		if (argc - i != 1) {
			pr_err("--check-config takes one device");
			return EXIT_USAGE;
		}
		if (!config_request_usage(&o, &argv[i]))
			return EXIT_USAGE;
	}
	if (o.save_config && o.dry_run) {
		pr_err("--save-config saves a change, and --dry-run makes none");
		return EXIT_USAGE;
	}
	if (o.reserve && parse_size(o.reserve, &r.reserve)) {
		pr_err("invalid --reserve '%s'", o.reserve);
		return EXIT_USAGE;
	}
	if (!o.check_config && !dax_request_changes(&r.req)) {
		pr_err("nothing to change: give --mode, --memmap, "
		       "--[no-]compound, --align, --size or --input");
		return EXIT_USAGE;
	}
	if (devstate_open(&ds, o.sysroot,
			  DEVSTATE_DAX | (o.dry_run ? 0 : DEVSTATE_CHANGE))) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	rc = o.check_config ? config_request(&ds, &o, &r.req, argv[i]) : 1;
	if (rc <= 0) {
		devstate_close(&ds);
		return rc ? EXIT_FAIL : EXIT_OK;
	}
	r.ds = &ds;
	r.out = json_object_new_array();
	if (!each.region)
		each.region = o.region;
	each.done_verb = o.dry_run ? NULL : "reconfigured";
	rc = devstate_inuse(&ds) ?
		     devstate_each(&ds, &each, argc - i, argv + i) :
		     EXIT_FAIL;
	json_print(stdout, r.out);
	json_object_put(r.out);
	devstate_close(&ds);
	return rc;
}
