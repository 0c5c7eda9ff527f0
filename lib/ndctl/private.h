/* SPDX-License-Identifier: GPL-2.0 */
/* The objects of libndctl, shared by its source files. */
#ifndef NDCTL_LIB_PRIVATE_H
#define NDCTL_LIB_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#define ND_DEVICES "sys/bus/nd/devices"
/* ND_DEVICE_NAMESPACE_IO in the kernel's nd.h: a label-less namespace. */
#define ND_NSTYPE_IO 4

struct ndctl_mapping {
	struct ndctl_mapping *next;
	char dimm[32];
	uint64_t offset, length;
	int position;
};

struct ndctl_claim {
	struct ndctl_claim *next;
	struct ndctl_region *region;
	char *devname;
	char namespace[32];
	char mode[16];
	char uuid[40];
	char blockdev[32];
	char chardev[32];
	char supported[128];
	uint64_t align, size, resource;
	unsigned int sector_size;
	bool enabled;
};

struct ndctl_namespace {
	struct ndctl_namespace *next;
	struct ndctl_region *region;
	char *devname;
	char mode[16];
	char uuid[40];
	char alt_name[80];
	char blockdev[32];
	bool has_label, enabled;
	unsigned int sector_size;
	uint64_t size, resource;
	int numa_node, target_node;
	struct ndctl_claim *claim;
};

struct ndctl_region {
	struct ndctl_region *next;
	struct ndctl_bus *bus;
	char *devname;
	int id;
	char type[8];
	char persistence_domain[32];
	char namespace_seed[32], dax_seed[32], pfn_seed[32], btt_seed[32];
	uint64_t size, align, available_size, max_available_extent;
	uint64_t resource, iset_id;
	int numa_node, target_node;
	bool has_numa, enabled;
	/* The attribute read: upstream lists the key only then. */
	bool has_align, has_max_available_extent;
	struct ndctl_mapping *mappings;
	struct ndctl_namespace *namespaces;
	struct ndctl_claim *claims;
};

struct ndctl_dimm {
	struct ndctl_dimm *next;
	struct ndctl_bus *bus;
	char *devname;
	char unique_id[64];
	int64_t handle, phys_id;
	bool enabled;
	unsigned int flags; /* NDCTL_DIMM_FLAG_*, from nfit/ or papr/flags */
};

struct ndctl_bus {
	struct ndctl_bus *next;
	struct ndctl_ctx *ctx;
	char *devname;
	char provider[64];
	struct ndctl_dimm *dimms;
	struct ndctl_region *regions;
};

struct ndctl_ctx {
	int refcount;
	struct sysroot *root;
	struct ndctl_bus *buses;
};

/* Append to a singly linked list through its tail "next" field. */
#define LIST_APPEND(head, item) \
	do { \
		__typeof__(head) *_t = &(head); \
		while (*_t) \
			_t = &(*_t)->next; \
		*_t = (item); \
	} while (0)

#endif
