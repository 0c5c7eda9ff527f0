/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CXL objects as JSON, with upstream v81's keys in its order.  Sizes
 * and addresses are numbers, or strings when human (-u).
 */
#ifndef CXL_JSON_H
#define CXL_JSON_H

#include <stdbool.h>
#include <json-c/json.h>

#include <cxl/libcxl.h>

struct daxctl_ctx;
struct memmap_profile;

struct cxl_json_flags {
	bool human;
	bool targets; /* -T: dports, targets and region mappings */
	bool health; /* -H: each memdev's Get Health Info */
	bool partition; /* -I: Identify and Get Partition Info */
	bool firmware; /* -F: Get FW Info and the upload state */
	bool alert_config; /* -A: Get Alert Configuration */
	/* -X: each region's dax region and devices, from this context. */
	struct daxctl_ctx *dax;
	const struct memmap_profile *profile; /* for the dax devices' memmap */
	bool idle; /* -i: dax devices of size 0 too */
	bool media_errors; /* -L: poison lists, through trace events */
};

struct json_object *cxl_memdev_json(struct cxl_memdev *memdev,
				    const struct cxl_json_flags *f);
struct json_object *cxl_bus_json(struct cxl_port *bus,
				 const struct cxl_json_flags *f);
/* A switch port under "port", an endpoint under "endpoint". */
struct json_object *cxl_port_json(struct cxl_port *port, const char *key,
				  const struct cxl_json_flags *f);
struct json_object *cxl_decoder_json(struct cxl_decoder *decoder,
				     const struct cxl_json_flags *f);
struct json_object *cxl_region_json(struct cxl_region *region,
				    const struct cxl_json_flags *f);
/*
 * With -T: a port's "nr_dports" and "dports", a decoder's "targets"
 * ("nr_targets" always, but for endpoints), only those leading to a
 * memdev the memdev filter passes.
 */
void cxl_dports_json(struct json_object *jport, struct cxl_port *port,
		     const char *memdev_filter, const char *serial_filter,
		     const struct cxl_json_flags *f);
void cxl_targets_json(struct json_object *jdecoder, struct cxl_decoder *decoder,
		      const char *memdev_filter, const char *serial_filter,
		      const struct cxl_json_flags *f);

#endif
