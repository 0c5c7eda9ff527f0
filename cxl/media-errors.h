/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CXL_MEDIA_ERRORS_H
#define CXL_MEDIA_ERRORS_H

#include <stdbool.h>
#include <json-c/json.h>

#include <cxl/libcxl.h>

/*
 * cxl list -L: a memdev's poison list (offsets are DPAs) or a region's
 * (each mapped memdev's, offsets from the region's start), read through
 * the kernel's cxl_poison trace events.  The "media_errors" array, or
 * NULL when there are none or they cannot be read (said in one line on
 * stderr: the listing goes on without them, as upstream's does).
 * Exactly one of memdev and region is given.
 */
struct json_object *cxl_media_errors_json(struct cxl_memdev *memdev,
					  struct cxl_region *region,
					  bool human);

#endif
