// SPDX-License-Identifier: GPL-2.0
/*
 * The decision module (lib/daxchange/decide.c): a request and a device's
 * current setup in, the target and its steps out.  Most cases run on
 * facts alone; the last ones read the facts and the setup from the
 * captured devdax and system-ram trees given as arguments.
 *
 * Usage: test-decide DEVDAX_TREE SYSTEM_RAM_TREE
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <daxchange/decide.h>
#include <devstate/context.h>
#include <util/size.h>
#include "tap.h"

/* The steps in a line: "unbind;write compound=0;bind devdax". */
static const char *steps_text(const struct step_list *l)
{
	static const char *const attrs[] = {
		[ATTR_COMPOUND] = "compound",
		[ATTR_MEMMAP] = "memmap",
		[ATTR_MEMMAP_ON_MEMORY] = "memmap_on_memory",
		[ATTR_ALIGN] = "align",
		[ATTR_SIZE] = "size",
		[ATTR_HEAD_ONLY] = "vmemmap_head_only",
	};
	static char buf[512];
	const struct step *s;
	unsigned int i;
	size_t n = 0;

	buf[0] = '\0';
	for (i = 0; i < l->count; i++) {
		s = &l->steps[i];
		n += snprintf(buf + n, sizeof(buf) - n, "%s", i ? ";" : "");
		if (s->ops == &dax_driver_step)
			n += snprintf(buf + n, sizeof(buf) - n, "%s",
				      s->value == DAXCTL_DEV_MODE_UNBOUND ?
					      "unbind" :
				      s->value == DAXCTL_DEV_MODE_RAM ?
					      "bind kmem" :
					      "bind devdax");
		else if (s->ops == &dax_attr_step)
			n += snprintf(buf + n, sizeof(buf) - n, "write %s=%llu",
				      attrs[s->aux],
				      (unsigned long long)s->value);
		else if (s->ops == &dax_blocks_step)
			n += snprintf(buf + n, sizeof(buf) - n, "%s%s",
				      s->value ? "online" : "offline",
				      s->value && s->aux ? " movable" : "");
		else if (s->ops == &dax_rewrite_step)
			n += snprintf(buf + n, sizeof(buf) - n,
				      "rewrite align=%llu pmem=%llu",
				      (unsigned long long)s->value,
				      (unsigned long long)s->aux);
		else if (s->ops == &dax_create_step)
			n += snprintf(buf + n, sizeof(buf) - n, "create");
		else if (s->ops == &dax_ranges_step)
			n += snprintf(buf + n, sizeof(buf) - n, "ranges %llu",
				      (unsigned long long)s->value);
		else
			n += snprintf(buf + n, sizeof(buf) - n, "?");
	}
	return buf;
}

/* A namespace-backed devdax device at 2M, memmap in DRAM, stock kernel. */
static void nd_facts(struct dax_facts *f)
{
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "dax0.0");
	f->profile = &memmap_profile_linux61_x86_64;
	f->backing.nd = true;
	snprintf(f->backing.ns, sizeof(f->backing.ns), "namespace0.0");
	f->backing.align = SZ_2M;
	f->backing.supported_aligns[0] = SZ_4K;
	f->backing.supported_aligns[1] = SZ_2M;
	f->backing.supported_aligns[2] = SZ_1G;
}

/* A device of a dynamic region (no info block): 4 GiB, 4 GiB more free. */
static void dynamic_facts(struct dax_facts *f)
{
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "dax1.0");
	f->profile = &memmap_profile_linux61_x86_64;
	f->dynamic = true;
	f->region_align = SZ_2M;
	f->dev_size = 4ULL << 30;
	f->region_available = 4ULL << 30;
}

static const struct dax_setup devdax_2m = {
	.mode = DAXCTL_DEV_MODE_DEVDAX,
	.align = SZ_2M,
	.size = 4ULL << 30,
	.compound = true,
};

static const struct dax_setup ram_online = {
	.mode = DAXCTL_DEV_MODE_RAM,
	.align = SZ_2M,
	.size = 4ULL << 30,
	.compound = true,
	.online = true,
	.movable = true,
};

struct outcome {
	int rc;
	bool destructive;
	struct dax_setup t;
	struct step_list steps;
};

static void decide(const struct dax_facts *f, const struct dax_setup *cur,
		   const struct dax_request *req, struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	o->rc = dax_decide(f, cur, req, &o->t, &o->destructive);
	if (!o->rc)
		dax_plan_steps(f, cur, &o->t, o->destructive, &o->steps);
}

static void check_steps(const struct outcome *o, const char *want,
			const char *what)
{
	const char *got = o->rc ? "(refused)" : steps_text(&o->steps);

	if (!tap_ok(!strcmp(got, want), "%s: %s", what, want))
		printf("# got: %s (rc %d)\n", got, o->rc);
}

static void check_rc(const struct outcome *o, int want, const char *what)
{
	if (!tap_ok(o->rc == want, "%s: %s", what,
		    want ? strerror(-want) : "accepted"))
		printf("# got rc %d\n", o->rc);
}

