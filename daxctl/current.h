/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DAXCTL_CURRENT_H
#define DAXCTL_CURRENT_H

#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>

/* linux-6.1-patched when the kernel shows the series' controls. */
const struct memmap_profile *running_profile(struct daxctl_ctx *ctx);
/*
 * The device's memmap configuration as the kernel applies it at bind:
 * mode, align, compound, location, and the namespace layout behind it.
 */
void dev_memmap_config(struct daxctl_dev *dev, struct memmap_config *cfg,
		       struct daxctl_backing *b);
/* Whether device_dax builds the memmap from compound pages at bind. */
bool dev_compound(struct daxctl_dev *dev);
/* Whether device_dax puts the memmap in the namespace's reserve at bind. */
bool dev_memmap_on_device(struct daxctl_dev *dev,
			  const struct daxctl_backing *b);

struct sysroot;
/* MemFree of a NUMA node (node 0 when node < 0); 0 when unreadable. */
uint64_t node_free_bytes(struct sysroot *root, int node);

#endif
