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
	const char *dimm_filter;	/* -d: the region mappings listed */
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

struct devstate_ctx;
/*
 * The namespace named, read again after a change, printed alone as
 * upstream prints it after create-namespace, clear-errors and
 * inject-error (scripts read it with jq .dev); nothing when it is gone.
 */
void nd_print_namespace(struct devstate_ctx *ds, const char *name, bool human,
			bool media_errors);
/*
 * The DIMM's "health" object, or NULL when its DSM family offers no
 * SMART data decoded here.  A reply that failed is said on stderr (the
 * DIMM and the firmware status), gives {"health_state":"unknown"} as
 * upstream prints it, and sets *failed.
 */
struct json_object *nd_dimm_health_to_json(struct ndctl_dimm *dimm,
					   bool *failed);
/*
 * -F: a bus's "firmware" object (added when one of its DIMMs can be
 * updated), and a DIMM's (NULL when it offers no firmware information).
 */
void nd_bus_add_firmware(struct json_object *jbus, struct ndctl_bus *bus);
struct json_object *nd_dimm_firmware_to_json(struct ndctl_dimm *dimm,
					     bool human);
/* One line naming the DIMM, what failed and the firmware status. */
void nd_health_say_failed(struct ndctl_dimm *dimm, const char *what, int rc,
			  uint32_t status);

#endif
