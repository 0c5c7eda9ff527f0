// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <daxctl/libdaxctl.h>
#include <util/size.h>
#include <util/sysfs.h>

#include "private.h"

static void free_mappings(struct daxctl_dev *dev);

static void free_dev(struct daxctl_dev *dev)
{
	free_mappings(dev);
	free(dev->devname);
	free(dev);
}

static void free_regions(struct daxctl_ctx *ctx)
{
	while (ctx->regions) {
		struct daxctl_region *region = ctx->regions;

		ctx->regions = region->next;
		while (region->devs) {
			struct daxctl_dev *dev = region->devs;

			region->devs = dev->next;
			free_dev(dev);
		}
		free(region->path);
		free(region);
	}
}

static void free_mappings(struct daxctl_dev *dev)
{
	while (dev->mappings) {
		struct daxctl_mapping *m = dev->mappings;

		dev->mappings = m->next;
		free(m);
	}
}

/* One mappingN: every field reads, and start..end is a real range. */
static bool read_mapping(struct daxctl_ctx *ctx, struct daxctl_dev *dev,
			 const char *name, struct daxctl_mapping *m)
{
	const char *d = dev->devname;

	return !sysfs_read_u64(ctx->root, &m->offset,
			       DAX_DEVICES "/%s/%s/page_offset", d, name) &&
	       !sysfs_read_u64(ctx->root, &m->start, DAX_DEVICES "/%s/%s/start",
			       d, name) &&
	       !sysfs_read_u64(ctx->root, &m->end, DAX_DEVICES "/%s/%s/end", d,
			       name) &&
	       m->start <= m->end && m->end != UINT64_MAX;
}

/*
 * The kernel's size of a device is the sum of its ranges
 * (dev_dax_size()); ranges that do not read, or do not add up to it, are
 * not the device's, and neither is that size.
 */
static int load_mappings(struct daxctl_ctx *ctx, struct daxctl_dev *dev)
{
	struct daxctl_mapping **tail = &dev->mappings;
	uint64_t sum = 0, len;
	bool bad = false;
	char **names;
	int n, i;

	n = sysfs_list(ctx->root, "mapping", &names, DAX_DEVICES "/%s",
		       dev->devname);
	if (n < 0)
		return n;
	for (i = 0; i < n && !bad; i++) {
		struct daxctl_mapping *m;

		/* mappingN directories; "mapping" is the write-only control. */
		if (!names[i][strlen("mapping")])
			continue;
		m = calloc(1, sizeof(*m));
		if (!m) {
			sysfs_free_names(names);
			return -ENOMEM;
		}
		*tail = m;
		tail = &m->next;
		if (!read_mapping(ctx, dev, names[i], m)) {
			bad = true;
			break;
		}
		len = m->end - m->start + 1;
		bad = sum + len < sum;
		sum += len;
	}
	sysfs_free_names(names);
	if (dev->mappings && (bad || sum != dev->size)) {
		free_mappings(dev);
		dev->ranges_bad = true;
		dev->size = 0;
	}
	return 0;
}

static struct daxctl_region *find_or_add_region(struct daxctl_ctx *ctx,
						const char *parent)
{
	struct daxctl_region *region, **tail;
	int id;

	if (sysfs_read_int(ctx->root, &id, "%s/dax_region/id", parent))
		return NULL;
	for (tail = &ctx->regions; *tail; tail = &(*tail)->next)
		if ((*tail)->id == id)
			return *tail;
	region = calloc(1, sizeof(*region));
	if (!region)
		return NULL;
	region->ctx = ctx;
	region->id = id;
	region->path = strdup(parent);
	region->has_size = !sysfs_read_u64(ctx->root, &region->size,
					   "%s/dax_region/size", parent);
	region->has_align = !sysfs_read_align(ctx->root, &region->align,
					      "%s/dax_region/align", parent);
	sysfs_read_u64(ctx->root, &region->available_size,
		       "%s/dax_region/available_size", parent);
	region->numa_node = -1;
	sysfs_read_node(ctx->root, &region->numa_node, "%s/numa_node", parent);
	/* Only dynamic regions grow "create" (drivers/dax/bus.c). */
	region->dynamic =
		sysfs_exists(ctx->root, "%s/dax_region/create", parent);
	/* In the order their devices are found (daxctl_refresh()). */
	for (tail = &ctx->regions; *tail; tail = &(*tail)->next)
		;
	region->next = *tail;
	*tail = region;
	return region;
}

