// SPDX-License-Identifier: GPL-2.0
#include <stdint.h>
#include <stdio.h>

#include <devstate/dax-json.h>
#include <util/json.h>

#include "filter.h"
#include "json.h"
#include "media-errors.h"

/* Sizes as json_size() prints them: int64 on the wire, as upstream. */
static void add_size(struct json_object *obj, const char *key, uint64_t v,
		     const struct cxl_json_flags *f)
{
	json_add_size(obj, key, v, f->human);
}

static void add_hex(struct json_object *obj, const char *key, uint64_t v,
		    const struct cxl_json_flags *f)
{
	json_add_hex(obj, key, v, f->human);
}

static const char *level(unsigned int v, bool has_critical)
{
	if (v == 0)
		return "normal";
	if (v == 1)
		return "warning";
	if (v == 2 && has_critical)
		return "critical";
	return "unknown";
}

/* Upstream's health object; left out when the mailbox fails. */
static struct json_object *health_json(struct cxl_memdev *memdev)
{
	static const char *const media[] = {
		"media_normal",
		"media_not_ready",
		"media_persistence_lost",
		"media_data_lost",
		"media_powerloss_persistence_loss",
		"media_shutdown_persistence_loss",
		"media_persistence_loss_imminent",
		"media_powerloss_data_loss",
		"media_shutdown_data_loss",
		"media_data_loss_imminent",
	};
	struct cxl_health h;
	struct json_object *j;

	if (cxl_memdev_get_health(memdev, &h))
		return NULL;
	j = json_object_new_object();
	json_add_bool(j, "maintenance_needed", h.health_status & 1);
	json_add_bool(j, "performance_degraded", h.health_status & 2);
	json_add_bool(j, "hw_replacement_needed", h.health_status & 4);
	for (unsigned int i = 0; i < sizeof(media) / sizeof(media[0]); i++)
		json_add_bool(j, media[i], h.media_status == i);
	json_add_str(j, "ext_life_used", level(h.ext_status & 3, true));
	json_add_str(j, "ext_temperature",
		     level((h.ext_status >> 2) & 3, true));
	json_add_str(j, "ext_corrected_volatile",
		     level((h.ext_status >> 4) & 1, false));
	json_add_str(j, "ext_corrected_persistent",
		     level((h.ext_status >> 5) & 1, false));
	if (h.life_used != 0xff)
		json_add_int(j, "life_used_percent", h.life_used);
	if (h.temperature != 0xffff)
		json_add_int(j, "temperature", h.temperature);
	json_add_u64(j, "dirty_shutdowns", h.dirty_shutdowns);
	json_add_u64(j, "volatile_errors", h.volatile_errors);
	json_add_u64(j, "pmem_errors", h.pmem_errors);
	return j;
}

/* Identify's capacities, then Get Partition Info's when partitionable. */
static struct json_object *partition_json(struct cxl_memdev *memdev,
					  const struct cxl_json_flags *f)
{
	struct cxl_partition part;
	struct cxl_identify id;
	struct json_object *j;

	if (cxl_memdev_identify(memdev, &id))
		return NULL;
	j = json_object_new_object();
	add_size(j, "total_size", id.total_bytes, f);
	add_size(j, "volatile_only_size", id.volatile_only_bytes, f);
	add_size(j, "persistent_only_size", id.persistent_only_bytes, f);
	add_size(j, "partition_alignment_size", id.partition_align_bytes, f);
	/* No alignment: the device cannot be partitioned, nothing to ask. */
	if (!id.partition_align_bytes ||
	    cxl_memdev_get_partition(memdev, &part))
		return j;
	add_size(j, "active_volatile_size", part.active_volatile_bytes, f);
	add_size(j, "active_persistent_size", part.active_persistent_bytes, f);
	add_size(j, "next_volatile_size", part.next_volatile_bytes, f);
	add_size(j, "next_persistent_size", part.next_persistent_bytes, f);
	return j;
}

