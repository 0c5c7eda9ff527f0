// SPDX-License-Identifier: GPL-2.0
/*
 * A DIMM's "health" object as upstream prints it (list -H, inject-smart,
 * the monitor's events): the SMART fields the reply vouches for, then
 * the alarm thresholds, in upstream's key order.  Temperatures are
 * doubles, as upstream's json-c prints them ("23.0").
 */
#include <errno.h>
#include <string.h>

#include <ndcmd/call.h>
#include <ndcmd/health.h>
#include <util/json.h>
#include <util/log.h>
#include "json.h"

static void add_double(struct json_object *obj, const char *key, double v)
{
	json_object_object_add(obj, key, json_object_new_double(v));
}

void nd_health_say_failed(struct ndctl_dimm *dimm, const char *what, int rc,
			  uint32_t status)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	const char *name = ndctl_dimm_get_devname(dimm);

	if (status && f && f->status_reason)
		pr_err("%s: %s failed: firmware status %#x (%s)", name, what,
		       status, f->status_reason(status));
	else if (rc == -EMSGSIZE || rc == -EBADMSG)
		pr_err("%s: %s failed: %s", name, what, nd_reply_reason(rc));
	else
		pr_err("%s: %s failed: %s", name, what, strerror(-rc));
}

/* The thresholds, when the family has them; nothing when they fail. */
static void add_thresholds(struct json_object *jhealth, struct ndctl_dimm *dimm)
{
	struct nd_thresholds t;
	uint32_t status;

	if (ndctl_dimm_get_thresholds(dimm, &t, &status))
		return;
	json_add_bool(jhealth, "alarm_enabled_media_temperature",
		      t.alarm_control & ND_ALARM_MTEMP);
	if (t.alarm_control & ND_ALARM_MTEMP)
		add_double(jhealth, "temperature_threshold",
			   nd_temp_decode(t.media_temp));
	json_add_bool(jhealth, "alarm_enabled_ctrl_temperature",
		      t.alarm_control & ND_ALARM_CTEMP);
	if (t.alarm_control & ND_ALARM_CTEMP)
		add_double(jhealth, "controller_temperature_threshold",
			   nd_temp_decode(t.ctrl_temp));
	json_add_bool(jhealth, "alarm_enabled_spares",
		      t.alarm_control & ND_ALARM_SPARES);
	if (t.alarm_control & ND_ALARM_SPARES)
		json_add_int(jhealth, "spares_threshold", (int)t.spares);
}

struct json_object *nd_dimm_health_to_json(struct ndctl_dimm *dimm,
					   bool *failed)
{
	struct json_object *jhealth;
	struct nd_health h;
	uint32_t status;
	int rc;

	*failed = false;
	if (!ndctl_dimm_health_family(dimm))
		return NULL;
	jhealth = json_object_new_object();
	rc = ndctl_dimm_get_health(dimm, &h, &status);
	if (rc) {
		/* Upstream's shape for an unreadable DIMM; never a value. */
		nd_health_say_failed(dimm, "reading SMART health", rc, status);
		json_add_str(jhealth, "health_state", "unknown");
		*failed = true;
		return jhealth;
	}
	if (h.valid & ND_HEALTH_V_STATE)
		json_add_str(jhealth, "health_state",
			     nd_health_state_name(h.state));
	if (h.valid & ND_HEALTH_V_MTEMP)
		add_double(jhealth, "temperature_celsius",
			   nd_temp_decode(h.media_temp));
	if (h.valid & ND_HEALTH_V_CTEMP)
		add_double(jhealth, "controller_temperature_celsius",
			   nd_temp_decode(h.ctrl_temp));
	if (h.valid & ND_HEALTH_V_SPARES)
		json_add_int(jhealth, "spares_percentage", (int)h.spares);
	if (h.valid & ND_HEALTH_V_ALARM) {
		json_add_bool(jhealth, "alarm_temperature",
			      h.alarm & ND_ALARM_MTEMP);
		json_add_bool(jhealth, "alarm_controller_temperature",
			      h.alarm & ND_ALARM_CTEMP);
		json_add_bool(jhealth, "alarm_spares",
			      h.alarm & ND_ALARM_SPARES);
	}
	add_thresholds(jhealth, dimm);
	if (h.valid & ND_HEALTH_V_USED)
		json_add_int(jhealth, "life_used_percentage", (int)h.life_used);
	if (h.valid & ND_HEALTH_V_SHUTDOWN)
		json_add_str(jhealth, "shutdown_state",
			     h.shutdown_state ? "dirty" : "clean");
	if (h.valid & ND_HEALTH_V_SHUTDOWN_COUNT)
		json_object_object_add(
			jhealth, "shutdown_count",
			json_object_new_int((int)(uint32_t)h.shutdown_count));
	return jhealth;
}
