/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libndctl: the nvdimm bus seen through sysfs under a root directory:
 * buses, DIMMs, regions, namespaces and the pfn/dax/btt devices that claim
 * namespaces.  A context owns every object it returns.
 */
#ifndef LIBNDCTL_H
#define LIBNDCTL_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct ndctl_ctx;
struct ndctl_bus;
struct ndctl_dimm;
struct ndctl_region;
struct ndctl_mapping;
struct ndctl_namespace;
struct ndctl_claim;

enum ndctl_ns_mode {
	NDCTL_NS_MODE_RAW,
	NDCTL_NS_MODE_FSDAX, /* claimed by a pfn device */
	NDCTL_NS_MODE_DEVDAX, /* claimed by an nd dax device */
	NDCTL_NS_MODE_SECTOR, /* claimed by a btt device */
};

/* Where a pfn/dax device keeps its memmap: nd "mode" ram or pmem. */
enum ndctl_map {
	NDCTL_MAP_NONE,
	NDCTL_MAP_MEM, /* "ram": struct pages in DRAM */
	NDCTL_MAP_DEV, /* "pmem": struct pages in the info-block reserve */
};

struct sysroot;

/* A context over a sysfs root the caller opened (util/sysfs.h). */
int ndctl_new(struct ndctl_ctx **ctx, struct sysroot *root);
struct ndctl_ctx *ndctl_ref(struct ndctl_ctx *ctx);
void ndctl_unref(struct ndctl_ctx *ctx);
int ndctl_refresh(struct ndctl_ctx *ctx);
struct sysroot *ndctl_get_root(struct ndctl_ctx *ctx);

struct ndctl_bus *ndctl_bus_get_first(struct ndctl_ctx *ctx);
struct ndctl_bus *ndctl_bus_get_next(struct ndctl_bus *bus);
#define ndctl_bus_foreach(ctx, bus) \
	for (bus = ndctl_bus_get_first(ctx); bus; bus = ndctl_bus_get_next(bus))
const char *ndctl_bus_get_devname(struct ndctl_bus *bus);
const char *ndctl_bus_get_provider(struct ndctl_bus *bus);

struct ndctl_dimm *ndctl_dimm_get_first(struct ndctl_bus *bus);
struct ndctl_dimm *ndctl_dimm_get_next(struct ndctl_dimm *dimm);
#define ndctl_dimm_foreach(bus, dimm)                \
	for (dimm = ndctl_dimm_get_first(bus); dimm; \
	     dimm = ndctl_dimm_get_next(dimm))
const char *ndctl_dimm_get_devname(struct ndctl_dimm *dimm);
struct ndctl_bus *ndctl_dimm_get_bus(struct ndctl_dimm *dimm);
/* NFIT identity; NULL / -1 when the DIMM is not described by an NFIT. */
const char *ndctl_dimm_get_unique_id(struct ndctl_dimm *dimm);
int64_t ndctl_dimm_get_handle(struct ndctl_dimm *dimm);
int64_t ndctl_dimm_get_phys_id(struct ndctl_dimm *dimm);
bool ndctl_dimm_is_enabled(struct ndctl_dimm *dimm);
/* What the firmware says of a DIMM (the kernel's nfit or papr flags). */
enum {
	NDCTL_DIMM_FLAG_FAILED_ARM = 1 << 0, /* not_armed */
	NDCTL_DIMM_FLAG_FAILED_SAVE = 1 << 1, /* save_fail */
	NDCTL_DIMM_FLAG_FAILED_FLUSH = 1 << 2, /* flush_fail */
	NDCTL_DIMM_FLAG_FAILED_RESTORE = 1 << 3, /* restore_fail */
	NDCTL_DIMM_FLAG_FAILED_MAP = 1 << 4, /* map_fail */
	/* smart_event, papr: smart_notify */
	NDCTL_DIMM_FLAG_SMART_EVENT = 1 << 5,
};
unsigned int ndctl_dimm_get_flags(struct ndctl_dimm *dimm);

