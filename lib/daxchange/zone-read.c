// SPDX-License-Identifier: GPL-2.0
/*
 * What the kernel decides a zone from (zone-read.h), read where it shows
 * it: sys/devices/system/memory, sys/module/memory_hotplug/parameters,
 * proc/cmdline and proc/zoneinfo, all under the command's root.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <util/sysfs.h>
#include "zone-read.h"

#define MHP_PARAM "sys/module/memory_hotplug/parameters/"

static struct sysroot *dev_root(struct daxctl_dev *dev)
{
	return daxctl_get_root(
		daxctl_region_get_ctx(daxctl_dev_get_region(dev)));
}

/* movable_node as a word of the command line (early_param). */
static bool cmdline_has(struct sysroot *root, const char *word)
{
	char buf[4096], *tok, *save;

	if (sysfs_read(root, buf, sizeof(buf), "proc/cmdline"))
		return false;
	for (tok = strtok_r(buf, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save))
		if (!strcmp(tok, word))
			return true;
	return false;
}

/*
 * The online policy: contig-zones where the parameters are missing
 * (before 5.16, or memory hotplug without them), as the kernel defaults.
 */
static void read_policy(struct sysroot *root, struct zone_inputs *in)
{
	char buf[32];
	uint64_t ratio;
	int p;

	in->policy = ZP_POLICY_CONTIG_ZONES;
	in->auto_movable_ratio = 301;
	in->auto_movable_numa_aware = true;
	if (!sysfs_read(root, buf, sizeof(buf), MHP_PARAM "online_policy") &&
	    (p = zp_policy_from_word(buf)) >= 0)
		in->policy = p;
	if (!sysfs_read_u64(root, &ratio, MHP_PARAM "auto_movable_ratio") &&
	    ratio <= UINT32_MAX)
		in->auto_movable_ratio = ratio;
	if (!sysfs_read(root, buf, sizeof(buf),
			MHP_PARAM "auto_movable_numa_aware"))
		in->auto_movable_numa_aware = buf[0] == 'Y' || buf[0] == '1';
}

/*
 * proc/zoneinfo: "Node 0, zone   Normal", then its "spanned", "present",
 * "cma" and "start_pfn:" lines.  An unpopulated zone ends before its
 * start_pfn: a span without one is refused (-EBADMSG), as the prediction
 * would be a guess.  present_early is present: hot-added memory a kernel
 * zone holds is counted as boot memory (the kernel keeps it apart, but
 * does not show it), which can only make auto-movable look more generous
 * when kmem memory is already online in a kernel zone.
 */
static int read_zoneinfo(struct sysroot *root, int node, struct zone_inputs *in)
{
	struct zp_zone_info *z = NULL, other;
	bool start_seen[ZP_NR_ZONES] = { 0 };
	char *line = NULL, name[16];
	unsigned long long v;
	size_t cap = 0;
	int at, zone = -1, rc = 0;
	bool mine = false;
	FILE *f;

	f = sysfs_open_lines(root, "proc/zoneinfo");
	if (!f)
		return -errno;
	while (getline(&line, &cap, f) > 0) {
		if (sscanf(line, "Node %d, zone %15s", &at, name) == 2) {
			zone = zp_zone_from_name(name);
			z = zone >= 0 ? &in->node[zone] : NULL;
			mine = at == node;
			/* Other nodes only add to the sums. */
			if (zone >= 0 && !mine) {
				memset(&other, 0, sizeof(other));
				z = &other;
			}
			continue;
		}
		if (!z)
			continue;
		if (sscanf(line, " spanned %llu", &v) == 1) {
			z->spanned = v;
		} else if (sscanf(line, " present %llu", &v) == 1) {
			z->present = z->present_early = v;
			if (zone == ZP_MOVABLE)
				in->all_movable += v;
			else
				in->all_kernel_early += v;
		} else if (sscanf(line, " cma %llu", &v) == 1) {
			z->cma = v;
			if (zone != ZP_MOVABLE) {
				in->all_movable += v;
				in->all_kernel_early -= v;
			}
		} else if (sscanf(line, " start_pfn: %llu", &v) == 1) {
			z->start_pfn = v;
			if (mine)
				start_seen[zone] = true;
		}
	}
	free(line);
	fclose(f);
	/* A node not online yet has no zones: all of them empty. */
	for (zone = 0; zone < ZP_NR_ZONES; zone++)
		if (in->node[zone].spanned && !start_seen[zone])
			rc = -EBADMSG;
	return rc;
}

