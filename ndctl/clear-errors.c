// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl clear-errors: clear the known bad blocks of namespaces through
 * the bus's CLEAR_ERROR command, after waiting for any running scrub
 * (and, with --scrub, one started first on each bus).  Only a block run
 * wholly inside the data area is cleared: an fsdax or devdax claim's
 * data, or a raw namespace's whole capacity; a sector namespace is left
 * alone, as upstream leaves it.  The namespace is taken offline for the
 * clear, so one in use is refused, and it is put back as it was.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/inuse.h>
#include <ndcmd/ars.h>
#include <ndcmd/call.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"

struct clear_opts {
	const char *bus, *region, *sysroot;
	bool scrub;
	int verbose;
};

struct clear_req {
	const struct clear_opts *o;
	/* Buses scrubbed already: one scrub per bus is enough. */
	char scrubbed[16][32];
	int nscrubbed;
};

static bool scrubbed(struct clear_req *req, const char *bus, bool mark)
{
	int i;

	for (i = 0; i < req->nscrubbed; i++)
		if (!strcmp(req->scrubbed[i], bus))
			return true;
	if (mark && req->nscrubbed < 16)
		snprintf(req->scrubbed[req->nscrubbed++],
			 sizeof(req->scrubbed[0]), "%s", bus);
	return false;
}

/* Start a scrub when asked (once per bus), then wait for any running. */
static int wait_scrub(struct clear_req *req, struct ndctl_bus *bus,
		      const char *name)
{
	unsigned int count;
	bool active;
	int rc = ndctl_bus_get_scrub(bus, &count, &active);

	if (rc == -EOPNOTSUPP && !req->o->scrub)
		return 0;
	if (rc) {
		pr_err("%s: the scrub state of %s: %s", name,
		       ndctl_bus_get_devname(bus),
		       rc == -EOPNOTSUPP ?
			       "the bus has no address range scrub" :
			       strerror(-rc));
		return rc;
	}
	if (req->o->scrub && !scrubbed(req, ndctl_bus_get_devname(bus), true) &&
	    !active) {
		rc = ndctl_bus_start_scrub(bus);
		if (rc && rc != -EBUSY) {
			pr_err("%s: starting a scrub of %s: %s", name,
			       ndctl_bus_get_devname(bus), strerror(-rc));
			return rc;
		}
		pr_debug("%s: scrub of %s started", name,
			 ndctl_bus_get_devname(bus));
	}
	rc = ndctl_bus_wait_scrub(bus, 0, 0, -1);
	if (rc)
		pr_err("%s: waiting for the scrub of %s: %s", name,
		       ndctl_bus_get_devname(bus), strerror(-rc));
	return rc;
}

/* One run of bad blocks: its ARS range, then the clear. */
static int clear_run(struct ndctl_bus *bus, const char *name, uint64_t addr,
		     uint64_t len)
{
	struct nd_ars_cap cap;
	uint64_t cleared = 0;
	uint32_t status = 0;
	int rc = ndctl_bus_ars_cap(bus, addr, len, &cap);

	if (rc) {
		pr_err("%s: ARS capabilities of %#llx+%#llx: %s", name,
		       (unsigned long long)addr, (unsigned long long)len,
		       rc == -EIO ? "the firmware reports a failure" :
				    nd_reply_reason(rc));
		return rc;
	}
	rc = ndctl_bus_clear_error(bus, addr, len, cap.clear_err_unit, &cleared,
				   &status);
	if (rc == -EINVAL && !status) {
		pr_err("%s: %#llx+%#llx is not in units of the bus's clear "
		       "unit (%u bytes)",
		       name, (unsigned long long)addr, (unsigned long long)len,
		       cap.clear_err_unit);
		return rc;
	}
	if (rc && status) {
		pr_err("%s: clearing %#llx+%#llx failed: firmware status %#x "
		       "(%s)",
		       name, (unsigned long long)addr, (unsigned long long)len,
		       status, nd_reply_reason(rc));
		return rc;
	}
	if (rc) {
		pr_err("%s: clearing %#llx+%#llx failed: %s", name,
		       (unsigned long long)addr, (unsigned long long)len,
		       rc == -EMSGSIZE || rc == -EBADMSG ? nd_reply_reason(rc) :
							   strerror(-rc));
		return rc;
	}
	if (cleared != len) {
		pr_err("%s: the firmware cleared %llu of the %llu bytes at "
		       "%#llx",
		       name, (unsigned long long)cleared,
		       (unsigned long long)len, (unsigned long long)addr);
		return -EIO;
	}
	return 0;
}