struct ndctl_region *ndctl_region_get_first(struct ndctl_bus *bus);
struct ndctl_region *ndctl_region_get_next(struct ndctl_region *region);
#define ndctl_region_foreach(bus, region)                  \
	for (region = ndctl_region_get_first(bus); region; \
	     region = ndctl_region_get_next(region))
struct ndctl_bus *ndctl_region_get_bus(struct ndctl_region *region);
struct ndctl_ctx *ndctl_bus_get_ctx(struct ndctl_bus *bus);
const char *ndctl_region_get_devname(struct ndctl_region *region);
int ndctl_region_get_id(struct ndctl_region *region);
uint64_t ndctl_region_get_size(struct ndctl_region *region);
uint64_t ndctl_region_get_align(struct ndctl_region *region);
uint64_t ndctl_region_get_available_size(struct ndctl_region *region);
uint64_t ndctl_region_get_max_available_extent(struct ndctl_region *region);
/* Whether the kernel gave the attribute (older kernels lack them). */
bool ndctl_region_has_align(struct ndctl_region *region);
bool ndctl_region_has_max_available_extent(struct ndctl_region *region);
uint64_t ndctl_region_get_resource(struct ndctl_region *region);
/* "pmem" or "blk". */
const char *ndctl_region_get_type(struct ndctl_region *region);
/* Interleave-set cookie; 0 when the region has none. */
uint64_t ndctl_region_get_iset_id(struct ndctl_region *region);
/* "cpu_cache", "memory_controller" or "unknown". */
const char *ndctl_region_get_persistence_domain(struct ndctl_region *region);
int ndctl_region_get_numa_node(struct ndctl_region *region);
int ndctl_region_get_target_node(struct ndctl_region *region);
/* Whether the kernel gives the region a numa_node attribute (5.4+). */
bool ndctl_region_has_numa(struct ndctl_region *region);
bool ndctl_region_is_enabled(struct ndctl_region *region);
/* Seed device names ("namespace0.1", "dax0.1", ...); "" when absent. */
const char *ndctl_region_get_namespace_seed(struct ndctl_region *region);
const char *ndctl_region_get_dax_seed(struct ndctl_region *region);
const char *ndctl_region_get_pfn_seed(struct ndctl_region *region);

struct ndctl_mapping *ndctl_mapping_get_first(struct ndctl_region *region);
struct ndctl_mapping *ndctl_mapping_get_next(struct ndctl_mapping *m);
#define ndctl_mapping_foreach(region, m)             \
	for (m = ndctl_mapping_get_first(region); m; \
	     m = ndctl_mapping_get_next(m))
const char *ndctl_mapping_get_dimm(struct ndctl_mapping *m);
uint64_t ndctl_mapping_get_offset(struct ndctl_mapping *m);
uint64_t ndctl_mapping_get_length(struct ndctl_mapping *m);
int ndctl_mapping_get_position(struct ndctl_mapping *m);

struct ndctl_namespace *ndctl_namespace_get_first(struct ndctl_region *region);
struct ndctl_namespace *ndctl_namespace_get_next(struct ndctl_namespace *ns);
#define ndctl_namespace_foreach(region, ns)              \
	for (ns = ndctl_namespace_get_first(region); ns; \
	     ns = ndctl_namespace_get_next(ns))
/* The namespace named devname ("namespace0.0") on any bus, or NULL. */
struct ndctl_namespace *ndctl_get_namespace(struct ndctl_ctx *ctx,
					    const char *devname);
