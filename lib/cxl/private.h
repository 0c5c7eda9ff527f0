/* SPDX-License-Identifier: GPL-2.0 */
/* The objects of libcxl, shared by its source files. */
#ifndef CXL_LIB_PRIVATE_H
#define CXL_LIB_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <cxl/libcxl.h>

#define CXL_DEVICES "sys/bus/cxl/devices"

struct cxl_memdev {
	struct cxl_memdev *next;
	struct cxl_ctx *ctx;
	int id;
	char *devname;
	char *path; /* sys/bus/cxl/devices/memN */
	char *host_path; /* canonical path of its parent device */
	const char *host; /* basename of host_path */
	uint64_t pmem_size, ram_size, serial, lsa_size, payload_max;
	int pmem_qos, ram_qos, numa_node;
	char *fw_version;
	int major, minor; /* -1 without "dev" */
	bool enabled;
	bool nvdimm_active; /* a pmemN child bound to cxl_nvdimm */
};

struct cxl_dport {
	struct cxl_dport *next;
	struct cxl_port *port;
	int id;
	char *path; /* canonical: what dportN links to */
	const char *devname;
	char *alias; /* firmware node, else physical node */
	char *match; /* the path a memdev's host path must contain */
};

struct cxl_target {
	struct cxl_target *next;
	struct cxl_decoder *decoder;
	int id, position;
	char *path;
	const char *devname;
	char *alias;
	char *match;
};

struct cxl_mapping {
	struct cxl_mapping *next;
	struct cxl_region *region;
	int position;
	char *decoder_name; /* regionN/targetK, resolved when asked */
};

struct cxl_region {
	struct cxl_region *next;
	struct cxl_decoder *decoder;
	int id;
	char *devname, *path;
	uint64_t start, size;
	enum cxl_mode mode;
	unsigned int ways, granularity;
	enum cxl_decode_state decode_state;
	bool enabled;
	struct cxl_mapping *mappings;
};

struct cxl_decoder {
	struct cxl_decoder *next;
	struct cxl_port *port;
	int id;
	char *devname, *path;
	uint64_t start, size, dpa_resource, dpa_size, max_extent;
	enum cxl_mode mode;
	unsigned int ways, granularity;
	int qos_class;
	bool pmem_capable, volatile_capable, mem_capable, accelmem_capable;
	bool locked;
	char *region_name; /* the "region" attribute, "" for none */
	int nr_targets;
	struct cxl_target *targets;
	struct cxl_region *regions;
};

struct cxl_port {
	struct cxl_port *next;
	struct cxl_ctx *ctx;
	struct cxl_port *parent;
	enum cxl_port_type type;
	int id, depth, decoders_committed;
	char *devname, *path;
	char *uport; /* canonical path of the host */
	const char *host;
	char *parent_dport; /* devname of the parent's dport, or NULL */
	bool enabled;
	int nr_dports;
	struct cxl_port *ports, *endpoints;
	struct cxl_dport *dports;
	struct cxl_decoder *decoders;
};

struct cxl_ctx {
	int refcount;
	struct sysroot *root;
	struct cxl_memdev *memdevs;
	struct cxl_port *buses;
};

#endif
