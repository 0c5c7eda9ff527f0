/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libcxl: the CXL topology the kernel shows under /sys/bus/cxl, read
 * under a sysfs root: memory devices (memN), buses (rootN, the CXL root
 * port of a platform), the switch ports below them (portN), endpoints
 * (endpointN, one per enabled memdev), each port's decoders
 * (decoderP.N) and downstream ports (dportN links), each decoder's
 * targets (target_list), and the regions of root decoders with their
 * mappings (regionN/targetK).
 *
 * The whole tree is read when the context is made (cxl_new) and again
 * on cxl_refresh(); objects live until then or until the context's last
 * reference is dropped.  The library prints nothing: every call that can
 * fail returns 0 or a negative errno.
 *
 * Lists come in the order upstream's libcxl (v81) walks them, which its
 * JSON shows: memdevs, buses, ports, endpoints and dports last directory
 * entry first; decoders by id; regions by start address (ties in
 * directory order); a decoder's targets and a region's mappings last
 * position first.
 */
#ifndef LIBCXL_H
#define LIBCXL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cxl/payload.h>

struct sysroot;
struct cxl_ctx;
struct cxl_memdev;
struct cxl_port;
struct cxl_dport;
struct cxl_decoder;
struct cxl_target;
struct cxl_region;
struct cxl_mapping;

/* What an attribute read when the kernel did not give it. */
#define CXL_U64_NONE UINT64_MAX
#define CXL_UINT_NONE UINT32_MAX
#define CXL_QOS_NONE (-1)

enum cxl_port_type {
	CXL_PORT_ROOT, /* rootN: a bus */
	CXL_PORT_SWITCH, /* portN: a host bridge or switch */
	CXL_PORT_ENDPOINT, /* endpointN: a memdev's */
};

enum cxl_mode {
	CXL_MODE_NONE,
	CXL_MODE_MIXED,
	CXL_MODE_PMEM,
	CXL_MODE_RAM,
};
/* "none", "mixed", "pmem", "ram". */
const char *cxl_mode_name(enum cxl_mode mode);

/* Region decode state: the "commit" attribute. */
enum cxl_decode_state {
	CXL_DECODE_UNKNOWN = -1, /* no commit attribute */
	CXL_DECODE_RESET = 0,
	CXL_DECODE_COMMIT = 1,
};

int cxl_new(struct cxl_ctx **ctx, struct sysroot *root);
struct cxl_ctx *cxl_ref(struct cxl_ctx *ctx);
void cxl_unref(struct cxl_ctx *ctx);
/* Read everything again; every object returned before is gone. */
int cxl_refresh(struct cxl_ctx *ctx);
struct sysroot *cxl_get_root(struct cxl_ctx *ctx);

/* Memory devices. */
struct cxl_memdev *cxl_memdev_get_first(struct cxl_ctx *ctx);
struct cxl_memdev *cxl_memdev_get_next(struct cxl_memdev *memdev);
#define cxl_memdev_foreach(ctx, m) \
	for (m = cxl_memdev_get_first(ctx); m; m = cxl_memdev_get_next(m))
const char *cxl_memdev_get_devname(struct cxl_memdev *memdev);
int cxl_memdev_get_id(struct cxl_memdev *memdev);
/* The device the memdev is a child of (its PCI function). */
const char *cxl_memdev_get_host(struct cxl_memdev *memdev);
/* 0 when the partition is absent. */
uint64_t cxl_memdev_get_pmem_size(struct cxl_memdev *memdev);
uint64_t cxl_memdev_get_ram_size(struct cxl_memdev *memdev);
int cxl_memdev_get_pmem_qos_class(struct cxl_memdev *memdev);
int cxl_memdev_get_ram_qos_class(struct cxl_memdev *memdev);
/* CXL_U64_NONE without a serial attribute. */
uint64_t cxl_memdev_get_serial(struct cxl_memdev *memdev);
int cxl_memdev_get_numa_node(struct cxl_memdev *memdev);
/* NULL without the attribute. */
const char *cxl_memdev_get_firmware_version(struct cxl_memdev *memdev);
/* Label area size; CXL_U64_NONE without the attribute. */
uint64_t cxl_memdev_get_label_size(struct cxl_memdev *memdev);
/* Mailbox payload limit; 0 without the attribute. */
uint64_t cxl_memdev_get_payload_max(struct cxl_memdev *memdev);
/* Device number from the "dev" attribute; -ENOENT without it. */
int cxl_memdev_get_devnum(struct cxl_memdev *memdev, unsigned int *major,
			  unsigned int *minor);
