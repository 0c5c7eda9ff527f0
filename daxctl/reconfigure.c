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
#include <ndctl/libndctl.h>
#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/inuse.h>
#include <devstate/modules.h>
#include <devstate/parse.h>
#include <devstate/state.h>
#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "builtin.h"
#include <devstate/dax-json.h>
#include "config.h"
#include "memory.h"
#include "plan.h"
#include "reconfigure.h"

/* Everything reconfigure-device may change about one device. */
struct dev_setup {
	enum daxctl_dev_mode mode; /* DEVDAX, RAM or UNBOUND */
	uint64_t align;
	bool memmap_pmem; /* devdax: memmap attribute / nd mode */
	bool compound;
	bool memmap_on_memory; /* system-ram */
	bool online, movable; /* system-ram blocks */
};

struct reconf {
	const struct reconf_opts *o;
	/* The context: its dax bus, root, profile and in-use checker. */
	struct devstate *ds;
	enum memmap_location location; /* --memmap, when given */
	uint64_t reserve;
	struct json_object *out;
};

static const char *mode_name(enum daxctl_dev_mode mode)
{
	switch (mode) {
	case DAXCTL_DEV_MODE_DEVDAX:
		return "devdax";
	case DAXCTL_DEV_MODE_RAM:
		return "system-ram";
	case DAXCTL_DEV_MODE_UNBOUND:
		return "unbound";
	default:
		return "another driver";
	}
}

/* The device as it is, in the terms of struct dev_setup. */
static void read_setup(struct daxctl_dev *dev, struct daxctl_backing *b,
		       struct dev_setup *s)
{
	struct dev_state st;

	dev_state_from_dax(dev, &st);
	*b = st.backing;
	*s = (struct dev_setup){ .mode = st.dax_mode,
				 .align = daxctl_dev_get_align(dev),
				 .memmap_pmem = st.dax_memmap_pmem,
				 .compound = st.cfg.compound,
				 .memmap_on_memory = st.memmap_on_memory,
				 .movable = true };
	if (s->mode == DAXCTL_DEV_MODE_RAM) {
		s->online = st.blocks.online > 0;
		s->movable = !st.blocks.online ||
			     st.blocks.online_movable == st.blocks.online;
	}
}

static bool align_supported(const struct memmap_profile *p,
			    const struct daxctl_backing *b, uint64_t align,
			    char *list, size_t len)
{
	const uint64_t *aligns = b->nd && b->supported_aligns[0] ?
					 b->supported_aligns :
					 p->aligns;
	bool ok = false;
	char buf[32];
	int i;

	list[0] = '\0';
	for (i = 0; i < 8 && aligns[i]; i++) {
		ok |= aligns[i] == align;
		snprintf(list + strlen(list), len - strlen(list), "%s%s",
			 i ? ", " : "",
			 size_exact(aligns[i], buf, sizeof(buf)));
	}
	return ok;
}

/*
 * Work out the target from the options and the current state.  Options
 * that cannot be honoured together are an error (EXIT_USAGE), as is an
 * option the running kernel cannot honour (EXIT_FAIL), never ignored.
 */
