/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DAXCTL_MEMORY_H
#define DAXCTL_MEMORY_H

#include <stdbool.h>
#include <daxctl/libdaxctl.h>

/*
 * The memory blocks one operation changed, with the state each had
 * before, so a failure part-way can put them back.
 */
struct block_log {
	unsigned int count, cap;
	struct block_change {
		unsigned long block;
		bool was_online;
		bool was_movable;
	} *changes;
};

/*
 * Online every memory block of a system-ram device (movable: ZONE_MOVABLE,
 * else ZONE_NORMAL), all or nothing: on a failure (a negative errno, after
 * printing which block failed) the blocks changed are put back.  log,
 * empty on entry, holds the changes for a later undo.
 */
int dev_online_memory(struct daxctl_dev *dev, bool movable,
		      struct block_log *log);
/* Offline every memory block of the device, likewise. */
int dev_offline_memory(struct daxctl_dev *dev, struct block_log *log);
/*
 * Put every logged block back the way it was, newest first; -EIO when a
 * block refused (each is named).
 */
int block_log_undo(struct daxctl_dev *dev, struct block_log *log);
void block_log_free(struct block_log *log);

#endif