/* cxl_mem is bound. */
bool cxl_memdev_is_enabled(struct cxl_memdev *memdev);
/* The endpoint of an enabled memdev (its uport names the memdev). */
struct cxl_port *cxl_memdev_get_endpoint(struct cxl_memdev *memdev);
/* The bus of the memdev's endpoint, NULL when it has none. */
struct cxl_port *cxl_memdev_get_bus(struct cxl_memdev *memdev);
struct cxl_memdev *cxl_memdev_get_by_name(struct cxl_ctx *ctx,
					  const char *name);
/*
 * The region an enabled memdev's memory is part of while that region
 * decodes (committed) or is bound: its memory may be online or mapped.
 * NULL when there is none.
 */
struct cxl_region *cxl_memdev_get_active_region(struct cxl_memdev *memdev);
/*
 * Unbind cxl_mem (its endpoint goes with it) or bind it again, then read
 * the binding back: 0 (also when already so), -EBUSY when the driver
 * stayed bound, -ENXIO when it did not bind, or the write's errno.  The
 * caller checks cxl_memdev_get_active_region() first and calls
 * cxl_refresh() after.
 */
int cxl_memdev_disable(struct cxl_memdev *memdev);
int cxl_memdev_enable(struct cxl_memdev *memdev);
/*
 * Read len bytes of the label area from offset through the mailbox
 * (/dev/cxl/memN under the root), in requests the payload limit holds:
 * 0, -ERANGE past the label area, -EOPNOTSUPP without one, -EIO for a
 * mailbox error, or the open's or ioctl's errno.
 */
int cxl_memdev_read_label(struct cxl_memdev *memdev, void *buf, size_t len,
			  size_t offset);
/*
 * Write len bytes at offset the same way (Set LSA); the caller refuses
 * first while cxl_memdev_labels_in_use().
 */
int cxl_memdev_write_label(struct cxl_memdev *memdev, const void *buf,
			   size_t len, size_t offset);
/*
 * The memdev's nvdimm (its pmemN child, bound to cxl_nvdimm) is active:
 * the nvdimm side owns the label area, and a write would go behind its
 * back.
 */
bool cxl_memdev_labels_in_use(struct cxl_memdev *memdev);

/* Get Health Info, as the device returns it (CXL 2.0 8.2.9.8.3.1). */
struct cxl_health {
	uint8_t health_status; /* bit 0 maintenance, 1 performance, 2 hw */
	uint8_t media_status; /* 0 normal, 1 not ready, ... 9 */
	uint8_t ext_status; /* life used 1:0, temperature 3:2, 4, 5 */
	uint8_t life_used; /* percent; 0xff: not implemented */
	uint16_t temperature; /* Celsius; 0xffff: not implemented */
	uint32_t dirty_shutdowns, volatile_errors, pmem_errors;
};
/* 0, or the open's or ioctl's errno, -EIO for a mailbox error. */
int cxl_memdev_get_health(struct cxl_memdev *memdev, struct cxl_health *h);

/*
 * The other memdev mailbox commands (mailbox.c; payloads in payload.h):
 * 0, -ENOTTY when the kernel or the device has no such command, -EIO
 * for a mailbox error, or the open's or ioctl's errno.  The set_*
 * calls' callers check that nothing uses what they change.
 */