static int make_target(struct reconf *r, struct daxctl_dev *dev,
		       const struct daxctl_backing *b,
		       const struct dev_setup *cur, struct dev_setup *t,
		       bool *destructive)
{
	const struct reconf_opts *o = r->o;
	const char *name = daxctl_dev_get_devname(dev);
	char list[96], buf[32];
	bool patched_memmap = daxctl_dev_has_control(dev, "memmap");

	*t = *cur;
	*destructive = false;
	if (t->mode != DAXCTL_DEV_MODE_RAM)
		t->mode = DAXCTL_DEV_MODE_DEVDAX;
	if (o->mode && parse_dax_mode(o->mode, &t->mode))
		return EXIT_USAGE;
	if (t->mode == DAXCTL_DEV_MODE_RAM) {
		if (o->compound >= 0) {
			pr_err("%s: --%scompound applies to devdax, and %s "
			       "would be system-ram",
			       name, o->compound ? "" : "no-", name);
			return EXIT_USAGE;
		}
		/* -N never offlines what is already online. */
		t->online = !o->no_online ||
			    (cur->mode == DAXCTL_DEV_MODE_RAM && cur->online);
		if (o->movable >= 0)
			t->movable = o->movable;
		else if (cur->mode != DAXCTL_DEV_MODE_RAM || !cur->online)
			t->movable = true;
		if (o->memmap) {
			t->memmap_on_memory = r->location == MEMMAP_PMEM;
			if (t->memmap_on_memory &&
			    !daxctl_dev_has_control(dev, "memmap_on_memory")) {
				pr_err("%s: --memmap pmem for system-ram is not "
				       "supported by this kernel: no "
				       "memmap_on_memory attribute (apply "
				       "kernel-patches/)",
				       name);
				return EXIT_FAIL;
			}
		}
	} else {
		if (o->no_online || o->movable >= 0) {
			pr_err("%s: --%s applies to system-ram, and %s would "
			       "be devdax",
			       name,
			       o->no_online ? "no-online" :
			       o->movable   ? "movable" :
					      "no-movable",
			       name);
			return EXIT_USAGE;
		}
		if (o->memmap)
			t->memmap_pmem = r->location == MEMMAP_PMEM;
		if (o->compound >= 0)
			t->compound = o->compound;
	}
	if (o->align) {
		if (parse_size(o->align, &t->align) || !t->align) {
			pr_err("invalid --align '%s'", o->align);
			return EXIT_USAGE;
		}
		if (!align_supported(r->ds->profile, b, t->align, list,
				     sizeof(list))) {
			pr_err("%s: --align %s is not supported (supported: "
			       "%s)",
			       name, size_exact(t->align, buf, sizeof(buf)),
			       list);
			return EXIT_USAGE;
		}
	}

	if (t->mode == DAXCTL_DEV_MODE_DEVDAX && t->memmap_pmem && !b->nd) {
		pr_err("%s: --memmap pmem needs room reserved on the device, "
		       "and %s is in a dynamic region with none (only a "
		       "namespace in pmem mode has it)",
		       name, name);
		return EXIT_USAGE;
	}
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX && t->compound != cur->compound &&
	    !daxctl_dev_has_control(dev, "compound")) {
		pr_err("%s: --%scompound is not supported by this kernel: no "
		       "%s/compound attribute (apply kernel-patches/)",
		       name, t->compound ? "" : "no-", name);
		return EXIT_FAIL;
	}
	if (!b->nd)
		return EXIT_OK;
	/* A namespace-backed device: what needs a new info block? */
	if (t->align != cur->align)
		*destructive = true;
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX &&
	    t->memmap_pmem != cur->memmap_pmem &&
	    !(patched_memmap && b->memmap_pmem))
		*destructive = true;
	if (*destructive && !o->force) {
		pr_err("%s: changing %s rewrites the info block of %s and "
		       "destroys the data on it%s; use --force",
		       name,
		       t->align != cur->align ? "the align" :
						"the memmap location",
		       b->ns,
		       t->align == cur->align && !patched_memmap ?
			       " (this kernel has no memmap attribute to do "
			       "it in place)" :
			       "");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/*
 * The planner's candidate for the target; false (with the model's reason
 * printed) when the model says the kernel cannot lay the device out so.
 */
static bool plan_for(struct reconf *r, struct daxctl_dev *dev,
		     const struct dev_setup *t, struct plan_candidate *c)
{
	struct plan_filter f = { .location = -1, .compound = -1 };
	struct plan_target pt;
	struct dev_state st;
	struct plan plan;

	dev_state_from_dax(dev, &st);
	dev_state_plan_target(&st, r->ds->root, r->reserve, &pt);
	pt.mode = t->mode == DAXCTL_DEV_MODE_RAM ? MEMMAP_MODE_SYSTEM_RAM :
						   MEMMAP_MODE_DEVDAX;
	f.aligns[0] = t->align;
	f.location = (t->mode == DAXCTL_DEV_MODE_RAM ? t->memmap_on_memory :
						       t->memmap_pmem) ?
			     MEMMAP_PMEM :
			     MEMMAP_DRAM;
	f.compound = t->mode == DAXCTL_DEV_MODE_RAM ? -1 : t->compound;
	/* One align, one location, one compound choice: one candidate. */
	plan_build(r->ds->profile, &pt, &f, &plan);
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
		       mode_name(t->mode),
		       size_exact(t->align, buf, sizeof(buf)),
		       memmap_strerror(
			       memmap_plan(r->ds->profile, &cfg, &cost)));
	}
	return false;
}

