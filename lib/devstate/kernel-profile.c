// SPDX-License-Identifier: GPL-2.0
/*
 * Which stock kernel profile the running kernel is, from what it has: a
 * per-device memmap_on_memory attribute (upstream 6.8, on every dax
 * device) and the memory_hotplug.memmap_on_memory parameter, never the
 * version string, so a distribution kernel with the feature backported
 * is planned as what it does.  With no dax device to show the attribute
 * (plan --size on a machine without one), its store function in the
 * kernel's BTF is the evidence: drivers/dax/bus.c, built in where
 * CONFIG_DAX=y (Debian), a module's BTF where it is not.
 */
#include <stdbool.h>

#include <daxctl/libdaxctl.h>
#include "context.h"
#include "kernel-btf.h"

/* The function DEVICE_ATTR_RW(memmap_on_memory) names (6.8's bus.c). */
#define MOM_STORE "memmap_on_memory_store"

static bool btf_has_mom_attr(struct daxctl_ctx *dax)
{
	struct sysroot *root = daxctl_get_root(dax);

	return kernel_btf_has_name(root, "vmlinux", MOM_STORE) == 1 ||
	       kernel_btf_has_name(root, "dax", MOM_STORE) == 1;
}

const struct memmap_profile *devstate_stock_profile(struct daxctl_ctx *dax)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	bool attr = false, any = false;

	if (!dax)
		return &memmap_profile_linux61_x86_64;
	daxctl_region_foreach (dax, region)
		daxctl_dev_foreach (region, dev) {
			any = true;
			attr |= daxctl_dev_has_control(dev, "memmap_on_memory");
		}
	/* A device without the attribute outweighs what BTF says. */
	if (!any)
		attr = btf_has_mom_attr(dax);
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