int cxl_memdev_identify(struct cxl_memdev *memdev, struct cxl_identify *id);
int cxl_memdev_get_partition(struct cxl_memdev *memdev,
			     struct cxl_partition *p);
/* The volatile capacity from the next reset; -EINVAL: not 256M-aligned. */
int cxl_memdev_set_partition(struct cxl_memdev *memdev,
			     uint64_t volatile_bytes);
int cxl_memdev_get_fw_info(struct cxl_memdev *memdev, struct cxl_fw_info *fw);
int cxl_memdev_get_alert_config(struct cxl_memdev *memdev,
				struct cxl_alert_config *a);
/* -ERANGE for a threshold out of its field, nothing sent. */
int cxl_memdev_set_alert_config(struct cxl_memdev *memdev,
				const struct cxl_alert_request *r);

/*
 * Firmware upload through the kernel's firmware class device
 * (firmware.c).  The status word ("idle", "receiving", ...), or -errno
 * without the loader (kernels before 6.6).
 */
int cxl_memdev_fw_status(struct cxl_memdev *memdev, char *buf, size_t len);
bool cxl_memdev_has_fw_loader(struct cxl_memdev *memdev);
/* As v81: true also when the status cannot be read. */
bool cxl_memdev_fw_update_in_progress(struct cxl_memdev *memdev);
/* Bytes the kernel has still to send; 0 when unknown. */
uint64_t cxl_memdev_fw_remaining(struct cxl_memdev *memdev);
/*
 * Hand the image to the kernel, which transfers and activates it in the
 * background: 0, -EOPNOTSUPP without the loader, or the write's errno.
 */
int cxl_memdev_update_fw(struct cxl_memdev *memdev, const void *image,
			 size_t len);
/* -ENXIO when no update is under way. */
int cxl_memdev_cancel_fw_update(struct cxl_memdev *memdev);
/*
 * Sleep until a sanitize under way ends (security/state leaves
 * "sanitize"), at most timeout_ms (-1: no limit): 0 (also when none is
 * under way or the device has no security state), -ETIMEDOUT, -ENXIO.
 */
int cxl_memdev_wait_sanitize(struct cxl_memdev *memdev, int timeout_ms);

/*
 * Ports: buses (root ports) at the top, switch ports below them,
 * endpoints below switch ports.  A bus is a struct cxl_port of type
 * CXL_PORT_ROOT.
 */
struct cxl_port *cxl_bus_get_first(struct cxl_ctx *ctx);
struct cxl_port *cxl_bus_get_next(struct cxl_port *bus);
#define cxl_bus_foreach(ctx, b) \
	for (b = cxl_bus_get_first(ctx); b; b = cxl_bus_get_next(b))
/* "ACPI.CXL" for ACPI0017:00, "cxl_test" for cxl_acpi.0, else the host. */
const char *cxl_bus_get_provider(struct cxl_port *bus);

/* Child switch ports and child endpoints of a port. */
struct cxl_port *cxl_port_get_first(struct cxl_port *parent);
struct cxl_port *cxl_port_get_next(struct cxl_port *port);
#define cxl_port_foreach(parent, p) \
	for (p = cxl_port_get_first(parent); p; p = cxl_port_get_next(p))
struct cxl_port *cxl_endpoint_get_first(struct cxl_port *parent);
struct cxl_port *cxl_endpoint_get_next(struct cxl_port *endpoint);
#define cxl_endpoint_foreach(parent, e)             \
	for (e = cxl_endpoint_get_first(parent); e; \
	     e = cxl_endpoint_get_next(e))
/*
 * Every switch port below top, depth first (a port, then its children),
 * not top itself and not endpoints.
 */
struct cxl_port *cxl_port_get_next_all(struct cxl_port *port,
				       const struct cxl_port *top);
