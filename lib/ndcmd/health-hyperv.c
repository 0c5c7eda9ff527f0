// SPDX-License-Identifier: GPL-2.0
/*
 * Hyper-V's virtual NVDIMM DSM family 4: health information (function
 * 1, a bit field) and shutdown information (function 2, the unsafe
 * shutdown count), two calls for one health record.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"
#include "health.h"

#define INFO_OUT 8

static const char *hyperv_status_reason(uint32_t status)
{
	(void)status;
	return "the call failed";
}

static int hyperv_smart_decode(const uint8_t *p, size_t len,
			       struct nd_health *h, uint32_t *status)
{
	uint32_t bits;

	memset(h, 0, sizeof(*h));
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (*status)
		return -EIO;
	if (len < INFO_OUT)
		return -EMSGSIZE;
	bits = get_le32(p + 4) & 0x3f;
	h->valid = ND_HEALTH_V_STATE;
	/* Bits 0-1: critical, 2: fatal, 3-5: warnings. */
	if (bits & 0x3)
		h->state |= ND_HEALTH_CRITICAL;
	if (bits & 0x4)
		h->state |= ND_HEALTH_FATAL;
	if (bits & 0x38)
		h->state |= ND_HEALTH_NON_CRITICAL;
	return 0;
}

/* The second call adds the count to what the first decoded. */
static int hyperv_shutdown_decode(const uint8_t *p, size_t len,
				  struct nd_health *h, uint32_t *status)
{
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (*status)
		return -EIO;
	if (len < INFO_OUT)
		return -EMSGSIZE;
	h->shutdown_count = get_le32(p + 4);
	h->valid |= ND_HEALTH_V_SHUTDOWN_COUNT;
	return 0;
}

const struct nd_health_family nd_health_hyperv = {
	.family = ND_FAMILY_HYPERV,
	.name = "hyperv",
	.smart = { 1, 0, INFO_OUT },
	.smart2 = { 2, 0, INFO_OUT },
	.smart_decode = hyperv_smart_decode,
	.smart2_decode = hyperv_shutdown_decode,
	.status_reason = hyperv_status_reason,
};