/* The pfn, dax or btt device named devname ("dax0.1"), or NULL. */
struct ndctl_claim *ndctl_get_claim(struct ndctl_ctx *ctx, const char *devname);
struct ndctl_region *ndctl_namespace_get_region(struct ndctl_namespace *ns);
const char *ndctl_namespace_get_devname(struct ndctl_namespace *ns);
enum ndctl_ns_mode ndctl_namespace_get_mode(struct ndctl_namespace *ns);
uint64_t ndctl_namespace_get_size(struct ndctl_namespace *ns);
/* Reading the size: 0, or the -errno (-EINVAL: not a number). */
int ndctl_namespace_get_size_err(struct ndctl_namespace *ns);
uint64_t ndctl_namespace_get_resource(struct ndctl_namespace *ns);
/* "" when the namespace has no label (and so no uuid). */
const char *ndctl_namespace_get_uuid(struct ndctl_namespace *ns);
bool ndctl_namespace_has_label(struct ndctl_namespace *ns);
const char *ndctl_namespace_get_alt_name(struct ndctl_namespace *ns);
unsigned int ndctl_namespace_get_sector_size(struct ndctl_namespace *ns);
/* Block device ("pmem0") of a raw namespace, "" otherwise. */
const char *ndctl_namespace_get_blockdev(struct ndctl_namespace *ns);
int ndctl_namespace_get_numa_node(struct ndctl_namespace *ns);
int ndctl_namespace_get_target_node(struct ndctl_namespace *ns);
bool ndctl_namespace_is_enabled(struct ndctl_namespace *ns);
/* Enabled itself, or claimed by an enabled pfn/dax/btt device. */
bool ndctl_namespace_is_active(struct ndctl_namespace *ns);
/* The pfn, dax or btt device claiming the namespace, or NULL. */
struct ndctl_claim *ndctl_namespace_get_claim(struct ndctl_namespace *ns);

const char *ndctl_claim_get_devname(struct ndctl_claim *claim);
/* The namespace the claim names ("namespace0.0"); "" when none. */
const char *ndctl_claim_get_namespace(struct ndctl_claim *claim);
enum ndctl_map ndctl_claim_get_map(struct ndctl_claim *claim);
uint64_t ndctl_claim_get_align(struct ndctl_claim *claim);
/* Usable data size and start; 0 while the claim is not enabled. */
uint64_t ndctl_claim_get_size(struct ndctl_claim *claim);
uint64_t ndctl_claim_get_resource(struct ndctl_claim *claim);
const char *ndctl_claim_get_uuid(struct ndctl_claim *claim);
/* A btt's logical block size; 0 for pfn and dax claims. */
unsigned int ndctl_claim_get_sector_size(struct ndctl_claim *claim);
bool ndctl_claim_is_enabled(struct ndctl_claim *claim);
/* Alignments the kernel accepts, in bytes, ascending; returns the count. */
int ndctl_claim_get_supported_alignments(struct ndctl_claim *claim,
					 uint64_t *aligns, int max);
/* fsdax / sector: block device name; devdax: the dax device ("dax0.0"). */
const char *ndctl_claim_get_blockdev(struct ndctl_claim *claim);
const char *ndctl_claim_get_chardev(struct ndctl_claim *claim);

/* A run of known-bad 512-byte sectors, from the start of the device. */
struct ndctl_badblock {
	uint64_t offset;
	unsigned int len;
};
/*
 * The region's (relative to its start) or the namespace's block device's
 * bad sectors: the count with *bbs malloc'd (free it), or -errno (a
 * disabled region, a namespace with no block device of its own).
 */
int ndctl_region_get_badblocks(struct ndctl_region *region,
			       struct ndctl_badblock **bbs);
int ndctl_namespace_get_badblocks(struct ndctl_namespace *ns,
				  struct ndctl_badblock **bbs);
/*
 * What the region's seed for mode accepts: sector sizes (SECTOR, the btt
 * seed) or alignments (FSDAX, DEVDAX), in the kernel's order; the count,
 * or -ENOENT when the region has no such seed (it is disabled).
 */
int ndctl_region_get_seed_sizes(struct ndctl_region *region,
				enum ndctl_ns_mode mode, uint64_t *vals,
				int max);
