// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl online-memory, offline-memory, enable-device, disable-device,
 * create-device and destroy-device: the single steps reconfigure-device
 * combines, for devices named one by one or 'all'.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/filter.h>
#include <devstate/inuse.h>
#include <devstate/modules.h>
#include <devstate/parse.h>
#include <devstate/words.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "builtin.h"
#include "zone-policy.h"
#include <devstate/dax-json.h>
#include <daxchange/dax-steps.h>

struct dev_opts {
	const char *region, *mode, *size, *align, *sysroot;
	int movable, verbose;
	bool human, force;
};

enum dev_action {
	DEV_ONLINE,
	DEV_OFFLINE,
	DEV_ENABLE,
	DEV_DISABLE,
	DEV_DESTROY,
};

static const char *const action_names[] = {
	[DEV_ONLINE] = "online",   [DEV_OFFLINE] = "offline",
	[DEV_ENABLE] = "enable",   [DEV_DISABLE] = "disable",
	[DEV_DESTROY] = "destroy",
};

/* What do_action() is asked to do, for every device named. */
struct dev_request {
	enum dev_action action;
	const struct dev_opts *o;
	enum daxctl_dev_mode mode; /* enable-device */
};

/*
 * Blocks already online in the other zone than the one asked for stay
 * there (the kernel changes the zone only of offline memory): say so
 * rather than report a zone that was not applied.
 */
static bool online_elsewhere(struct daxctl_dev *dev, int movable)
{
	const char *name = daxctl_dev_get_devname(dev);
	struct daxctl_memblocks mb;
	unsigned int other;

	if (daxctl_dev_get_memblocks(dev, &mb))
		return false;
	other = movable ? mb.online - mb.online_movable : mb.online_movable;
	if (!other)
		return false;
	pr_err("%s: --%smovable, but %u of its memory blocks are online in "
	       "%s; the kernel changes the zone only of offline memory: "
	       "offline them first (daxctl offline-memory %s)",
	       name, movable ? "" : "no-", other,
	       movable ? "ZONE_NORMAL" : "ZONE_MOVABLE", name);
	return true;
}

static int do_action(struct devstate_ctx *ds, void *obj, void *arg)
{
	const struct dev_request *req = arg;
	enum dev_action action = req->action;
	const struct dev_opts *o = req->o;
	struct inuse *iu = devstate_inuse(ds);
	struct daxctl_dev *dev = obj;
	const char *name = daxctl_dev_get_devname(dev);
	enum daxctl_dev_mode mode = daxctl_dev_get_mode(dev);
	struct reconf_run run = { .ds = ds, .dev = dev };
	struct step_list steps = { .count = 0 };
	struct steps_result res;
	int rc = 0;

	if (!iu)
		return -ENOMEM;
	switch (action) {
	case DEV_ONLINE:
	case DEV_OFFLINE:
		if (mode != DAXCTL_DEV_MODE_RAM) {
			pr_err("%s: not in system-ram mode, it has no memory "
			       "blocks to %s",
			       name, action_names[action]);
			return -EINVAL;
		}
		/* The kernel migrates what it offlines; nothing else may
		 * hold the device. */
		if (action == DEV_OFFLINE && inuse_check_daxdev(iu, dev, true))
			return -EBUSY;
		if (action == DEV_ONLINE && o->movable >= 0 &&
		    online_elsewhere(dev, o->movable))
			return -EINVAL;
		/* All or nothing: the step puts back what it changed. */
		snprintf(run.name, sizeof(run.name), "%s", name);
		steps_add(&steps, &dax_blocks_step, action == DEV_ONLINE);
		steps.steps[0].aux = o->movable != 0;
		rc = steps_run(&steps, &run, NULL, &res);
		steps_release(&steps);
		/* Success only in the zone asked for, read back. */
		if (!rc && action == DEV_ONLINE &&
		    !zone_applied(dev, o->movable != 0,
				  "they stay online there; offline-memory, "
				  "then online-memory again"))
			rc = -EIO;
		return rc;
	case DEV_ENABLE:
		if (mode != DAXCTL_DEV_MODE_UNBOUND) {
			pr_err("%s: already enabled (%s)", name,
			       dax_mode_name(mode == DAXCTL_DEV_MODE_RAM ?
						     DAXCTL_DEV_MODE_RAM :
						     DAXCTL_DEV_MODE_DEVDAX));
			return -EBUSY;
		}
		rc = devstate_need_driver(ds, "dax",
					  req->mode == DAXCTL_DEV_MODE_RAM ?
						  "kmem" :
						  "device_dax");
		if (rc)
			return rc;
		rc = daxctl_dev_enable(dev, req->mode);
		break;
	case DEV_DISABLE:
	case DEV_DESTROY:
		if (inuse_check_daxdev(iu, dev, false))
			return -EBUSY;
		/* As upstream: an enabled device is destroyed only with -f. */
		if (action == DEV_DESTROY && mode != DAXCTL_DEV_MODE_UNBOUND &&
		    !o->force) {
			pr_err("%s is active (%s): disable it first, or use "
			       "--force",
			       name, dax_mode_name(mode));
			return -EBUSY;
		}
		rc = daxctl_dev_disable(dev);
		if (rc || action == DEV_DISABLE)
			break;
		if (daxctl_dev_get_size(dev))
			rc = daxctl_dev_set_size(dev, 0);
		if (rc)
			break;
		/* The kernel keeps id 0 so the region always has a device. */
		if (daxctl_dev_get_id(dev) == 0) {
			pr_info("%s: the region keeps its first device; it now "
				"has size 0",
				name);
			break;
		}
		rc = daxctl_region_destroy_dev(daxctl_dev_get_region(dev),
					       name);
		break;
	}
	if (rc)
		pr_err("%s: %s failed: %s", name, action_names[action],
		       strerror(-rc));
	return rc;
}

