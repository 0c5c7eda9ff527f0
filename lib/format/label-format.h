/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The namespace label storage area (UEFI 2.7 / Linux drivers/nvdimm/label.c
 * layout): two index blocks, then label slots.  Pure computation on a
 * buffer holding the whole area; the caller reads and writes the DIMM.
 */
#ifndef NDCTL_LABEL_FORMAT_H
#define NDCTL_LABEL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LABEL_INDEX_SIG "NAMESPACE_INDEX"

struct label_geometry {
	uint32_t config_size;
	uint32_t label_size;	/* 128 (v1.1) or 256 (v1.2) */
	uint32_t nslot;
	uint32_t index_size;	/* one index block, 256-byte aligned */
};

/* One parsed index block. */
struct label_index {
	bool valid;
	uint32_t seq, nslot, labelsize;
	uint64_t myoff, mysize, otheroff, labeloff, checksum;
	uint16_t major, minor;
	uint32_t nfree;
};

/* One parsed namespace label (the fields common to v1.1 and v1.2). */
struct label_entry {
	uint32_t slot;
	uint8_t uuid[16];
	char name[65];
	uint32_t flags;
	uint16_t nlabel, position;
	uint64_t isetcookie, lbasize, dpa, rawsize;
};

uint64_t label_fletcher64(const void *buf, size_t len);
/* Geometry for version "1.1" or "1.2"; -EINVAL if the area is too small. */
int label_geometry(uint32_t config_size, const char *version,
		   struct label_geometry *g);
/*
 * Fill area (config_size bytes, zeroed first) with two fresh index
 * blocks, sequence numbers 3 and 2, every slot free: what the kernel's
 * init_labels() writes.
 */
void label_init_area(void *area, const struct label_geometry *g);
/* Parse index block i (0 or 1) of an area; valid only if it checks out. */
void label_read_index(const void *area, uint32_t config_size, int i,
		      struct label_index *idx);
/* The current index (the valid one with the newer sequence), or -1. */
int label_current_index(const struct label_index idx[2]);
/*
 * The labels in use under index cur: calls fn for each slot whose free
 * bit is clear.  Returns the count.
 */
int label_foreach(const void *area, const struct label_index *cur,
		  void (*fn)(const struct label_entry *e, void *arg),
		  void *arg);

#endif
