// SPDX-License-Identifier: GPL-2.0
/*
 * The decision half of a dax device's change (decide.h): request and
 * current setup in, target setup and steps out, from facts read once.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/log.h>
#include <util/size.h>
#include "decide.h"

void dax_read_facts(struct daxctl_dev *dev, const struct dev_backing *b,
		    const struct memmap_profile *p, struct dax_facts *f)
{
	struct daxctl_region *region = daxctl_dev_get_region(dev);

	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", daxctl_dev_get_devname(dev));
	f->profile = p;
	f->backing = *b;
	f->has_memmap = daxctl_dev_has_control(dev, "memmap");
	f->has_compound = daxctl_dev_has_control(dev, "compound");
	f->has_head_only = daxctl_dev_has_control(dev, "vmemmap_head_only");
	f->has_memmap_on_memory =
		daxctl_dev_has_control(dev, "memmap_on_memory");
	f->dynamic = daxctl_region_is_dynamic(region);
	f->region_align = daxctl_region_get_align(region);
	f->region_available = daxctl_region_get_available_size(region);
	f->dev_size = daxctl_dev_get_size(dev);
}

bool dax_request_changes(const struct dax_request *req)
{
	return req->has_mode || req->location >= 0 || req->compound >= 0 ||
	       req->head_only >= 0 || req->align || req->has_size ||
	       req->movable >= 0 || req->no_online;
}

static bool align_supported(const struct dax_facts *f, uint64_t align,
			    char *list, size_t len)
{
	const struct dev_backing *b = &f->backing;
	const uint64_t *aligns = b->nd && b->supported_aligns[0] ?
					 b->supported_aligns :
					 f->profile->aligns;
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
 * -s: only a device of a dynamic region has a size of its own; it must
 * stay a whole number of the region's and the device's align, and grow
 * only into the region's free capacity.
 */
static int size_target(const struct dax_facts *f, const struct dax_setup *cur,
		       struct dax_setup *t, bool force)
{
	const char *name = f->name;
	uint64_t step, room;
	char b1[32], b2[32];

	if (!f->dynamic) {
		pr_err("%s: --size applies to devices of dynamic regions; %s's "
		       "size is %s's (ndctl create-namespace)",
		       name, name,
		       f->backing.nd ? f->backing.ns : "its region");
		return -EINVAL;
	}
	if (!t->size) {
		pr_err("%s: --size 0 would leave no device; use "
		       "destroy-device",
		       name);
		return -EINVAL;
	}
	step = f->region_align;
	if (!step || step < t->align)
		step = t->align;
	if (step && t->size % step) {
		pr_err("%s: --size %s is not a multiple of %s (the region's "
		       "and the device's align)",
		       name, size_exact(t->size, b1, sizeof(b1)),
		       size_exact(step, b2, sizeof(b2)));
		return -EINVAL;
	}
	room = f->dev_size + f->region_available;
	if (t->size > room) {
		pr_err("%s: --size %s is more than it can grow to (%s: its "
		       "size and the region's free capacity)",
		       name, size_exact(t->size, b1, sizeof(b1)),
		       size_exact(room, b2, sizeof(b2)));
		return -EINVAL;
	}
	/* The kernel resizes only an unbound device. */
	if (t->size != cur->size && cur->mode != DAXCTL_DEV_MODE_UNBOUND &&
	    !force) {
		pr_err("%s is enabled (%s): resizing unbinds it, and shrinking "
		       "loses the data past the new size; disable it first, "
		       "or use --force",
		       name, dax_mode_name(cur->mode));
		return -EPERM;
	}
	return 0;
}

/*
 * One vmemmap page per compound page needs the patched kernel's control
 * and a memmap the kernel deduplicates: compound pages, align 2M or 1G,
 * memmap in DRAM.
 */
static int check_head_only(const struct dax_facts *f, const struct dax_setup *t)
{
	if (!f->has_head_only) {
		pr_err("%s: --vmemmap-head-only is not supported by this "
		       "kernel: no %s/vmemmap_head_only attribute (apply "
		       "kernel-patches/ with the vmemmap_head_only control)",
		       f->name, f->name);
		return -EOPNOTSUPP;
	}
	if (!t->compound || t->memmap_pmem ||
	    (t->align != SZ_2M && t->align != SZ_1G)) {
		pr_err("%s: --vmemmap-head-only needs compound pages, align "
		       "2M or 1G and the memmap in DRAM (the kernel shares "
		       "tail struct pages only there)",
		       f->name);
		return -EINVAL;
	}
	return 0;
}

