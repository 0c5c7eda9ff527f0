// SPDX-License-Identifier: GPL-2.0
/*
 * Changing devices: driver binding, the controls of kernels carrying
 * kernel-patches/, memory block state, and device creation in dynamic
 * regions.  Each function writes one sysfs attribute (or a short fixed
 * sequence) and then reads back what the kernel did, so callers see the
 * state that resulted rather than the one they asked for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <daxctl/libdaxctl.h>
#include <util/sysfs.h>

#include "private.h"

#define DAX_DRIVERS "sys/bus/dax/drivers"

static void reread_driver(struct daxctl_dev *dev)
{
	if (sysfs_link_name(dev_root(dev), dev->driver, sizeof(dev->driver),
			    DAX_DEVICES "/%s/driver", dev->devname))
		dev->driver[0] = '\0';
}

int daxctl_dev_reload(struct daxctl_dev *dev)
{
	struct sysroot *root = dev_root(dev);

	reread_driver(dev);
	/* Ranges that did not add up leave the size unknown (0). */
	if (!dev->ranges_bad)
		sysfs_read_u64(root, &dev->size, DAX_DEVICES "/%s/size",
			       dev->devname);
	sysfs_read_align(root, &dev->align, DAX_DEVICES "/%s/align",
			 dev->devname);
	return 0;
}

int daxctl_dev_disable(struct daxctl_dev *dev)
{
	int rc;

	reread_driver(dev);
	if (!dev->driver[0])
		return 0;
	rc = sysfs_write(dev_root(dev), dev->devname, DAX_DRIVERS "/%s/unbind",
			 dev->driver);
	reread_driver(dev);
	if (rc)
		return rc;
	return dev->driver[0] ? -EBUSY : 0;
}

/*
 * device_dax matches every device; kmem only the ids written to its
 * new_id.  Writing new_id also attaches kmem, and a failed probe is not
 * reported by the write: the driver link tells.
 */
int daxctl_dev_enable(struct daxctl_dev *dev, enum daxctl_dev_mode mode)
{
	struct sysroot *root = dev_root(dev);
	const char *want;
	int rc;

	switch (mode) {
	case DAXCTL_DEV_MODE_DEVDAX:
		want = "device_dax";
		/* Keep kmem from claiming the device on a later probe. */
		if (sysfs_exists(root, DAX_DRIVERS "/kmem/remove_id"))
			sysfs_write(root, dev->devname,
				    DAX_DRIVERS "/kmem/remove_id");
		rc = sysfs_write(root, dev->devname,
				 DAX_DRIVERS "/device_dax/bind");
		/*
		 * 6.3+ marks Soft Reserved (hmem) regions for kmem, and
		 * device_dax then matches only the ids in its new_id,
		 * whose write also attaches it.
		 */
		reread_driver(dev);
		if (rc == -ENODEV && !dev->driver[0] &&
		    sysfs_exists(root, DAX_DRIVERS "/device_dax/new_id")) {
			rc = sysfs_write(root, dev->devname,
					 DAX_DRIVERS "/device_dax/new_id");
			reread_driver(dev);
			if (!dev->driver[0])
				rc = sysfs_write(root, dev->devname,
						 DAX_DRIVERS "/device_dax/bind");
		}
		break;
	case DAXCTL_DEV_MODE_RAM:
		want = "kmem";
		if (!sysfs_exists(root, DAX_DRIVERS "/kmem"))
			return -EOPNOTSUPP;
		rc = sysfs_write(root, dev->devname,
				 DAX_DRIVERS "/kmem/new_id");
		reread_driver(dev);
		if (!dev->driver[0])
			rc = sysfs_write(root, dev->devname,
					 DAX_DRIVERS "/kmem/bind");
		break;
	default:
		return -EINVAL;
	}
	reread_driver(dev);
	if (!strcmp(dev->driver, want))
		return 0;
	return rc ? rc : -ENXIO;
}

static int read_bool(struct daxctl_dev *dev, const char *attr)
{
	int val, rc;

	rc = sysfs_read_int(dev_root(dev), &val, DAX_DEVICES "/%s/%s",
			    dev->devname, attr);
	return rc ? rc : !!val;
}

static int write_attr(struct daxctl_dev *dev, const char *attr, const char *val)
{
	if (!sysfs_exists(dev_root(dev), DAX_DEVICES "/%s/%s", dev->devname,
			  attr))
		return -EOPNOTSUPP;
	return sysfs_write(dev_root(dev), val, DAX_DEVICES "/%s/%s",
			   dev->devname, attr);
}

int daxctl_dev_get_compound(struct daxctl_dev *dev)
{
	return read_bool(dev, "compound");
}

int daxctl_dev_set_compound(struct daxctl_dev *dev, bool compound)
{
	return write_attr(dev, "compound", compound ? "1" : "0");
}

int daxctl_dev_get_memmap_on_memory(struct daxctl_dev *dev)
{
	return read_bool(dev, "memmap_on_memory");
}

int daxctl_dev_set_memmap_on_memory(struct daxctl_dev *dev, bool on)
{
	return write_attr(dev, "memmap_on_memory", on ? "1" : "0");
}

