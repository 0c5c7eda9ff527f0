// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl destroy-namespace, enable-namespace and disable-namespace, for
 * namespaces named one by one or 'all'.  Taking one away goes through
 * the in-use check first, whatever the options.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/inuse.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"

struct ns_cmd_opts {
	const char *bus, *region, *sysroot;
	bool force;
	int verbose;
};

enum ns_action { NS_ENABLE, NS_DISABLE, NS_DESTROY };

struct ns_request {
	enum ns_action action;
	bool force;
};

static int ns_action(struct devstate_ctx *ds, void *obj, void *arg)
{
	const struct ns_request *req = arg;
	struct ndctl_namespace *ns = obj;
	const char *name = ndctl_namespace_get_devname(ns);
	struct inuse *iu = devstate_inuse(ds);
	int rc;

	if (!iu)
		return -ENOMEM;
	switch (req->action) {
	case NS_ENABLE:
		rc = ndctl_namespace_enable(ns);
		break;
	case NS_DISABLE:
		if (inuse_check_namespace(iu, ns))
			return -EBUSY;
		rc = ndctl_namespace_disable(ns);
		break;
	case NS_DESTROY:
		/*
		 * A seed named on its own (size 0, no claim) holds nothing:
		 * destroying it is done already, as upstream reports.
		 */
		if (!ndctl_namespace_get_size(ns) &&
		    !ndctl_namespace_get_claim(ns))
			return 0;
		/* --force is for "active", never for "in use". */
		if (inuse_check_namespace(iu, ns))
			return -EBUSY;
		/* Active as upstream means it: enabled, or its claim is. */
		if (ndctl_namespace_is_active(ns) && !req->force) {
			pr_err("%s is active (%s): destroying it erases its "
			       "info block and the data layout; use --force",
			       name,
			       nd_mode_name(ndctl_namespace_get_mode(ns)));
			return -EPERM;
		}
		rc = ndctl_namespace_clear_claim(ns);
		/* A labelled namespace gives its capacity back. */
		if (!rc)
			rc = ndctl_namespace_delete(ns);
		break;
	default:
		return -EINVAL;
	}
	if (rc)
		pr_err("%s: %s failed: %s", name,
		       req->action == NS_ENABLE	 ? "enable" :
		       req->action == NS_DISABLE ? "disable" :
						   "destroy",
		       strerror(-rc));
	return rc;
}

static int ns_command(int argc, char **argv, enum ns_action action,
		      const char *verb, const char *done_verb)
{
	struct ns_cmd_opts o = { 0 };
	struct opt destroy_options[] = {
		OPT_NAMESPACE_FILTERS(&o.bus, &o.region),
		OPT_BOOL('f', "force", &o.force,
			 "destroy even an active namespace"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt options[] = {
		OPT_NAMESPACE_FILTERS(&o.bus, &o.region),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct ns_request req = { .action = action };
	struct devstate_each each = {
		.kind = DEVSTATE_NAMESPACE,
		/* destroy reaches a seed by its name, never through "all" */
		.idle = action == NS_DESTROY ? DEVSTATE_IDLE_NAMED :
					       DEVSTATE_IDLE_SKIP,
		.noun = "namespace",
		.done_verb = done_verb,
		.fn = ns_action,
		.arg = &req,
	};
	char usage[96];
	int i;

	snprintf(usage, sizeof(usage),
		 "ndctl %s-namespace <namespace>|all [<options>]", verb);
	i = parse_options(argc, argv,
			  action == NS_DESTROY ? destroy_options : options,
			  usage);
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name a namespace, or 'all'");
		return EXIT_USAGE;
	}
	req.force = o.force;
	each.bus = o.bus;
	each.region = o.region;
	return devstate_run_each(o.sysroot,
				 DEVSTATE_ND | DEVSTATE_DAX | DEVSTATE_CHANGE,
				 &each, argc - i, argv + i);
}

int cmd_destroy_namespace(int argc, char **argv)
{
	return ns_command(argc, argv, NS_DESTROY, "destroy", "destroyed");
}

int cmd_enable_namespace(int argc, char **argv)
{
	return ns_command(argc, argv, NS_ENABLE, "enable", "enabled");
}

int cmd_disable_namespace(int argc, char **argv)
{
	return ns_command(argc, argv, NS_DISABLE, "disable", "disabled");
}