/*
 * The kernel may online hot-added blocks itself (auto_online_blocks);
 * those are left as the kernel placed them, and said so.
 */
static void report_auto_online(struct daxctl_dev *dev)
{
	struct daxctl_ctx *ctx =
		daxctl_region_get_ctx(daxctl_dev_get_region(dev));
	struct daxctl_memblocks mb;
	char policy[32] = "";

	daxctl_get_auto_online(ctx, policy, sizeof(policy));
	if (daxctl_dev_get_memblocks(dev, &mb) || !mb.online)
		return;
	pr_info("%s: the kernel onlined %u of %u memory blocks itself "
		"(auto_online_blocks=%s, %u movable)",
		daxctl_dev_get_devname(dev), mb.online, mb.total, policy,
		mb.online_movable);
}

/* Bring the device up in setup s: attributes, driver, memory blocks. */
static int apply_setup(struct daxctl_dev *dev, const struct dev_setup *s,
		       const struct dev_setup *cur, struct block_log *log)
{
	int rc;

	if (s->compound != cur->compound &&
	    daxctl_dev_has_control(dev, "compound")) {
		rc = daxctl_dev_set_compound(dev, s->compound);
		if (rc)
			return rc;
	}
	if (s->memmap_pmem != cur->memmap_pmem &&
	    daxctl_dev_has_control(dev, "memmap")) {
		rc = daxctl_dev_set_memmap(dev, s->memmap_pmem);
		if (rc)
			return rc;
	}
	if (s->memmap_on_memory != cur->memmap_on_memory &&
	    daxctl_dev_has_control(dev, "memmap_on_memory")) {
		rc = daxctl_dev_set_memmap_on_memory(dev, s->memmap_on_memory);
		if (rc)
			return rc;
	}
	if (s->align != daxctl_dev_get_align(dev) &&
	    daxctl_region_is_dynamic(daxctl_dev_get_region(dev))) {
		rc = daxctl_dev_set_align(dev, s->align);
		if (rc)
			return rc;
	}
	if (s->mode == DAXCTL_DEV_MODE_UNBOUND)
		return 0;
	rc = daxctl_dev_enable(dev, s->mode);
	if (rc)
		return rc;
	if (s->mode == DAXCTL_DEV_MODE_RAM)
		report_auto_online(dev);
	if (s->mode == DAXCTL_DEV_MODE_RAM && s->online)
		return dev_online_memory(dev, s->movable, log);
	return 0;
}

static bool same_setup(const struct dev_setup *a, const struct dev_setup *b)
{
	return a->mode == b->mode && a->align == b->align &&
	       a->memmap_pmem == b->memmap_pmem && a->compound == b->compound &&
	       a->memmap_on_memory == b->memmap_on_memory &&
	       a->online == b->online && a->movable == b->movable;
}

/* Take the device down to unbound; blocks go offline first. */
static int take_down(struct daxctl_dev *dev, struct block_log *log)
{
	int rc;

	if (daxctl_dev_get_mode(dev) == DAXCTL_DEV_MODE_RAM) {
		rc = dev_offline_memory(dev, log);
		if (rc)
			return rc;
	}
	return daxctl_dev_disable(dev);
}

/* The dax device the namespace's claim brings up now, or NULL. */
static struct daxctl_dev *claimed_dev(struct reconf *r, struct ndctl_ctx *nd,
				      const char *ns_name)
{
	struct ndctl_namespace *ns;
	struct ndctl_claim *claim;

	ndctl_refresh(nd);
	ns = ndctl_get_namespace(nd, ns_name);
	claim = ns ? ndctl_namespace_get_claim(ns) : NULL;
	if (!claim)
		return NULL;
	daxctl_refresh(r->ds->dax);
	return daxctl_get_dev(r->ds->dax, ndctl_claim_get_chardev(claim));
}

/*
 * Rewrite the namespace behind the device with the new align and memmap
 * location, then find the dax device the new claim brings up.  If the new
 * claim fails, the old one is written back with its old uuid, align and
 * mode: the same layout, so the data is where it was.
 */
