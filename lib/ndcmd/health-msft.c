// SPDX-License-Identifier: GPL-2.0
/*
 * Microsoft's NVDIMM-N DSM family 3: NVDIMM health (function 11).  It
 * has no health summary of its own; the state is drawn from the
 * remaining life and the error and warning threshold bits as upstream
 * draws it, and the temperature is in whole degrees.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"
#include "health.h"

#define NHEALTH_OUT 13

/* Threshold status bits: NVM lifetime, energy source lifetime, temp. */
#define TH_LIFETIME (1u << 0)
#define TH_ES_LIFETIME (1u << 1)
#define TH_ES_TEMP (1u << 2)

static const char *msft_status_reason(uint32_t status)
{
	switch (status & 0xffff) {
	case 1:
		return "not supported";
	case 2:
		return "invalid parameter";
	case 3:
		return "I2C communication error";
	}
	return "unknown status";
}

static int msft_status(uint32_t status)
{
	switch (status & 0xffff) {
	case 0:
		return 0;
	case 1:
		return -EOPNOTSUPP;
	case 2:
		return -EINVAL;
	}
	return -EIO;
}

static int msft_smart_decode(const uint8_t *p, size_t len, struct nd_health *h,
			     uint32_t *status)
{
	unsigned int err, warn, life;

	memset(h, 0, sizeof(*h));
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (msft_status(*status))
		return msft_status(*status);
	if (len < NHEALTH_OUT)
		return -EMSGSIZE;
	err = p[8];
	warn = p[9];
	life = p[10];
	h->valid = ND_HEALTH_V_STATE | ND_HEALTH_V_MTEMP | ND_HEALTH_V_USED |
		   ND_HEALTH_V_ALARM;
	if (life == 0)
		h->state |= ND_HEALTH_FATAL;
	if (get_le16(p + 4) || err)
		h->state |= ND_HEALTH_CRITICAL;
	if (warn)
		h->state |= ND_HEALTH_NON_CRITICAL;
	h->media_temp = (get_le16(p + 6) * 16u) & 0xffff;
	if ((err | warn) & (TH_LIFETIME | TH_ES_LIFETIME))
		h->alarm |= ND_ALARM_SPARES;
	if ((err | warn) & TH_ES_TEMP)
		h->alarm |= ND_ALARM_CTEMP;
	/* A lifetime past 100 is not a negative life used. */
	h->life_used = life <= 100 ? 100 - life : 0;
	return 0;
}

const struct nd_health_family nd_health_msft = {
	.family = ND_FAMILY_MSFT,
	.name = "msft",
	.smart = { 11, 0, NHEALTH_OUT },
	.smart_decode = msft_smart_decode,
	.status_reason = msft_status_reason,
};