/* The lowest whole memory block of the device: the kernel onlines it first. */
static int first_block(struct daxctl_dev *dev, unsigned long block, void *arg)
{
	(void)dev;
	*(unsigned long *)arg = block;
	return 1;
}

int zone_inputs_read(struct daxctl_dev *dev, struct zone_inputs *in,
		     char *policy, size_t len)
{
	struct daxctl_ctx *ctx =
		daxctl_region_get_ctx(daxctl_dev_get_region(dev));
	struct sysroot *root = dev_root(dev);
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t bs = daxctl_get_memory_block_size(ctx);
	struct daxctl_memblocks mb;
	unsigned long block = 0;
	int node, rc;

	memset(in, 0, sizeof(*in));
	if (policy && len) {
		policy[0] = '\0';
		daxctl_get_auto_online(ctx, policy, len);
	}
	if (!bs || !page)
		return -ENODEV;
	read_policy(root, in);
	in->movable_node = cmdline_has(root, "movable_node");
	/* kmem adds the memory to the device's target node. */
	node = daxctl_dev_get_target_node(dev);
	if (node < 0)
		node = daxctl_dev_get_numa_node(dev);
	rc = read_zoneinfo(root, node < 0 ? 0 : node, in);
	if (rc)
		return rc;
	rc = daxctl_dev_foreach_memblock(dev, first_block, &block);
	if (rc < 0)
		return rc;
	if (rc != 1)
		return -ENOSPC; /* no whole block: nothing to online */
	in->start_pfn = block * (bs / page);
	in->nr_pages = bs / page;
	in->group_pages = daxctl_dev_get_size(dev) / page;
	if (!daxctl_dev_get_memblocks(dev, &mb)) {
		in->group_pages = (uint64_t)mb.expected * (bs / page);
		in->group_online_movable =
			(uint64_t)mb.online_movable * (bs / page);
		in->group_online_kernel =
			(uint64_t)(mb.online - mb.online_movable) * (bs / page);
	}
	return 0;
}

struct zone_count {
	struct daxctl_ctx *ctx;
	unsigned int online, in_movable;
	int zone;
};

static int count_block(struct daxctl_dev *dev, unsigned long block, void *arg)
{
	struct zone_count *c = arg;
	char state[32], zone[64];
	int z;

	(void)dev;
	if (daxctl_memblock_get_state(c->ctx, block, state, sizeof(state)) ||
	    strcmp(state, "online"))
		return 0;
	/* An online block's valid_zones is the one zone it is in. */
	if (daxctl_memblock_get_zone(c->ctx, block, zone, sizeof(zone)))
		return 0;
	z = zp_zone_from_name(zone);
	c->online++;
	c->in_movable += z == ZP_MOVABLE;
	if (c->zone == -1)
		c->zone = z;
	else if (c->zone != z)
		c->zone = -EXDEV;
	return 0;
}

int zone_of_online_blocks(struct daxctl_dev *dev, unsigned int *online,
			  unsigned int *in_movable)
{
	struct zone_count c = {
		.ctx = daxctl_region_get_ctx(daxctl_dev_get_region(dev)),
		.zone = -1,
	};
	int rc = daxctl_dev_foreach_memblock(dev, count_block, &c);

	*online = c.online;
	*in_movable = c.in_movable;
	return rc < 0 ? rc : c.zone;
}