#define cxl_port_foreach_all(top, p) \
	for (p = cxl_port_get_first(top); p; p = cxl_port_get_next_all(p, top))

struct cxl_ctx *cxl_port_get_ctx(struct cxl_port *port);
const char *cxl_port_get_devname(struct cxl_port *port);
int cxl_port_get_id(struct cxl_port *port);
enum cxl_port_type cxl_port_get_type(struct cxl_port *port);
bool cxl_port_is_root(struct cxl_port *port);
bool cxl_port_is_switch(struct cxl_port *port);
bool cxl_port_is_endpoint(struct cxl_port *port);
/* 0 for a bus, one more for each level below. */
int cxl_port_get_depth(struct cxl_port *port);
struct cxl_port *cxl_port_get_parent(struct cxl_port *port);
/* The top of the port's tree, NULL when the port is not enabled. */
struct cxl_port *cxl_port_get_bus(struct cxl_port *port);
/* The device behind the port (uport): a bridge, a switch, a memdev. */
const char *cxl_port_get_host(struct cxl_port *port);
/* The dport of the parent this port hangs off (depth 2 and below). */
struct cxl_dport *cxl_port_get_parent_dport(struct cxl_port *port);
/* decoders_committed; 0 when the kernel has no such attribute. */
int cxl_port_get_decoders_committed(struct cxl_port *port);
bool cxl_port_is_enabled(struct cxl_port *port);
/* Whether the memdev's endpoint is this port or below it. */
bool cxl_port_hosts_memdev(struct cxl_port *port, struct cxl_memdev *memdev);
/* The memdev whose endpoint this is (endpoints only, when enabled). */
struct cxl_memdev *cxl_endpoint_get_memdev(struct cxl_port *endpoint);

/* Downstream ports. */
int cxl_port_get_nr_dports(struct cxl_port *port);
struct cxl_dport *cxl_dport_get_first(struct cxl_port *port);
struct cxl_dport *cxl_dport_get_next(struct cxl_dport *dport);
#define cxl_dport_foreach(port, d) \
	for (d = cxl_dport_get_first(port); d; d = cxl_dport_get_next(d))
const char *cxl_dport_get_devname(struct cxl_dport *dport);
int cxl_dport_get_id(struct cxl_dport *dport);
struct cxl_port *cxl_dport_get_port(struct cxl_dport *dport);
/*
 * What a dport is also known as: its firmware node when it has one,
 * else its physical node (an ACPI host bridge's PCI root), else NULL.
 */
const char *cxl_dport_get_alias(struct cxl_dport *dport);
/* Whether the memdev sits below this dport. */
bool cxl_dport_maps_memdev(struct cxl_dport *dport, struct cxl_memdev *memdev);
struct cxl_dport *cxl_port_get_dport_by_memdev(struct cxl_port *port,
					       struct cxl_memdev *memdev);

/* Decoders of a port. */
struct cxl_decoder *cxl_decoder_get_first(struct cxl_port *port);
struct cxl_decoder *cxl_decoder_get_next(struct cxl_decoder *decoder);
#define cxl_decoder_foreach(port, d) \
	for (d = cxl_decoder_get_first(port); d; d = cxl_decoder_get_next(d))
struct cxl_decoder *cxl_decoder_get_by_name(struct cxl_ctx *ctx,
					    const char *name);
const char *cxl_decoder_get_devname(struct cxl_decoder *decoder);
/* N of decoderP.N. */
int cxl_decoder_get_id(struct cxl_decoder *decoder);
struct cxl_port *cxl_decoder_get_port(struct cxl_decoder *decoder);
/* CXL_U64_NONE when not given. */
uint64_t cxl_decoder_get_resource(struct cxl_decoder *decoder);
uint64_t cxl_decoder_get_size(struct cxl_decoder *decoder);
uint64_t cxl_decoder_get_dpa_resource(struct cxl_decoder *decoder);
uint64_t cxl_decoder_get_dpa_size(struct cxl_decoder *decoder);
enum cxl_mode cxl_decoder_get_mode(struct cxl_decoder *decoder);
/* CXL_UINT_NONE when not given. */
unsigned int cxl_decoder_get_interleave_ways(struct cxl_decoder *decoder);
unsigned int
cxl_decoder_get_interleave_granularity(struct cxl_decoder *decoder);
int cxl_decoder_get_qos_class(struct cxl_decoder *decoder);
/*
 * Capabilities: a root decoder's from its cap_* attributes; switch and
 * endpoint decoders can decode anything.
 */
