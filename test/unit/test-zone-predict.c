// SPDX-License-Identifier: GPL-2.0
/*
 * zone_predict() against the rules of mm/memory_hotplug.c (6.1, 6.12):
 * the policy words, contig-zones with and without movable_node and with
 * zones spanning the block (kernelcore=/movablecore=, memory in a hole of
 * boot memory), and auto-movable's MOVABLE:KERNEL_EARLY ratio.
 */
#include <errno.h>
#include <string.h>

#include <daxchange/zone-predict.h>
#include "tap.h"

#define GIB_PAGES (1ULL << 18) /* 4 KiB pages */
#define BLOCK_PAGES (128ULL << 8) /* a 128 MiB block */

/*
 * A QEMU guest's node 0 with 2 GiB of RAM: DMA below 16 MiB, DMA32 up
 * to 2 GiB, no Normal, no Movable; the block to online at 4 GiB + pfn.
 */
static struct zone_inputs guest(uint64_t start_pfn)
{
	struct zone_inputs in = {
		.policy = ZP_POLICY_CONTIG_ZONES,
		.auto_movable_ratio = 301,
		.auto_movable_numa_aware = true,
		.start_pfn = start_pfn,
		.nr_pages = BLOCK_PAGES,
		.group_pages = 4 * GIB_PAGES,
	};

	in.node[ZP_DMA] = (struct zp_zone_info){ .start_pfn = 1,
						 .spanned = 4095,
						 .present = 3998,
						 .present_early = 3998 };
	in.node[ZP_DMA32] = (struct zp_zone_info){
		.start_pfn = 4096,
		.spanned = 2 * GIB_PAGES - 4096,
		.present = 2 * GIB_PAGES - 4096,
		.present_early = 2 * GIB_PAGES - 4096,
	};
	in.all_kernel_early = 2 * GIB_PAGES - 98;
	return in;
}

static void words(void)
{
	tap_ok(zp_online_from_word("online") == ZP_ONLINE &&
		       zp_online_from_word("online_kernel") ==
			       ZP_ONLINE_KERNEL &&
		       zp_online_from_word("online_movable") ==
			       ZP_ONLINE_MOVABLE &&
		       zp_online_from_word("offline") == ZP_OFFLINE,
	       "auto_online_blocks' four words");
	tap_ok(zp_online_from_word("") == -EINVAL &&
		       zp_online_from_word("Online") == -EINVAL,
	       "anything else is -EINVAL");
	tap_ok(zp_policy_from_word("contig-zones") == ZP_POLICY_CONTIG_ZONES &&
		       zp_policy_from_word("auto-movable") ==
			       ZP_POLICY_AUTO_MOVABLE &&
		       zp_policy_from_word("auto_movable") == -EINVAL,
	       "online_policy's two words");
	tap_ok(zp_zone_from_name("Normal") == ZP_NORMAL &&
		       zp_zone_from_name("Movable") == ZP_MOVABLE &&
		       zp_zone_from_name("DMA32") == ZP_DMA32 &&
		       zp_zone_from_name("Device") == -EINVAL,
	       "zoneinfo's zone names; ZONE_DEVICE is none of ours");
	tap_ok(!strcmp(zp_zone_kname(ZP_NORMAL), "ZONE_NORMAL") &&
		       !strcmp(zp_zone_name(-1), "none"),
	       "zone names for messages");
}

static void explicit(void)
{
	struct zone_inputs in = guest(4 * GIB_PAGES);

	tap_ok(zone_predict(&in, ZP_OFFLINE) == -1, "offline: no zone");
	tap_ok(zone_predict(&in, ZP_ONLINE_MOVABLE) == ZP_MOVABLE,
	       "online_movable: ZONE_MOVABLE");
	tap_ok(zone_predict(&in, ZP_ONLINE_KERNEL) == ZP_NORMAL,
	       "online_kernel above boot memory: ZONE_NORMAL");
	in.movable_node = true;
	tap_ok(zone_predict(&in, ZP_ONLINE_KERNEL) == ZP_NORMAL,
	       "online_kernel: ZONE_NORMAL with movable_node too");
	in = guest(GIB_PAGES);
	tap_ok(zone_predict(&in, ZP_ONLINE_KERNEL) == ZP_DMA32,
	       "online_kernel inside DMA32's span (a hole at 1 GiB): DMA32");
	in.policy = ZP_POLICY_AUTO_MOVABLE;
	tap_ok(zone_predict(&in, ZP_ONLINE_MOVABLE) == ZP_MOVABLE,
	       "online_movable ignores online_policy");
}

