// SPDX-License-Identifier: GPL-2.0
/*
 * The zone a system-ram change asks for, checked against the kernel's
 * auto-online policy and the zones online memory is in (zone-policy.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <daxchange/dax-steps.h>
#include <daxchange/zone-read.h>
#include <devstate/state.h>
#include <util/log.h>
#include "builtin.h"
#include "zone-policy.h"

#define AUTO_ONLINE "/sys/devices/system/memory/auto_online_blocks"

/* What decided the zone, for the refusal: the policy and what it read. */
static void zone_reason(const struct zone_inputs *in, int how, char *buf,
			size_t len)
{
	if (how != ZP_ONLINE) {
		snprintf(buf, len, "%s", "");
		return;
	}
	if (in->policy == ZP_POLICY_AUTO_MOVABLE) {
		snprintf(buf, len,
			 ", memory_hotplug.online_policy=auto-movable with "
			 "auto_movable_ratio=%u%s",
			 in->auto_movable_ratio,
			 in->auto_movable_numa_aware ? " per node" : "");
		return;
	}
	snprintf(buf, len, ", online_policy=contig-zones%s",
		 in->movable_node ? ", movable_node" : "");
}

int zone_policy_check(struct daxctl_dev *dev, const struct dax_setup *cur,
		      const struct dax_setup *t, const struct dax_request *req,
		      bool binds_kmem)
{
	const char *name = daxctl_dev_get_devname(dev);
	struct daxctl_memblocks mb;
	struct zone_inputs in;
	char policy[32] = "", why[160];
	const char *want;
	int rc, how, zone;

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
	rc = zone_inputs_read(dev, &in, policy, sizeof(policy));
	how = zp_online_from_word(policy);
	/* Offline (or unreadable): our own online step writes the zone. */
	if (how <= ZP_OFFLINE)
		return 0;
	if (how == ZP_ONLINE && rc) {
		pr_err("%s: the kernel's policy (%s=%s) onlines hot-added "
		       "memory itself when kmem binds, to a zone that cannot "
		       "be told (%s): aborting; echo offline > %s first",
		       name, AUTO_ONLINE, policy, strerror(-rc), AUTO_ONLINE);
		return -EPERM;
	}
	zone = zone_predict(&in, how);
	if ((zone == ZP_MOVABLE) == t->movable)
		return 0;
	zone_reason(&in, how, why, sizeof(why));
	/*
	 * No --force either: memory the kernel put in ZONE_NORMAL picks up
	 * unmovable allocations at once (6.12.118 in QEMU: the first block
	 * refused to go offline right after the bind), so offlining it to
	 * online it again cannot be promised.
	 */
	pr_err("%s: %s asked for, but the kernel's policy (%s=%s%s) onlines "
	       "hot-added memory to %s itself when kmem binds: aborting; "
	       "echo offline > %s first, or ask for --%smovable",
	       name, want, AUTO_ONLINE, policy, why, zp_zone_kname(zone),
	       AUTO_ONLINE, zone == ZP_MOVABLE ? "" : "no-");
	return -EPERM;
}

bool zone_applied(struct daxctl_dev *dev, bool movable, const char *then)
{
	const char *name = daxctl_dev_get_devname(dev);
	unsigned int online, in_movable, other;
	int zone = zone_of_online_blocks(dev, &online, &in_movable);

	if (zone < -1) {
		pr_err("%s: cannot tell the zones of its memory blocks: %s",
		       name, strerror(-zone));
		return false;
	}
	other = movable ? online - in_movable : in_movable;
	if (!other)
		return true;
	pr_err("%s: onlined, but %u of its %u online memory blocks are in "
	       "%s, not %s as asked: %s",
	       name, other, online, movable ? "a kernel zone" : "ZONE_MOVABLE",
	       movable ? "ZONE_MOVABLE" : "a kernel zone", then);
	return false;
}
