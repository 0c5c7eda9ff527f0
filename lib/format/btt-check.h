/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The BTT consistency check behind ndctl check-namespace, on an open file
 * descriptor of the raw namespace (or of an image of one): info blocks
 * and their backups, the flog, the map, and that every internal block is
 * referenced exactly once.  What it can repair (an info block from its
 * backup or the reverse, a map entry the flog says was being updated, the
 * flog rewritten in the current slot layout) it writes only when asked.
 */
#ifndef NDCTL_BTT_CHECK_H
#define NDCTL_BTT_CHECK_H

#include <stdbool.h>
#include <stdint.h>

struct btt_check {
	int fd; /* opened read-write when repair is set */
	uint64_t size; /* the raw namespace's size */
	const uint8_t *parent_uuid; /* the namespace's uuid; NULL: none */
	const char *name; /* for messages */
	bool repair, rewrite_log;
	/* results */
	int arenas;
	int problems; /* found and not repaired */
	int repaired;
};

/*
 * 0 when the BTT is consistent (after any repairs made), 1 when problems
 * remain (each printed, one line naming the arena, offset and what is
 * wrong), or -errno when the device could not be read or written.
 */
int btt_check_run(struct btt_check *c);

#endif
