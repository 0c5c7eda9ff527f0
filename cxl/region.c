// SPDX-License-Identifier: GPL-2.0
/*
 * cxl create-region, destroy-region, enable-region, disable-region.
 *
 * create-region checks everything it can before the first write (the
 * root decoder, the memdevs below it, a free endpoint decoder for each,
 * the size against the window and the partitions), then programs the
 * region as the kernel's region ABI asks: settings, each endpoint
 * decoder's DPA, the targets, commit, bind.  A write that fails undoes
 * what was done, so a refused create leaves no region behind.
 *
 * destroy-region and disable-region check every region they name
 * before touching any: one whose memory is online as system RAM, whose
 * dax device is open or mapped, or whose pmem namespace is mounted or
 * held is in use, and --force does not override that (upstream v81
 * offlines the memory instead; taking memory from a running system is
 * not ours to decide).  destroy-region without --force also refuses an
 * enabled region, as v81 does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <cxl/libcxl.h>
#include <devstate/context.h>
#include <util/command.h>
#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include <util/sysfs.h>

#include "builtin.h"
#include "filter.h"
#include "json.h"
#include "region.h"
#include "region-use.h"

#define SZ_256M (256ULL << 20)
#define MAX_WAYS CXL_REGION_MAX_WAYS

enum region_action { R_CREATE, R_ENABLE, R_DISABLE, R_DESTROY };

struct region_params {
	const char *bus, *decoder, *size, *ways, *granularity, *type, *uuid;
	const char *sysroot;
	bool memdevs, human, debug, force, enforce_qos, plan;
};

static int parse_uint(const char *opt, const char *text, unsigned int *val)
{
	uint64_t v;

	if (sysfs_parse_u64(text, &v) || !v || v > INT32_MAX) {
		pr_err("%s '%s': not a positive number", opt, text);
		return -EINVAL;
	}
	*val = v;
	return 0;
}

static struct cxl_decoder *find_root(struct cxl_ctx *ctx,
				     const struct region_params *p)
{
	struct cxl_decoder *d;
	struct cxl_port *bus;

	cxl_bus_foreach (ctx, bus) {
		if (!cxl_filter_bus(bus, p->bus))
			continue;
		cxl_decoder_foreach (bus, d)
			if (cxl_filter_decoder(d, p->decoder))
				return d;
	}
	return NULL;
}

/* The first endpoint decoder of the memdev that decodes nothing yet. */
static struct cxl_decoder *free_endpoint_decoder(struct cxl_memdev *m)
{
	struct cxl_port *ep = cxl_memdev_get_endpoint(m);
	struct cxl_decoder *d;

	if (!ep)
		return NULL;
	cxl_decoder_foreach (ep, d)
		if (cxl_decoder_get_size(d) == 0)
			return d;
	return NULL;
}

/*
 * Everything create-region needs, checked; nothing written.  0, -EINVAL
 * for options that cannot be met, or another -errno after its message.
 */
