/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The objects of libndctl, shared by its source files.  A context reads
 * the nd bus on first use, one level at a time: its buses when a bus is
 * first asked for, a bus's DIMMs and regions (names only) when the first
 * of them is, a region's namespaces and claims (names only) likewise,
 * and each object's attributes at its first getter.  A command that
 * needs one namespace reads that namespace, not the bus.  Code here
 * reads a lazily filled field through the getter or the nd_*_load()
 * below, never straight off the struct.
 */
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
	/*
	 * What it claims and how (namespace, mode, align, supported), and
	 * the rest: a lookup of one claim reads four attributes.
	 */
	bool target_read, loaded;
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
	int size_err; /* reading size: 0 or the -errno */
	int numa_node, target_node;
	struct ndctl_claim *claim; /* set by nd_region_link() */
	bool extent_read; /* size and resource */
	bool loaded; /* the rest */
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
	bool loaded; /* attributes and mappings */
	bool listed; /* namespaces and claims, by name */
	bool linked; /* every claim read and tied to its namespace */
};

struct ndctl_dimm {
	struct ndctl_dimm *next;
	struct ndctl_bus *bus;
	char *devname;
	char unique_id[64];
	int64_t handle, phys_id;
	bool enabled;
	unsigned int flags; /* NDCTL_DIMM_FLAG_*, from nfit/ or papr/flags */
	bool loaded;
};

struct ndctl_bus {
	struct ndctl_bus *next;
	struct ndctl_ctx *ctx;
	char *devname;
	char provider[64]; /* read by its getter */
	struct ndctl_dimm *dimms;
	struct ndctl_region *regions;
	bool listed; /* dimms and regions, by name */
};

struct ndctl_ctx {
	int refcount;
	struct sysroot *root;
	/*
	 * ND_DEVICES as last listed (sorted, NULL-ended, NULL when empty):
	 * what an object's directory holds is one of ours only when named
	 * here too.
	 */
	char **devices;
	struct ndctl_bus *buses;
	bool listed; /* buses, in name order */
	bool ordered; /* and then in the kernel's (order_buses()) */
};

/* Fill in what the struct's "loaded" or "listed" flag says is missing. */
void nd_region_load(struct ndctl_region *region);
void nd_region_link(struct ndctl_region *region);

/* Append to a singly linked list through its tail "next" field. */
#define LIST_APPEND(head, item)                 \
	do {                                    \
		__typeof__(head) *_t = &(head); \
		while (*_t)                     \
			_t = &(*_t)->next;      \
		*_t = (item);                   \
	} while (0)

#endif