static int rewrite_namespace(struct reconf *r, struct daxctl_dev **devp,
			     const struct daxctl_backing *b,
			     const struct dev_setup *t)
{
	struct ndctl_ns_config cfg = { .mode = NDCTL_NS_MODE_DEVDAX,
				       .map = t->memmap_pmem ? NDCTL_MAP_DEV :
							       NDCTL_MAP_MEM,
				       .align = t->align };
	struct ndctl_ns_config old = { .mode = NDCTL_NS_MODE_DEVDAX };
	struct ndctl_namespace *ns;
	struct ndctl_claim *claim;
	struct ndctl_ctx *nd;
	char buf[32], uuid[40] = "";
	int rc, rrc;

	rc = ndctl_new(&nd, r->ds->root);
	if (rc)
		return rc;
	ns = ndctl_get_namespace(nd, b->ns);
	claim = ns ? ndctl_namespace_get_claim(ns) : NULL;
	if (!claim) {
		ndctl_unref(nd);
		return -ENOENT;
	}
	snprintf(uuid, sizeof(uuid), "%s", ndctl_claim_get_uuid(claim));
	old.map = ndctl_claim_get_map(claim);
	old.align = ndctl_claim_get_align(claim);
	old.uuid = uuid;
	pr_info("%s: rewriting the info block of %s (align %s, memmap %s); "
		"its data is lost",
		daxctl_dev_get_devname(*devp), b->ns,
		size_exact(t->align, buf, sizeof(buf)),
		t->memmap_pmem ? "pmem" : "dram");
	rc = ndctl_namespace_clear_claim(ns);
	if (!rc)
		rc = ndctl_namespace_configure(ns, &cfg);
	if (rc) {
		ndctl_namespace_clear_claim(ns);
		rrc = ndctl_namespace_configure(ns, &old);
		pr_err("%s: the new info block failed (%s); %s", b->ns,
		       strerror(-rc),
		       rrc ? "the old one could not be restored: the "
			     "namespace is left raw" :
			     "the old one is restored");
	}
	*devp = claimed_dev(r, nd, b->ns);
	ndctl_unref(nd);
	if (rc)
		return rc;
	return *devp ? 0 : -ENODEV;
}

static bool verify(struct daxctl_dev *dev, const struct dev_setup *t)
{
	struct daxctl_memblocks mb;
	struct daxctl_backing b;
	struct dev_setup now;

	daxctl_dev_reload(dev);
	if (daxctl_dev_get_mode(dev) != t->mode ||
	    daxctl_dev_get_align(dev) != t->align)
		return false;
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX) {
		read_setup(dev, &b, &now);
		return now.memmap_pmem == t->memmap_pmem &&
		       now.compound == t->compound;
	}
	/* -N leaves whatever the kernel's auto-online policy did. */
	if (!t->online)
		return true;
	return !daxctl_dev_get_memblocks(dev, &mb) && mb.online == mb.total;
}

static void emit(struct reconf *r, struct daxctl_dev *dev,
		 const struct plan_candidate *c, bool dry_run,
		 const struct dev_setup *t)
{
	struct dax_json_flags flags = { .profile = r->ds->profile,
					.human = r->o->human };
	struct json_object *j, *jp;

	if (dry_run) {
		j = json_object_new_object();
		json_add_str(j, "chardev", daxctl_dev_get_devname(dev));
		json_add_str(j, "mode", mode_name(t->mode));
		json_add_u64(j, "align", t->align);
		json_add_bool(j, "dry_run", true);
	} else {
		j = dax_dev_to_json(dev, &flags);
	}
	jp = plan_candidate_to_json(c, c->cfg.size);
	json_object_object_add(j, "plan", jp);
	json_object_array_add(r->out, j);
}