/* The region's bad blocks wholly in [begin, begin + size). */
static int clear_range(struct ndctl_region *region, const char *name,
		       uint64_t begin, uint64_t size, unsigned int *cleared)
{
	struct ndctl_bus *bus = ndctl_region_get_bus(region);
	uint64_t base = ndctl_region_get_resource(region);
	struct ndctl_badblock *bbs;
	int n = ndctl_region_get_badblocks(region, &bbs), i, rc = 0;

	if (n < 0) {
		pr_err("%s: the bad blocks of %s: %s", name,
		       ndctl_region_get_devname(region), strerror(-n));
		return n;
	}
	for (i = 0; i < n && !rc; i++) {
		uint64_t first = base + (bbs[i].offset << 9);
		uint64_t len = (uint64_t)bbs[i].len << 9;

		if (first < begin || first + len > begin + size)
			continue;
		rc = clear_run(bus, name, first, len);
		if (!rc)
			*cleared += bbs[i].len;
	}
	free(bbs);
	return rc;
}

static int clear_namespace(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct ndctl_namespace *ns = obj;
	struct clear_req *req = arg;
	struct ndctl_region *region = ndctl_namespace_get_region(ns);
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	bool was_active = ndctl_namespace_is_active(ns);
	struct inuse *iu = devstate_inuse(ds);
	unsigned int cleared = 0;
	uint64_t begin, size;
	char name[64];
	int rc, rc2;

	if (!iu)
		return -ENOMEM;
	snprintf(name, sizeof(name), "%s", ndctl_namespace_get_devname(ns));
	if (ndctl_namespace_get_mode(ns) == NDCTL_NS_MODE_SECTOR) {
		pr_info("%s is in sector mode: its errors are not cleared (a "
			"BTT's data and metadata cannot be told apart)",
			name);
		return 0;
	}
	/* The data area: a bound claim's, else the whole namespace. */
	if (claim && ndctl_claim_is_enabled(claim)) {
		begin = ndctl_claim_get_resource(claim);
		size = ndctl_claim_get_size(claim);
	} else {
		begin = ndctl_namespace_get_resource(ns);
		size = ndctl_namespace_get_size(ns);
	}
	if (!size) {
		pr_debug("%s has no capacity, nothing to clear", name);
		return 0;
	}
	if (inuse_check_namespace(iu, ns))
		return -EBUSY;
	rc = wait_scrub(req, ndctl_region_get_bus(region), name);
	if (rc)
		return rc;
	rc = ndctl_namespace_disable(ns);
	if (rc) {
		pr_err("%s: disabling it for the clear failed: %s", name,
		       strerror(-rc));
		return rc;
	}
	rc = clear_range(region, name, begin, size, &cleared);
	pr_debug("%s: cleared %u bad block%s", name, cleared,
		 cleared == 1 ? "" : "s");
	/* Back as it was, whatever the clear did. */
	if (was_active) {
		rc2 = ndctl_namespace_enable(ns);
		if (rc2) {
			pr_err("%s: enabling it again failed: %s", name,
			       strerror(-rc2));
			rc = rc ? rc : rc2;
		}
	}
	if (!rc)
		nd_print_namespace(ds, name, false, true);
	return rc;
}

int cmd_clear_errors(int argc, char **argv)
{
	struct clear_opts o = { 0 };
	const struct opt options[] = {
		OPT_NAMESPACE_FILTERS(&o.bus, &o.region),
		OPT_BOOL('s', "scrub", &o.scrub,
			 "scrub each bus first, to clear latent errors too"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct clear_req req = { .o = &o };
	struct devstate_each each = {
		.kind = DEVSTATE_NAMESPACE,
		.idle = DEVSTATE_IDLE_SKIP,
		.noun = "namespace",
		.done_verb = "cleared",
		.fn = clear_namespace,
		.arg = &req,
	};
	int i;

	i = parse_options(argc, argv, options,
			  "ndctl clear-errors <namespace>|all [<options>]");
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name a namespace, or 'all'");
		return EXIT_USAGE;
	}
	each.bus = o.bus;
	each.region = o.region;
	return devstate_run_each(o.sysroot,
				 DEVSTATE_ND | DEVSTATE_DAX | DEVSTATE_CHANGE,
				 &each, argc - i, argv + i);
}
