/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libdaxctl: device-dax regions, devices, mappings and the memory blocks of
 * devices in system-ram mode, read from sysfs under a root directory.
 *
 * A context owns every object it returns; objects live until the context's
 * last reference is dropped.  Nothing is cached across daxctl_refresh().
 */
#ifndef LIBDAXCTL_H
#define LIBDAXCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct daxctl_ctx;
struct daxctl_region;
struct daxctl_dev;
struct daxctl_mapping;

enum daxctl_dev_mode {
	DAXCTL_DEV_MODE_UNBOUND,	/* no driver bound */
	DAXCTL_DEV_MODE_DEVDAX,		/* device_dax: /dev/daxX.Y */
	DAXCTL_DEV_MODE_RAM,		/* kmem: hot-plugged system RAM */
	DAXCTL_DEV_MODE_OTHER,		/* another driver */
};

struct sysroot;

/*
 * A context over a sysfs root the caller opened (util/sysfs.h): "/" for
 * the live system, or a captured tree.
 */
int daxctl_new(struct daxctl_ctx **ctx, struct sysroot *root);
struct daxctl_ctx *daxctl_ref(struct daxctl_ctx *ctx);
void daxctl_unref(struct daxctl_ctx *ctx);
/* Re-read everything; previously returned objects become invalid. */
int daxctl_refresh(struct daxctl_ctx *ctx);
struct sysroot *daxctl_get_root(struct daxctl_ctx *ctx);
/*
 * What the caller hangs on the context (devstate: its own context, so
 * that a reader handed a dax object finds the command's nd library).
 * Kept across daxctl_refresh(); NULL until set.
 */
void daxctl_set_userdata(struct daxctl_ctx *ctx, void *data);
void *daxctl_get_userdata(struct daxctl_ctx *ctx);
/* Memory block size in bytes (block_size_bytes), 0 when unknown. */
uint64_t daxctl_get_memory_block_size(struct daxctl_ctx *ctx);

struct daxctl_region *daxctl_region_get_first(struct daxctl_ctx *ctx);
struct daxctl_region *daxctl_region_get_next(struct daxctl_region *region);
#define daxctl_region_foreach(ctx, region) \
	for (region = daxctl_region_get_first(ctx); region; \
	     region = daxctl_region_get_next(region))

struct daxctl_ctx *daxctl_region_get_ctx(struct daxctl_region *region);
int daxctl_region_get_id(struct daxctl_region *region);
/* Canonical sysfs path of the region's parent device, without the root. */
const char *daxctl_region_get_path(struct daxctl_region *region);
uint64_t daxctl_region_get_size(struct daxctl_region *region);
uint64_t daxctl_region_get_available_size(struct daxctl_region *region);
uint64_t daxctl_region_get_align(struct daxctl_region *region);
/* Whether the kernel gave the attribute: upstream lists it only then. */
bool daxctl_region_has_size(struct daxctl_region *region);
bool daxctl_region_has_align(struct daxctl_region *region);
/*
 * The node of the region's parent device, which the kernel gives every
 * device created in it (device_add()); -1 when it has none.
 */
int daxctl_region_get_numa_node(struct daxctl_region *region);
/* Dynamic regions (hmem, CXL) let devices be created and resized. */
bool daxctl_region_is_dynamic(struct daxctl_region *region);

struct daxctl_dev *daxctl_dev_get_first(struct daxctl_region *region);
struct daxctl_dev *daxctl_dev_get_next(struct daxctl_dev *dev);
#define daxctl_dev_foreach(region, dev) \
	for (dev = daxctl_dev_get_first(region); dev; \
	     dev = daxctl_dev_get_next(dev))

/* The device named devname ("dax0.0"), or NULL. */
struct daxctl_dev *daxctl_get_dev(struct daxctl_ctx *ctx, const char *devname);
struct daxctl_region *daxctl_dev_get_region(struct daxctl_dev *dev);
const char *daxctl_dev_get_devname(struct daxctl_dev *dev);
int daxctl_dev_get_id(struct daxctl_dev *dev);
uint64_t daxctl_dev_get_size(struct daxctl_dev *dev);
/* Physical start address; 0 when the kernel does not show it. */
uint64_t daxctl_dev_get_resource(struct daxctl_dev *dev);
/* 0 when the kernel has no align attribute. */
uint64_t daxctl_dev_get_align(struct daxctl_dev *dev);
int daxctl_dev_get_target_node(struct daxctl_dev *dev);
int daxctl_dev_get_numa_node(struct daxctl_dev *dev);
/* Bound driver name, or NULL. */
const char *daxctl_dev_get_driver(struct daxctl_dev *dev);
enum daxctl_dev_mode daxctl_dev_get_mode(struct daxctl_dev *dev);
bool daxctl_dev_is_enabled(struct daxctl_dev *dev);

struct daxctl_mapping *daxctl_mapping_get_first(struct daxctl_dev *dev);
struct daxctl_mapping *daxctl_mapping_get_next(struct daxctl_mapping *m);
#define daxctl_mapping_foreach(dev, m) \
	for (m = daxctl_mapping_get_first(dev); m; \
	     m = daxctl_mapping_get_next(m))