/* Get FW Info, then the kernel's upload state. */
static struct json_object *firmware_json(struct cxl_memdev *memdev,
					 const struct cxl_json_flags *f)
{
	struct cxl_fw_info fw;
	struct json_object *j;
	bool busy;

	if (cxl_memdev_get_fw_info(memdev, &fw))
		return NULL;
	j = json_object_new_object();
	json_add_int(j, "num_slots", (int)fw.num_slots);
	json_add_int(j, "active_slot", (int)fw.active_slot);
	if (fw.staged_slot > 0 && fw.staged_slot <= fw.num_slots)
		json_add_int(j, "staged_slot", (int)fw.staged_slot);
	json_add_bool(j, "online_activate_capable", fw.online_activate);
	for (int i = 0; i < CXL_FW_SLOTS; i++) {
		char key[24];

		if (!fw.slot_version[i][0])
			continue;
		snprintf(key, sizeof(key), "slot_%d_version", i + 1);
		json_add_str(j, key, fw.slot_version[i]);
	}
	busy = cxl_memdev_fw_update_in_progress(memdev);
	json_add_bool(j, "fw_update_in_progress", busy);
	if (busy)
		add_size(j, "remaining_size", cxl_memdev_fw_remaining(memdev),
			 f);
	return j;
}

/* Get Alert Configuration: valid, writable, then the thresholds. */
static struct json_object *alert_config_json(struct cxl_memdev *memdev)
{
	static const char *const names[CXL_ALERT_NR] = {
		"life_used",
		"dev_over_temperature",
		"dev_under_temperature",
		"corrected_volatile_mem_err",
		"corrected_pmem_err",
	};
	struct cxl_alert_config a;
	struct json_object *j;
	char key[80];

	if (cxl_memdev_get_alert_config(memdev, &a))
		return NULL;
	j = json_object_new_object();
	for (int i = 0; i < CXL_ALERT_NR; i++) {
		snprintf(key, sizeof(key), "%s_prog_warn_threshold_valid",
			 names[i]);
		json_add_bool(j, key, a.valid & (1u << i));
	}
	for (int i = 0; i < CXL_ALERT_NR; i++) {
		snprintf(key, sizeof(key), "%s_prog_warn_threshold_writable",
			 names[i]);
		json_add_bool(j, key, a.writable & (1u << i));
	}
	json_add_int(j, "life_used_crit_alert_threshold", a.life_used_crit);
	json_add_int(j, "life_used_prog_warn_threshold",
		     a.warn[CXL_ALERT_LIFE_USED]);
	json_add_int(j, "dev_over_temperature_crit_alert_threshold",
		     a.over_temp_crit);
	json_add_int(j, "dev_under_temperature_crit_alert_threshold",
		     a.under_temp_crit);
	for (int i = CXL_ALERT_OVER_TEMP; i < CXL_ALERT_NR; i++) {
		snprintf(key, sizeof(key), "%s_prog_warn_threshold", names[i]);
		json_add_int(j, key, a.warn[i]);
	}
	return j;
}