static int load_dev(struct daxctl_ctx *ctx, const char *name)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev, **tail;
	char *canon, *slash;
	int rc = -ENOMEM, region_id;

	canon = sysfs_canonical(ctx->root, DAX_DEVICES "/%s", name);
	if (!canon)
		return -ENOENT;
	slash = strrchr(canon, '/');
	if (!slash) {
		free(canon);
		return -EINVAL;
	}
	*slash = '\0';
	region = find_or_add_region(ctx, canon);
	free(canon);
	if (!region)
		return -ENOENT;

	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return -ENOMEM;
	dev->region = region;
	dev->devname = strdup(name);
	if (!dev->devname)
		goto err;
	if (sscanf(name, "dax%d.%d", &region_id, &dev->id) != 2)
		dev->id = -1;
	dev->target_node = dev->numa_node = -1;
	sysfs_read_u64(ctx->root, &dev->size, DAX_DEVICES "/%s/size", name);
	sysfs_read_align(ctx->root, &dev->align, DAX_DEVICES "/%s/align", name);
	sysfs_read_u64(ctx->root, &dev->resource, DAX_DEVICES "/%s/resource",
		       name);
	sysfs_read_node(ctx->root, &dev->target_node,
			DAX_DEVICES "/%s/target_node", name);
	sysfs_read_node(ctx->root, &dev->numa_node, DAX_DEVICES "/%s/numa_node",
			name);
	if (sysfs_link_name(ctx->root, dev->driver, sizeof(dev->driver),
			    DAX_DEVICES "/%s/driver", name))
		dev->driver[0] = '\0';
	rc = load_mappings(ctx, dev);
	if (rc)
		goto err;
	/* Older kernels have no resource attribute: use the first range. */
	if (!dev->resource && dev->mappings)
		dev->resource = dev->mappings->start;

	for (tail = &region->devs; *tail; tail = &(*tail)->next)
		;
	dev->next = *tail;
	*tail = dev;
	return 0;
err:
	free_dev(dev);
	return rc;
}

/*
 * block_size_bytes is hexadecimal without a 0x prefix, and a power of two
 * of at least a page: 1 or 3 would have the block walks below step
 * through every byte of a device.
 */
static void read_block_size(struct daxctl_ctx *ctx)
{
	char *buf = ctx->block_size_text, *end;
	uint64_t v;

	ctx->block_size = 0;
	if (sysfs_read(ctx->root, buf, sizeof(ctx->block_size_text),
		       MEMORY_DIR "/block_size_bytes")) {
		/* Absent is -ENOTSUP below; there but unreadable, -EINVAL. */
		snprintf(buf, sizeof(ctx->block_size_text), "%s",
			 sysfs_exists(ctx->root,
				      MEMORY_DIR "/block_size_bytes") ?
				 "(unreadable)" :
				 "");
		return;
	}
	if (!isxdigit((unsigned char)buf[0]))
		return;
	errno = 0;
	v = strtoull(buf, &end, 16);
	if (!errno && !*end && sysfs_valid_align(v))
		ctx->block_size = v;
}

static struct daxctl_dev *take_dev(struct daxctl_dev **head, const char *name)
{
	struct daxctl_dev **p, *dev;

	for (p = head; *p; p = &(*p)->next)
		if (!strcmp((*p)->devname, name)) {
			dev = *p;
			*p = dev->next;
			dev->next = NULL;
			return dev;
		}
	return NULL;
}