/* ACPI.NFIT address range scrub: 1 running, 0 idle, -ENOENT no ARS. */
int ndctl_bus_get_scrub_state(struct ndctl_bus *bus);
/* Whether the DIMM's "commands" attribute lists cmd ("smart", ...). */
bool ndctl_dimm_has_command(struct ndctl_dimm *dimm, const char *cmd);
/* The DIMM's NFIT DSM family (0: Intel) and function mask, or -ENOENT. */
int ndctl_dimm_get_dsm_family(struct ndctl_dimm *dimm, uint64_t *mask);

/*
 * The command channel: ioctls on the bus's /dev/ndctlN and the DIMM's
 * /dev/nmemN, the payloads built and read by lib/ndcmd.  Each returns
 * the bytes of the buffer (or payload) that hold the reply, or -errno.
 * ndctl_bus_cmd() takes ND_CMD_ARS_CAP .. ND_CMD_CLEAR_ERROR; the
 * ND_CMD_CALL forms take the family, the DSM function and a payload of
 * in bytes of input with room for out bytes of output.
 */
int ndctl_bus_cmd(struct ndctl_bus *bus, unsigned int cmd, void *buf,
		  size_t len);
int ndctl_bus_call(struct ndctl_bus *bus, unsigned int family,
		   unsigned int func, void *payload, uint32_t in, uint32_t out);
int ndctl_dimm_call(struct ndctl_dimm *dimm, unsigned int family,
		    unsigned int func, void *payload, uint32_t in,
		    uint32_t out);
/*
 * The DIMM's node kept open for a run of calls (a firmware image sent
 * piece by piece): the fd, or -errno; ndctl_channel_call() is
 * ndctl_dimm_call() on it.  The caller closes it.
 */
int ndctl_dimm_open_channel(struct ndctl_dimm *dimm);
int ndctl_channel_call(int fd, unsigned int family, unsigned int func,
		       void *payload, uint32_t in, uint32_t out);
/* The bus's "commands" attribute names cmd ("ars_cap", "cmd_call"). */
bool ndctl_bus_has_command(struct ndctl_bus *bus, const char *cmd);
/* An ACPI NFIT bus (nfit_test is one), and the root DSM functions. */
bool ndctl_bus_has_nfit(struct ndctl_bus *bus);
bool ndctl_bus_has_nfit_call(struct ndctl_bus *bus, unsigned int func);

/*
 * The kernel's scrub of an NFIT bus (its "scrub" attribute): scrubs
 * completed and whether one runs; -EOPNOTSUPP on a bus without it.
 */
int ndctl_bus_get_scrub(struct ndctl_bus *bus, unsigned int *count,
			bool *active);
/* Ask the kernel for a full scrub (-EBUSY while one runs). */
int ndctl_bus_start_scrub(struct ndctl_bus *bus);
/*
 * Wait, by poll() on the attribute, until no scrub runs and at least
 * min_count have completed.  interval: read again at least every that
 * many seconds (0: only when woken); timeout_ms < 0: no limit, else
 * -ETIMEDOUT.
 */
int ndctl_bus_wait_scrub(struct ndctl_bus *bus, unsigned int min_count,
			 unsigned int interval, int timeout_ms);

struct nd_ars_cap;
struct nd_inject_list;
/* ARS capabilities of [address, address + length) (ndcmd/ars.h). */
int ndctl_bus_ars_cap(struct ndctl_bus *bus, uint64_t address, uint64_t length,
		      struct nd_ars_cap *cap);
/* Clear errors over the range; *cleared is what the firmware did. */
int ndctl_bus_clear_error(struct ndctl_bus *bus, uint64_t address,
			  uint64_t length, uint32_t clear_unit,
			  uint64_t *cleared, uint32_t *status);
/* The NFIT bus offers ARS error injection (set, clear and status). */
bool ndctl_bus_has_error_injection(struct ndctl_bus *bus);
int ndctl_bus_inject_error(struct ndctl_bus *bus, uint64_t base,
			   uint64_t length, bool notify, uint32_t *status);
int ndctl_bus_uninject_error(struct ndctl_bus *bus, uint64_t base,
			     uint64_t length, uint32_t *status);
