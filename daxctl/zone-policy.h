/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The zone a system-ram change asks for against what the kernel will do:
 * its auto_online_blocks policy onlines hot-added memory itself when
 * kmem binds (Debian's 6.12: online), to the zone the kernel's rules give
 * (daxchange/zone-predict.h: online_policy, movable_node, the zones the
 * node spans), and online memory never changes zone.  Checked before
 * anything changes, and once more after the memory is online.
 */
#ifndef DAXCTL_ZONE_POLICY_H
#define DAXCTL_ZONE_POLICY_H

#include <stdbool.h>

#include <daxchange/decide.h>

/*
 * 0, or -EPERM after one line naming auto_online_blocks (or the zones
 * the memory is in) and the way out; --force does not override it.
 */
int zone_policy_check(struct daxctl_dev *dev, const struct dax_setup *cur,
		      const struct dax_setup *t, const struct dax_request *req,
		      bool binds_kmem);

/*
 * After an online: true when every online block of the device is in the
 * zone asked for (ZONE_MOVABLE, or a kernel zone), else false after one
 * line saying where the kernel put them, ended by then (what follows).
 */
bool zone_applied(struct daxctl_dev *dev, bool movable, const char *then);

#endif