/*
 * Upstream's order: a region is pushed at the head of the list when the
 * bus's directory, read from its start, shows its first device (names
 * is that directory last entry first); a region's devices are as its
 * parent directory holds them, last first.
 */
static void put_in_walk_order(struct daxctl_ctx *ctx, char **names, int n)
{
	struct daxctl_region *done = NULL, *region, **p;
	struct daxctl_dev *devs, **tail, *dev;
	char **own;
	int i, k;

	for (i = n - 1; i >= 0; i--)
		for (p = &ctx->regions; *p; p = &(*p)->next) {
			for (dev = (*p)->devs; dev; dev = dev->next)
				if (!strcmp(dev->devname, names[i]))
					break;
			if (!dev)
				continue;
			region = *p;
			*p = region->next;
			region->next = done;
			done = region;
			break;
		}
	for (p = &done; *p; p = &(*p)->next)
		;
	*p = ctx->regions;
	ctx->regions = done;

	for (region = ctx->regions; region; region = region->next) {
		k = sysfs_list_walk_order(ctx->root, "dax", &own, "%s",
					  region->path);
		devs = NULL;
		tail = &devs;
		for (i = 0; i < k; i++) {
			dev = take_dev(&region->devs, own[i]);
			if (dev) {
				*tail = dev;
				tail = &dev->next;
			}
		}
		*tail = region->devs;
		region->devs = devs;
		sysfs_free_names(own);
	}
}

int daxctl_refresh(struct daxctl_ctx *ctx)
{
	char **names;
	int n, i, rc = 0;

	free_regions(ctx);
	read_block_size(ctx);
	/*
	 * Upstream's order (sysfs_list_walk_order()): regions as the dax
	 * bus lists their first device, a region's devices as its parent
	 * directory holds them.
	 */
	n = sysfs_list_walk_order(ctx->root, "dax", &names, DAX_DEVICES);
	if (n < 0)
		return n;
	for (i = 0; i < n && !rc; i++) {
		rc = load_dev(ctx, names[i]);
		/* A device that vanished while we looked is not an error. */
		if (rc == -ENOENT)
			rc = 0;
	}
	if (!rc)
		put_in_walk_order(ctx, names, n);
	sysfs_free_names(names);
	return rc;
}

