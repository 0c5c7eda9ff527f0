// SPDX-License-Identifier: GPL-2.0
/*
 * Which stock kernel profile the running kernel is, from what it has: a
 * per-device memmap_on_memory attribute (upstream 6.8, on every dax
 * device) and the memory_hotplug.memmap_on_memory parameter, never the
 * version string, so a distribution kernel with the feature backported
 * is planned as what it does.
 */
#include <stdbool.h>

#include <daxctl/libdaxctl.h>
#include "context.h"

const struct memmap_profile *devstate_stock_profile(struct daxctl_ctx *dax)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	bool attr = false;

	if (!dax)
		return &memmap_profile_linux61_x86_64;
	daxctl_region_foreach (dax, region)
		daxctl_dev_foreach (region, dev)
			attr |= daxctl_dev_has_control(dev, "memmap_on_memory");
	if (!attr)
		return &memmap_profile_linux61_x86_64;
	/*
	 * Without the parameter kmem ignores the attribute (the memmap
	 * goes to DRAM) and refuses a write of 1 with EOPNOTSUPP.
	 */
	return daxctl_memmap_on_memory_enabled(dax) == 1 ?
		       &memmap_profile_linux612_x86_64 :
		       &memmap_profile_linux612_mom_off;
}
