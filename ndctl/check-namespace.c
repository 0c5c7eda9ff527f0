// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl check-namespace: check (and with --repair, repair) the BTT of
 * sector-mode namespaces.  The BTT's metadata is read through the raw
 * namespace: its claim is let go, the namespace is bound with force_raw
 * and /dev/pmemX opened exclusively; afterwards the namespace is put back
 * as it was (see restore()).  Nothing in use is touched, whatever the
 * options.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <devstate/claim.h>
#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/inuse.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <format/btt-check.h>
#include "builtin.h"
#include "json.h"

struct check_opts {
	const char *bus, *region, *sysroot;
	bool repair, force, rewrite_log;
	int verbose;
};

/* Run the check on the raw block device the session opened. */
static int check_raw(const struct check_opts *o, struct ndctl_namespace *ns,
		     const char *path)
{
	const char *name = ndctl_namespace_get_devname(ns);
	const char *uuid = ndctl_namespace_get_uuid(ns);
	struct btt_check c = { .name = name,
			       .repair = o->repair,
			       .rewrite_log = o->rewrite_log };
	uint8_t parent[16];
	int rc;

	if (uuid && uuid[0] && !uuid_parse(uuid, parent))
		c.parent_uuid = parent;
	/* O_EXCL: nobody mounts or opens it while it is being checked. */
	c.fd = open(path, (o->repair ? O_RDWR : O_RDONLY) | O_EXCL | O_CLOEXEC);
	if (c.fd < 0) {
		rc = -errno;
		pr_err("%s: cannot open %s: %s", name, path, strerror(errno));
		return rc;
	}
	if (ioctl(c.fd, BLKGETSIZE64, &c.size)) {
		rc = -errno;
		pr_err("%s: cannot size %s: %s", name, path, strerror(errno));
		close(c.fd);
		return rc;
	}
	rc = btt_check_run(&c);
	close(c.fd);
	if (rc < 0)
		pr_err("%s: %s %s failed: %s", name,
		       o->repair ? "repairing" : "reading", path,
		       strerror(-rc));
	else if (!rc)
		pr_debug("%s: BTT consistent (%d arena%s%s)", name, c.arenas,
			 c.arenas == 1 ? "" : "s",
			 c.repaired ? ", after repairs" : "");
	return rc;
}

/*
 * Put the namespace back.  The kernel attaches a sector-mode claim from
 * the info block when the namespace is bound, so enabled is simply
 * enabled again; a disabled namespace is enabled and disabled, which
 * leaves its claim attached as it was, but only over a BTT that checked
 * clean: a damaged one stays unclaimed (mode raw) for now, as upstream
 * leaves every checked namespace.
 */
static int restore(struct devstate_ctx *ds, const char *name,
		   const struct ns_claim *old, bool was_active, bool clean)
{
	struct ndctl_namespace *ns;
	int rc;

	if (!was_active && old->mode != NDCTL_NS_MODE_SECTOR)
		return 0;
	if (!was_active && !clean) {
		pr_info("%s: left disabled and unclaimed; enabling it lets the "
			"kernel find its BTT again",
			name);
		return 0;
	}
	devstate_refresh(ds);
	ns = ndctl_get_namespace(ds->nd, name);
	rc = ns ? ndctl_namespace_enable(ns) : -ENODEV;
	devstate_refresh(ds);
	ns = ndctl_get_namespace(ds->nd, name);
	if (rc || !ns || !ndctl_namespace_is_active(ns)) {
		pr_err("%s: enabling it again failed: %s", name,
		       strerror(rc ? -rc : ENODEV));
		return rc ? rc : -ENODEV;
	}
	if (old->mode == NDCTL_NS_MODE_SECTOR &&
	    ndctl_namespace_get_mode(ns) != NDCTL_NS_MODE_SECTOR) {
		pr_err("%s: enabled again, but the kernel found no valid BTT: "
		       "it is %s now",
		       name, nd_mode_name(ndctl_namespace_get_mode(ns)));
		return -ENXIO;
	}
	if (was_active)
		return 0;
	rc = ndctl_namespace_disable(ns);
	if (rc)
		pr_err("%s: disabling it again failed: %s", name,
		       strerror(-rc));
	return rc;
}

