// SPDX-License-Identifier: GPL-2.0
/*
 * The zone a system-ram change asks for, checked against the kernel's
 * auto-online policy and the zones online memory is in (zone-policy.h).
 */
#include <errno.h>
#include <string.h>

#include <daxchange/dax-steps.h>
#include <devstate/state.h>
#include <util/log.h>
#include "builtin.h"
#include "zone-policy.h"

#define AUTO_ONLINE "/sys/devices/system/memory/auto_online_blocks"

/* The zone the policy onlines hot-added memory to, or NULL: offline. */
static const char *policy_zone(const char *policy, bool *movable)
{
	if (!strcmp(policy, "online_movable")) {
		*movable = true;
		return "ZONE_MOVABLE";
	}
	/* online picks the kernel zone unless told otherwise (movable_node). */
	if (!strcmp(policy, "online") || !strcmp(policy, "online_kernel")) {
		*movable = false;
		return "ZONE_NORMAL";
	}
	return NULL;
}

int zone_policy_check(struct daxctl_dev *dev, const struct dax_setup *cur,
		      const struct dax_setup *t, const struct dax_request *req,
		      bool binds_kmem)
{
	const char *name = daxctl_dev_get_devname(dev);
	const char *zone, *want;
	struct daxctl_memblocks mb;
	char policy[32] = "";
	bool movable;

	if (t->mode != DAXCTL_DEV_MODE_RAM || !t->online)
		return 0;
	want = t->movable ? "ZONE_MOVABLE" : "ZONE_NORMAL";
	/*
	 * Memory online in both zones is neither: a zone asked of it would
	 * be a success that left part of it elsewhere.
	 */
	if (!binds_kmem && cur->mode == DAXCTL_DEV_MODE_RAM &&
	    req->movable >= 0 && !daxctl_dev_get_memblocks(dev, &mb) &&
	    mb.online_movable && mb.online_movable < mb.online) {
		pr_err("%s: --%smovable, but %u of its %u online memory blocks "
		       "are in ZONE_MOVABLE and the rest elsewhere; the kernel "
		       "changes the zone only of offline memory: offline it "
		       "first (daxctl offline-memory %s)",
		       name, req->movable ? "" : "no-", mb.online_movable,
		       mb.online, name);
		return -EPERM;
	}
	if (!binds_kmem)
		return 0;
	daxctl_get_auto_online(
		daxctl_region_get_ctx(daxctl_dev_get_region(dev)), policy,
		sizeof(policy));
	zone = policy_zone(policy, &movable);
	if (!zone || movable == t->movable)
		return 0;
	/*
	 * No --force either: memory the kernel put in ZONE_NORMAL picks up
	 * unmovable allocations at once (6.12.118 in QEMU: the first block
	 * refused to go offline right after the bind), so offlining it to
	 * online it again cannot be promised.
	 */
	pr_err("%s: %s asked for, but the kernel's policy (%s=%s) onlines "
	       "hot-added memory to %s itself when kmem binds: aborting; "
	       "echo offline > %s first, or ask for --%smovable",
	       name, want, AUTO_ONLINE, policy, zone, AUTO_ONLINE,
	       movable ? "" : "no-");
	return -EPERM;
}
