// SPDX-License-Identifier: GPL-2.0
/*
 * The memmap configuration a device has now, read from the kernel, and the
 * model profile of the running kernel.  Both tools' list output and the
 * planner start from here.
 */
#include <stdio.h>
#include <string.h>

#include <memmap/memmap.h>
#include <util/sysfs.h>
#include "current.h"

bool dev_compound(struct daxctl_dev *dev)
{
	int compound = daxctl_dev_get_compound(dev);

	/* Stock device-dax always asks for compound pages above 4K. */
	return compound < 0 || compound;
}

bool dev_memmap_on_device(struct daxctl_dev *dev,
			  const struct daxctl_backing *b)
{
	bool on_device;

	/* A patched kernel says; otherwise the nd mode decides. */
	if (!daxctl_dev_get_memmap(dev, &on_device))
		return on_device;
	return b->nd && b->memmap_pmem;
}

void dev_memmap_config(struct daxctl_dev *dev, struct memmap_config *cfg,
		       struct daxctl_backing *b)
{
	*cfg = (struct memmap_config){ 0 };
	if (daxctl_region_get_backing(daxctl_dev_get_region(dev), b))
		*b = (struct daxctl_backing){ 0 };
	cfg->mode = daxctl_dev_get_mode(dev) == DAXCTL_DEV_MODE_RAM ?
			    MEMMAP_MODE_SYSTEM_RAM :
			    MEMMAP_MODE_DEVDAX;
	cfg->align =
		daxctl_dev_get_align(dev) ? daxctl_dev_get_align(dev) : 4096;
	cfg->compound = dev_compound(dev);
	if (b->nd) {
		cfg->info_block = true;
		cfg->start = b->ns_start;
		cfg->size = b->ns_size;
		cfg->keep_reserve = b->memmap_pmem;
	} else {
		cfg->start = daxctl_dev_get_resource(dev);
		cfg->size = daxctl_dev_get_size(dev);
	}

	if (cfg->mode == MEMMAP_MODE_SYSTEM_RAM) {
		/* On system-ram the location is memmap_on_memory. */
		if (daxctl_dev_get_memmap_on_memory(dev) == 1)
			cfg->location = MEMMAP_PMEM;
		return;
	}
	if (dev_memmap_on_device(dev, b))
		cfg->location = MEMMAP_PMEM;
	/* With the memmap in the reserve, the reserve is not "kept" aside. */
	if (cfg->location == MEMMAP_PMEM)
		cfg->keep_reserve = false;
}
