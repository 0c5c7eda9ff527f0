// SPDX-License-Identifier: GPL-2.0
/*
 * Intel's NVDIMM DSM family (0): SMART health (function 1), SMART
 * thresholds (2), set thresholds (17) and SMART injection (18), the
 * layouts of the Intel NVDIMM DSM interface, which nfit_test emulates.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"
#include "health.h"

#define SMART_SIZE 132
#define THRESH_SIZE 12
#define SET_THRESH_IN 7
#define INJECT_IN 15

/* SMART validity flags as the DSM numbers them. */
#define V_HEALTH (1u << 0)
#define V_SPARES (1u << 1)
#define V_USED (1u << 2)
#define V_MTEMP (1u << 3)
#define V_CTEMP (1u << 4)
#define V_SHUTDOWN_COUNT (1u << 5)
#define V_ALARM (1u << 9)
#define V_SHUTDOWN (1u << 10)

/* Injection flags (a u64 of which fields the call sets). */
#define INJ_MTEMP (1u << 0)
#define INJ_SPARES (1u << 1)
#define INJ_FATAL (1u << 2)
#define INJ_SHUTDOWN (1u << 3)

/* Extended status of a SMART injection: injection is not enabled. */
#define STATUS_INJ_DISABLED 0x10000u

static const char *intel_status_reason(uint32_t status)
{
	static const char *const reasons[] = {
		"success",	     "not supported",	"no such device",
		"invalid parameter", "hardware error",	"retry suggested",
		"unknown reason",    "extended status", "no resources",
		"not ready",
	};

	if ((status & 0xffff) < sizeof(reasons) / sizeof(reasons[0]) &&
	    (status & 0xffff) != 7)
		return reasons[status & 0xffff];
	if (status == (7u | STATUS_INJ_DISABLED))
		return "SMART injection is disabled";
	return "unknown status";
}

/* The errno a status word means; 0 for success. */
static int intel_status(uint32_t status)
{
	switch (status & 0xffff) {
	case 0:
		return 0;
	case 1:
		return -EOPNOTSUPP;
	case 2:
		return -ENXIO;
	case 3:
		return -EINVAL;
	case 5:
	case 8:
		return -EAGAIN;
	case 9:
		return -EBUSY;
	}
	return -EIO;
}

static int intel_smart_decode(const uint8_t *p, size_t len, struct nd_health *h,
			      uint32_t *status)
{
	uint32_t flags;

	memset(h, 0, sizeof(*h));
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (intel_status(*status))
		return intel_status(*status);
	if (len < SMART_SIZE)
		return -EMSGSIZE;
	flags = get_le32(p + 4);
	h->valid = flags & (V_HEALTH | V_SPARES | V_USED | V_MTEMP | V_CTEMP |
			    V_SHUTDOWN_COUNT | V_ALARM | V_SHUTDOWN);
	h->state = p[12] & (ND_HEALTH_NON_CRITICAL | ND_HEALTH_CRITICAL |
			    ND_HEALTH_FATAL);
	h->spares = p[13];
	h->life_used = p[14];
	h->alarm = p[15] & (ND_ALARM_SPARES | ND_ALARM_MTEMP | ND_ALARM_CTEMP);
	h->media_temp = get_le16(p + 16);
	h->ctrl_temp = get_le16(p + 18);
	h->shutdown_count = get_le32(p + 20);
	h->shutdown_state = p[35];
	return 0;
}

static int intel_thresh_decode(const uint8_t *p, size_t len,
			       struct nd_thresholds *t, uint32_t *status)
{
	memset(t, 0, sizeof(*t));
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (intel_status(*status))
		return intel_status(*status);
	if (len < THRESH_SIZE)
		return -EMSGSIZE;
	t->alarm_control = get_le16(p + 4) &
			   (ND_ALARM_SPARES | ND_ALARM_MTEMP | ND_ALARM_CTEMP);
	t->spares = p[6];
	t->media_temp = get_le16(p + 7);
	t->ctrl_temp = get_le16(p + 9);
	return 0;
}

static void intel_set_thresh_encode(uint8_t *p, const struct nd_thresholds *t)
{
	memset(p, 0, SET_THRESH_IN + 4);
	put_le16(p, (uint16_t)t->alarm_control);
	p[2] = (uint8_t)t->spares;
	put_le16(p + 3, (uint16_t)t->media_temp);
	put_le16(p + 5, (uint16_t)t->ctrl_temp);
}

/* The status word follows the input of these two calls. */
static int status_after(const uint8_t *p, size_t len, size_t in,
			uint32_t *status)
{
	if (len < in + 4)
		return -EMSGSIZE;
	*status = get_le32(p + in);
	return intel_status(*status);
}

static int intel_set_thresh_decode(const uint8_t *p, size_t len,
				   uint32_t *status)
{
	return status_after(p, len, SET_THRESH_IN, status);
}

static void intel_inject_encode(uint8_t *p, const struct nd_inject *inj)
{
	memset(p, 0, INJECT_IN + 4);
	switch (inj->field) {
	case ND_INJECT_MTEMP:
		put_le64(p, INJ_MTEMP);
		p[8] = inj->enable;
		put_le16(p + 9, (uint16_t)inj->value);
		break;
	case ND_INJECT_SPARES:
		put_le64(p, INJ_SPARES);
		p[11] = inj->enable;
		p[12] = (uint8_t)inj->value;
		break;
	case ND_INJECT_FATAL:
		put_le64(p, INJ_FATAL);
		p[13] = inj->enable;
		break;
	case ND_INJECT_SHUTDOWN:
		put_le64(p, INJ_SHUTDOWN);
		p[14] = inj->enable;
		break;
	case ND_INJECT_CTEMP:
		/* Not in this family's injection: inject_fields says so. */
		break;
	}
}

static int intel_inject_decode(const uint8_t *p, size_t len, uint32_t *status)
{
	int rc = status_after(p, len, INJECT_IN, status);

	if (rc == -EIO && (*status & 0xffff) == 7 &&
	    (*status & 0xffff0000u) == STATUS_INJ_DISABLED)
		return -ENXIO;
	return rc;
}

const struct nd_health_family nd_health_intel = {
	.family = ND_FAMILY_INTEL,
	.name = "intel",
	.smart = { 1, 0, SMART_SIZE },
	.smart_decode = intel_smart_decode,
	.thresh = { 2, 0, THRESH_SIZE },
	.thresh_decode = intel_thresh_decode,
	.set_thresh = { 17, SET_THRESH_IN, 4 },
	.set_thresh_encode = intel_set_thresh_encode,
	.set_thresh_decode = intel_set_thresh_decode,
	.inject_fields = ND_INJECT_MTEMP | ND_INJECT_SPARES | ND_INJECT_FATAL |
			 ND_INJECT_SHUTDOWN,
	.inject = { 18, INJECT_IN, 4 },
	.inject_encode = intel_inject_encode,
	.inject_decode = intel_inject_decode,
	.status_reason = intel_status_reason,
};