static int plan_create(struct cxl_ctx *ctx, const struct region_params *p,
		       int argc, char **argv, struct create_plan *c)
{
	unsigned int ways = 0, gran = 0, n = 0, i;
	const char *dname = p->decoder;
	uint64_t size = 0, min = 0, extent;
	struct cxl_memdev *m;

	if (!dname) {
		pr_err("no root decoder: name one with -d");
		return -EINVAL;
	}
	if (argc && !p->memdevs) {
		pr_err("name the target type of the arguments: -m (memdevs)");
		return -EINVAL;
	}
	if (p->type && strcmp(p->type, "pmem") && strcmp(p->type, "ram")) {
		pr_err("-t '%s': not a region type (pmem or ram)", p->type);
		return -EINVAL;
	}
	if (p->type && !strcmp(p->type, "ram") && p->uuid) {
		pr_err("-U '%s': a ram region has no uuid", p->uuid);
		return -EINVAL;
	}
	if (p->size && (parse_size(p->size, &size) || !size)) {
		pr_err("-s '%s': not a size", p->size);
		return -EINVAL;
	}
	if (p->ways && parse_uint("-w", p->ways, &ways))
		return -EINVAL;
	if (p->granularity && parse_uint("-g", p->granularity, &gran))
		return -EINVAL;
	if (p->uuid && uuid_parse(p->uuid, c->uuid)) {
		pr_err("-U '%s': not a uuid", p->uuid);
		return -EINVAL;
	}
	if (!p->uuid)
		uuid_generate(c->uuid);

	c->root = find_root(ctx, p);
	if (!c->root) {
		pr_err("%s: no such root decoder%s%s", dname,
		       p->bus ? " on bus " : "", p->bus ? p->bus : "");
		return -ENODEV;
	}
	dname = cxl_decoder_get_devname(c->root);

	/* The memdevs below the root decoder, in the order named. */
	for (int a = 0; a < (argc ? argc : 1); a++) {
		cxl_memdev_foreach (ctx, m) {
			if (argc ? !cxl_filter_memdev(m, argv[a], NULL) : false)
				continue;
			if (!cxl_filter_memdev_by_decoder(ctx, m, dname))
				continue;
			for (i = 0; i < n && c->mem[i] != m; i++)
				;
			if (i < n)
				continue;
			if (n == MAX_WAYS) {
				pr_err("%s: more than %d memdevs", dname,
				       MAX_WAYS);
				return -EINVAL;
			}
			c->mem[n++] = m;
		}
	}
	for (int a = 0; a < argc; a++) {
		bool hit = false;

		cxl_memdev_foreach (ctx, m)
			if (cxl_filter_memdev(m, argv[a], NULL))
				hit = true;
		if (!hit) {
			pr_err("%s: no such memdev", argv[a]);
			return -ENODEV;
		}
	}
	if (!n) {
		pr_err("%s: no enabled memdev %sbelow it", dname,
		       argc ? "of those named " : "");
		return -ENODEV;
	}
	if (!ways)
		ways = n;
	if (ways > n || (argc && ways != n)) {
		pr_err("-w %u: %s memdevs %s (%u)", ways,
		       ways > n ? "more than the" : "fewer than the",
		       argc ? "named" : "below ", n);
		return -EINVAL;
	}
	c->ways = ways;

	if (p->type)
		c->mode = strcmp(p->type, "ram") ? CXL_MODE_PMEM : CXL_MODE_RAM;
	else
		c->mode = cxl_decoder_is_pmem_capable(c->root) ? CXL_MODE_PMEM :
			  cxl_decoder_is_volatile_capable(c->root) ?
								 CXL_MODE_RAM :
								 CXL_MODE_PMEM;
	if (c->mode == CXL_MODE_PMEM ?
		    !cxl_decoder_is_pmem_capable(c->root) :
		    !cxl_decoder_is_volatile_capable(c->root)) {
		pr_err("%s: cannot decode %s", dname, cxl_mode_name(c->mode));
		return -EOPNOTSUPP;
	}
	if (size % ways) {
		pr_err("-s %s: not a multiple of %u ways", p->size, ways);
		return -EINVAL;
	}

	for (i = 0; i < ways; i++) {
		uint64_t part = c->mode == CXL_MODE_RAM ?
					cxl_memdev_get_ram_size(c->mem[i]) :
					cxl_memdev_get_pmem_size(c->mem[i]);

		if (p->enforce_qos &&
		    cxl_decoder_get_qos_class(c->root) != CXL_QOS_NONE) {
			int q = c->mode == CXL_MODE_RAM ?
					cxl_memdev_get_ram_qos_class(
						c->mem[i]) :
					cxl_memdev_get_pmem_qos_class(
						c->mem[i]);

			if (q != CXL_QOS_NONE &&
			    q != cxl_decoder_get_qos_class(c->root)) {
				pr_err("%s: qos_class %d differs from %s's %d",
				       cxl_memdev_get_devname(c->mem[i]), q,
				       dname,
				       cxl_decoder_get_qos_class(c->root));
				return -EPERM;
			}
		}
		min = !min || part < min ? part : min;
		c->ep[i] = free_endpoint_decoder(c->mem[i]);
		if (!c->ep[i]) {
			pr_err("%s: no free endpoint decoder",
			       cxl_memdev_get_devname(c->mem[i]));
			return -EBUSY;
		}
	}

	extent = cxl_decoder_get_max_available_extent(c->root);
	if (extent == CXL_U64_NONE) {
		pr_err("%s: free space of the window unknown", dname);
		return -EIO;
	}
	if (size && size > extent) {
		pr_err("%s: size %#llx is more than the %#llx free in its "
		       "window",
		       dname, (unsigned long long)size,
		       (unsigned long long)extent);
		return -ENOSPC;
	}
	if (size && size / ways > min) {
		pr_err("-s %s: more than %u ways of the %#llx %s partition",
		       p->size, ways, (unsigned long long)min,
		       cxl_mode_name(c->mode));
		return -ENOSPC;
	}
	if (!size) {
		size = min * ways;
		if (size > extent)
			size = extent / (SZ_256M * ways) * (SZ_256M * ways);
	}
	if (!size) {
		pr_err("%s: no %s capacity for a region", dname,
		       cxl_mode_name(c->mode));
		return -ENOSPC;
	}
	c->size = size;

	/* The root's granularity, or any for a 1-way root. */
	c->granularity = cxl_decoder_get_interleave_granularity(c->root);
	if (!c->granularity || c->granularity == CXL_UINT_NONE) {
		pr_err("%s: interleave granularity unknown", dname);
		return -EIO;
	}
	if (gran && gran != c->granularity) {
		unsigned int rw = cxl_decoder_get_interleave_ways(c->root);

		if (rw != 1) {
			pr_err("-g %u: a x%u root decoder %s takes only its "
			       "granularity %u",
			       gran, rw, dname, c->granularity);
			return -EOPNOTSUPP;
		}
		c->granularity = gran;
	}
	return 0;
}