static int reconfigure_one(struct reconf *r, struct daxctl_dev *dev)
{
	const struct reconf_opts *o = r->o;
	char name[32], b1[32], b2[32], b3[32], b4[32];
	struct block_log log = { 0 };
	struct daxctl_backing b;
	struct dev_setup cur, t;
	struct plan_candidate c;
	bool destructive;
	int rc;

	snprintf(name, sizeof(name), "%s", daxctl_dev_get_devname(dev));
	read_setup(dev, &b, &cur);
	if (cur.mode == DAXCTL_DEV_MODE_OTHER) {
		pr_err("%s: bound to a driver daxctl does not manage", name);
		return EXIT_FAIL;
	}
	rc = make_target(r, dev, &b, &cur, &t, &destructive);
	if (rc)
		return rc;

	if (!plan_for(r, dev, &t, &c))
		return EXIT_USAGE;
	pr_info("%s: %s -> %s, align %s, memmap in %s: %s usable, memmap %s "
		"in DRAM, %s of the device not usable for data%s",
		name, mode_name(cur.mode), mode_name(t.mode),
		size_exact(t.align, b1, sizeof(b1)),
		c.cfg.location == MEMMAP_PMEM ? "pmem" : "dram",
		size_short(c.cost.usable, b2, sizeof(b2)),
		size_short(c.cost.dram_total, b3, sizeof(b3)),
		size_short(c.cost.device_overhead, b4, sizeof(b4)),
		destructive ? " (destructive)" : "");
	if (!c.fits && !o->force) {
		pr_err("%s: the memmap needs %s of DRAM, more than the node has "
		       "free (keeping %s): use --memmap pmem, or --force",
		       name, size_exact(c.cost.dram_total, b1, sizeof(b1)),
		       size_exact(r->reserve, b2, sizeof(b2)));
		return EXIT_FAIL;
	}
	if (o->dry_run) {
		emit(r, dev, &c, true, &t);
		return EXIT_OK;
	}

	/* Nothing to do is not an error; the state is printed as it is. */
	if (!destructive && same_setup(&cur, &t))
		goto done;

	/*
	 * Refuse before touching anything when the device is in use.  Its
	 * online memory is the one holder --force may clear, because the
	 * kernel migrates what it offlines or refuses.
	 */
	if (inuse_check_daxdev(r->ds->iu, dev, true))
		return EXIT_FAIL;
	if (devstate_need_driver(r->ds, "dax",
				 t.mode == DAXCTL_DEV_MODE_RAM ? "kmem" :
								 "device_dax"))
		return EXIT_FAIL;
	if (cur.mode == DAXCTL_DEV_MODE_RAM && cur.online &&
	    (t.mode != DAXCTL_DEV_MODE_RAM || destructive ||
	     t.memmap_on_memory != cur.memmap_on_memory) &&
	    !o->force) {
		pr_err("%s is in use: its memory is online as system RAM; "
		       "offline it first (daxctl offline-memory %s), or let "
		       "--force offline it (the kernel migrates what it "
		       "offlines)",
		       name, name);
		return EXIT_FAIL;
	}
	if (cur.mode == DAXCTL_DEV_MODE_RAM && t.mode == DAXCTL_DEV_MODE_RAM &&
	    t.memmap_on_memory == cur.memmap_on_memory) {
		/* Only the blocks change: online or leave them. */
		rc = t.online ? dev_online_memory(dev, t.movable, &log) : 0;
		if (rc) {
			block_log_undo(dev, &log);
			goto failed;
		}
		goto verify;
	}

	rc = take_down(dev, &log);
	if (rc) {
		block_log_undo(dev, &log);
		pr_err("%s: could not take it down (%s); left as it was, %s",
		       name, strerror(-rc), mode_name(cur.mode));
		block_log_free(&log);
		return EXIT_FAIL;
	}
	block_log_free(&log);
	if (destructive) {
		struct dev_setup devdax = t;

		rc = rewrite_namespace(r, &dev, &b, &t);
		if (rc) {
			/* The old claim is back, unbound or bound: say which. */
			if (dev)
				pr_err("%s: left %s with its old layout", name,
				       mode_name(daxctl_dev_get_mode(dev)));
			return EXIT_FAIL;
		}
		snprintf(name, sizeof(name), "%s", daxctl_dev_get_devname(dev));
		if (t.mode != DAXCTL_DEV_MODE_RAM)
			goto verify;
		/* The new claim came up as devdax: move it on. */
		devdax.mode = DAXCTL_DEV_MODE_DEVDAX;
		rc = daxctl_dev_disable(dev);
		if (!rc)
			rc = apply_setup(dev, &t, &devdax, &log);
		if (rc)
			goto failed;
		goto verify;
	}
	rc = apply_setup(dev, &t, &cur, &log);
	if (rc) {
		int rrc;
		struct dev_setup down = t;

		block_log_undo(dev, &log);
		down.mode = DAXCTL_DEV_MODE_UNBOUND;
		daxctl_dev_disable(dev);
		rrc = apply_setup(dev, &cur, &down, &log);
		block_log_free(&log);
		daxctl_dev_reload(dev);
		if (!rrc)
			pr_err("%s: becoming %s failed (%s); restored to %s",
			       name, mode_name(t.mode), strerror(-rc),
			       mode_name(cur.mode));
		else
			pr_err("%s: becoming %s failed (%s), and restoring it "
			       "failed too (%s): left %s",
			       name, mode_name(t.mode), strerror(-rc),
			       strerror(-rrc),
			       mode_name(daxctl_dev_get_mode(dev)));
		return EXIT_FAIL;
	}
verify:
	block_log_free(&log);
	if (!verify(dev, &t)) {
		pr_err("%s: the kernel did not apply the request: now %s", name,
		       mode_name(daxctl_dev_get_mode(dev)));
		return EXIT_FAIL;
	}
done:
	daxctl_dev_reload(dev);
	plan_for(r, dev, &t, &c);
	emit(r, dev, &c, false, &t);
	return EXIT_OK;
failed:
	block_log_free(&log);
	daxctl_dev_reload(dev);
	pr_err("%s: reconfiguring failed (%s): left %s", name, strerror(-rc),
	       mode_name(daxctl_dev_get_mode(dev)));
	return EXIT_FAIL;
}

