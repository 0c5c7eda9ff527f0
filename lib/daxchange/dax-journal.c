// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl's intent records (devstate/journal.h): what a reconfigure or a
 * create-device starts from, written before its first step, and how a
 * later command puts the device back when the change was killed.
 *
 * Built into both tools (daxctl/meson.build's daxchange library), so
 * that either one finishes a change the other was killed in.
 *
 * Recovery works from the recorded state, not from the steps: a step
 * killed half-way leaves the device somewhere no step describes, so the
 * device is brought from whatever it is now back to what it was, with
 * the same steps reconfigure-device plans, and then read back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/claim.h>
#include <devstate/journal.h>
#include <util/log.h>
#include <util/sysfs.h>
#include "dax-steps.h"
#include "decide.h"

static void record_setup(struct journal *j, const struct dax_setup *s)
{
	journal_set(j, "was.mode", "%d", (int)s->mode);
	journal_set(j, "was.align", "%llu", (unsigned long long)s->align);
	journal_set(j, "was.size", "%llu", (unsigned long long)s->size);
	journal_set(j, "was.memmap_pmem", "%d", s->memmap_pmem);
	journal_set(j, "was.compound", "%d", s->compound);
	journal_set(j, "was.head_only", "%d", s->head_only);
	journal_set(j, "was.memmap_on_memory", "%d", s->memmap_on_memory);
	journal_set(j, "was.online", "%d", s->online);
	journal_set(j, "was.movable", "%d", s->movable);
}

static int load_setup(const struct journal *j, struct dax_setup *s)
{
	uint64_t mode;

	if (journal_get_u64(j, "was.mode", &mode) ||
	    journal_get_u64(j, "was.align", &s->align) ||
	    journal_get_u64(j, "was.size", &s->size))
		return -EINVAL;
	s->mode = (enum daxctl_dev_mode)mode;
	s->memmap_pmem = journal_get_bool(j, "was.memmap_pmem");
	s->compound = journal_get_bool(j, "was.compound");
	s->head_only = journal_get_bool(j, "was.head_only");
	s->memmap_on_memory = journal_get_bool(j, "was.memmap_on_memory");
	s->online = journal_get_bool(j, "was.online");
	s->movable = journal_get_bool(j, "was.movable");
	return 0;
}

int dax_journal_reconfigure(struct journal *j, struct reconf_run *run,
			    const struct dax_setup *cur, const char *what)
{
	struct ndctl_namespace *ns;
	struct ndctl_ctx *nd;
	struct ns_claim c;
	int rc, force_raw = -1;

	rc = journal_init(j, sysroot_path(run->ds->root), "dax-reconfigure");
	if (rc)
		return rc;
	journal_set(j, "what", "%s", what);
	journal_set(j, "dev", "%s", run->name);
	journal_set(j, "ns", "%s", run->ns ? run->ns : "");
	record_setup(j, cur);
	if (run->ns) {
		/* The claim as it is, for an info block rewrite's undo. */
		nd = devstate_nd(run->ds, true);
		if (!nd)
			return -ENOMEM;
		ns = ndctl_get_namespace(nd, run->ns);
		if (ns) {
			ns_claim_save(ns, &c);
			ns_claim_record(j, &c);
		}
		if (!ns)
			return -ENODEV;
		sysfs_read_int(run->ds->root, &force_raw,
			       "sys/bus/nd/devices/%s/force_raw", run->ns);
		journal_set(j, "force_raw", "%d", force_raw);
	}
	run->j = j;
	return journal_write(j);
}

/* The namespace back under its recorded claim; its device found again. */
static int recover_claim(struct devstate_ctx *ds, struct journal *j,
			 struct reconf_run *run)
{
	uint64_t force_raw = (uint64_t)-1;
	struct ndctl_namespace *ns;
	struct ndctl_claim *claim;
	struct ns_claim c;
	int rc;

	if (ns_claim_load(j, &c))
		return -EINVAL;
	journal_get_u64(j, "force_raw", &force_raw);
	ndctl_refresh(ds->nd);
	ns = ndctl_get_namespace(ds->nd, run->ns);
	if (!ns)
		return -ENODEV;
	rc = ns_claim_recover(ds->root, ns, &c, (int)force_raw, j);
	if (rc)
		return rc;
	ndctl_refresh(ds->nd);
	ns = ndctl_get_namespace(ds->nd, run->ns);
	claim = ns ? ndctl_namespace_get_claim(ns) : NULL;
	if (!claim || !ns_claim_is(ns, &c))
		return -EIO;
	daxctl_refresh(ds->dax);
	run->dev = daxctl_get_dev(ds->dax, ndctl_claim_get_chardev(claim));
	if (run->dev)
		snprintf(run->name, sizeof(run->name), "%s",
			 daxctl_dev_get_devname(run->dev));
	return run->dev ? 0 : -ENODEV;
}

int dax_journal_undo(struct devstate_ctx *ds, struct journal *j,
		     const char *why)
{
	const char *dev = journal_get(j, "dev"), *ns = journal_get(j, "ns");
	struct reconf_run run = { .ds = ds };
	struct dev_backing b;
	struct dax_facts facts;
	struct steps_result res;
	struct dax_setup was, now;
	struct step_list steps;
	int rc;

	if (!dev || !ns || load_setup(j, &was)) {
		pr_err("%s: unreadable record; check the device by hand and "
		       "remove the file",
		       j->path);
		return -EINVAL;
	}
	snprintf(run.name, sizeof(run.name), "%s", dev);
	run.ns = *ns ? ns : NULL;
	if (run.ns) {
		rc = recover_claim(ds, j, &run);
	} else {
		daxctl_refresh(ds->dax);
		run.dev = daxctl_get_dev(ds->dax, dev);
		rc = run.dev ? 0 : -ENODEV;
	}
	if (!rc) {
		dax_read_setup(run.dev, &b, &now);
		dax_read_facts(run.dev, &b, ds->profile, &facts);
		steps.count = 0;
		if (!dax_same_setup(&now, &was))
			dax_plan_steps(&facts, &now, &was, false, &steps);
		rc = steps.count ? steps_run(&steps, &run, NULL, &res) : 0;
		steps_release(&steps);
	}
	if (!rc && !dax_verify_setup(run.dev, &was))
		rc = -EIO;
	if (rc) {
		pr_err("%s: could not be put back as it was before %s "
		       "(%s): the record stays in %s; "
		       "reconfigure it by hand (daxctl reconfigure-device), "
		       "then remove the file",
		       run.name, why, strerror(-rc), j->path);
		return rc;
	}
	pr_info("%s: back to %s, as before %s (%s)", run.name,
		dax_mode_name(daxctl_dev_get_mode(run.dev)), why,
		journal_get(j, "what") ? journal_get(j, "what") : "");
	return 0;
}

static int recover_reconfigure(struct devstate_ctx *ds, struct journal *j)
{
	return dax_journal_undo(ds, j, "an interrupted change");
}

/* The most device names a record keeps: a region's whole capacity in 2M. */
#define BEFORE_MAX (1 << 20)

int dax_journal_create(struct journal *j, struct reconf_run *run,
		       const char *what)
{
	struct daxctl_dev *dev;
	size_t len = 0, cap = 256;
	char *names = malloc(cap), *grown;
	const char *name;
	int rc;

	if (!names)
		return -ENOMEM;
	names[0] = '\0';
	/* What was there: whatever else is there later is this change's. */
	daxctl_dev_foreach (run->region, dev) {
		name = daxctl_dev_get_devname(dev);
		if (len + strlen(name) + 2 > cap) {
			cap = 2 * cap + strlen(name);
			grown = cap < BEFORE_MAX ? realloc(names, cap) : NULL;
			if (!grown) {
				free(names);
				return -ENOMEM;
			}
			names = grown;
		}
		len += (size_t)sprintf(names + len, "%s%s", len ? "," : "",
				       name);
	}
	run->before = names;
	rc = journal_init(j, sysroot_path(run->ds->root), "dax-create");
	if (rc)
		return rc;
	journal_set(j, "what", "%s", what);
	journal_set(j, "region", "%d", daxctl_region_get_id(run->region));
	/* However many devices the region has: beside the record. */
	rc = journal_write_blob(j, "before", names, len + 1);
	if (rc)
		return rc;
	run->j = j;
	return journal_write(j);
}

static int recover_create(struct devstate_ctx *ds, struct journal *j)
{
	char *before = malloc(BEFORE_MAX);
	struct reconf_run run = { .ds = ds };
	ssize_t n = -ENOMEM;
	uint64_t id;
	int rc;

	if (before)
		n = journal_read_blob(j, "before", before, BEFORE_MAX - 1);
	if (n <= 0 || journal_get_u64(j, "region", &id)) {
		free(before);
		pr_err("%s: unreadable record; check the region by hand and "
		       "remove the file",
		       j->path);
		return -EINVAL;
	}
	before[n] = '\0';
	run.region_id = (int)id;
	rc = dax_remove_new_devices(&run, before);
	free(before);
	if (rc) {
		pr_err("region%d: could not remove the device an interrupted "
		       "create-device left (%s): the record stays in %s; "
		       "destroy it by hand (daxctl destroy-device -f), then "
		       "remove the file",
		       run.region_id, strerror(-rc), j->path);
		return rc;
	}
	pr_info("region%d: the device an interrupted create-device made is "
		"removed (%s)",
		run.region_id, journal_get(j, "what"));
	return 0;
}

const struct journal_kind dax_journal_kinds[] = {
	{ "dax-reconfigure", recover_reconfigure },
	{ "dax-create", recover_create },
	{ "ns-claim", ns_claim_journal_recover },
	{ NULL, NULL },
};