struct json_object *cxl_memdev_json(struct cxl_memdev *memdev,
				    const struct cxl_json_flags *f)
{
	struct json_object *j = json_object_new_object();
	const char *fw;
	uint64_t size;
	int qos;

	json_add_str(j, "memdev", cxl_memdev_get_devname(memdev));
	size = cxl_memdev_get_pmem_size(memdev);
	if (size) {
		add_size(j, "pmem_size", size, f);
		qos = cxl_memdev_get_pmem_qos_class(memdev);
		if (qos != CXL_QOS_NONE)
			json_add_int(j, "pmem_qos_class", qos);
	}
	size = cxl_memdev_get_ram_size(memdev);
	if (size) {
		add_size(j, "ram_size", size, f);
		qos = cxl_memdev_get_ram_qos_class(memdev);
		if (qos != CXL_QOS_NONE)
			json_add_int(j, "ram_qos_class", qos);
	}
	if (f->health) {
		struct json_object *jh = health_json(memdev);

		if (jh)
			json_object_object_add(j, "health", jh);
	}
	if (f->alert_config) {
		struct json_object *ja = alert_config_json(memdev);

		if (ja)
			json_object_object_add(j, "alert_config", ja);
	}
	if (cxl_memdev_get_serial(memdev) != CXL_U64_NONE)
		add_hex(j, "serial", cxl_memdev_get_serial(memdev), f);
	if (cxl_memdev_get_numa_node(memdev) >= 0)
		json_add_int(j, "numa_node", cxl_memdev_get_numa_node(memdev));
	json_add_str(j, "host", cxl_memdev_get_host(memdev));
	fw = cxl_memdev_get_firmware_version(memdev);
	if (fw)
		json_add_str(j, "firmware_version", fw);
	if (!cxl_memdev_is_enabled(memdev))
		json_add_str(j, "state", "disabled");
	if (f->partition) {
		struct json_object *jp = partition_json(memdev, f);

		if (jp)
			json_object_object_add(j, "partition_info", jp);
	}
	if (f->firmware) {
		struct json_object *jf = firmware_json(memdev, f);

		if (jf)
			json_object_object_add(j, "firmware", jf);
	}
	if (f->media_errors) {
		struct json_object *je =
			cxl_media_errors_json(memdev, NULL, f->human);

		if (je)
			json_object_object_add(j, "media_errors", je);
	}
	return j;
}

struct json_object *cxl_bus_json(struct cxl_port *bus,
				 const struct cxl_json_flags *f)
{
	struct json_object *j = json_object_new_object();

	(void)f;
	json_add_str(j, "bus", cxl_port_get_devname(bus));
	json_add_str(j, "provider", cxl_bus_get_provider(bus));
	return j;
}

struct json_object *cxl_port_json(struct cxl_port *port, const char *key,
				  const struct cxl_json_flags *f)
{
	struct json_object *j = json_object_new_object();
	struct cxl_dport *dport = cxl_port_get_parent_dport(port);

	(void)f;
	json_add_str(j, key, cxl_port_get_devname(port));
	json_add_str(j, "host", cxl_port_get_host(port));
	if (dport)
		json_add_str(j, "parent_dport", cxl_dport_get_devname(dport));
	json_add_int(j, "depth", cxl_port_get_depth(port));
	if (!cxl_port_is_enabled(port))
		json_add_str(j, "state", "disabled");
	json_add_int(j, "decoders_committed",
		     cxl_port_get_decoders_committed(port));
	return j;
}