static void contig_zones(void)
{
	struct zone_inputs in = guest(4 * GIB_PAGES);

	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "online, no zone spans the block: ZONE_NORMAL (Debian 6.12)");
	in.movable_node = true;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "online with movable_node: ZONE_MOVABLE");

	/* Soft Reserved memory inside boot RAM (hmem): DMA32 spans it. */
	in = guest(GIB_PAGES);
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_DMA32,
	       "online inside DMA32's span: DMA32");
	in.movable_node = true;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_DMA32,
	       "movable_node does not move memory a kernel zone spans");

	/* movablecore=: ZONE_MOVABLE spans the top of boot memory. */
	in = guest(GIB_PAGES);
	in.node[ZP_DMA32].spanned = GIB_PAGES / 2 - 4096;
	in.node[ZP_MOVABLE] = (struct zp_zone_info){
		.start_pfn = GIB_PAGES / 2,
		.spanned = 3 * GIB_PAGES / 2,
		.present = 3 * GIB_PAGES / 2,
	};
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "movablecore=: online inside Movable's span: ZONE_MOVABLE");
	tap_ok(zone_predict(&in, ZP_ONLINE_KERNEL) == ZP_NORMAL,
	       "movablecore=: online_kernel there: ZONE_NORMAL");

	/* Both span the block (interleaved nodes): a kernel zone. */
	in = guest(GIB_PAGES);
	in.node[ZP_MOVABLE] = (struct zp_zone_info){
		.start_pfn = GIB_PAGES / 2,
		.spanned = GIB_PAGES,
		.present = GIB_PAGES / 4,
	};
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_DMA32,
	       "DMA32 and Movable both span it: the kernel zone");
	in.movable_node = true;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "both span it, movable_node: ZONE_MOVABLE");

	/* A block just past a zone's end is not spanned by it. */
	in = guest(2 * GIB_PAGES);
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "the block right after DMA32's end: not DMA32");
	in = guest(2 * GIB_PAGES - BLOCK_PAGES);
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_DMA32,
	       "the last block inside DMA32's span: DMA32");
}

static void auto_movable(void)
{
	struct zone_inputs in = guest(4 * GIB_PAGES);

	in.policy = ZP_POLICY_AUTO_MOVABLE;
	/* 2 GiB early kernel memory, ratio 301: up to 6.02 GiB movable. */
	in.auto_movable_numa_aware = false;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "auto-movable: 4 GiB beside 2 GiB of boot memory: movable");
	in.group_pages = 7 * GIB_PAGES;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable: 7 GiB beside 2 GiB exceeds 301%%: kernel");
	in.group_online_movable = 2 * GIB_PAGES;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "auto-movable: counts only what the group has left");
	in.group_pages = 4 * GIB_PAGES;
	in.group_online_movable = 0;
	in.all_movable = 3 * GIB_PAGES;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable: 3 GiB movable already online: kernel");
	in.all_movable = 0;
	in.auto_movable_ratio = 100;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable: ratio 100 keeps 4 GiB out");
	in.auto_movable_ratio = 0;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable: ratio 0 is always a kernel zone");
	in.auto_movable_ratio = 301;
	in.group_online_kernel = BLOCK_PAGES;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable: a group with kernel memory stays kernel");
	in.group_online_kernel = 0;

	/* numa-aware: the node's own kernel memory counts too. */
	in.auto_movable_numa_aware = true;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "auto-movable, numa-aware, node 0 has the boot memory");
	memset(in.node, 0, sizeof(in.node));
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable, numa-aware, a memory-only node: kernel");
	in.auto_movable_numa_aware = false;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_MOVABLE,
	       "the same node without numa-awareness: movable");

	/* CMA pages count as movable and not as kernel memory. */
	in = guest(4 * GIB_PAGES);
	in.policy = ZP_POLICY_AUTO_MOVABLE;
	in.node[ZP_DMA32].cma = GIB_PAGES;
	in.all_kernel_early -= GIB_PAGES;
	in.all_movable += GIB_PAGES;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_NORMAL,
	       "auto-movable: 1 GiB CMA leaves 1 GiB of kernel memory");
	in = guest(GIB_PAGES);
	in.policy = ZP_POLICY_AUTO_MOVABLE;
	in.auto_movable_ratio = 0;
	tap_ok(zone_predict(&in, ZP_ONLINE) == ZP_DMA32,
	       "auto-movable's kernel zone is the one spanning the block");
}

int main(void)
{
	words();
	explicit();
	contig_zones();
	auto_movable();
	return tap_done();
}
