/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DAXCTL_CURRENT_H
#define DAXCTL_CURRENT_H

#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>

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

/* The device-state context: the profile, node_free_bytes(). */
#include <devstate/context.h>

#endif
