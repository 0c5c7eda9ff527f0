/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The zone a system-ram change asks for against what the kernel will do:
 * its auto_online_blocks policy onlines hot-added memory itself when
 * kmem binds (Debian's 6.12: online, to ZONE_NORMAL), and online memory
 * never changes zone.  Checked before anything changes.
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

#endif