/*
 * What is injected, with room bytes for records (ARS_CAP's max_ars_out,
 * as upstream asks): *buf holds the reply list points into (free it).
 */
int ndctl_bus_get_injected(struct ndctl_bus *bus, uint32_t room, uint8_t **buf,
			   struct nd_inject_list *list);
/*
 * The DIMM behind a system physical address: the region's only DIMM,
 * or the one translate SPA names on an interleaved region; NULL when
 * neither can tell.
 */
struct ndctl_dimm *ndctl_bus_dimm_by_address(struct ndctl_bus *bus,
					     uint64_t spa);
/*
 * The physical range a namespace's errors are placed in: an enabled
 * fsdax or devdax claim's data, else the namespace's whole capacity.
 * -EOPNOTSUPP for an enabled sector namespace (data and BTT metadata
 * are not told apart).
 */
int ndctl_namespace_get_injection_bounds(struct ndctl_namespace *ns,
					 uint64_t *start, uint64_t *size);
/* A region's DIMM count (its mappings). */
int ndctl_region_get_interleave_ways(struct ndctl_region *region);

/*
 * DIMM health through the DIMM's DSM family (ndcmd/health.h).  Each
 * returns 0, -EOPNOTSUPP when the family or the function is not
 * offered, a decoder's errno (and *status, the firmware's word), or
 * the ioctl's -errno.
 */
struct nd_health;
struct nd_thresholds;
struct nd_inject;
struct nd_health_family;
const struct nd_health_family *
ndctl_dimm_health_family(struct ndctl_dimm *dimm);
int ndctl_dimm_get_health(struct ndctl_dimm *dimm, struct nd_health *h,
			  uint32_t *status);
int ndctl_dimm_get_thresholds(struct ndctl_dimm *dimm, struct nd_thresholds *t,
			      uint32_t *status);
int ndctl_dimm_set_thresholds(struct ndctl_dimm *dimm,
			      const struct nd_thresholds *t, uint32_t *status);
/* ND_INJECT_* fields the DIMM can be sent; 0: no SMART injection. */
unsigned int ndctl_dimm_inject_fields(struct ndctl_dimm *dimm);
int ndctl_dimm_inject_smart(struct ndctl_dimm *dimm,
			    const struct nd_inject *inj, uint32_t *status);
/*
 * The attribute the kernel notifies on a health event (nfit/flags, or
 * papr/flags), open for poll(); or -errno.
 */
int ndctl_dimm_open_health_event(struct ndctl_dimm *dimm);

/*
 * Firmware update (Intel DSM family, ndcmd/fw-intel.h) and activation.
 * ndctl_dimm_fw_update_supported(): 0, -ENOTTY for a DIMM of another
 * family, -EOPNOTSUPP without ND_CMD_CALL, -EIO when the platform does
 * not offer all five functions.  The calls return 0, a decoder's errno
 * (and *status, the firmware's word) or the ioctl's -errno.
 */
struct nd_fw_info;
enum ndctl_fwa_state {
	NDCTL_FWA_INVALID, /* no firmware/activate attribute */
	NDCTL_FWA_IDLE,
	NDCTL_FWA_ARMED,
	NDCTL_FWA_BUSY,
	NDCTL_FWA_ARM_OVERFLOW,
};
enum ndctl_fwa_method {
	NDCTL_FWA_METHOD_RESET, /* only a platform reset activates */
	NDCTL_FWA_METHOD_SUSPEND, /* "quiesce": devices stall meanwhile */
	NDCTL_FWA_METHOD_LIVE,
};
enum ndctl_fwa_result {
	NDCTL_FWA_RESULT_INVALID,
	NDCTL_FWA_RESULT_NONE,
	NDCTL_FWA_RESULT_SUCCESS,
	NDCTL_FWA_RESULT_NOTSTAGED,
	NDCTL_FWA_RESULT_NEEDRESET,
	NDCTL_FWA_RESULT_FAIL,
};
int ndctl_dimm_fw_update_supported(struct ndctl_dimm *dimm);
/* An Intel-family DIMM whose platform offers FW_GET_INFO. */
bool ndctl_dimm_offers_fw_info(struct ndctl_dimm *dimm);
int ndctl_dimm_fw_get_info(struct ndctl_dimm *dimm, struct nd_fw_info *info,
			   uint32_t *status);
