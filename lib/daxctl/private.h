/* SPDX-License-Identifier: GPL-2.0 */
/* The objects of libdaxctl, shared by its source files. */
#ifndef DAXCTL_LIB_PRIVATE_H
#define DAXCTL_LIB_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#define DAX_DEVICES "sys/bus/dax/devices"
#define MEMORY_DIR "sys/devices/system/memory"

struct daxctl_mapping {
	struct daxctl_mapping *next;
	uint64_t offset, start, end;
};

struct daxctl_dev {
	struct daxctl_dev *next;
	struct daxctl_region *region;
	char *devname;
	int id;
	uint64_t size, resource, align;
	int target_node, numa_node;
	char driver[64];
	struct daxctl_mapping *mappings;
	/*
	 * Its mappingN ranges did not read, or did not add up to its size:
	 * neither is reported, and its memory blocks cannot be walked.
	 */
	bool ranges_bad;
};

struct daxctl_region {
	struct daxctl_region *next;
	struct daxctl_ctx *ctx;
	int id;
	char *path;
	uint64_t size, available_size, align;
	bool has_size, has_align; /* the attribute was read */
	int numa_node; /* the parent device's, which new devices get */
	bool dynamic;
	struct daxctl_dev *devs;
};

struct daxctl_ctx {
	int refcount;
	struct sysroot *root;
	uint64_t block_size; /* 0 when absent or not a valid size */
	char block_size_text[24]; /* what block_size_bytes held */
	struct daxctl_region *regions;
	void *userdata; /* daxctl_set_userdata() */
};

struct sysroot;
static inline struct sysroot *dev_root(struct daxctl_dev *dev)
{
	return dev->region->ctx->root;
}

#endif
