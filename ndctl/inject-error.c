// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl inject-error: have the platform poison blocks of a namespace
 * (ACPI ARS error injection, which nfit_test emulates), take such an
 * injection back, or list what is injected.  Each 512-byte block is one
 * injection of a clear unit (or the whole block with --saturate), as
 * upstream sends them.  Every value is checked before the first call,
 * and an injection that fails part-way takes back what it did.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/inuse.h>
#include <ndcmd/ars.h>
#include <ndcmd/call.h>
#include <ndcmd/nfit-bus.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include "builtin.h"
#include "json.h"

/* How long a notified injection waits for the scrub it sets off. */
#define NOTIFY_SCRUB_TIMEOUT_MS 30000

struct inject_opts {
	const char *bus, *region, *block, *count, *sysroot;
	bool uninject, status, no_notify, saturate, human;
	int verbose;
};

struct inject_req {
	const struct inject_opts *o;
	uint64_t block, count;
};

/* A block number or count: what parse_size takes, in 512-byte units. */
static int parse_blocks(const char *opt, const char *val, uint64_t *out)
{
	if (parse_size(val, out)) {
		pr_err("invalid --%s '%s': a number of 512-byte blocks", opt,
		       val);
		return -EINVAL;
	}
	return 0;
}

static int check_options(const struct inject_opts *o, struct inject_req *req)
{
	if (o->uninject && o->status) {
		pr_err("--status lists what is injected; it cannot be "
		       "combined with --uninject");
		return -EINVAL;
	}
	if (o->status &&
	    (o->block || o->count || o->saturate || o->no_notify)) {
		pr_err("--status takes no --block, --count, --saturate or "
		       "--no-notify: it lists every injected block");
		return -EINVAL;
	}
	if (o->status)
		return 0;
	if (!o->block || !o->count) {
		pr_err("%s needs --block and --count",
		       o->uninject ? "--uninject" : "injecting");
		return -EINVAL;
	}
	if (parse_blocks("block", o->block, &req->block) ||
	    parse_blocks("count", o->count, &req->count))
		return -EINVAL;
	if (!req->count) {
		pr_err("invalid --count '%s': at least one block", o->count);
		return -EINVAL;
	}
	/* Bytes of the last block must fit 64 bits. */
	if (req->block > UINT64_MAX / 512 - req->count) {
		pr_err("invalid --block '%s' with --count '%s': the range "
		       "passes 2^64 bytes",
		       o->block, o->count);
		return -EINVAL;
	}
	return 0;
}

/* The ARS capabilities over the range: the clear unit and list size. */
static int get_cap(struct ndctl_bus *bus, const char *name, uint64_t start,
		   uint64_t size, struct nd_ars_cap *cap)
{
	int rc = ndctl_bus_ars_cap(bus, start, size, cap);

	if (rc == -EIO)
		pr_err("%s: ARS capabilities failed: firmware status %#x", name,
		       cap->status);
	else if (rc)
		pr_err("%s: ARS capabilities of %#llx+%#llx: %s", name,
		       (unsigned long long)start, (unsigned long long)size,
		       nd_reply_reason(rc));
	return rc;
}

static void say_call_failed(const char *name, const char *what, uint64_t block,
			    int rc, uint32_t status)
{
	if (status & 0xffff)
		pr_err("%s: %s at block %llu failed: firmware status %#x (%s)",
		       name, what, (unsigned long long)block, status,
		       nd_reply_reason(rc));
	else
		pr_err("%s: %s at block %llu failed: %s", name, what,
		       (unsigned long long)block,
		       rc == -EMSGSIZE || rc == -EBADMSG ? nd_reply_reason(rc) :
							   strerror(-rc));
}

/* The byte range of one block's injection. */
static void block_range(const struct inject_opts *o, uint64_t start,
			uint64_t block, uint32_t unit, uint64_t *base,
			uint64_t *len)
{
	*base = start + block * 512;
	*len = o->saturate || unit >= 512 ? 512 : unit;
}

static int uninject_blocks(struct ndctl_bus *bus, const char *name,
			   const struct inject_opts *o, uint64_t start,
			   uint32_t unit, uint64_t first, uint64_t count)
{
	uint64_t i, base, len;
	uint32_t status;
	int rc;

	for (i = 0; i < count; i++) {
		block_range(o, start, first + i, unit, &base, &len);
		rc = ndctl_bus_uninject_error(bus, base, len, &status);
		if (rc) {
			say_call_failed(name, "taking the injection back",
					first + i, rc, status);
			return rc;
		}
	}
	return 0;
}