int ndctl_dimm_fw_start(struct ndctl_dimm *dimm, uint32_t *context,
			uint32_t *status);
/* On the DIMM's channel (ndctl_dimm_open_channel()): one per piece. */
int ndctl_dimm_fw_send(int fd, uint32_t context, uint32_t offset,
		       const void *data, uint32_t len, uint32_t *status);
int ndctl_dimm_fw_finish(struct ndctl_dimm *dimm, uint32_t context, bool abort,
			 uint32_t *status);
int ndctl_dimm_fw_query(struct ndctl_dimm *dimm, uint32_t context,
			uint64_t *updated_rev, uint32_t *status);
enum ndctl_fwa_state ndctl_dimm_get_fw_activate_state(struct ndctl_dimm *dimm);
enum ndctl_fwa_result
ndctl_dimm_get_fw_activate_result(struct ndctl_dimm *dimm);
/* Write arm or disarm to nmemN/firmware/activate; 0 or -errno. */
int ndctl_dimm_fw_activate_arm(struct ndctl_dimm *dimm, bool arm);
enum ndctl_fwa_state ndctl_bus_get_fw_activate_state(struct ndctl_bus *bus);
enum ndctl_fwa_method ndctl_bus_get_fw_activate_method(struct ndctl_bus *bus);
/* Write live or quiesce to ndbusN/firmware/activate; 0 or -errno. */
int ndctl_bus_activate_firmware(struct ndctl_bus *bus,
				enum ndctl_fwa_method method);
/* Ask the platform not to inject idle time during the activation. */
int ndctl_bus_set_fw_activate_noidle(struct ndctl_bus *bus, bool noidle);

/* The DIMM's nmemN/security state, and whether security is frozen. */
enum ndctl_security_state {
	NDCTL_SECURITY_INVALID = -1,
	NDCTL_SECURITY_DISABLED = 0,
	NDCTL_SECURITY_UNLOCKED,
	NDCTL_SECURITY_LOCKED,
	NDCTL_SECURITY_FROZEN,
	NDCTL_SECURITY_OVERWRITE,
};
enum ndctl_security_state ndctl_dimm_get_security(struct ndctl_dimm *dimm);
bool ndctl_dimm_security_is_frozen(struct ndctl_dimm *dimm);
/*
 * A command written to nmemN/security, with key serials of the user
 * keyring (0: the zero key); new_key only for the updates.  0 or -errno.
 */
enum ndctl_security_op {
	NDCTL_SEC_UPDATE,
	NDCTL_SEC_DISABLE,
	NDCTL_SEC_FREEZE,
	NDCTL_SEC_ERASE,
	NDCTL_SEC_OVERWRITE,
	NDCTL_SEC_MASTER_UPDATE,
	NDCTL_SEC_MASTER_ERASE,
	NDCTL_SEC_DISABLE_MASTER,
};
int ndctl_dimm_security_cmd(struct ndctl_dimm *dimm, enum ndctl_security_op op,
			    long key, long new_key);
/*
 * Wait in poll() while the DIMM's security reads "overwrite": 1 when an
 * overwrite was waited for, 0 when none ran, or -errno.
 */
int ndctl_dimm_wait_overwrite(struct ndctl_dimm *dimm);
/* An enabled region uses the DIMM. */
bool ndctl_dimm_is_active(struct ndctl_dimm *dimm);

/*
 * Changing namespaces.  Objects read before a change are stale after it:
 * call ndctl_refresh().  Each call returns 0 or a negative errno.
 */
