// SPDX-License-Identifier: GPL-2.0
/*
 * Each step applies one change to the device in run->dev and keeps what
 * it needs to put it back.  A step that fails changes nothing: the block
 * steps undo their own part-way changes, and a failed info block rewrite
 * writes the old one back before it returns.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/claim.h>
#include <devstate/journal.h>
#include <devstate/state.h>
#include <util/log.h>
#include <util/size.h>
#include "memory.h"
#include "dax-steps.h"

static const char *driver_of(enum daxctl_dev_mode mode)
{
	return mode == DAXCTL_DEV_MODE_RAM ? "kmem" : "device_dax";
}

/* --- the device's setup, read and compared ---------------------------- */

void dax_read_setup(struct daxctl_dev *dev, struct dev_backing *b,
		    struct dax_setup *s)
{
	struct dev_state st;

	dev_state_from_dax(dev, &st);
	*b = st.backing;
	*s = st.setup;
}

bool dax_same_setup(const struct dax_setup *a, const struct dax_setup *b)
{
	return a->mode == b->mode && a->align == b->align &&
	       a->size == b->size && a->memmap_pmem == b->memmap_pmem &&
	       a->compound == b->compound && a->head_only == b->head_only &&
	       a->memmap_on_memory == b->memmap_on_memory &&
	       a->online == b->online && a->movable == b->movable;
}

bool dax_verify_setup(struct daxctl_dev *dev, const struct dax_setup *t)
{
	struct daxctl_memblocks mb;
	struct dev_backing b;
	struct dax_setup now;

	daxctl_dev_reload(dev);
	if (daxctl_dev_get_mode(dev) != t->mode ||
	    daxctl_dev_get_align(dev) != t->align)
		return false;
	/* A namespace's device size follows its info block, not -s. */
	if (daxctl_region_is_dynamic(daxctl_dev_get_region(dev)) &&
	    daxctl_dev_get_size(dev) != t->size)
		return false;
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX) {
		dax_read_setup(dev, &b, &now);
		return now.memmap_pmem == t->memmap_pmem &&
		       now.compound == t->compound &&
		       now.head_only == t->head_only;
	}
	/* -N leaves whatever the kernel's auto-online policy did. */
	if (!t->online)
		return true;
	if (daxctl_dev_get_memblocks(dev, &mb) || mb.online != mb.total)
		return false;
	/* Online in the zone asked for, or not what was asked. */
	return t->movable ? mb.online_movable == mb.online :
			    mb.online_movable == 0;
}

/* --- memory blocks: value is 1 to online (aux: movable), 0 to offline */

static int blocks_apply(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	struct block_log *log = calloc(1, sizeof(*log));
	int rc;

	if (!log)
		return -ENOMEM;
	rc = s->value ? dev_online_memory(run->dev, s->aux, log) :
			dev_offline_memory(run->dev, log);
	if (rc) {
		block_log_free(log);
		free(log);
		return rc;
	}
	s->saved = log;
	return 0;
}

static int blocks_undo(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	struct block_log *log = s->saved;

	/* Unbound since (a later step failed half-way): nothing to do. */
	if (!log || daxctl_dev_get_mode(run->dev) != DAXCTL_DEV_MODE_RAM)
		return 0;
	return block_log_undo(run->dev, log);
}

static void blocks_release(struct step *s)
{
	if (s->saved) {
		block_log_free(s->saved);
		free(s->saved);
		s->saved = NULL;
	}
}

static void blocks_describe(const struct step *s, const void *ctx, char *buf,
			    size_t len)
{
	const struct reconf_run *run = ctx;

	if (s->value)
		snprintf(buf, len, "online the memory blocks of %s (%s)",
			 run->name, s->aux ? "movable" : "normal");
	else
		snprintf(buf, len, "offline the memory blocks of %s",
			 run->name);
}

const struct step_ops dax_blocks_step = {
	.apply = blocks_apply,
	.undo = blocks_undo,
	.describe = blocks_describe,
	.release = blocks_release,
};

/* --- the driver: value is the mode to bind, UNBOUND to unbind ---------- */

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

/*
 * Bring the device to mode: unbind it from what it has (system-ram goes
 * offline first, as kmem cannot remove online memory), then bind.
 */
static int set_driver(struct daxctl_dev *dev, enum daxctl_dev_mode mode)
{
	struct block_log log = { 0 };
	enum daxctl_dev_mode now;
	int rc;

	daxctl_dev_reload(dev);
	now = daxctl_dev_get_mode(dev);
	if (now == mode)
		return 0;
	if (now == DAXCTL_DEV_MODE_RAM) {
		rc = dev_offline_memory(dev, &log);
		block_log_free(&log);
		if (rc)
			return rc;
	}
	rc = daxctl_dev_disable(dev);
	if (rc || mode == DAXCTL_DEV_MODE_UNBOUND)
		return rc;
	rc = daxctl_dev_enable(dev, mode);
	if (!rc && mode == DAXCTL_DEV_MODE_RAM)
		report_auto_online(dev);
	return rc;
}

