/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A region create-region is about to make, checked and complete before
 * the first write, and what it will cost in struct pages.
 */
#ifndef CXL_REGION_H
#define CXL_REGION_H

#include <stdbool.h>
#include <stdint.h>
#include <uuid/uuid.h>

#include <cxl/libcxl.h>

#define CXL_REGION_MAX_WAYS 16

struct devstate_ctx;

/* Whether [a, a + alen) and [b, b + blen) share a byte. */
static inline bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b,
				  uint64_t blen)
{
	return alen && blen && alen != UINT64_MAX && a < b + blen &&
	       b < a + alen;
}

struct create_plan {
	struct cxl_decoder *root;
	struct cxl_memdev *mem[CXL_REGION_MAX_WAYS];
	struct cxl_decoder *ep[CXL_REGION_MAX_WAYS];
	unsigned int ways, granularity;
	enum cxl_mode mode;
	uint64_t size;
	uuid_t uuid;
};

/*
 * Plan the region's two uses (ram: system-ram and devdax; pmem: fsdax
 * and devdax) as daxctl plan plans a device of its size at the address
 * the kernel will give it.  With print, write the plan (JSON, or the
 * table when human) to stdout; without, one info line per use with the
 * recommended setup.  Returns 0; the plan reads only what is known.
 */
int region_plan(struct devstate_ctx *ds, const struct create_plan *c,
		bool print, bool human);

#endif