static int wr(struct cxl_ctx *ctx, const char *region, const char *attr,
	      const char *fmt, unsigned long long v)
{
	char buf[64];
	int rc;

	snprintf(buf, sizeof(buf), fmt, v);
	rc = cxl_region_write_attr(ctx, region, attr, buf);
	if (rc)
		pr_err("%s: cannot set %s to %s: %s", region, attr, buf,
		       strerror(-rc));
	return rc;
}

static int wr_decoder(struct cxl_decoder *d, const char *attr, const char *val)
{
	int rc = cxl_decoder_write_attr(d, attr, val);

	if (rc)
		pr_err("%s: cannot set %s to %s: %s",
		       cxl_decoder_get_devname(d), attr, val, strerror(-rc));
	return rc;
}

/* Put back what a failed create did, last step first. */
static void undo_create(struct cxl_ctx *ctx, struct create_plan *c,
			const char *name, unsigned int eps, unsigned int tgts,
			bool committed)
{
	char attr[32];

	cxl_region_set_bound(ctx, name, false);
	if (committed)
		cxl_region_write_attr(ctx, name, "commit", "0");
	/* "\n" detaches a target: an empty write never reaches the kernel. */
	for (unsigned int i = 0; i < tgts; i++) {
		snprintf(attr, sizeof(attr), "target%u", i);
		cxl_region_write_attr(ctx, name, attr, "\n");
	}
	for (unsigned int i = 0; i < eps; i++)
		cxl_decoder_write_attr(c->ep[i], "dpa_size", "0");
	cxl_decoder_delete_region(c->root, name);
}