int daxctl_dev_get_vmemmap_head_only(struct daxctl_dev *dev)
{
	return read_bool(dev, "vmemmap_head_only");
}

int daxctl_dev_set_vmemmap_head_only(struct daxctl_dev *dev, bool on)
{
	return write_attr(dev, "vmemmap_head_only", on ? "1" : "0");
}

int daxctl_dev_get_memmap(struct daxctl_dev *dev, bool *on_device)
{
	char buf[16];
	int rc;

	rc = sysfs_read(dev_root(dev), buf, sizeof(buf),
			DAX_DEVICES "/%s/memmap", dev->devname);
	if (rc)
		return rc;
	*on_device = !strcmp(buf, "pmem");
	return 0;
}

int daxctl_dev_set_memmap(struct daxctl_dev *dev, bool on_device)
{
	return write_attr(dev, "memmap", on_device ? "pmem" : "dram");
}

int daxctl_dev_get_memmap_usage(struct daxctl_dev *dev, uint64_t *dram,
				uint64_t *device)
{
	struct sysroot *root = dev_root(dev);
	int rc;

	rc = sysfs_read_u64(root, dram, DAX_DEVICES "/%s/memmap_dram_bytes",
			    dev->devname);
	if (rc)
		return rc;
	return sysfs_read_u64(root, device,
			      DAX_DEVICES "/%s/memmap_device_bytes",
			      dev->devname);
}

bool daxctl_dev_has_control(struct daxctl_dev *dev, const char *attr)
{
	return sysfs_exists(dev_root(dev), DAX_DEVICES "/%s/%s", dev->devname,
			    attr);
}

static int write_u64(struct daxctl_dev *dev, const char *attr, uint64_t val)
{
	char buf[32];
	int rc;

	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)val);
	rc = sysfs_write(dev_root(dev), buf, DAX_DEVICES "/%s/%s", dev->devname,
			 attr);
	daxctl_dev_reload(dev);
	return rc;
}

int daxctl_dev_set_size(struct daxctl_dev *dev, uint64_t size)
{
	return write_u64(dev, "size", size);
}

int daxctl_dev_add_range(struct daxctl_dev *dev, uint64_t start, uint64_t end)
{
	char buf[48];
	int rc;

	/* The kernel parses "start-end" in hex, end inclusive. */
	snprintf(buf, sizeof(buf), "%llx-%llx", (unsigned long long)start,
		 (unsigned long long)end);
	rc = sysfs_write(dev_root(dev), buf, DAX_DEVICES "/%s/mapping",
			 dev->devname);
	daxctl_dev_reload(dev);
	return rc;
}

int daxctl_dev_set_align(struct daxctl_dev *dev, uint64_t align)
{
	return write_u64(dev, "align", align);
}

int daxctl_memblock_get_state(struct daxctl_ctx *ctx, unsigned long block,
			      char *buf, size_t len)
{
	return sysfs_read(ctx->root, buf, len, MEMORY_DIR "/memory%lu/state",
			  block);
}

int daxctl_memblock_get_zone(struct daxctl_ctx *ctx, unsigned long block,
			     char *buf, size_t len)
{
	return sysfs_read(ctx->root, buf, len,
			  MEMORY_DIR "/memory%lu/valid_zones", block);
}

int daxctl_memblock_set_state(struct daxctl_ctx *ctx, unsigned long block,
			      const char *state)
{
	return sysfs_write(ctx->root, state, MEMORY_DIR "/memory%lu/state",
			   block);
}

int daxctl_get_auto_online(struct daxctl_ctx *ctx, char *buf, size_t len)
{
	return sysfs_read(ctx->root, buf, len,
			  MEMORY_DIR "/auto_online_blocks");
}

int daxctl_memmap_on_memory_enabled(struct daxctl_ctx *ctx)
{
	char buf[16];
	int rc = sysfs_read(ctx->root, buf, sizeof(buf),
			    "sys/module/memory_hotplug/parameters/"
			    "memmap_on_memory");

	if (rc < 0)
		return rc;
	/* A bool reads Y or N; 6.6's "force" mode reads force. */
	return buf[0] == 'Y' || buf[0] == 'y' || buf[0] == '1' ||
	       !strcmp(buf, "force");
}

/*
 * Writing 1 to a dynamic region's create makes a zero-sized device and
 * reading create names the youngest one: that is the device the caller
 * then sizes and binds.
 */
int daxctl_region_create_dev(struct daxctl_region *region, char *name,
			     size_t len)
{
	struct sysroot *root = region->ctx->root;
	int rc;

	if (!region->dynamic)
		return -EOPNOTSUPP;
	rc = sysfs_write(root, "1", "%s/dax_region/create", region->path);
	if (rc)
		return rc;
	return sysfs_read(root, name, len, "%s/dax_region/create",
			  region->path);
}

int daxctl_region_destroy_dev(struct daxctl_region *region, const char *devname)
{
	if (!region->dynamic)
		return -EOPNOTSUPP;
	return sysfs_write(region->ctx->root, devname, "%s/dax_region/delete",
			   region->path);
}