/* system-ram: online, zone and memmap location. */
static int ram_target(const struct dax_facts *f, const struct dax_setup *cur,
		      const struct dax_request *req, struct dax_setup *t)
{
	const char *name = f->name;

	if (req->head_only >= 0) {
		pr_err("%s: --%svmemmap-head-only applies to devdax, and %s "
		       "would be system-ram",
		       name, req->head_only ? "" : "no-", name);
		return -EINVAL;
	}
	if (req->compound >= 0) {
		pr_err("%s: --%scompound applies to devdax, and %s would be "
		       "system-ram",
		       name, req->compound ? "" : "no-", name);
		return -EINVAL;
	}
	/* -N never offlines what is already online. */
	t->online = !req->no_online ||
		    (cur->mode == DAXCTL_DEV_MODE_RAM && cur->online);
	if (req->movable >= 0)
		t->movable = req->movable;
	else if (cur->mode != DAXCTL_DEV_MODE_RAM || !cur->online)
		t->movable = true;
	/*
	 * The kernel moves no online memory between zones, so a zone asked
	 * of online memory would be a success that changed nothing.
	 */
	if (cur->mode == DAXCTL_DEV_MODE_RAM && cur->online &&
	    req->movable >= 0 && t->movable != cur->movable) {
		pr_err("%s: --%smovable, but its memory is online in %s; the "
		       "kernel changes the zone only of offline memory: "
		       "offline it first (daxctl offline-memory %s)",
		       name, req->movable ? "" : "no-",
		       cur->movable ? "ZONE_MOVABLE" :
				      "ZONE_NORMAL (some or all)",
		       name);
		return -EBUSY;
	}
	if (req->location >= 0) {
		t->memmap_on_memory = req->location == MEMMAP_PMEM;
		if (t->memmap_on_memory && !f->has_memmap_on_memory) {
			pr_err("%s: --memmap pmem for system-ram is not "
			       "supported by this kernel: no memmap_on_memory "
			       "attribute (apply kernel-patches/)",
			       name);
			return -EOPNOTSUPP;
		}
		if (t->memmap_on_memory && f->profile->system_ram_note) {
			pr_err("%s: --memmap pmem: %s", name,
			       f->profile->system_ram_note);
			return -EOPNOTSUPP;
		}
	}
	return 0;
}

/* devdax: the memmap location, compound pages, vmemmap pages. */
static int devdax_target(const struct dax_facts *f,
			 const struct dax_request *req, struct dax_setup *t)
{
	const char *name = f->name;

	if (req->no_online || req->movable >= 0) {
		pr_err("%s: --%s applies to system-ram, and %s would be devdax",
		       name,
		       req->no_online ? "no-online" :
		       req->movable   ? "movable" :
					"no-movable",
		       name);
		return -EINVAL;
	}
	if (req->location >= 0)
		t->memmap_pmem = req->location == MEMMAP_PMEM;
	if (req->compound >= 0)
		t->compound = req->compound;
	if (req->head_only >= 0)
		t->head_only = req->head_only;
	return 0;
}

/* A namespace-backed device: what needs a new info block? */
static int rewrite_needed(const struct dax_facts *f,
			  const struct dax_setup *cur,
			  const struct dax_setup *t, bool force,
			  bool *destructive)
{
	bool in_place = f->has_memmap && f->backing.memmap_pmem;

	*destructive = t->align != cur->align ||
		       (t->mode == DAXCTL_DEV_MODE_DEVDAX &&
			t->memmap_pmem != cur->memmap_pmem && !in_place);
	if (!*destructive || force)
		return 0;
	pr_err("%s: changing %s rewrites the info block of %s and destroys "
	       "the data on it%s; use --force",
	       f->name,
	       t->align != cur->align ? "the align" : "the memmap location",
	       f->backing.ns,
	       t->align == cur->align && !f->has_memmap ?
		       " (this kernel has no memmap attribute to do it in "
		       "place)" :
		       "");
	return -EPERM;
}

int dax_decide(const struct dax_facts *f, const struct dax_setup *cur,
	       const struct dax_request *req, struct dax_setup *t,
	       bool *destructive)
{
	const char *name = f->name;
	char list[96], buf[32];
	int rc;

	*t = *cur;
	*destructive = false;
	/* An unbound device is bound devdax, unless only resized (-s). */
	if (t->mode != DAXCTL_DEV_MODE_RAM &&
	    !(t->mode == DAXCTL_DEV_MODE_UNBOUND && req->has_size &&
	      !req->has_mode && req->location < 0 && req->compound < 0))
		t->mode = DAXCTL_DEV_MODE_DEVDAX;
	if (req->has_mode)
		t->mode = req->mode;
	rc = t->mode == DAXCTL_DEV_MODE_RAM ? ram_target(f, cur, req, t) :
					      devdax_target(f, req, t);
	if (rc)
		return rc;
	if (req->align) {
		t->align = req->align;
		if (!align_supported(f, t->align, list, sizeof(list))) {
			pr_err("%s: --align %s is not supported (supported: "
			       "%s)",
			       name, size_exact(t->align, buf, sizeof(buf)),
			       list);
			return -EINVAL;
		}
	}
	if (req->has_size) {
		t->size = req->size;
		rc = size_target(f, cur, t, req->force);
		if (rc)
			return rc;
	}
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX && t->memmap_pmem &&
	    !f->backing.nd) {
		pr_err("%s: --memmap pmem needs room reserved on the device, "
		       "and %s is in a dynamic region with none (only a "
		       "namespace in pmem mode has it)",
		       name, name);
		return -EINVAL;
	}
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX && t->head_only) {
		rc = check_head_only(f, t);
		if (rc)
			return rc;
	}
	if (t->mode == DAXCTL_DEV_MODE_DEVDAX && t->compound != cur->compound &&
	    !f->has_compound) {
		pr_err("%s: --%scompound is not supported by this kernel: no "
		       "%s/compound attribute (apply kernel-patches/)",
		       name, t->compound ? "" : "no-", name);
		return -EOPNOTSUPP;
	}
	if (!f->backing.nd)
		return 0;
	return rewrite_needed(f, cur, t, req->force, destructive);
}

