// SPDX-License-Identifier: GPL-2.0
/*
 * HPE's NVDIMM-N DSM family 1: SMART (function 1, which takes the
 * validity flags it should fill) and SMART thresholds (function 2), in
 * the layouts of HPE's DSM specification.  The temperature is taken in
 * the same encoding as the other families, as upstream reads it.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"
#include "health.h"

#define SMART_IN 4
#define SMART_OUT 128 /* status and 124 bytes of data */
#define THRESH_OUT 36 /* status and 32 bytes of data */

#define V_HEALTH (1u << 0)
#define V_TEMP (1u << 1)
#define V_SPARES (1u << 2)
#define V_ALARM (1u << 3)
#define V_USED (1u << 4)
#define V_SHUTDOWN (1u << 5)
#define V_VENDOR (1u << 9)

#define TRIP_TEMP (1u << 0)
#define TRIP_SPARES (1u << 1)
/* last_shutdown_stat: the last save completed. */
#define LAST_SAVE_GOOD 2

static const char *hpe1_status_reason(uint32_t status)
{
	switch (status & 0xffff) {
	case 1:
		return "not supported";
	case 2:
		return "invalid parameter";
	case 3:
		return "hardware error";
	case 4:
		return "retry suggested";
	}
	return "unknown status";
}

static int hpe1_status(uint32_t status)
{
	switch (status & 0xffff) {
	case 0:
		return 0;
	case 1:
		return -EOPNOTSUPP;
	case 2:
		return -EINVAL;
	case 4:
		return -EAGAIN;
	}
	return -EIO;
}

static unsigned int trips(unsigned int hpe)
{
	return (hpe & TRIP_TEMP ? ND_ALARM_MTEMP : 0) |
	       (hpe & TRIP_SPARES ? ND_ALARM_SPARES : 0);
}

static void hpe1_smart_encode(uint8_t *p)
{
	memset(p, 0, SMART_IN + SMART_OUT);
	put_le32(p, V_HEALTH | V_TEMP | V_SPARES | V_ALARM | V_USED |
			    V_SHUTDOWN | V_VENDOR);
	/* Preset to "hardware error": a reply that never came is not ok. */
	put_le32(p + SMART_IN, 3);
}

static int hpe1_smart_decode(const uint8_t *p, size_t len, struct nd_health *h,
			     uint32_t *status)
{
	const uint8_t *d = p + SMART_IN + 4;
	uint32_t flags;

	memset(h, 0, sizeof(*h));
	if (len < SMART_IN + 4)
		return -EMSGSIZE;
	*status = get_le32(p + SMART_IN);
	if (hpe1_status(*status))
		return hpe1_status(*status);
	if (len < SMART_IN + SMART_OUT)
		return -EMSGSIZE;
	flags = get_le32(d);
	h->valid = (flags & V_HEALTH ? ND_HEALTH_V_STATE : 0) |
		   (flags & V_TEMP ? ND_HEALTH_V_MTEMP : 0) |
		   (flags & V_SPARES ? ND_HEALTH_V_SPARES : 0) |
		   (flags & V_ALARM ? ND_HEALTH_V_ALARM : 0) |
		   (flags & V_USED ? ND_HEALTH_V_USED : 0) |
		   (flags & V_SHUTDOWN ? ND_HEALTH_V_SHUTDOWN : 0);
	h->state = d[4] & (ND_HEALTH_NON_CRITICAL | ND_HEALTH_CRITICAL |
			   ND_HEALTH_FATAL);
	h->media_temp = get_le16(d + 5);
	h->spares = d[7];
	h->alarm = trips(get_le16(d + 8));
	h->life_used = d[10];
	h->shutdown_state = d[11] != LAST_SAVE_GOOD;
	return 0;
}

static int hpe1_thresh_decode(const uint8_t *p, size_t len,
			      struct nd_thresholds *t, uint32_t *status)
{
	memset(t, 0, sizeof(*t));
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (hpe1_status(*status))
		return hpe1_status(*status);
	if (len < THRESH_OUT)
		return -EMSGSIZE;
	t->alarm_control = trips(get_le16(p + 4));
	t->media_temp = get_le16(p + 6);
	t->spares = p[8];
	return 0;
}

const struct nd_health_family nd_health_hpe1 = {
	.family = ND_FAMILY_HPE1,
	.name = "hpe1",
	.smart = { 1, SMART_IN, SMART_OUT },
	.smart_encode = hpe1_smart_encode,
	.smart_decode = hpe1_smart_decode,
	.thresh = { 2, 0, THRESH_OUT },
	.thresh_decode = hpe1_thresh_decode,
	.status_reason = hpe1_status_reason,
};