/* Write plan c to the kernel, undone on a failure: 0 or -errno. */
static int do_create(struct cxl_ctx *ctx, const struct region_params *p,
		     struct create_plan *c)
{
	const char *mode = cxl_mode_name(c->mode);
	struct cxl_json_flags f = { .targets = true };
	unsigned int eps = 0, tgts = 0, i;
	struct cxl_decoder *d;
	struct cxl_region *r;
	char name[64], buf[64], attr[32];
	bool committed = false;
	int rc;

	rc = cxl_decoder_create_region(c->root, c->mode, name, sizeof(name));
	if (rc) {
		pr_err("%s: cannot create a %s region: %s",
		       cxl_decoder_get_devname(c->root), mode, strerror(-rc));
		return op_failed(rc);
	}
	rc = wr(ctx, name, "interleave_granularity", "%llu", c->granularity);
	if (!rc)
		rc = wr(ctx, name, "interleave_ways", "%llu", c->ways);
	if (!rc && c->mode == CXL_MODE_PMEM) {
		/* 6.1's uuid_store takes exactly 36 characters and one more. */
		uuid_unparse(c->uuid, buf);
		strcat(buf, "\n");
		rc = cxl_region_write_attr(ctx, name, "uuid", buf);
		if (rc)
			pr_err("%s: cannot set uuid to %.36s: %s", name, buf,
			       strerror(-rc));
	}
	if (!rc)
		rc = wr(ctx, name, "size", "%#llx", c->size);
	for (i = 0; !rc && i < c->ways; i++) {
		if (cxl_decoder_get_mode(c->ep[i]) != c->mode) {
			rc = wr_decoder(c->ep[i], "dpa_size", "0");
			if (!rc)
				rc = wr_decoder(c->ep[i], "mode", mode);
		}
		snprintf(buf, sizeof(buf), "%#llx",
			 (unsigned long long)(c->size / c->ways));
		if (!rc)
			rc = wr_decoder(c->ep[i], "dpa_size", buf);
		if (rc)
			break;
		eps++;
		snprintf(attr, sizeof(attr), "target%u", i);
		rc = cxl_region_write_attr(ctx, name, attr,
					   cxl_decoder_get_devname(c->ep[i]));
		if (rc) {
			pr_err("%s: cannot set %s to %s: %s", name, attr,
			       cxl_decoder_get_devname(c->ep[i]),
			       strerror(-rc));
			break;
		}
		tgts++;
	}
	if (!rc) {
		rc = wr(ctx, name, "commit", "%llu", 1);
		committed = !rc;
	}
	if (!rc) {
		rc = cxl_region_set_bound(ctx, name, true);
		if (rc)
			pr_err("%s: cannot bind cxl_region: %s", name,
			       strerror(-rc));
	}
	if (rc) {
		undo_create(ctx, c, name, eps, tgts, committed);
		return op_failed(rc);
	}
	rc = cxl_refresh(ctx);
	d = rc ? NULL : find_root(ctx, p);
	r = NULL;
	if (d)
		cxl_region_foreach (d, r)
			if (!strcmp(cxl_region_get_devname(r), name))
				break;
	if (!r) {
		pr_err("%s: created, but cannot read it back", name);
		return -EIO;
	}
	f.human = p->human || isatty(STDOUT_FILENO);
	json_print(stdout, cxl_region_json(r, &f));
	pr_info("created 1 region");
	return 0;
}