struct json_object *cxl_decoder_json(struct cxl_decoder *decoder,
				     const struct cxl_json_flags *f)
{
	struct cxl_port *port = cxl_decoder_get_port(decoder);
	struct json_object *j = json_object_new_object();
	uint64_t size = cxl_decoder_get_size(decoder);
	uint64_t res = cxl_decoder_get_resource(decoder);
	unsigned int ways = cxl_decoder_get_interleave_ways(decoder);
	struct cxl_region *region = cxl_decoder_get_region(decoder);

	json_add_str(j, "decoder", cxl_decoder_get_devname(decoder));
	if (size && res != CXL_U64_NONE)
		add_hex(j, "resource", res, f);
	if (size && size != CXL_U64_NONE)
		add_size(j, "size", size, f);
	if (ways != CXL_UINT_NONE) {
		unsigned int gran =
			cxl_decoder_get_interleave_granularity(decoder);

		json_add_int(j, "interleave_ways", (int)ways);
		/* The granularity means nothing without interleaving. */
		if (ways > 1 && gran != CXL_UINT_NONE)
			json_add_int(j, "interleave_granularity", (int)gran);
	}
	if (region)
		json_add_str(j, "region", cxl_region_get_devname(region));
	if (!size)
		json_add_str(j, "state", "disabled");
	if (cxl_port_is_endpoint(port)) {
		enum cxl_mode mode = cxl_decoder_get_mode(decoder);
		uint64_t dsize = cxl_decoder_get_dpa_size(decoder);
		uint64_t dres = cxl_decoder_get_dpa_resource(decoder);

		if (dsize && dres != CXL_U64_NONE)
			add_hex(j, "dpa_resource", dres, f);
		if (dsize && dsize != CXL_U64_NONE)
			add_size(j, "dpa_size", dsize, f);
		if (mode > CXL_MODE_NONE)
			json_add_str(j, "mode", cxl_mode_name(mode));
	}
	if (cxl_port_is_root(port) && cxl_decoder_is_mem_capable(decoder)) {
		uint64_t extent = cxl_decoder_get_max_available_extent(decoder);

		if (extent != CXL_U64_NONE)
			add_size(j, "max_available_extent", extent, f);
		if (cxl_decoder_is_pmem_capable(decoder))
			json_add_bool(j, "pmem_capable", true);
		if (cxl_decoder_is_volatile_capable(decoder))
			json_add_bool(j, "volatile_capable", true);
	}
	if (cxl_port_is_root(port) && cxl_decoder_is_accelmem_capable(decoder))
		json_add_bool(j, "accelmem_capable", true);
	if (cxl_port_is_root(port) &&
	    cxl_decoder_get_qos_class(decoder) != CXL_QOS_NONE)
		json_add_int(j, "qos_class",
			     cxl_decoder_get_qos_class(decoder));
	return j;
}

static void add_mappings(struct json_object *jregion, struct cxl_region *region,
			 const struct cxl_json_flags *f)
{
	unsigned int ways = cxl_region_get_interleave_ways(region);
	struct json_object *jmappings;
	struct cxl_mapping *m;

	if (!ways || ways == CXL_UINT_NONE || !f->targets)
		return;
	jmappings = json_object_new_array();
	cxl_mapping_foreach (region, m) {
		struct cxl_decoder *decoder = cxl_mapping_get_decoder(m);
		struct cxl_memdev *memdev = cxl_decoder_get_memdev(decoder);
		struct json_object *jm = json_object_new_object();

		json_add_int(jm, "position", cxl_mapping_get_position(m));
		if (memdev)
			json_add_str(jm, "memdev",
				     cxl_memdev_get_devname(memdev));
		json_add_str(jm, "decoder", cxl_decoder_get_devname(decoder));
		json_object_array_add(jmappings, jm);
	}
	json_object_object_add(jregion, "mappings", jmappings);
}

/*
 * -X: "daxregion" as daxctl list shows it, but for the path (the CXL
 * region names its parent), with "devices" when any is listed.
 */
static void add_dax_region(struct json_object *jregion,
			   struct cxl_region *region,
			   const struct cxl_json_flags *f)
{
	struct dax_json_flags df = { .profile = f->profile,
				     .human = f->human,
				     .idle = f->idle,
				     .no_path = true };
	struct daxctl_region *dr;
	struct json_object *jdax, *jdevs;

	if (!f->dax)
		return;
	dr = cxl_region_get_daxctl_region(region, f->dax);
	if (!dr)
		return;
	jdax = dax_region_to_json(dr, &df);
	jdevs = dax_region_devs_to_json(dr, NULL, &df);
	if (json_object_array_length(jdevs))
		json_object_object_add(jdax, "devices", jdevs);
	else
		json_object_put(jdevs);
	json_object_object_add(jregion, "daxregion", jdax);
}