int daxctl_new(struct daxctl_ctx **out, struct sysroot *root)
{
	struct daxctl_ctx *ctx = calloc(1, sizeof(*ctx));
	int rc;

	*out = NULL;
	if (!ctx)
		return -ENOMEM;
	ctx->refcount = 1;
	ctx->root = sysroot_ref(root);
	rc = daxctl_refresh(ctx);
	if (rc) {
		daxctl_unref(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

struct daxctl_ctx *daxctl_ref(struct daxctl_ctx *ctx)
{
	if (ctx)
		ctx->refcount++;
	return ctx;
}

void daxctl_unref(struct daxctl_ctx *ctx)
{
	if (!ctx || --ctx->refcount > 0)
		return;
	free_regions(ctx);
	sysroot_close(ctx->root);
	free(ctx);
}

struct sysroot *daxctl_get_root(struct daxctl_ctx *ctx)
{
	return ctx->root;
}

void daxctl_set_userdata(struct daxctl_ctx *ctx, void *data)
{
	ctx->userdata = data;
}

void *daxctl_get_userdata(struct daxctl_ctx *ctx)
{
	return ctx->userdata;
}

uint64_t daxctl_get_memory_block_size(struct daxctl_ctx *ctx)
{
	return ctx->block_size;
}

struct daxctl_region *daxctl_region_get_first(struct daxctl_ctx *ctx)
{
	return ctx->regions;
}

struct daxctl_region *daxctl_region_get_next(struct daxctl_region *region)
{
	return region->next;
}

struct daxctl_ctx *daxctl_region_get_ctx(struct daxctl_region *region)
{
	return region->ctx;
}

int daxctl_region_get_id(struct daxctl_region *region)
{
	return region->id;
}

int daxctl_region_get_numa_node(struct daxctl_region *region)
{
	return region->numa_node;
}

const char *daxctl_region_get_path(struct daxctl_region *region)
{
	return region->path;
}

uint64_t daxctl_region_get_size(struct daxctl_region *region)
{
	return region->size;
}

uint64_t daxctl_region_get_available_size(struct daxctl_region *region)
{
	return region->available_size;
}

bool daxctl_region_has_size(struct daxctl_region *region)
{
	return region->has_size;
}

bool daxctl_region_has_align(struct daxctl_region *region)
{
	return region->has_align;
}

uint64_t daxctl_region_get_align(struct daxctl_region *region)
{
	return region->align;
}

bool daxctl_region_is_dynamic(struct daxctl_region *region)
{
	return region->dynamic;
}

struct daxctl_dev *daxctl_dev_get_first(struct daxctl_region *region)
{
	return region->devs;
}

struct daxctl_dev *daxctl_dev_get_next(struct daxctl_dev *dev)
{
	return dev->next;
}

struct daxctl_dev *daxctl_get_dev(struct daxctl_ctx *ctx, const char *devname)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;

	for (region = ctx->regions; region; region = region->next)
		for (dev = region->devs; dev; dev = dev->next)
			if (!strcmp(dev->devname, devname))
				return dev;
	return NULL;
}

struct daxctl_region *daxctl_dev_get_region(struct daxctl_dev *dev)
{
	return dev->region;
}

const char *daxctl_dev_get_devname(struct daxctl_dev *dev)
{
	return dev->devname;
}

int daxctl_dev_get_id(struct daxctl_dev *dev)
{
	return dev->id;
}

uint64_t daxctl_dev_get_size(struct daxctl_dev *dev)
{
	return dev->size;
}

uint64_t daxctl_dev_get_resource(struct daxctl_dev *dev)
{
	return dev->resource;
}

uint64_t daxctl_dev_get_align(struct daxctl_dev *dev)
{
	return dev->align;
}

int daxctl_dev_get_target_node(struct daxctl_dev *dev)
{
	return dev->target_node;
}

int daxctl_dev_get_numa_node(struct daxctl_dev *dev)
{
	return dev->numa_node;
}

const char *daxctl_dev_get_driver(struct daxctl_dev *dev)
{
	return dev->driver[0] ? dev->driver : NULL;
}

enum daxctl_dev_mode daxctl_dev_get_mode(struct daxctl_dev *dev)
{
	if (!dev->driver[0])
		return DAXCTL_DEV_MODE_UNBOUND;
	if (!strcmp(dev->driver, "device_dax"))
		return DAXCTL_DEV_MODE_DEVDAX;
	if (!strcmp(dev->driver, "kmem"))
		return DAXCTL_DEV_MODE_RAM;
	return DAXCTL_DEV_MODE_OTHER;
}

bool daxctl_dev_is_enabled(struct daxctl_dev *dev)
{
	return dev->driver[0] != '\0';
}

struct daxctl_mapping *daxctl_mapping_get_first(struct daxctl_dev *dev)
{
	return dev->mappings;
}

struct daxctl_mapping *daxctl_mapping_get_next(struct daxctl_mapping *m)
{
	return m->next;
}

uint64_t daxctl_mapping_get_offset(struct daxctl_mapping *m)
{
	return m->offset;
}

uint64_t daxctl_mapping_get_start(struct daxctl_mapping *m)
{
	return m->start;
}

uint64_t daxctl_mapping_get_end(struct daxctl_mapping *m)
{
	return m->end;
}

uint64_t daxctl_mapping_get_size(struct daxctl_mapping *m)
{
	return m->end - m->start + 1;
}

/*
 * More blocks than this in one device is not a device: 128 TiB at the
 * smallest x86 block size (128 MiB), and each block is a sysfs read or
 * more, so a hostile range cannot keep a command busy for hours.
 */
#define DEV_MEMBLOCKS_MAX (1UL << 20)

/* Whole blocks of bs inside [start, end]: first and one past the last. */
static void blocks_of(uint64_t start, uint64_t end, uint64_t bs,
		      uint64_t *first, uint64_t *stop)
{
	*first = start / bs + (start % bs ? 1 : 0);
	/* end < UINT64_MAX, checked when the range was read. */
	*stop = (end + 1) / bs;
	if (*stop < *first)
		*stop = *first;
}

int daxctl_dev_foreach_memblock(struct daxctl_dev *dev,
				int (*fn)(struct daxctl_dev *dev,
					  unsigned long block, void *arg),
				void *arg)
{
	struct daxctl_ctx *ctx = dev->region->ctx;
	uint64_t bs = ctx->block_size, first, stop, b, count = 0;
	struct daxctl_mapping *m, *c, single;
	int rc;

	if (!bs)
		return ctx->block_size_text[0] ? -EINVAL : -ENOTSUP;
	if (dev->ranges_bad)
		return -ERANGE;
	m = dev->mappings;
	if (!m) {
		if (!dev->resource || !dev->size)
			return 0;
		if (dev->resource + dev->size - 1 < dev->resource ||
		    dev->resource + dev->size - 1 == UINT64_MAX)
			return -ERANGE;
		single = (struct daxctl_mapping){
			.start = dev->resource,
			.end = dev->resource + dev->size - 1,
		};
		m = &single;
	}
	for (c = m; c; c = c->next) {
		blocks_of(c->start, c->end, bs, &first, &stop);
		count += stop - first;
		if (count > DEV_MEMBLOCKS_MAX)
			return -E2BIG;
	}
	for (; m; m = m->next) {
		blocks_of(m->start, m->end, bs, &first, &stop);
		for (b = first; b < stop; b++) {
			rc = fn(dev, (unsigned long)b, arg);
			if (rc)
				return rc;
		}
	}
	return 0;
}

const char *daxctl_dev_memblock_error(struct daxctl_dev *dev, int rc, char *buf,
				      size_t len)
{
	struct daxctl_ctx *ctx = dev->region->ctx;

	switch (rc) {
	case -ENOTSUP:
		snprintf(buf, len, "no memory block size (%s/block_size_bytes)",
			 MEMORY_DIR);
		break;
	case -EINVAL:
		snprintf(
			buf, len,
			"memory block size \"%s\" (%s/block_size_bytes) is not "
			"a power of two of at least 4096",
			ctx->block_size_text, MEMORY_DIR);
		break;
	case -ERANGE:
		snprintf(buf, len,
			 "its ranges (mappingN, or resource and size) do not "
			 "read or do not add up to its size");
		break;
	case -E2BIG:
		snprintf(buf, len,
			 "its ranges span more than %lu memory blocks",
			 DEV_MEMBLOCKS_MAX);
		break;
	default:
		snprintf(buf, len, "%s", strerror(-rc));
	}
	return buf;
}

static int count_block(struct daxctl_dev *dev, unsigned long block, void *arg)
{
	struct sysroot *root = dev->region->ctx->root;
	struct daxctl_memblocks *blocks = arg;
	char state[32], zones[64];

	blocks->expected++;
	if (sysfs_read(root, state, sizeof(state),
		       MEMORY_DIR "/memory%lu/state", block))
		return 0;
	blocks->total++;
	if (strcmp(state, "online"))
		return 0;
	blocks->online++;
	/* An online block's valid_zones names the zone it is in. */
	if (!sysfs_read(root, zones, sizeof(zones),
			MEMORY_DIR "/memory%lu/valid_zones", block) &&
	    !strcmp(zones, "Movable"))
		blocks->online_movable++;
	return 0;
}

int daxctl_dev_get_memblocks(struct daxctl_dev *dev,
			     struct daxctl_memblocks *blocks)
{
	*blocks = (struct daxctl_memblocks){ 0 };
	return daxctl_dev_foreach_memblock(dev, count_block, blocks);
}