static int teardown(struct cxl_ctx *ctx, struct cxl_region *r, bool destroy)
{
	const char *name = cxl_region_get_devname(r);
	unsigned int ways = cxl_region_get_interleave_ways(r);
	struct cxl_decoder *ep[MAX_WAYS] = { 0 };
	struct cxl_mapping *m;
	char attr[32];
	int rc;

	rc = cxl_region_set_bound(ctx, name, false);
	if (rc) {
		pr_err("%s: cannot unbind cxl_region: %s", name, strerror(-rc));
		return rc;
	}
	if (!destroy)
		return 0;
	cxl_mapping_foreach (r, m) {
		int pos = cxl_mapping_get_position(m);

		if (pos >= 0 && pos < MAX_WAYS)
			ep[pos] = cxl_mapping_get_decoder(m);
	}
	rc = cxl_region_write_attr(ctx, name, "commit", "0");
	if (rc) {
		pr_err("%s: cannot reset its decode: %s", name, strerror(-rc));
		return rc;
	}
	for (unsigned int i = 0;
	     ways != CXL_UINT_NONE && i < ways && i < MAX_WAYS; i++) {
		snprintf(attr, sizeof(attr), "target%u", i);
		rc = cxl_region_write_attr(ctx, name, attr, "\n");
		if (!rc && ep[i])
			rc = cxl_decoder_write_attr(ep[i], "dpa_size", "0");
		if (rc) {
			pr_err("%s: cannot clear %s: %s", name, attr,
			       strerror(-rc));
			return rc;
		}
	}
	rc = cxl_decoder_delete_region(cxl_region_get_decoder(r), name);
	if (rc)
		pr_err("%s: cannot delete: %s", name, strerror(-rc));
	return rc;
}

/*
 * The one body of cmd_create_region, cmd_enable_region, cmd_disable_region
 * and cmd_destroy_region: like them, it returns an exit status.
 */