static void mode_cases(void)
{
	struct dax_request req = DAX_REQUEST_INIT;
	struct dax_facts f;
	struct outcome o;

	nd_facts(&f);
	req.has_mode = true;
	req.mode = DAXCTL_DEV_MODE_RAM;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o, "unbind;bind kmem;online movable",
		    "devdax -> system-ram");
	tap_ok(!o.rc && o.t.online && o.t.movable && !o.destructive,
	       "devdax -> system-ram: online, movable, not destructive");

	req.no_online = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o, "unbind;bind kmem", "system-ram -N: no online step");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.has_mode = true;
	req.mode = DAXCTL_DEV_MODE_RAM;
	req.compound = 0;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EINVAL, "system-ram --no-compound");

	req.compound = -1;
	req.head_only = 1;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EINVAL, "system-ram --vmemmap-head-only");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.movable = 1;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EINVAL, "devdax --movable");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.has_mode = true;
	req.mode = DAXCTL_DEV_MODE_RAM;
	req.movable = 0;
	decide(&f, &ram_online, &req, &o);
	check_rc(&o, -EBUSY, "--no-movable on memory online movable");

	req.movable = -1;
	decide(&f, &ram_online, &req, &o);
	check_steps(&o, "online movable", "system-ram again: the blocks only");

	req.has_mode = true;
	req.mode = DAXCTL_DEV_MODE_DEVDAX;
	decide(&f, &ram_online, &req, &o);
	check_steps(&o, "offline;unbind;bind devdax", "system-ram -> devdax");

	req.mode = DAXCTL_DEV_MODE_RAM;
	req.location = MEMMAP_PMEM;
	decide(&f, &ram_online, &req, &o);
	check_rc(&o, -EOPNOTSUPP,
		 "system-ram --memmap pmem without memmap_on_memory");
	f.has_memmap_on_memory = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o,
		    "unbind;write memmap_on_memory=1;bind kmem;online movable",
		    "system-ram --memmap pmem with memmap_on_memory");
}

static void layout_cases(void)
{
	struct dax_request req = DAX_REQUEST_INIT;
	struct dax_facts f;
	struct outcome o;
	struct dax_setup cur;

	nd_facts(&f);
	req.align = SZ_1G;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EPERM, "align 2M -> 1G without --force");
	req.force = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o, "unbind;rewrite align=1073741824 pmem=0",
		    "align 2M -> 1G --force: a new info block");
	tap_ok(o.destructive, "align 2M -> 1G --force: destructive");

	req.align = 4ULL << 20;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EINVAL, "align 4M: not one the namespace takes");

	/* Location: in place only with the memmap control and a reserve. */
	req = (struct dax_request)DAX_REQUEST_INIT;
	req.location = MEMMAP_PMEM;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EPERM, "memmap pmem on a stock kernel: needs --force");
	f.has_memmap = true;
	f.backing.memmap_pmem = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o, "unbind;write memmap=1;bind devdax",
		    "memmap pmem with the control and a reserve: in place");
	tap_ok(!o.destructive, "memmap pmem in place: not destructive");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.compound = 0;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EOPNOTSUPP, "--no-compound without the control");
	f.has_compound = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o, "unbind;write compound=0;bind devdax",
		    "--no-compound with the control");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.head_only = 1;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EOPNOTSUPP, "--vmemmap-head-only without the control");
	f.has_head_only = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o, "unbind;write vmemmap_head_only=1;bind devdax",
		    "--vmemmap-head-only with the control");
	cur = devdax_2m;
	cur.align = SZ_4K;
	decide(&f, &cur, &req, &o);
	check_rc(&o, -EINVAL, "--vmemmap-head-only at align 4K");

	/* A rewrite brings the device up at defaults: then the controls. */
	req = (struct dax_request)DAX_REQUEST_INIT;
	req.align = SZ_1G;
	req.compound = 0;
	req.force = true;
	decide(&f, &devdax_2m, &req, &o);
	check_steps(&o,
		    "unbind;rewrite align=1073741824 pmem=0;unbind;"
		    "write compound=0;bind devdax",
		    "align 1G --no-compound --force");
}