bool cxl_decoder_is_pmem_capable(struct cxl_decoder *decoder);
bool cxl_decoder_is_volatile_capable(struct cxl_decoder *decoder);
bool cxl_decoder_is_mem_capable(struct cxl_decoder *decoder);
bool cxl_decoder_is_accelmem_capable(struct cxl_decoder *decoder);
bool cxl_decoder_is_locked(struct cxl_decoder *decoder);
/*
 * The largest free extent of a root decoder's window between the
 * regions that have a size and are not reset; CXL_U64_NONE for other
 * decoders or an unknown start.
 */
uint64_t cxl_decoder_get_max_available_extent(struct cxl_decoder *decoder);
/* Switch and endpoint decoders: the region they decode for, or NULL. */
struct cxl_region *cxl_decoder_get_region(struct cxl_decoder *decoder);
/* Endpoint decoders: the endpoint's memdev. */
struct cxl_memdev *cxl_decoder_get_memdev(struct cxl_decoder *decoder);

/* Targets of a switch or root decoder (target_list). */
int cxl_decoder_get_nr_targets(struct cxl_decoder *decoder);
struct cxl_target *cxl_target_get_first(struct cxl_decoder *decoder);
struct cxl_target *cxl_target_get_next(struct cxl_target *target);
#define cxl_target_foreach(decoder, t) \
	for (t = cxl_target_get_first(decoder); t; t = cxl_target_get_next(t))
const char *cxl_target_get_devname(struct cxl_target *target);
int cxl_target_get_id(struct cxl_target *target);
int cxl_target_get_position(struct cxl_target *target);
/* As cxl_dport_get_alias(). */
const char *cxl_target_get_alias(struct cxl_target *target);
bool cxl_target_maps_memdev(struct cxl_target *target,
			    struct cxl_memdev *memdev);
struct cxl_target *cxl_decoder_get_target_by_memdev(struct cxl_decoder *d,
						    struct cxl_memdev *m);

/* Regions of a root decoder. */
struct cxl_region *cxl_region_get_first(struct cxl_decoder *decoder);
struct cxl_region *cxl_region_get_next(struct cxl_region *region);
#define cxl_region_foreach(decoder, r) \
	for (r = cxl_region_get_first(decoder); r; r = cxl_region_get_next(r))
const char *cxl_region_get_devname(struct cxl_region *region);
int cxl_region_get_id(struct cxl_region *region);
struct cxl_decoder *cxl_region_get_decoder(struct cxl_region *region);
/* 0 without a resource attribute; size CXL_U64_NONE without size. */
uint64_t cxl_region_get_resource(struct cxl_region *region);
uint64_t cxl_region_get_size(struct cxl_region *region);
enum cxl_mode cxl_region_get_mode(struct cxl_region *region);
unsigned int cxl_region_get_interleave_ways(struct cxl_region *region);
unsigned int cxl_region_get_interleave_granularity(struct cxl_region *region);
enum cxl_decode_state cxl_region_get_decode_state(struct cxl_region *region);
bool cxl_region_is_enabled(struct cxl_region *region);
/* Whether the region decodes memory: committed, or bound to its driver. */
bool cxl_region_is_active(struct cxl_region *region);
/* A mapped memdev's qos_class differs from the root decoder's. */
bool cxl_region_qos_class_mismatch(struct cxl_region *region);