static int check_ns(struct devstate_ctx *ds, void *obj, void *arg)
{
	const struct check_opts *o = arg;
	struct ndctl_namespace *ns = obj;
	enum ndctl_ns_mode mode = ndctl_namespace_get_mode(ns);
	struct inuse *iu = devstate_inuse(ds);
	struct ndctl_raw_session raw;
	bool was_active;
	struct ns_claim old;
	char name[64];
	int rc, rrc;

	snprintf(name, sizeof(name), "%s", ndctl_namespace_get_devname(ns));
	if (!iu)
		return -ENOMEM;
	if (mode == NDCTL_NS_MODE_FSDAX || mode == NDCTL_NS_MODE_DEVDAX) {
		pr_err("%s is %s: check-namespace checks the BTT of sector-mode "
		       "namespaces",
		       name, nd_mode_name(mode));
		return -EINVAL;
	}
	/* In use refuses first; --force is only for "enabled". */
	if (inuse_check_namespace(iu, ns))
		return -EBUSY;
	was_active = ndctl_namespace_is_active(ns);
	if (was_active && !o->force) {
		pr_err("%s is enabled (%s): the check reads it raw, which needs "
		       "it disabled; disable it first, or use --force",
		       name, nd_mode_name(mode));
		return -EBUSY;
	}
	ns_claim_save(ns, &old);
	if (was_active) {
		rc = ndctl_namespace_disable(ns);
		if (rc) {
			pr_err("%s: disabling it failed: %s", name,
			       strerror(-rc));
			return rc;
		}
	}
	rc = ndctl_namespace_raw_begin(ns, &raw);
	if (rc) {
		pr_err("%s: binding it raw failed: %s", name, strerror(-rc));
	} else {
		rc = check_raw(o, ns, raw.path);
		rrc = ndctl_namespace_raw_end(ns, &raw);
		if (rrc)
			pr_err("%s: unbinding the raw namespace failed: %s",
			       name, strerror(-rrc));
		if (!rc)
			rc = rrc;
	}
	rrc = restore(ds, name, &old, was_active, !rc);
	/* Problems found and left: exit 1, as for a failed operation. */
	return rc > 0 ? EXIT_FAIL : rc ? rc : rrc;
}

int cmd_check_namespace(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct opt options[] = {
		OPT_NAMESPACE_FILTERS(&o.bus, &o.region),
		OPT_BOOL('R', "repair", &o.repair,
			 "repair what can be: info blocks from their backups, "
			 "interrupted map updates"),
		OPT_BOOL('L', "rewrite-log", &o.rewrite_log,
			 "rewrite the flog in the current layout (with "
			 "--repair)"),
		OPT_BOOL('f', "force", &o.force,
			 "disable an enabled namespace for the check, and "
			 "enable it again after"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct devstate_each each = {
		.kind = DEVSTATE_NAMESPACE,
		.idle = DEVSTATE_IDLE_SKIP,
		.noun = "namespace",
		.done_verb = "checked",
		.fn = check_ns,
		.arg = &o,
	};
	int i;

	i = parse_options(argc, argv, options,
			  "ndctl check-namespace <namespace>|all [<options>]");
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name a namespace, or 'all'");
		return EXIT_USAGE;
	}
	if (o.rewrite_log && !o.repair) {
		pr_err("--rewrite-log writes the flog: it needs --repair");
		return EXIT_USAGE;
	}
	each.bus = o.bus;
	each.region = o.region;
	return devstate_run_each(o.sysroot,
				 DEVSTATE_ND | DEVSTATE_DAX | DEVSTATE_CHANGE,
				 &each, argc - i, argv + i);
}
