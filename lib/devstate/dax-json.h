/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DEVSTATE_DAX_JSON_H
#define DEVSTATE_DAX_JSON_H

#include <stdbool.h>
#include <json-c/json.h>
#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>

struct dax_json_flags {
	/* The kernel profile the memmap figures are computed with. */
	const struct memmap_profile *profile;
	bool human;
	bool mappings;
	bool idle;	/* include devices of size 0 */
	bool no_path;	/* a caller that already names the parent device */
};

/* The upstream keys: chardev, size, target_node, align, mode, ... */
struct json_object *dax_dev_to_json(struct daxctl_dev *dev,
				    const struct dax_json_flags *flags);
struct json_object *dax_region_to_json(struct daxctl_region *region,
				       const struct dax_json_flags *flags);
/* Array of the region's devices, honouring flags->idle. */
struct json_object *dax_region_devs_to_json(struct daxctl_region *region,
					    const char *dev_filter,
					    const struct dax_json_flags *flags);

#endif