static int region_action(int argc, char **argv, enum region_action act)
{
	static const char *const usage[] = {
		[R_CREATE] = "cxl create-region <target0> ... [<options>]",
		[R_ENABLE] = "cxl enable-region <region0> ... [<options>]",
		[R_DISABLE] = "cxl disable-region <region0> ... [<options>]",
		[R_DESTROY] = "cxl destroy-region <region0> ... [<options>]",
	};
	static const char *const done[] = {
		[R_ENABLE] = "enabled",
		[R_DISABLE] = "disabled",
		[R_DESTROY] = "destroyed",
	};
	struct region_params p = { 0 };
	struct opt opts[20];
	const struct opt base[] = {
		OPT_STR('b', "bus", &p.bus, "BUS", "only this bus"),
		OPT_STR('d', "decoder", &p.decoder, "DECODER",
			"the root decoder (create) or only regions under it"),
		OPT_BOOL(0, "debug", &p.debug, "debug messages"),
	};
	const struct opt create[] = {
		OPT_STR('s', "size", &p.size, "SIZE",
			"the region's size (K/M/G/T suffixes)"),
		OPT_STR('w', "ways", &p.ways, "N", "interleave ways"),
		OPT_STR('g', "granularity", &p.granularity, "BYTES",
			"interleave granularity"),
		OPT_STR('t', "type", &p.type, "TYPE", "pmem or ram"),
		OPT_STR('U', "uuid", &p.uuid, "UUID",
			"the pmem region's uuid (default: a new one)"),
		OPT_BOOL('m', "memdevs", &p.memdevs,
			 "the arguments are memdevs"),
		OPT_BOOL('u', "human", &p.human, "human friendly numbers"),
		OPT_BOOL('Q', "enforce-qos", &p.enforce_qos,
			 "refuse memdevs whose qos_class differs"),
		OPT_BOOL(0, "plan", &p.plan,
			 "print what the region's memmap will cost, and stop"),
	};
	const struct opt force = OPT_BOOL(
		'f', "force", &p.force,
		act == R_DESTROY ?
			"destroy an enabled region (never one in use)" :
			"accepted as upstream's; never overrides in-use");
	const struct opt tail[] = { OPT_SYSROOT(&p.sysroot), OPT_TERM };
	struct devstate_ctx ds = { 0 };
	struct cxl_ctx *ctx;
	struct cxl_port *bus;
	struct cxl_decoder *d;
	struct cxl_region *r;
	int i, n = 0, rc, count = 0, failed = 0, pass;

	memcpy(opts, base, sizeof(base));
	n = 3;
	if (act == R_CREATE) {
		memcpy(opts + n, create, sizeof(create));
		n += sizeof(create) / sizeof(create[0]);
	}
	if (act == R_DISABLE || act == R_DESTROY)
		opts[n++] = force;
	opts[n++] = tail[0];
	opts[n++] = tail[1];
	i = parse_options(argc, argv, opts, usage[act]);
	argc -= i;
	argv += i;
	if (act != R_CREATE && !argc) {
		pr_err("name at least one region (regionN, N or all)");
		return EXIT_USAGE;
	}
	if (p.debug)
		log_set_verbose(2);
	/* create-region reads the dax devices for the kernel's profile. */
	rc = devstate_open(&ds, p.sysroot,
			   (p.plan ? 0 : DEVSTATE_CHANGE) | DEVSTATE_DAX |
				   (act == R_DISABLE || act == R_DESTROY ?
					    DEVSTATE_ND :
					    0));
	if (rc) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	rc = cxl_new(&ctx, ds.root);
	if (rc) {
		pr_err("cannot read /sys/bus/cxl: %s", strerror(-rc));
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (act == R_CREATE) {
		struct create_plan c = { 0 };

		rc = plan_create(ctx, &p, argc, argv, &c);
		if (!rc)
			region_plan(&ds, &c, p.plan, p.human);
		if (!rc && !p.plan)
			rc = do_create(ctx, &p, &c);
		rc = exit_status(rc);
		goto out;
	}
	/* Names first: each must name a region. */
	for (i = 0; i < argc; i++) {
		bool hit = false;

		cxl_bus_foreach (ctx, bus)
			cxl_decoder_foreach (bus, d)
				cxl_region_foreach (d, r)
					if (cxl_filter_region(r, argv[i]))
						hit = true;
		if (!hit) {
			pr_err("%s: no such region", argv[i]);
			rc = EXIT_FAIL;
			goto out;
		}
	}
	/* Pass 0 checks every selected region, pass 1 acts. */
	for (pass = 0; pass < 2 && !rc; pass++) {
		cxl_bus_foreach (ctx, bus) {
			if (!cxl_filter_bus(bus, p.bus))
				continue;
			cxl_decoder_foreach (bus, d) {
				if (!cxl_filter_decoder(d, p.decoder))
					continue;
				cxl_region_foreach (d, r) {
					const char *name =
						cxl_region_get_devname(r);
					bool on = cxl_region_is_enabled(r);

					for (i = 0; i < argc; i++)
						if (cxl_filter_region(r,
								      argv[i]))
							break;
					if (i == argc)
						continue;
					if (pass == 0) {
						if (act == R_ENABLE)
							continue;
						if (region_check_use(&ds, r)) {
							/* inuse named it. */
							rc = EXIT_FAIL;
						} else if (act == R_DESTROY &&
							   on && !p.force) {
							pr_err("%s: enabled: "
							       "disable it "
							       "first or use "
							       "--force",
							       name);
							rc = EXIT_FAIL;
						}
						continue;
					}
					if (act == R_ENABLE) {
						int e = cxl_region_set_bound(
							ctx, name, true);

						if (e)
							pr_err("%s: cannot bind "
							       "cxl_region: %s",
							       name,
							       strerror(-e));
						e ? failed++ : count++;
						continue;
					}
					if (teardown(ctx, r, act == R_DESTROY))
						failed++;
					else
						count++;
				}
			}
		}
	}
	if (!rc) {
		pr_info("%s %d region%s", done[act], count,
			count == 1 ? "" : "s");
		rc = failed ? EXIT_FAIL : EXIT_OK;
	}
out:
	cxl_unref(ctx);
	devstate_close(&ds);
	return rc;
}

int cmd_create_region(int argc, char **argv)
{
	return region_action(argc, argv, R_CREATE);
}

int cmd_destroy_region(int argc, char **argv)
{
	return region_action(argc, argv, R_DESTROY);
}

int cmd_enable_region(int argc, char **argv)
{
	return region_action(argc, argv, R_ENABLE);
}

int cmd_disable_region(int argc, char **argv)
{
	return region_action(argc, argv, R_DISABLE);
}
