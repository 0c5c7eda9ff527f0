/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inputs of zone_predict() (zone-predict.h) for a dax device about to
 * be given to kmem, read from the running kernel, and the zone its online
 * memory blocks are in now.
 */
#ifndef DAXCHANGE_ZONE_READ_H
#define DAXCHANGE_ZONE_READ_H

#include <stddef.h>

#include <daxctl/libdaxctl.h>
#include "zone-predict.h"

/*
 * auto_online_blocks into policy (its word), the memory_hotplug online
 * policy and its parameters, movable_node from proc/cmdline, the zones of
 * the device's target node from proc/zoneinfo, and the device's first
 * memory block.  0, or a negative errno when something the prediction
 * needs cannot be read (proc/zoneinfo, the device's range).
 */
int zone_inputs_read(struct daxctl_dev *dev, struct zone_inputs *in,
		     char *policy, size_t len);

/*
 * The zone of the device's online memory blocks: a zone (zone-predict.h)
 * when every online block is in the same one, -1 when none is online,
 * -EXDEV when they are in several; *online and *in_movable count them.
 */
int zone_of_online_blocks(struct daxctl_dev *dev, unsigned int *online,
			  unsigned int *in_movable);

#endif