static int driver_apply(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;

	daxctl_dev_reload(run->dev);
	s->old = daxctl_dev_get_mode(run->dev);
	if (s->value == DAXCTL_DEV_MODE_UNBOUND)
		return daxctl_dev_disable(run->dev);
	return set_driver(run->dev, s->value);
}

static int driver_undo(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;

	return run->dev ? set_driver(run->dev, s->old) : -ENODEV;
}

static void driver_describe(const struct step *s, const void *ctx, char *buf,
			    size_t len)
{
	const struct reconf_run *run = ctx;

	if (s->value == DAXCTL_DEV_MODE_UNBOUND)
		snprintf(buf, len, "unbind %s", run->name);
	else
		snprintf(buf, len, "bind %s to %s (%s)", run->name,
			 driver_of(s->value), dax_mode_name(s->value));
}

const struct step_ops dax_driver_step = {
	.apply = driver_apply,
	.undo = driver_undo,
	.describe = driver_describe,
};

/* --- one attribute of the unbound device: aux says which --------------- */

static const char *const attr_names[] = {
	[ATTR_COMPOUND] = "compound",
	[ATTR_MEMMAP] = "memmap",
	[ATTR_MEMMAP_ON_MEMORY] = "memmap_on_memory",
	[ATTR_ALIGN] = "align",
	[ATTR_SIZE] = "size",
	[ATTR_HEAD_ONLY] = "vmemmap_head_only",
};

static int attr_read(struct daxctl_dev *dev, enum dax_attr attr, uint64_t *val)
{
	bool on_device;
	int rc;

	switch (attr) {
	case ATTR_COMPOUND:
		rc = daxctl_dev_get_compound(dev);
		break;
	case ATTR_MEMMAP:
		rc = daxctl_dev_get_memmap(dev, &on_device);
		if (!rc)
			rc = on_device;
		break;
	case ATTR_MEMMAP_ON_MEMORY:
		rc = daxctl_dev_get_memmap_on_memory(dev);
		break;
	case ATTR_SIZE:
		*val = daxctl_dev_get_size(dev);
		return 0;
	case ATTR_HEAD_ONLY:
		rc = daxctl_dev_get_vmemmap_head_only(dev);
		break;
	default:
		*val = daxctl_dev_get_align(dev);
		return *val ? 0 : -ENOENT;
	}
	if (rc < 0)
		return rc;
	*val = rc;
	return 0;
}

static int attr_write(struct daxctl_dev *dev, enum dax_attr attr, uint64_t val)
{
	switch (attr) {
	case ATTR_COMPOUND:
		return daxctl_dev_set_compound(dev, val);
	case ATTR_MEMMAP:
		return daxctl_dev_set_memmap(dev, val);
	case ATTR_MEMMAP_ON_MEMORY:
		return daxctl_dev_set_memmap_on_memory(dev, val);
	case ATTR_SIZE:
		return daxctl_dev_set_size(dev, val);
	case ATTR_HEAD_ONLY:
		return daxctl_dev_set_vmemmap_head_only(dev, val);
	default:
		return daxctl_dev_set_align(dev, val);
	}
}

static int attr_apply(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	int rc = attr_read(run->dev, s->aux, &s->old);

	if (!rc)
		rc = attr_write(run->dev, s->aux, s->value);
	if (rc)
		pr_err("%s: writing %s = %llu failed: %s", run->name,
		       attr_names[s->aux], (unsigned long long)s->value,
		       strerror(-rc));
	return rc;
}

static int attr_undo(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;

	/* Only an unbound device takes the write; unbind it if need be. */
	if (!run->dev || set_driver(run->dev, DAXCTL_DEV_MODE_UNBOUND))
		return -EBUSY;
	return attr_write(run->dev, s->aux, s->old);
}

static void attr_describe(const struct step *s, const void *ctx, char *buf,
			  size_t len)
{
	const struct reconf_run *run = ctx;
	char size[32];

	if (s->aux == ATTR_ALIGN || s->aux == ATTR_SIZE)
		snprintf(buf, len, "write %s/%s = %s", run->name,
			 attr_names[s->aux],
			 size_exact(s->value, size, sizeof(size)));
	else if (s->aux == ATTR_MEMMAP)
		snprintf(buf, len, "write %s/memmap = %s", run->name,
			 memmap_location_name(s->value ? MEMMAP_PMEM :
							 MEMMAP_DRAM));
	else
		snprintf(buf, len, "write %s/%s = %d", run->name,
			 attr_names[s->aux], (int)s->value);
}

