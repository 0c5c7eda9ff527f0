// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memmap/memmap.h>
#include <util/json.h>
#include <util/sysfs.h>
#include <devstate/filter.h>
#include <devstate/state.h>
#include "dax-json.h"
#include "words.h"

static struct json_object *mapping_to_json(struct daxctl_mapping *m, bool human)
{
	struct json_object *jm = json_object_new_object();

	json_add_hex(jm, "page_offset", daxctl_mapping_get_offset(m), human);
	json_add_hex(jm, "start", daxctl_mapping_get_start(m), human);
	json_add_hex(jm, "end", daxctl_mapping_get_end(m), human);
	json_add_size(jm, "size", daxctl_mapping_get_size(m), human);
	return jm;
}

/*
 * "movable" as upstream v81 gives it: it walks the device's blocks in
 * its target node's directory and gives up at the first one offline,
 * so the key is there only when every block present is online, false
 * when none is present, and missing without the node's directory.
 * 1 or 0 for the key, -1 for none.
 */
static int movable_key(struct daxctl_dev *dev,
		       const struct daxctl_memblocks *blocks)
{
	struct daxctl_ctx *ctx =
		daxctl_region_get_ctx(daxctl_dev_get_region(dev));

	if (!sysfs_exists(daxctl_get_root(ctx),
			  "/sys/devices/system/node/node%d",
			  daxctl_dev_get_target_node(dev)))
		return -1;
	if (blocks->online < blocks->total)
		return -1;
	if (!blocks->total)
		return 0;
	return blocks->online_movable == blocks->online;
}

struct json_object *dax_dev_to_json(struct daxctl_dev *dev,
				    const struct dax_json_flags *flags)
{
	enum daxctl_dev_mode mode = daxctl_dev_get_mode(dev);
	struct json_object *jdev = json_object_new_object();
	struct daxctl_mapping *m;

	json_add_str(jdev, "chardev", daxctl_dev_get_devname(dev));
	json_add_size(jdev, "size", daxctl_dev_get_size(dev), flags->human);
	if (daxctl_dev_get_target_node(dev) >= 0)
		json_add_int(jdev, "target_node",
			     daxctl_dev_get_target_node(dev));
	if (daxctl_dev_get_align(dev))
		json_add_size(jdev, "align", daxctl_dev_get_align(dev),
			      flags->human);
	json_add_str(jdev, "mode",
		     dax_mode_name(mode == DAXCTL_DEV_MODE_RAM ?
					   DAXCTL_DEV_MODE_RAM :
					   DAXCTL_DEV_MODE_DEVDAX));
	if (mode == DAXCTL_DEV_MODE_RAM) {
		struct daxctl_memblocks blocks;

		if (!daxctl_dev_get_memblocks(dev, &blocks)) {
			json_add_int(jdev, "online_memblocks",
				     (int)blocks.online);
			json_add_int(jdev, "total_memblocks",
				     (int)blocks.total);
			int movable = movable_key(dev, &blocks);

			if (movable >= 0)
				json_add_bool(jdev, "movable", movable);
		}
	}
	/* A patched kernel's setting for the next bind (vmemmap_head_only). */
	if (daxctl_dev_get_vmemmap_head_only(dev) >= 0)
		json_add_bool(jdev, "vmemmap_head_only",
			      daxctl_dev_get_vmemmap_head_only(dev) == 1);
	if (!daxctl_dev_is_enabled(dev))
		json_add_str(jdev, "state", "disabled");
	else if (daxctl_dev_get_size(dev)) {
		struct dev_state st;

		/* Our figures for its memmap, under keys of our own. */
		dev_state_from_dax(dev, &st);
		dev_state_memmap_json(jdev, flags->profile, &st);
	}
	if (flags->mappings && daxctl_mapping_get_first(dev)) {
		struct json_object *jmaps = json_object_new_array();

		daxctl_mapping_foreach (dev, m)
			json_object_array_add(jmaps,
					      mapping_to_json(m, flags->human));
		json_object_object_add(jdev, "mappings", jmaps);
	}
	return jdev;
}

struct json_object *dax_region_devs_to_json(struct daxctl_region *region,
					    const char *dev_filter,
					    const struct dax_json_flags *flags)
{
	struct json_object *jdevs = json_object_new_array();
	struct daxctl_dev *dev;

	daxctl_dev_foreach (region, dev) {
		if (!dax_dev_matches(dev, dev_filter))
			continue;
		/* A size-0 device is a seed waiting to be sized: idle. */
		if (!flags->idle && !daxctl_dev_get_size(dev))
			continue;
		json_object_array_add(jdevs, dax_dev_to_json(dev, flags));
	}
	return jdevs;
}

struct json_object *dax_region_to_json(struct daxctl_region *region,
				       const struct dax_json_flags *flags)
{
	struct json_object *jregion = json_object_new_object();
	const char *path = daxctl_region_get_path(region);

	/* Upstream trims the redundant /sys/devices prefix. */
	if (!flags->no_path) {
		const char *prefix = "sys/devices";
		char buf[4096];

		if (!strncmp(path, prefix, strlen(prefix)))
			path += strlen(prefix);
		snprintf(buf, sizeof(buf), "%s%s", path[0] == '/' ? "" : "/",
			 path);
		json_add_str(jregion, "path", buf);
	}
	json_add_int(jregion, "id", daxctl_region_get_id(region));
	if (daxctl_region_has_size(region))
		json_add_size(jregion, "size", daxctl_region_get_size(region),
			      flags->human);
	if (daxctl_region_get_available_size(region))
		json_add_size(jregion, "available_size",
			      daxctl_region_get_available_size(region),
			      flags->human);
	if (daxctl_region_has_align(region))
		json_add_u64(jregion, "align", daxctl_region_get_align(region));
	return jregion;
}
