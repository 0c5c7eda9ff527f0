/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One cxl_poison trace event (the kernel's record of a Get Poison List
 * entry, CXL 3.1 8.2.9.9.4.1) as cxl list -L prints it.
 */
#ifndef CXL_POISON_H
#define CXL_POISON_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

struct tep_event;
struct tep_record;

/* The record's fields; a has_ flag is false when the event lacks one. */
struct cxl_poison_record {
	char region[64]; /* "" when the poison is in no region */
	bool has_dpa, has_hpa;
	uint64_t dpa, hpa, overflow_ts;
	uint32_t dpa_length; /* UINT32_MAX when absent, as upstream */
	uint8_t source; /* UINT8_MAX when absent */
	uint8_t flags; /* UINT8_MAX when absent */
};

/* Get Poison List's output flags (CXL 3.1 Table 8-139). */
#define CXL_POISON_FLAG_MORE 0x1
#define CXL_POISON_FLAG_OVERFLOW 0x2
#define CXL_POISON_FLAG_SCANNING 0x4

void cxl_poison_decode(struct tep_event *event, struct tep_record *rec,
		       struct cxl_poison_record *p);

/*
 * The record as one "media_errors" entry: "offset" (hpa minus
 * region_start when listing a region, else dpa; left out when not
 * known), "length", "source", and "flags"/"overflow_t" when set.
 * by_region: region_start applies.
 */
struct json_object *cxl_poison_json(const struct cxl_poison_record *p,
				    bool by_region, uint64_t region_start,
				    bool human);

struct cxl_memdev;
struct cxl_region;

/*
 * Have the kernel read a memdev's poison list (trigger_poison_list,
 * 6.5 on): 0, -EOPNOTSUPP when the kernel has no such attribute, or the
 * write's errno.  For a region, each mapped memdev in turn; *failed
 * names the one that failed.
 */
int cxl_memdev_trigger_poison_list(struct cxl_memdev *memdev);
int cxl_region_trigger_poison_list(struct cxl_region *region,
				   struct cxl_memdev **failed);

#endif
