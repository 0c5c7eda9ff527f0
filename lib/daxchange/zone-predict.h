/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The zone the kernel gives a memory block it onlines, worked out the way
 * mm/memory_hotplug.c's zone_for_pfn_range() does it (6.1 and 6.12 have
 * the same rules), from inputs a reader gathered (zone-read.h).  No I/O:
 * the unit test feeds it every case.
 */
#ifndef DAXCHANGE_ZONE_PREDICT_H
#define DAXCHANGE_ZONE_PREDICT_H

#include <stdbool.h>
#include <stdint.h>

/* The zones a node has, in the kernel's order (ZONE_DEVICE left out). */
enum zp_zone {
	ZP_DMA,
	ZP_DMA32,
	ZP_NORMAL,
	ZP_MOVABLE,
	ZP_NR_ZONES,
};

/* What onlines the block: auto_online_blocks' words, or a state write. */
enum zp_online {
	ZP_OFFLINE, /* the policy leaves it offline: no zone */
	ZP_ONLINE, /* "online": the kernel picks */
	ZP_ONLINE_KERNEL,
	ZP_ONLINE_MOVABLE,
};

/* memory_hotplug.online_policy (5.16+; contig-zones before it). */
enum zp_policy {
	ZP_POLICY_CONTIG_ZONES,
	ZP_POLICY_AUTO_MOVABLE,
};

/* One zone of a node, as proc/zoneinfo shows it (pages). */
struct zp_zone_info {
	uint64_t start_pfn, spanned; /* the span: empty when spanned is 0 */
	uint64_t present; /* present_pages */
	uint64_t present_early; /* of present, what was there at boot */
	uint64_t cma;
};

struct zone_inputs {
	enum zp_policy policy;
	unsigned int auto_movable_ratio; /* percent, 301 by default */
	bool auto_movable_numa_aware;
	bool movable_node; /* movable_node on the kernel command line */
	/* The target node's zones, and the sums over every node. */
	struct zp_zone_info node[ZP_NR_ZONES];
	uint64_t all_kernel_early, all_movable; /* after CMA is moved over */
	/*
	 * kmem's static memory group: the device's pages, and those of
	 * them already online (none at bind).
	 */
	uint64_t group_pages, group_online_movable, group_online_kernel;
	/* The block being onlined. */
	uint64_t start_pfn, nr_pages;
};

/*
 * The zone the block goes to when onlined by how, or -1 for ZP_OFFLINE.
 * ZP_ONLINE_KERNEL gives the first kernel zone spanning the block, else
 * ZONE_NORMAL; ZP_ONLINE follows online_policy: contig-zones inherits
 * the one zone spanning the block, else ZONE_MOVABLE with movable_node
 * and a kernel zone without; auto-movable gives ZONE_MOVABLE while the
 * MOVABLE:KERNEL_EARLY ratio allows all of the group (and, numa-aware,
 * on the node too).
 */
int zone_predict(const struct zone_inputs *in, enum zp_online how);

/* Names as proc/zoneinfo and valid_zones print them ("Normal"), and back. */
const char *zp_zone_name(int zone);
int zp_zone_from_name(const char *name);
/* "ZONE_NORMAL", for messages. */
const char *zp_zone_kname(int zone);
/* auto_online_blocks and online_policy words; -EINVAL for others. */
int zp_online_from_word(const char *word);
int zp_policy_from_word(const char *word);

#endif