static int dev_command(int argc, char **argv, enum dev_action action)
{
	struct dev_opts o = { .movable = -1 };
/* Upstream's options common to these commands, then --sysroot. */
#define DEV_COMMON_OPTIONS                                                \
	OPT_REGION_ID('r', "region", &o.region, "REGION",                 \
		      "only devices of this region"),                     \
		OPT_BOOL('u', "human", &o.human, "human-readable sizes"), \
		OPT_VERBOSE(&o.verbose), OPT_SYSROOT(&o.sysroot)
	struct opt online_options[] = {
		DEV_COMMON_OPTIONS,
		OPT_NEG("movable", &o.movable,
			"online to ZONE_MOVABLE (default) or ZONE_NORMAL"),
		OPT_TERM,
	};
	struct opt enable_options[] = {
		DEV_COMMON_OPTIONS,
		OPT_STR('m', "mode", &o.mode, "MODE",
			"devdax (default) or system-ram"),
		OPT_TERM,
	};
	struct opt destroy_options[] = {
		DEV_COMMON_OPTIONS,
		OPT_BOOL('f', "force", &o.force,
			 "disable an enabled device first (never one in use)"),
		OPT_TERM,
	};
	struct opt options[] = {
		DEV_COMMON_OPTIONS,
		OPT_TERM,
	};
#undef DEV_COMMON_OPTIONS
	const struct opt *table = action == DEV_ONLINE	? online_options :
				  action == DEV_ENABLE	? enable_options :
				  action == DEV_DESTROY ? destroy_options :
							  options;
	struct dev_request req = { .action = action,
				   .o = &o,
				   .mode = DAXCTL_DEV_MODE_DEVDAX };
	struct devstate_each each = {
		.kind = DEVSTATE_DAXDEV,
		/* 'all' skips the zero-sized seeds. */
		.idle = DEVSTATE_IDLE_NAMED,
		.noun = "device",
		.done_verb = action == DEV_ONLINE  ? "onlined" :
			     action == DEV_OFFLINE ? "offlined" :
			     action == DEV_ENABLE  ? "enabled" :
			     action == DEV_DISABLE ? "disabled" :
						     "destroyed",
		.fn = do_action,
		.arg = &req,
	};
	char usage[96];
	int i;

	snprintf(usage, sizeof(usage),
		 "daxctl %s-%s <device>...|all "
		 "[<options>]",
		 action_names[action],
		 action <= DEV_OFFLINE ? "memory" : "device");
	i = parse_options(argc, argv, table, usage);
	if (i >= argc) {
		pr_err("name a device, or 'all'");
		return EXIT_USAGE;
	}
	if (o.mode && parse_dax_mode(o.mode, &req.mode))
		return EXIT_USAGE;
	log_set_verbose(o.verbose);
	each.region = o.region;
	return devstate_run_each(o.sysroot, DEVSTATE_DAX | DEVSTATE_CHANGE,
				 &each, argc - i, argv + i);
}

int cmd_online_memory(int argc, char **argv)
{
	return dev_command(argc, argv, DEV_ONLINE);
}

int cmd_offline_memory(int argc, char **argv)
{
	return dev_command(argc, argv, DEV_OFFLINE);
}

int cmd_enable_device(int argc, char **argv)
{
	return dev_command(argc, argv, DEV_ENABLE);
}

int cmd_disable_device(int argc, char **argv)
{
	return dev_command(argc, argv, DEV_DISABLE);
}

int cmd_destroy_device(int argc, char **argv)
{
	return dev_command(argc, argv, DEV_DESTROY);
}