/* --- the steps ---------------------------------------------------------- */

static void add(struct step_list *l, const struct step_ops *ops, uint64_t value,
		uint64_t aux)
{
	steps_add(l, ops, value);
	l->steps[l->count - 1].aux = aux;
}

/* Attribute writes, bind and online: from an unbound device at base. */
static void bring_up(const struct dax_facts *f, const struct dax_setup *base,
		     const struct dax_setup *t, struct step_list *l)
{
	if (t->compound != base->compound && f->has_compound)
		add(l, &dax_attr_step, t->compound, ATTR_COMPOUND);
	if (t->memmap_pmem != base->memmap_pmem && f->has_memmap)
		add(l, &dax_attr_step, t->memmap_pmem, ATTR_MEMMAP);
	if (t->head_only != base->head_only && f->has_head_only)
		add(l, &dax_attr_step, t->head_only, ATTR_HEAD_ONLY);
	if (t->memmap_on_memory != base->memmap_on_memory &&
	    f->has_memmap_on_memory)
		add(l, &dax_attr_step, t->memmap_on_memory,
		    ATTR_MEMMAP_ON_MEMORY);
	/*
	 * The kernel checks a new align against the size and a new size
	 * against the align: shrink first, grow last.
	 */
	if (t->size < base->size)
		add(l, &dax_attr_step, t->size, ATTR_SIZE);
	if (t->align != base->align && f->dynamic)
		add(l, &dax_attr_step, t->align, ATTR_ALIGN);
	if (t->size > base->size)
		add(l, &dax_attr_step, t->size, ATTR_SIZE);
	if (t->mode == DAXCTL_DEV_MODE_UNBOUND)
		return;
	add(l, &dax_driver_step, t->mode, 0);
	if (t->mode == DAXCTL_DEV_MODE_RAM && t->online)
		add(l, &dax_blocks_step, 1, t->movable);
}

void dax_plan_steps(const struct dax_facts *f, const struct dax_setup *cur,
		    const struct dax_setup *t, bool rewrite,
		    struct step_list *l)
{
	struct dax_setup base = *cur;

	l->count = 0;
	/* system-ram staying system-ram with the same memmap: blocks only. */
	if (!rewrite && cur->mode == DAXCTL_DEV_MODE_RAM &&
	    t->mode == DAXCTL_DEV_MODE_RAM &&
	    t->memmap_on_memory == cur->memmap_on_memory) {
		if (t->online)
			add(l, &dax_blocks_step, 1, t->movable);
		return;
	}
	if (cur->mode == DAXCTL_DEV_MODE_RAM)
		add(l, &dax_blocks_step, 0, 0);
	if (cur->mode != DAXCTL_DEV_MODE_UNBOUND)
		add(l, &dax_driver_step, DAXCTL_DEV_MODE_UNBOUND, 0);
	if (rewrite) {
		add(l, &dax_rewrite_step, t->align, t->memmap_pmem);
		/* The new claim's device: devdax, controls at defaults. */
		base = (struct dax_setup){ .mode = DAXCTL_DEV_MODE_DEVDAX,
					   .align = t->align,
					   .size = t->size,
					   .memmap_pmem = t->memmap_pmem,
					   .compound = true };
		if (t->mode == DAXCTL_DEV_MODE_DEVDAX &&
		    t->compound == base.compound && !t->head_only)
			return;
		add(l, &dax_driver_step, DAXCTL_DEV_MODE_UNBOUND, 0);
	}
	bring_up(f, &base, t, l);
}

void dax_plan_create(uint64_t align, uint64_t size,
		     const struct dax_range *ranges, unsigned int nr_ranges,
		     enum daxctl_dev_mode mode, struct step_list *l)
{
	l->count = 0;
	add(l, &dax_create_step, 0, 0);
	add(l, &dax_attr_step, align, ATTR_ALIGN);
	if (nr_ranges) {
		add(l, &dax_ranges_step, nr_ranges, 0);
		/* The caller's array; the step only reads it. */
		l->steps[l->count - 1].saved = (void *)ranges;
	} else {
		add(l, &dax_attr_step, size, ATTR_SIZE);
	}
	add(l, &dax_driver_step, mode, 0);
}
