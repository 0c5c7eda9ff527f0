// SPDX-License-Identifier: GPL-2.0
/*
 * Whether taking a namespace away (reconfigure, destroy, disable, or
 * disabling its region) would pull a device out from under someone.
 */
#include <stdio.h>
#include <string.h>

#include <util/inuse.h>
#include <util/log.h>
#include <util/sysfs.h>
#include "busy.h"

bool namespace_busy(struct ndctl_namespace *ns, struct daxctl_ctx *dax)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	const char *name = ndctl_namespace_get_devname(ns);
	struct sysroot *root;
	char node[64];
	bool busy = false;
	pid_t pid;

	root = sysroot_open(daxctl_get_sysroot(dax));
	if (!root)
		return false;
	if (claim && ndctl_claim_get_chardev(claim)[0]) {
		struct daxctl_dev *dev =
			daxctl_get_dev(dax, ndctl_claim_get_chardev(claim));
		struct daxctl_memblocks mb;

		snprintf(node, sizeof(node), "/dev/%s",
			 ndctl_claim_get_chardev(claim));
		if (dev && daxctl_dev_get_mode(dev) == DAXCTL_DEV_MODE_RAM &&
		    !daxctl_dev_get_memblocks(dev, &mb) && mb.online) {
			pr_err("%s: %s has %u memory blocks online as system "
			       "RAM; take it back first (daxctl "
			       "reconfigure-device -m devdax -f %s)",
			       name, node + 5, mb.online, node + 5);
			busy = true;
		}
	} else {
		const char *blk = claim ? ndctl_claim_get_blockdev(claim) :
					  ndctl_namespace_get_blockdev(ns);

		snprintf(node, sizeof(node), "/dev/%s", blk ? blk : "");
	}
	if (!busy && strcmp(node, "/dev/")) {
		pid = device_user(root, node);
		if (pid) {
			pr_err("%s: %s is in use by process %d", name, node,
			       (int)pid);
			busy = true;
		}
	}
	sysroot_close(root);
	return busy;
}