struct ndctl_ns_config {
	enum ndctl_ns_mode mode; /* RAW, FSDAX, DEVDAX or SECTOR */
	enum ndctl_map map; /* where the memmap goes */
	uint64_t align; /* 0: the kernel's default */
	const char *uuid; /* NULL: a new random uuid */
	/* raw: the namespace's; sector: the btt's; 0: the kernel's */
	unsigned int sector_size;
};
/*
 * The DIMM's label storage area through the nvdimm ioctls on /dev/nmemN.
 * The kernel refuses writes while a region using the DIMM is enabled.
 */
int ndctl_dimm_get_config_size(struct ndctl_dimm *dimm, uint32_t *size,
			       uint32_t *max_xfer);
int ndctl_dimm_read_config(struct ndctl_dimm *dimm, void *buf, uint32_t offset,
			   uint32_t len);
int ndctl_dimm_write_config(struct ndctl_dimm *dimm, const void *buf,
			    uint32_t offset, uint32_t len);
/* Bind or unbind the region's (or DIMM's) driver; 0 when already so. */
int ndctl_region_enable(struct ndctl_region *region);
int ndctl_region_disable(struct ndctl_region *region);
int ndctl_dimm_enable(struct ndctl_dimm *dimm);
int ndctl_dimm_disable(struct ndctl_dimm *dimm);
/* The DIMMs a region is built from (its mappings), by name. */
bool ndctl_region_uses_dimm(struct ndctl_region *region,
			    struct ndctl_dimm *dimm);

/* What the region's dax seed accepts as align; the count or -errno. */
int ndctl_region_get_supported_alignments(struct ndctl_region *region,
					  uint64_t *aligns, int max);
/* Unbind the namespace's claim and the namespace itself. */
int ndctl_namespace_disable(struct ndctl_namespace *ns);
/*
 * Bind the claim, or the namespace itself when unclaimed (the kernel
 * then claims it from its info block).  With force_raw set, the raw
 * namespace: its claim is let go first (see raw_begin).
 */
int ndctl_namespace_enable(struct ndctl_namespace *ns);
/*
 * Release the claim and zero the info block: the namespace is left raw
 * and disabled, and its old layout (data offset) is gone.
 */
int ndctl_namespace_clear_claim(struct ndctl_namespace *ns);
/*
 * Read (or write) len bytes at off of a disabled, unclaimed namespace's
 * raw capacity, binding it raw for the I/O only.  -EBUSY when claimed.
 */
int ndctl_namespace_raw_rw(struct ndctl_namespace *ns, void *buf, size_t len,
			   uint64_t off, bool write);
/*
 * A disabled namespace's raw capacity as a block device (path), whatever
 * claimed it: the claim is let go, leaving its info block (the kernel
 * deletes an unbound claim device then), and the namespace is bound with
 * force_raw set.  raw_end unbinds it and puts force_raw back; the kernel
 * finds the claim again from the info block when the namespace is next
 * enabled.  -EBUSY when the namespace or its claim is enabled.
 */
struct ndctl_raw_session {
	char path[4096];
	int force_raw; /* as it was */
};
int ndctl_namespace_raw_begin(struct ndctl_namespace *ns,
			      struct ndctl_raw_session *s);
int ndctl_namespace_raw_end(struct ndctl_namespace *ns,
			    const struct ndctl_raw_session *s);
/*
 * Labelled regions: give a seed namespace a new uuid, an optional name and
 * a size (the kernel allocates the capacity and writes the labels), or
 * give its capacity back (size 0).  Label-less namespaces have a fixed
 * size: delete is a no-op for them.
 */
int ndctl_namespace_set_label(struct ndctl_namespace *ns, const char *uuid,
			      const char *name, uint64_t size);
int ndctl_namespace_delete(struct ndctl_namespace *ns);
/* Claim a raw, disabled namespace as cfg says and bind it. */
int ndctl_namespace_configure(struct ndctl_namespace *ns,
			      const struct ndctl_ns_config *cfg);

#ifdef __cplusplus
}
#endif

#endif