/* A region's endpoint decoders, targetK for K below interleave_ways. */
struct cxl_mapping *cxl_mapping_get_first(struct cxl_region *region);
struct cxl_mapping *cxl_mapping_get_next(struct cxl_mapping *mapping);
#define cxl_mapping_foreach(region, m) \
	for (m = cxl_mapping_get_first(region); m; m = cxl_mapping_get_next(m))
int cxl_mapping_get_position(struct cxl_mapping *mapping);
struct cxl_decoder *cxl_mapping_get_decoder(struct cxl_mapping *mapping);

/*
 * Parse a decoder's target_list ("12,13"): up to max dport ids into ids.
 * Returns the count, -EINVAL for anything but comma-separated decimal
 * ids, -E2BIG for more than max.
 */
int cxl_parse_target_list(const char *text, int *ids, int max);

/*
 * Region changes (region.c), each one sysfs write; the caller checks
 * safety first and calls cxl_refresh() after.  0 or a negative errno.
 *
 * create: claim the root decoder's next region of mode (pmem or ram),
 * its name ("regionN") in name.
 */
int cxl_decoder_create_region(struct cxl_decoder *root, enum cxl_mode mode,
			      char *name, size_t len);
int cxl_decoder_delete_region(struct cxl_decoder *root, const char *name);
/* regionN's attr: size, uuid, interleave_ways, targetK, commit... */
int cxl_region_write_attr(struct cxl_ctx *ctx, const char *region,
			  const char *attr, const char *val);
/* An endpoint decoder's mode or dpa_size. */
int cxl_decoder_write_attr(struct cxl_decoder *decoder, const char *attr,
			   const char *val);
/*
 * Bind regionN to cxl_region or unbind it, then read the binding back:
 * 0 (also when already so), -ENXIO when it did not bind, -EBUSY when it
 * stayed bound, or the write's errno.
 */
int cxl_region_set_bound(struct cxl_ctx *ctx, const char *region, bool bind);
/* The region's device directory, resolved (malloc'd), or NULL. */
char *cxl_region_canonical_path(struct cxl_region *region);

/*
 * DPA allocation on endpoint decoders (dpa.c): 0 or the write's errno,
 * -EINVAL for a decoder that is not an endpoint's (or a mode but ram or
 * pmem).  The kernel refuses a mode change while DPA is allocated.
 */
int cxl_decoder_set_dpa_size(struct cxl_decoder *decoder, uint64_t size);
int cxl_decoder_set_mode(struct cxl_decoder *decoder, enum cxl_mode mode);
/*
 * The memdev's capacity of mode (ram or pmem) that none of its endpoint
 * decoders of that mode holds: 0 with *avail set, -ENXIO without an
 * endpoint (memdev disabled), -EUCLEAN when the decoders hold more than
 * the partition.
 */
int cxl_memdev_dpa_available(struct cxl_memdev *memdev, enum cxl_mode mode,
			     uint64_t *avail);

/*
 * Port and bus binding (bind.c), read back after the write: 0 (also
 * when already so), -EBUSY when the driver stayed bound, -ENXIO when it
 * did not bind, -EINVAL for a bus given as a port or a port given as a
 * bus, or the write's errno.  The caller checks that nothing below is
 * in use first and calls cxl_refresh() after.
 */
int cxl_port_disable(struct cxl_port *port);
int cxl_port_enable(struct cxl_port *port);
/* Unbind the bus's platform device from cxl_acpi: its tree goes away. */
int cxl_bus_disable(struct cxl_port *bus);

/*
 * The region's dax region in dax's view (dax.c), NULL when it has none
 * (a pmem region whose memory is on the nvdimm side, or a region not
 * bound).
 */
struct daxctl_ctx;
struct daxctl_region;
struct daxctl_region *cxl_region_get_daxctl_region(struct cxl_region *region,
						   struct daxctl_ctx *dax);

#endif