/* Each device afresh: the one before may have re-read the context. */
static int reconfigure_named(struct devstate *ds, void *obj, void *arg)
{
	const struct reconf_opts *o = ((struct reconf *)arg)->o;
	struct config_id id;
	char name[32];
	int rc;

	snprintf(name, sizeof(name), "%s", daxctl_dev_get_devname(obj));
	daxctl_refresh(ds->dax);
	obj = daxctl_get_dev(ds->dax, name);
	if (!obj)
		return EXIT_OK;
	if (o->save_config && config_save_prepare(ds, obj, o->config_dir, &id))
		return EXIT_FAIL;
	rc = reconfigure_one(arg, obj);
	if (!rc && o->save_config)
		rc = config_save(ds, &id, o->config_dir);
	return rc;
}

int cmd_reconfigure_device(int argc, char **argv)
{
	struct reconf_opts o = { .compound = -1, .movable = -1 };
	struct opt options[] = {
		OPT_STR('m', "mode", &o.mode, "MODE", "devdax or system-ram"),
		OPT_STR(0, "memmap", &o.memmap, "dram|pmem",
			"where the memmap goes (system-ram: pmem means "
			"memmap_on_memory)"),
		OPT_NEG("compound", &o.compound,
			"compound pages for the memmap (devdax)"),
		OPT_STR('a', "align", &o.align, "SIZE", "4K, 2M or 1G"),
		OPT_STR('r', "region", &o.region, "REGION",
			"only devices of this region"),
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
	struct devstate ds;
	int i, rc = EXIT_USAGE;

	i = parse_options(argc, argv, options,
			  "daxctl reconfigure-device <device>...|all "
			  "[<options>]");
	if (i >= argc) {
		pr_err("name a device, or 'all'");
		return EXIT_USAGE;
	}
	if (o.check_config) {
		if (argc - i != 1) {
			pr_err("--check-config takes one device");
			return EXIT_USAGE;
		}
		if (!config_request(&o, &argv[i], &rc))
			return rc;
	}
	if (o.save_config && o.dry_run) {
		pr_err("--save-config saves a change, and --dry-run makes none");
		return EXIT_USAGE;
	}
	if (o.memmap && parse_memmap_location("memmap", o.memmap, &r.location))
		return EXIT_USAGE;
	if (o.reserve && parse_size(o.reserve, &r.reserve)) {
		pr_err("invalid --reserve '%s'", o.reserve);
		return EXIT_USAGE;
	}
	if (!o.mode && !o.memmap && o.compound < 0 && !o.align &&
	    o.movable < 0 && !o.no_online) {
		pr_err("nothing to change: give --mode, --memmap, "
		       "--[no-]compound or --align");
		return EXIT_USAGE;
	}
	if (devstate_open(&ds, o.sysroot, DEVSTATE_DAX)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	r.ds = &ds;
	r.out = json_object_new_array();
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