const struct step_ops dax_attr_step = {
	.apply = attr_apply,
	.undo = attr_undo,
	.describe = attr_describe,
};

/* --- the namespace's info block: value is the align, aux 1 for pmem ---- */

/* The dax device the namespace's claim brings up now, or NULL. */
static struct daxctl_dev *claimed_dev(struct reconf_run *run,
				      struct ndctl_ctx *nd)
{
	struct ndctl_namespace *ns;
	struct ndctl_claim *claim;
	struct daxctl_dev *dev;

	ndctl_refresh(nd);
	ns = ndctl_get_namespace(nd, run->ns);
	claim = ns ? ndctl_namespace_get_claim(ns) : NULL;
	if (!claim)
		return NULL;
	daxctl_refresh(run->ds->dax);
	dev = daxctl_get_dev(run->ds->dax, ndctl_claim_get_chardev(claim));
	if (dev)
		snprintf(run->name, sizeof(run->name), "%s",
			 daxctl_dev_get_devname(dev));
	return dev;
}

/*
 * Open the namespace afresh (the dax context does not hold it), replace
 * its claim with cfg (saving the old one in old), or with cfg NULL put
 * old back; then find the dax device the claim brings up.
 */
static int with_claim(struct reconf_run *run, const struct ndctl_ns_config *cfg,
		      struct ns_claim *old)
{
	struct ndctl_ctx *nd = devstate_nd(run->ds, true);
	struct ndctl_namespace *ns;
	int rc;

	if (!nd)
		return -ENOMEM;
	ns = ndctl_get_namespace(nd, run->ns);
	if (!ns) {
		rc = -ENOENT;
	} else if (cfg) {
		ns_claim_save(ns, old);
		rc = ns_claim_replace(ns, cfg, old, run->j);
	} else {
		/* Byte for byte from the saved info block, when there is one. */
		rc = ns_claim_recover(run->ds->root, ns, old, -1, run->j);
	}
	run->dev = ns ? claimed_dev(run, nd) : NULL;
	if (!rc && !run->dev)
		rc = -ENODEV;
	return rc;
}

static int rewrite_apply(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	struct ndctl_ns_config cfg = { .mode = NDCTL_NS_MODE_DEVDAX,
				       .map = s->aux ? NDCTL_MAP_DEV :
						       NDCTL_MAP_MEM,
				       .align = s->value };
	struct ns_claim *old = calloc(1, sizeof(*old));
	char buf[32];
	int rc;

	if (!old)
		return -ENOMEM;
	pr_info("%s: rewriting the info block of %s (align %s, memmap %s); "
		"its data is lost",
		run->name, run->ns, size_exact(s->value, buf, sizeof(buf)),
		memmap_location_name(s->aux ? MEMMAP_PMEM : MEMMAP_DRAM));
	rc = with_claim(run, &cfg, old);
	if (rc) {
		free(old);
		return rc;
	}
	s->saved = old;
	return 0;
}

/* The old claim back: the same layout, so the data is where it was. */
static int rewrite_undo(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	int rc;

	if (run->dev && set_driver(run->dev, DAXCTL_DEV_MODE_UNBOUND))
		return -EBUSY;
	rc = with_claim(run, NULL, s->saved);
	if (!rc)
		pr_info("%s: the old info block is restored", run->ns);
	return rc;
}

static void rewrite_release(struct step *s)
{
	free(s->saved);
	s->saved = NULL;
}

static void rewrite_describe(const struct step *s, const void *ctx, char *buf,
			     size_t len)
{
	const struct reconf_run *run = ctx;
	char size[32];

	snprintf(buf, len,
		 "rewrite the info block of %s (devdax, align %s, memmap %s)",
		 run->ns, size_exact(s->value, size, sizeof(size)),
		 memmap_location_name(s->aux ? MEMMAP_PMEM : MEMMAP_DRAM));
}

const struct step_ops dax_rewrite_step = {
	.apply = rewrite_apply,
	.undo = rewrite_undo,
	.describe = rewrite_describe,
	.release = rewrite_release,
};

/* --- a new device of a dynamic region ----------------------------------- */

bool dax_name_listed(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	for (p = list; (p = strstr(p, name)); p += len)
		if ((p == list || p[-1] == ',') && (p[len] == ',' || !p[len]))
			return true;
	return false;
}

static struct daxctl_region *run_region(struct reconf_run *run)
{
	struct daxctl_region *region;

	daxctl_region_foreach (run->ds->dax, region)
		if (daxctl_region_get_id(region) == run->region_id)
			return region;
	return NULL;
}