static void dynamic_cases(void)
{
	struct dax_request req = DAX_REQUEST_INIT;
	struct dax_setup cur = devdax_2m;
	struct dax_facts f;
	struct outcome o;

	dynamic_facts(&f);
	req.has_size = true;
	req.size = (4ULL << 30) + SZ_4K;
	decide(&f, &cur, &req, &o);
	check_rc(&o, -EINVAL, "size not a multiple of the align");
	req.size = 16ULL << 30;
	decide(&f, &cur, &req, &o);
	check_rc(&o, -EINVAL, "size past the region's free capacity");
	req.size = 6ULL << 30;
	decide(&f, &cur, &req, &o);
	check_rc(&o, -EPERM, "resizing an enabled device without --force");
	req.size = 0;
	decide(&f, &cur, &req, &o);
	check_rc(&o, -EINVAL, "size 0");

	cur.mode = DAXCTL_DEV_MODE_UNBOUND;
	req.size = 6ULL << 30;
	decide(&f, &cur, &req, &o);
	check_steps(&o, "write size=6442450944",
		    "an unbound device resized: stays unbound");
	req.size = 2ULL << 30;
	req.align = SZ_1G;
	decide(&f, &cur, &req, &o);
	check_steps(&o, "write size=2147483648;write align=1073741824",
		    "shrink first, then the align; still unbound");
	req.has_mode = true;
	req.mode = DAXCTL_DEV_MODE_DEVDAX;
	req.size = 8ULL << 30;
	decide(&f, &cur, &req, &o);
	check_steps(&o,
		    "write align=1073741824;write size=8589934592;bind devdax",
		    "the align first, then grow, then bind");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.location = MEMMAP_PMEM;
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EINVAL, "memmap pmem in a region with no reserve");

	req = (struct dax_request)DAX_REQUEST_INIT;
	req.has_size = true;
	req.size = 6ULL << 30;
	nd_facts(&f);
	decide(&f, &devdax_2m, &req, &o);
	check_rc(&o, -EINVAL, "--size on a namespace's device");
}

static void create_cases(void)
{
	static const struct dax_range ranges[2] = { { 0, SZ_1G - 1 },
						    { SZ_1G, 2 * SZ_1G - 1 } };
	struct step_list l;

	dax_plan_create(SZ_2M, SZ_1G, NULL, 0, DAXCTL_DEV_MODE_DEVDAX, &l);
	tap_ok(!strcmp(steps_text(&l),
		       "create;write align=2097152;write size=1073741824;"
		       "bind devdax"),
	       "create-device: create, align, size, bind");
	dax_plan_create(SZ_2M, 0, ranges, 2, DAXCTL_DEV_MODE_RAM, &l);
	tap_ok(!strcmp(steps_text(&l),
		       "create;write align=2097152;ranges 2;bind kmem") &&
		       l.steps[2].saved == ranges,
	       "create-device --input: the ranges in place of the size");
}

/* The facts and setup as read from a captured tree. */
static int read_tree(const char *tree, const char *dev, struct devstate_ctx *ds,
		     struct dax_facts *f, struct dax_setup *cur)
{
	struct dev_backing b;
	struct daxctl_dev *d;

	if (devstate_open(ds, tree, DEVSTATE_DAX))
		return -1;
	d = daxctl_get_dev(ds->dax, dev);
	if (!d)
		return -1;
	dax_read_setup(d, &b, cur);
	dax_read_facts(d, &b, ds->profile, f);
	return 0;
}

static void tree_cases(const char *devdax, const char *system_ram)
{
	struct dax_request req = DAX_REQUEST_INIT;
	struct dax_setup cur;
	struct dax_facts f;
	struct devstate_ctx ds;
	struct outcome o;

	if (tap_ok(!read_tree(devdax, "dax0.0", &ds, &f, &cur),
		   "devdax tree: dax0.0 read")) {
		tap_ok(f.backing.nd && cur.mode == DAXCTL_DEV_MODE_DEVDAX,
		       "devdax tree: a namespace's devdax device (%s)",
		       f.backing.ns);
		req.has_mode = true;
		req.mode = DAXCTL_DEV_MODE_RAM;
		decide(&f, &cur, &req, &o);
		check_steps(&o, "unbind;bind kmem;online movable",
			    "devdax tree: dax0.0 -> system-ram");
		req = (struct dax_request)DAX_REQUEST_INIT;
		req.align = cur.align;
		decide(&f, &cur, &req, &o);
		tap_ok(!o.rc && !o.destructive && dax_same_setup(&cur, &o.t),
		       "devdax tree: the align it has: nothing to change");
	}
	devstate_close(&ds);

	if (tap_ok(!read_tree(system_ram, "dax0.0", &ds, &f, &cur),
		   "system-ram tree: dax0.0 read")) {
		tap_ok(cur.mode == DAXCTL_DEV_MODE_RAM && cur.online,
		       "system-ram tree: online system RAM");
		req = (struct dax_request)DAX_REQUEST_INIT;
		req.has_mode = true;
		req.mode = DAXCTL_DEV_MODE_DEVDAX;
		decide(&f, &cur, &req, &o);
		check_steps(&o, "offline;unbind;bind devdax",
			    "system-ram tree: dax0.0 -> devdax");
		req.mode = DAXCTL_DEV_MODE_RAM;
		req.movable = !cur.movable;
		decide(&f, &cur, &req, &o);
		check_rc(&o, -EBUSY,
			 "system-ram tree: the other zone for online memory");
	}
	devstate_close(&ds);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DEVDAX_TREE SYSTEM_RAM_TREE\n",
			argv[0]);
		return 2;
	}
	mode_cases();
	layout_cases();
	dynamic_cases();
	create_cases();
	tree_cases(argv[1], argv[2]);
	return tap_done();
}
