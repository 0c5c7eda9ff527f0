// SPDX-License-Identifier: GPL-2.0
/*
 * The "firmware" objects of list -F, update-firmware and
 * activate-firmware, in upstream's shapes: a bus's activation method and
 * state, shown when one of its DIMMs can be updated; a DIMM's running
 * and staged versions, whether it can be updated, its activation state
 * and whether only a power cycle can bring the staged firmware in.
 */
#include <errno.h>
#include <stdint.h>

#include <ndcmd/fw-intel.h>
#include <util/json.h>
#include "json.h"

void nd_bus_add_firmware(struct json_object *jbus, struct ndctl_bus *bus)
{
	struct json_object *jfw;
	struct ndctl_dimm *dimm;
	bool any = false;

	/* As upstream: a bus without scrub (not NFIT) shows no firmware. */
	if (ndctl_bus_get_scrub_state(bus) < 0)
		return;
	ndctl_dimm_foreach (bus, dimm)
		any |= ndctl_dimm_fw_update_supported(dimm) == 0;
	if (!any)
		return;
	jfw = json_object_new_object();
	switch (ndctl_bus_get_fw_activate_method(bus)) {
	case NDCTL_FWA_METHOD_RESET:
		json_add_str(jfw, "activate_method", "reset");
		break;
	case NDCTL_FWA_METHOD_SUSPEND:
		json_add_str(jfw, "activate_method", "suspend");
		break;
	case NDCTL_FWA_METHOD_LIVE:
		json_add_str(jfw, "activate_method", "live");
		break;
	}
	switch (ndctl_bus_get_fw_activate_state(bus)) {
	case NDCTL_FWA_ARMED:
		json_add_str(jfw, "activate_state", "armed");
		break;
	case NDCTL_FWA_IDLE:
		json_add_str(jfw, "activate_state", "idle");
		break;
	case NDCTL_FWA_ARM_OVERFLOW:
		json_add_str(jfw, "activate_state", "overflow");
		break;
	default:
		break;
	}
	json_object_object_add(jbus, "firmware", jfw);
}

/* Whether the last activation leaves only a power cycle. */
static bool need_powercycle(struct ndctl_dimm *dimm)
{
	switch (ndctl_dimm_get_fw_activate_result(dimm)) {
	case NDCTL_FWA_RESULT_NONE:
	case NDCTL_FWA_RESULT_SUCCESS:
	case NDCTL_FWA_RESULT_NOTSTAGED:
		return false;
	default:
		/* A failure, or no result to go by. */
		return true;
	}
}

struct json_object *nd_dimm_firmware_to_json(struct ndctl_dimm *dimm,
					     bool human)
{
	struct json_object *jfw;
	struct nd_fw_info info;
	uint32_t status;

	/* Without the firmware information call there is no object. */
	if (!ndctl_dimm_offers_fw_info(dimm))
		return NULL;
	jfw = json_object_new_object();
	/* A failed call reads as version -1, as upstream lists it. */
	if (ndctl_dimm_fw_get_info(dimm, &info, &status)) {
		json_add_hex(jfw, "current_version", UINT64_MAX, human);
		return jfw;
	}
	json_add_hex(jfw, "current_version", info.run_version, human);
	json_object_object_add(
		jfw, "can_update",
		json_object_new_boolean(!ndctl_dimm_fw_update_supported(dimm)));
	if (!info.updated_version)
		return jfw;
	json_add_hex(jfw, "next_version", info.updated_version, human);
	switch (ndctl_dimm_get_fw_activate_state(dimm)) {
	case NDCTL_FWA_IDLE:
		json_add_str(jfw, "activate_state", "idle");
		break;
	case NDCTL_FWA_ARMED:
		json_add_str(jfw, "activate_state", "armed");
		break;
	case NDCTL_FWA_BUSY:
		json_add_str(jfw, "activate_state", "busy");
		break;
	default:
		break;
	}
	if (need_powercycle(dimm))
		json_object_object_add(jfw, "need_powercycle",
				       json_object_new_boolean(true));
	return jfw;
}