uint64_t daxctl_mapping_get_offset(struct daxctl_mapping *m);
uint64_t daxctl_mapping_get_start(struct daxctl_mapping *m);
uint64_t daxctl_mapping_get_end(struct daxctl_mapping *m);
uint64_t daxctl_mapping_get_size(struct daxctl_mapping *m);

/*
 * Memory blocks of a device: kmem hot-adds only the blocks that lie wholly
 * inside each of the device's ranges.
 */
struct daxctl_memblocks {
	unsigned int total;	/* blocks present under system/memory */
	unsigned int online;
	unsigned int online_movable;
	unsigned int expected;	/* whole blocks inside the device's ranges */
};
int daxctl_dev_get_memblocks(struct daxctl_dev *dev,
			     struct daxctl_memblocks *blocks);
/*
 * Call fn for each memory block index inside the device's ranges, in
 * order; stops and returns fn's value when it is not 0.  Before any call,
 * a negative errno when the blocks cannot be worked out (below).
 */
int daxctl_dev_foreach_memblock(struct daxctl_dev *dev,
				int (*fn)(struct daxctl_dev *dev,
					  unsigned long block, void *arg),
				void *arg);
/*
 * Why daxctl_dev_foreach_memblock() returned rc, as the rest of a message
 * naming the device: -ENOTSUP (no block size), -EINVAL (a block size
 * that is not a power of two of at least 4096), -ERANGE (ranges that do
 * not read or add up), -E2BIG (more blocks than any device has).
 */
const char *daxctl_dev_memblock_error(struct daxctl_dev *dev, int rc,
				      char *buf, size_t len);

/*
 * Changing state.  Each call writes sysfs and reads back the result, and
 * returns 0 or a negative errno.  daxctl_dev_reload() re-reads the driver,
 * size and align of one device; daxctl_refresh() re-reads everything.
 */
int daxctl_dev_reload(struct daxctl_dev *dev);
/* Unbind from whatever driver is bound; 0 when already unbound. */
int daxctl_dev_disable(struct daxctl_dev *dev);
/* Bind device_dax (DEVDAX) or kmem (RAM); -ENXIO when the probe failed. */
int daxctl_dev_enable(struct daxctl_dev *dev, enum daxctl_dev_mode mode);
/* Dynamic regions only, while the device is unbound. */
int daxctl_dev_set_size(struct daxctl_dev *dev, uint64_t size);
int daxctl_dev_set_align(struct daxctl_dev *dev, uint64_t align);
int daxctl_region_create_dev(struct daxctl_region *region, char *name,
			     size_t len);
int daxctl_region_destroy_dev(struct daxctl_region *region,
			      const char *devname);
/*
 * Give an unbound device of a dynamic region the physical range
 * start..end (inclusive) of its region, after the ranges it has.
 */
int daxctl_dev_add_range(struct daxctl_dev *dev, uint64_t start,
			 uint64_t end);

/*
 * Controls of kernels carrying kernel-patches/.  Getters return a negative
 * errno when the attribute is missing (stock kernel) or unreadable (the
 * usage figures read only while device_dax is bound); setters return
 * -EOPNOTSUPP when the attribute is missing.
 */
bool daxctl_dev_has_control(struct daxctl_dev *dev, const char *attr);
int daxctl_dev_get_compound(struct daxctl_dev *dev);
int daxctl_dev_set_compound(struct daxctl_dev *dev, bool compound);
int daxctl_dev_get_memmap(struct daxctl_dev *dev, bool *on_device);
int daxctl_dev_set_memmap(struct daxctl_dev *dev, bool on_device);
int daxctl_dev_get_memmap_on_memory(struct daxctl_dev *dev);
int daxctl_dev_set_memmap_on_memory(struct daxctl_dev *dev, bool on);
/* One vmemmap page per compound page at the next bind (vmemmap_head_only). */
int daxctl_dev_get_vmemmap_head_only(struct daxctl_dev *dev);
int daxctl_dev_set_vmemmap_head_only(struct daxctl_dev *dev, bool on);
/* What the kernel allocated for the memmap at bind (memmap_*_bytes). */
int daxctl_dev_get_memmap_usage(struct daxctl_dev *dev, uint64_t *dram,
				uint64_t *device);

/* Memory blocks by index (memoryN), and the kernel's auto-online policy. */
int daxctl_memblock_get_state(struct daxctl_ctx *ctx, unsigned long block,
			      char *buf, size_t len);
int daxctl_memblock_get_zone(struct daxctl_ctx *ctx, unsigned long block,
			     char *buf, size_t len);
int daxctl_memblock_set_state(struct daxctl_ctx *ctx, unsigned long block,
			      const char *state);
int daxctl_get_auto_online(struct daxctl_ctx *ctx, char *buf, size_t len);
/*
 * memory_hotplug.memmap_on_memory: 1 when kmem may put the memmap on the
 * hot-added memory (Y or force), 0 when not (N), or a negative errno
 * when the kernel has no such parameter.
 */
int daxctl_memmap_on_memory_enabled(struct daxctl_ctx *ctx);

#ifdef __cplusplus
}
#endif

#endif