static int inject_blocks(struct ndctl_bus *bus, const char *name,
			 const struct inject_req *req, uint64_t start,
			 uint32_t unit)
{
	const struct inject_opts *o = req->o;
	uint64_t i, base, len;
	uint32_t status;
	int rc;

	for (i = 0; i < req->count; i++) {
		block_range(o, start, req->block + i, unit, &base, &len);
		rc = ndctl_bus_inject_error(bus, base, len, !o->no_notify,
					    &status);
		if (!rc)
			continue;
		say_call_failed(name, "injecting", req->block + i, rc, status);
		/* Nothing half-done: take back the blocks already poisoned. */
		if (i &&
		    !uninject_blocks(bus, name, o, start, unit, req->block, i))
			pr_err("%s: the %llu block%s injected before it were "
			       "taken back",
			       name, (unsigned long long)i, i == 1 ? "" : "s");
		return rc;
	}
	return 0;
}

/* The injected blocks of [start, start + size), merged into runs. */
static int injected_runs(struct ndctl_bus *bus, const char *name,
			 uint64_t start, uint64_t size, uint32_t room,
			 struct nd_block_run **runs, uint32_t *n)
{
	struct nd_inject_list list;
	uint8_t *buf;
	int rc = ndctl_bus_get_injected(bus, room, &buf, &list);

	*runs = NULL;
	*n = 0;
	if (rc) {
		if (rc == -EIO)
			pr_err("%s: the injection status failed: firmware "
			       "status %#x",
			       name, list.status);
		else
			pr_err("%s: the injection status: %s", name,
			       rc == -EMSGSIZE || rc == -EBADMSG ?
				       nd_reply_reason(rc) :
				       strerror(-rc));
		return rc;
	}
	*runs = calloc(list.count ? list.count : 1, sizeof(**runs));
	if (!*runs) {
		free(buf);
		return -ENOMEM;
	}
	*n = nd_inject_list_to_runs(&list, start, size, *runs, list.count);
	free(buf);
	return 0;
}

static void print_status(const struct nd_block_run *runs, uint32_t n,
			 bool human)
{
	struct json_object *jobj, *jbbs;
	uint32_t i;

	/* Nothing injected: nothing printed, as upstream. */
	if (!n)
		return;
	jobj = json_object_new_object();
	jbbs = json_object_new_array();
	for (i = 0; i < n; i++) {
		struct json_object *jbb = json_object_new_object();

		json_add_hex(jbb, "block", runs[i].block, human);
		json_add_hex(jbb, "count", runs[i].count, human);
		json_object_array_add(jbbs, jbb);
	}
	json_object_object_add(jobj, "badblocks", jbbs);
	json_print(stdout, jobj);
	json_object_put(jobj);
}

static bool overlaps(const struct nd_block_run *runs, uint32_t n,
		     uint64_t block, uint64_t count)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (runs[i].block < block + count &&
		    block < runs[i].block + runs[i].count)
			return true;
	return false;
}

