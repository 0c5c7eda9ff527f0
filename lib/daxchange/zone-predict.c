// SPDX-License-Identifier: GPL-2.0
/*
 * zone_for_pfn_range() and its helpers restated (zone-predict.h).  The
 * kernel's rules, read in linux-source-6.1 and 6.12 mm/memory_hotplug.c:
 * - online_kernel: default_kernel_zone_for_pfn(), the first of DMA, DMA32
 *   whose span intersects the range, else Normal;
 * - online_movable: Movable;
 * - online with online_policy=auto-movable: auto_movable_zone_for_pfn();
 * - online otherwise (contig-zones): the zone spanning the range when
 *   exactly one of the kernel zone and Movable does, else Movable with
 *   movable_node and the kernel zone without.
 * kernelcore= and movablecore= act through the spans: boot memory they
 * put in ZONE_MOVABLE makes Movable span what lies inside it.
 */
#include <errno.h>
#include <string.h>

#include "zone-predict.h"

static const char *const zone_names[ZP_NR_ZONES] = {
	[ZP_DMA] = "DMA",
	[ZP_DMA32] = "DMA32",
	[ZP_NORMAL] = "Normal",
	[ZP_MOVABLE] = "Movable",
};

static const char *const zone_knames[ZP_NR_ZONES] = {
	[ZP_DMA] = "ZONE_DMA",
	[ZP_DMA32] = "ZONE_DMA32",
	[ZP_NORMAL] = "ZONE_NORMAL",
	[ZP_MOVABLE] = "ZONE_MOVABLE",
};

const char *zp_zone_name(int zone)
{
	return zone >= 0 && zone < ZP_NR_ZONES ? zone_names[zone] : "none";
}

const char *zp_zone_kname(int zone)
{
	return zone >= 0 && zone < ZP_NR_ZONES ? zone_knames[zone] : "no zone";
}

int zp_zone_from_name(const char *name)
{
	int z;

	for (z = 0; z < ZP_NR_ZONES; z++)
		if (!strcmp(name, zone_names[z]))
			return z;
	return -EINVAL;
}

int zp_online_from_word(const char *word)
{
	static const char *const words[] = {
		[ZP_OFFLINE] = "offline",
		[ZP_ONLINE] = "online",
		[ZP_ONLINE_KERNEL] = "online_kernel",
		[ZP_ONLINE_MOVABLE] = "online_movable",
	};
	int i;

	for (i = 0; i < (int)(sizeof(words) / sizeof(words[0])); i++)
		if (!strcmp(word, words[i]))
			return i;
	return -EINVAL;
}

int zp_policy_from_word(const char *word)
{
	if (!strcmp(word, "contig-zones"))
		return ZP_POLICY_CONTIG_ZONES;
	if (!strcmp(word, "auto-movable"))
		return ZP_POLICY_AUTO_MOVABLE;
	return -EINVAL;
}

/* zone_intersects(): a non-empty span overlapping [start, start + nr). */
static bool spans(const struct zp_zone_info *z, uint64_t start, uint64_t nr)
{
	if (!z->spanned)
		return false;
	return start < z->start_pfn + z->spanned && start + nr > z->start_pfn;
}

static int default_kernel_zone(const struct zone_inputs *in)
{
	int z;

	for (z = ZP_DMA; z < ZP_NORMAL; z++)
		if (spans(&in->node[z], in->start_pfn, in->nr_pages))
			return z;
	return ZP_NORMAL;
}

/*
 * auto_movable_can_online_movable() for kmem's static group: dynamic
 * groups (virtio-mem) add nothing, so the stats are the zones' alone.
 */
static bool can_online_movable(const struct zone_inputs *in, bool node_only,
			       uint64_t nr_pages)
{
	uint64_t kernel_early = in->all_kernel_early;
	uint64_t movable = in->all_movable;
	int z;

	if (node_only) {
		kernel_early = movable = 0;
		for (z = 0; z < ZP_NR_ZONES; z++) {
			const struct zp_zone_info *zi = &in->node[z];

			if (!zi->present)
				continue;
			if (z == ZP_MOVABLE) {
				movable += zi->present;
				continue;
			}
			/* CMA pages behave like ZONE_MOVABLE. */
			movable += zi->cma;
			kernel_early += zi->present_early - zi->cma;
		}
	}
	/* req_kernel_early_pages of no dynamic group is 0. */
	if (!kernel_early)
		return false;
	movable += nr_pages;
	return movable <= in->auto_movable_ratio * kernel_early / 100;
}

static int auto_movable_zone(const struct zone_inputs *in)
{
	uint64_t remaining;

	if (!in->auto_movable_ratio || in->group_online_kernel)
		return default_kernel_zone(in);
	/* Movable only if every page of the group still left can be. */
	remaining = in->group_pages > in->group_online_movable ?
			    in->group_pages - in->group_online_movable :
			    0;
	if (!can_online_movable(in, false, remaining))
		return default_kernel_zone(in);
	if (in->auto_movable_numa_aware &&
	    !can_online_movable(in, true, remaining))
		return default_kernel_zone(in);
	return ZP_MOVABLE;
}

int zone_predict(const struct zone_inputs *in, enum zp_online how)
{
	bool in_kernel, in_movable;
	int kernel;

	switch (how) {
	case ZP_OFFLINE:
		return -1;
	case ZP_ONLINE_KERNEL:
		return default_kernel_zone(in);
	case ZP_ONLINE_MOVABLE:
		return ZP_MOVABLE;
	case ZP_ONLINE:
		break;
	}
	if (in->policy == ZP_POLICY_AUTO_MOVABLE)
		return auto_movable_zone(in);
	kernel = default_kernel_zone(in);
	in_kernel = spans(&in->node[kernel], in->start_pfn, in->nr_pages);
	in_movable = spans(&in->node[ZP_MOVABLE], in->start_pfn, in->nr_pages);
	if (in_kernel != in_movable)
		return in_kernel ? kernel : ZP_MOVABLE;
	/* Spanned by neither or by both: online is to a kernel zone. */
	return in->movable_node ? ZP_MOVABLE : kernel;
}
