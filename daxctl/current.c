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

/*
 * Kernel features are detected, never assumed from a version: a device
 * with the memmap attribute means the kernel-patches series is applied.
 */
const struct memmap_profile *running_profile(struct daxctl_ctx *ctx)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;

	if (ctx) {
		daxctl_region_foreach (ctx, region)
			daxctl_dev_foreach (region, dev)
				if (daxctl_dev_has_control(dev, "memmap"))
					return &memmap_profile_linux61_patched;
	}
	return &memmap_profile_linux61_x86_64;
}

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

/* MemFree of a NUMA node from its meminfo, 0 when it cannot be read. */
uint64_t node_free_bytes(struct sysroot *root, int node)
{
	char buf[4096], *line;
	unsigned long long kb;

	if (node < 0)
		node = 0;
	if (sysfs_read(root, buf, sizeof(buf),
		       "sys/devices/system/node/node%d/meminfo", node))
		return 0;
	line = strstr(buf, "MemFree:");
	if (!line || sscanf(line, "MemFree: %llu kB", &kb) != 1)
		return 0;
	return kb * 1024;
}