/* 0, or -errno after the message naming the namespace and the reason. */
static int inject_namespace(struct devstate_ctx *ds, struct ndctl_namespace *ns,
			    const struct inject_req *req)
{
	const struct inject_opts *o = req->o;
	struct ndctl_bus *bus =
		ndctl_region_get_bus(ndctl_namespace_get_region(ns));
	char name[64];
	struct nd_block_run *runs = NULL;
	struct nd_ars_cap cap;
	struct inuse *iu;
	uint64_t start, size;
	unsigned int scrubs = 0;
	uint32_t n;
	bool active;
	int rc;

	snprintf(name, sizeof(name), "%s", ndctl_namespace_get_devname(ns));
	if (!ndctl_bus_has_error_injection(bus)) {
		pr_err("%s: bus %s (%s) has no ARS error injection", name,
		       ndctl_bus_get_devname(bus), ndctl_bus_get_provider(bus));
		return -EOPNOTSUPP;
	}
	rc = ndctl_namespace_get_injection_bounds(ns, &start, &size);
	if (rc == -EOPNOTSUPP) {
		pr_err("%s is in sector mode: a BTT's data and metadata cannot "
		       "be told apart; inject on the raw namespace "
		       "(force_raw)",
		       name);
		return rc;
	}
	if (!size) {
		pr_err("%s has no capacity to inject into", name);
		return -ENXIO;
	}
	if (!o->status && req->block + req->count > size / 512) {
		pr_err("%s: --block %llu --count %llu passes its end: it has "
		       "%llu blocks of 512 bytes",
		       name, (unsigned long long)req->block,
		       (unsigned long long)req->count,
		       (unsigned long long)(size / 512));
		return -ERANGE;
	}
	rc = get_cap(bus, name, start, size, &cap);
	if (rc)
		return op_failed(rc);

	if (o->status) {
		rc = injected_runs(bus, name, start, size, cap.max_ars_out,
				   &runs, &n);
		if (!rc)
			print_status(runs, n, o->human);
		free(runs);
		return rc ? op_failed(rc) : 0;
	}

	if (o->uninject) {
		rc = injected_runs(bus, name, start, size, cap.max_ars_out,
				   &runs, &n);
		if (rc)
			return op_failed(rc);
		if (!overlaps(runs, n, req->block, req->count)) {
			free(runs);
			pr_err("%s: nothing is injected at blocks %llu-%llu; "
			       "nothing was changed (--status lists what is)",
			       name, (unsigned long long)req->block,
			       (unsigned long long)(req->block + req->count -
						    1));
			return -ENOENT;
		}
		free(runs);
		rc = uninject_blocks(bus, name, o, start, cap.clear_err_unit,
				     req->block, req->count);
		if (rc)
			return op_failed(rc);
		pr_info("%s: the injection is taken back; the kernel still "
			"lists the blocks it found bad until they are written",
			name);
		nd_print_namespace(ds, name, o->human, true);
		return 0;
	}

	/* Upstream injects under a user too; say what it will break. */
	iu = devstate_inuse(ds);
	if (iu) {
		const char *user = inuse_namespace_user(iu, ns);

		if (user)
			pr_info("%s is in use: %s; reads of the injected "
				"blocks will fail",
				name, user);
	}
	if (!o->no_notify && ndctl_bus_get_scrub(bus, &scrubs, &active))
		scrubs = 0;
	rc = inject_blocks(bus, name, req, start, cap.clear_err_unit);
	if (rc)
		return op_failed(rc);
	/*
	 * Notified, the kernel scrubs and lists the new bad blocks: wait
	 * for that scrub to end, so the list printed shows them.
	 */
	if (!o->no_notify) {
		rc = ndctl_bus_wait_scrub(bus, scrubs + 1, 0,
					  NOTIFY_SCRUB_TIMEOUT_MS);
		if (rc == -ETIMEDOUT)
			pr_info("%s: no scrub ended within %d s of the "
				"injection; the bad blocks may not be listed "
				"yet",
				name, NOTIFY_SCRUB_TIMEOUT_MS / 1000);
		else if (rc && rc != -EOPNOTSUPP)
			pr_err("%s: waiting for the scrub: %s", name,
			       strerror(-rc));
	}
	nd_print_namespace(ds, name, o->human, true);
	return 0;
}

int cmd_inject_error(int argc, char **argv)
{
	struct inject_opts o = { 0 };
	const struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS",
			"the namespace is on this bus"),
		OPT_STR('r', "region", &o.region, "REGION",
			"the namespace is in this region"),
		OPT_STR('B', "block", &o.block, "BLOCK",
			"first block (512 bytes) to inject or uninject"),
		OPT_STR('n', "count", &o.count, "COUNT",
			"number of blocks to inject or uninject"),
		OPT_BOOL('d', "uninject", &o.uninject,
			 "take a previous injection back"),
		OPT_BOOL('t', "status", &o.status, "list the injected blocks"),
		OPT_BOOL('N', "no-notify", &o.no_notify,
			 "do not have the firmware tell the OS"),
		OPT_BOOL('S', "saturate", &o.saturate,
			 "poison the whole block, not one clear unit"),
		OPT_BOOL('u', "human", &o.human,
			 "numbers in human-readable form"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct inject_req req = { .o = &o };
	struct ndctl_namespace *ns, *found = NULL;
	struct ndctl_region *region;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;
	int i, rc;

	i = parse_options(argc, argv, options,
			  "ndctl inject-error <namespace> [<options>]");
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name the namespace to inject into");
		return EXIT_USAGE;
	}
	if (i + 1 < argc) {
		pr_err("unexpected argument '%s': one namespace at a time",
		       argv[i + 1]);
		return EXIT_USAGE;
	}
	rc = check_options(&o, &req);
	if (rc)
		return exit_status(rc);
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND | DEVSTATE_DAX)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (nd_check_filters_matched(ds.nd, o.bus, o.region, NULL, NULL)) {
		rc = EXIT_FAIL;
		goto out;
	}
	ndctl_bus_foreach (ds.nd, bus) {
		if (!nd_bus_matches(bus, o.bus))
			continue;
		ndctl_region_foreach (bus, region) {
			if (!nd_region_matches(region, o.region))
				continue;
			ndctl_namespace_foreach (region, ns)
				if (!strcmp(ndctl_namespace_get_devname(ns),
					    argv[i]))
					found = ns;
		}
	}
	if (!found) {
		pr_err("%s: no such namespace%s", argv[i],
		       o.bus || o.region ? " within --bus/--region" : "");
		rc = EXIT_FAIL;
		goto out;
	}
	rc = exit_status(inject_namespace(&ds, found, &req));
out:
	devstate_close(&ds);
	return rc;
}