static int create_apply(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	const char *before = run->before;
	struct daxctl_dev *dev;
	char name[32] = "";
	int rc;

	(void)s;
	rc = daxctl_region_create_dev(run->region, name, sizeof(name));
	/* The context is re-read below: the region object goes with it. */
	run->region = NULL;
	if (rc) {
		pr_err("region%d: the kernel refused a new device: %s",
		       run->region_id, strerror(-rc));
		return rc;
	}
	daxctl_refresh(run->ds->dax);
	run->region = run_region(run);
	run->dev = daxctl_get_dev(run->ds->dax, name);
	/* The new device is the one the region did not have before. */
	if (run->region && before &&
	    (!run->dev ||
	     dax_name_listed(before, daxctl_dev_get_devname(run->dev)))) {
		run->dev = NULL;
		daxctl_dev_foreach (run->region, dev)
			if (!dax_name_listed(before,
					     daxctl_dev_get_devname(dev)))
				run->dev = dev;
	}
	/* The caller's message says what the region holds now. */
	if (!run->dev)
		return -ENODEV;
	snprintf(run->name, sizeof(run->name), "%s",
		 daxctl_dev_get_devname(run->dev));
	if (run->j) {
		journal_set(run->j, "dev", "%s", run->name);
		return journal_write(run->j);
	}
	return 0;
}

int dax_destroy_run_dev(struct reconf_run *run)
{
	struct daxctl_region *region;
	int rc;

	rc = set_driver(run->dev, DAXCTL_DEV_MODE_UNBOUND);
	if (!rc && daxctl_dev_get_size(run->dev))
		rc = daxctl_dev_set_size(run->dev, 0);
	region = daxctl_dev_get_region(run->dev);
	if (!rc)
		rc = daxctl_region_destroy_dev(region, run->name);
	if (!rc)
		run->dev = NULL;
	return rc;
}

int dax_remove_new_devices(struct reconf_run *run, const char *before)
{
	struct daxctl_region *region = NULL;
	struct daxctl_dev *dev;
	char names[8][sizeof(run->name)];
	int n = 0, i, rc = 0;

	daxctl_refresh(run->ds->dax);
	daxctl_region_foreach (run->ds->dax, region)
		if (daxctl_region_get_id(region) == run->region_id)
			break;
	if (!region)
		return -ENODEV;
	daxctl_dev_foreach (region, dev)
		if (!dax_name_listed(before, daxctl_dev_get_devname(dev)) &&
		    n < 8)
			snprintf(names[n++], sizeof(names[0]), "%s",
				 daxctl_dev_get_devname(dev));
	/* Each removal re-reads the context: look every device up anew. */
	for (i = 0; i < n && !rc; i++) {
		run->dev = daxctl_get_dev(run->ds->dax, names[i]);
		memcpy(run->name, names[i], sizeof(run->name));
		rc = run->dev ? dax_destroy_run_dev(run) : 0;
	}
	return rc;
}

/*
 * Unbound, its capacity given back, and deleted; when the new device
 * could not be named, whatever the region did not have before goes.
 */
static int create_undo(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	const char *before = run->before;

	(void)s;
	if (run->dev)
		return dax_destroy_run_dev(run);
	return before ? dax_remove_new_devices(run, before) : 0;
}

static void create_describe(const struct step *s, const void *ctx, char *buf,
			    size_t len)
{
	const struct reconf_run *run = ctx;

	(void)s;
	snprintf(buf, len, "create a device in region%d", run->region_id);
}

const struct step_ops dax_create_step = {
	.apply = create_apply,
	.undo = create_undo,
	.describe = create_describe,
};

/* value ranges (struct dax_range, in s->saved), in order. */
static int ranges_apply(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;
	const struct dax_range *r = s->saved;
	uint64_t i;
	int rc = 0;

	for (i = 0; !rc && i < s->value; i++) {
		rc = daxctl_dev_add_range(run->dev, r[i].start, r[i].end);
		if (rc)
			pr_err("%s: the kernel refused the range %#llx-%#llx: "
			       "%s",
			       run->name, (unsigned long long)r[i].start,
			       (unsigned long long)r[i].end, strerror(-rc));
	}
	/* Size 0 gives back whatever was allocated. */
	if (rc)
		daxctl_dev_set_size(run->dev, 0);
	return rc;
}

static int ranges_undo(struct step *s, void *ctx)
{
	struct reconf_run *run = ctx;

	(void)s;
	return daxctl_dev_set_size(run->dev, 0);
}

static void ranges_describe(const struct step *s, const void *ctx, char *buf,
			    size_t len)
{
	const struct reconf_run *run = ctx;
	const struct dax_range *r = s->saved;

	snprintf(buf, len, "give %s %llu range%s from %#llx", run->name,
		 (unsigned long long)s->value, s->value == 1 ? "" : "s",
		 (unsigned long long)r[0].start);
}

const struct step_ops dax_ranges_step = {
	.apply = ranges_apply,
	.undo = ranges_undo,
	.describe = ranges_describe,
};
