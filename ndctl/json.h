/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_JSON_H
#define NDCTL_JSON_H

#include <stdbool.h>
#include <json-c/json.h>
#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>
#include <devstate/words.h>
#include <ndctl/libndctl.h>

struct nd_json_flags {
	bool human;
	bool verbose;		/* -v: numa_node, target_node, raw_uuid */
	bool dax;		/* -X: nest the dax region and its devices */
	bool idle, configured;	/* -i, -c: size-0 dax devices too */
	bool media_errors;	/* -M: the badblocks arrays */
	bool capabilities;	/* -C: a region's modes and their sizes */
	struct daxctl_ctx *dax_ctx;	/* needed for dax */
	/* The kernel profile the memmap figures are computed with. */
	const struct memmap_profile *profile;
};

struct json_object *nd_bus_to_json(struct ndctl_bus *bus);
struct json_object *nd_dimm_to_json(struct ndctl_dimm *dimm,
				    const struct nd_json_flags *flags);
struct json_object *nd_region_to_json(struct ndctl_region *region,
				      bool mappings,
				      const struct nd_json_flags *flags);
struct json_object *nd_namespace_to_json(struct ndctl_namespace *ns,
					 const struct nd_json_flags *flags);

#endif