struct json_object *cxl_region_json(struct cxl_region *region,
				    const struct cxl_json_flags *f)
{
	struct json_object *j = json_object_new_object();
	enum cxl_mode mode = cxl_region_get_mode(region);
	uint64_t size = cxl_region_get_size(region);
	unsigned int ways = cxl_region_get_interleave_ways(region);
	unsigned int gran = cxl_region_get_interleave_granularity(region);

	json_add_str(j, "region", cxl_region_get_devname(region));
	if (cxl_region_get_resource(region) != CXL_U64_NONE)
		add_hex(j, "resource", cxl_region_get_resource(region), f);
	if (size != CXL_U64_NONE)
		add_size(j, "size", size, f);
	if (mode != CXL_MODE_NONE)
		json_add_str(j, "type", cxl_mode_name(mode));
	/* Upstream prints these only below INT_MAX. */
	if (ways < INT32_MAX)
		json_add_int(j, "interleave_ways", (int)ways);
	if (gran < INT32_MAX)
		json_add_int(j, "interleave_granularity", (int)gran);
	json_add_str(j, "decode_state",
		     cxl_region_get_decode_state(region) == CXL_DECODE_COMMIT ?
			     "commit" :
			     "reset");
	if (!cxl_region_is_enabled(region))
		json_add_str(j, "state", "disabled");
	if (f->media_errors) {
		struct json_object *je =
			cxl_media_errors_json(NULL, region, f->human);

		if (je)
			json_object_object_add(j, "media_errors", je);
	}
	add_mappings(j, region, f);
	add_dax_region(j, region, f);
	if (cxl_region_qos_class_mismatch(region))
		json_add_bool(j, "qos_class_mismatch", true);
	return j;
}

void cxl_dports_json(struct json_object *jport, struct cxl_port *port,
		     const char *memdev_filter, const char *serial_filter,
		     const struct cxl_json_flags *f)
{
	struct cxl_ctx *ctx = NULL;
	struct json_object *jdports;
	struct cxl_dport *dport;
	int n = cxl_port_get_nr_dports(port);

	if (!n || !f->targets)
		return;
	json_add_int(jport, "nr_dports", n);
	jdports = json_object_new_array();
	cxl_dport_foreach (port, dport) {
		struct json_object *jd;
		const char *alias = cxl_dport_get_alias(dport);

		if (!ctx)
			ctx = cxl_port_get_ctx(port);
		if (!cxl_filter_dport_by_memdev(ctx, dport, memdev_filter,
						serial_filter))
			continue;
		jd = json_object_new_object();
		json_add_str(jd, "dport", cxl_dport_get_devname(dport));
		if (alias)
			json_add_str(jd, "alias", alias);
		add_hex(jd, "id", (uint64_t)cxl_dport_get_id(dport), f);
		json_object_array_add(jdports, jd);
	}
	json_object_object_add(jport, "dports", jdports);
}

void cxl_targets_json(struct json_object *jdecoder, struct cxl_decoder *decoder,
		      const char *memdev_filter, const char *serial_filter,
		      const struct cxl_json_flags *f)
{
	struct cxl_port *port = cxl_decoder_get_port(decoder);
	struct json_object *jtargets;
	struct cxl_target *t;
	int n = cxl_decoder_get_nr_targets(decoder);

	/* Endpoints have no targets: they are targets. */
	if (cxl_port_is_endpoint(port))
		return;
	json_add_int(jdecoder, "nr_targets", n);
	if (!f->targets || !n)
		return;
	jtargets = json_object_new_array();
	cxl_target_foreach (decoder, t) {
		struct json_object *jt;
		const char *alias = cxl_target_get_alias(t);

		if (!cxl_filter_target_by_memdev(cxl_port_get_ctx(port), t,
						 memdev_filter, serial_filter))
			continue;
		jt = json_object_new_object();
		json_add_str(jt, "target", cxl_target_get_devname(t));
		if (alias)
			json_add_str(jt, "alias", alias);
		json_add_int(jt, "position", cxl_target_get_position(t));
		add_hex(jt, "id", (uint64_t)cxl_target_get_id(t), f);
		json_object_array_add(jtargets, jt);
	}
	json_object_object_add(jdecoder, "targets", jtargets);
}
