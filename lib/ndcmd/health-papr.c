// SPDX-License-Identifier: GPL-2.0
/*
 * IBM PAPR SCM's DSM family 5 (arch/powerpc/include/uapi/asm/
 * papr_pdsm.h): the health PDSM (1) and SMART injection (2), each an
 * 8-byte header (a signed status) and a 184-byte payload.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"
#include "health.h"

#define PDSM_HDR 8
#define PDSM_PAYLOAD 184
#define PDSM_SIZE (PDSM_HDR + PDSM_PAYLOAD)

/* Health extension flags. */
#define EXT_FUEL_GAUGE (1u << 0)
#define EXT_DSC (1u << 1)

/* Injection flags. */
#define INJ_FATAL (1u << 0)
#define INJ_SHUTDOWN (1u << 1)

static const char *papr_status_reason(uint32_t status)
{
	(void)status;
	return "the hypervisor call failed";
}

static int papr_status(uint32_t status)
{
	/* A negative errno from the papr_scm driver, or 0. */
	int32_t s = (int32_t)status;

	if (!s)
		return 0;
	return s < 0 && s > -4096 ? s : -EIO;
}

static int papr_smart_decode(const uint8_t *p, size_t len, struct nd_health *h,
			     uint32_t *status)
{
	const uint8_t *d = p + PDSM_HDR;
	uint32_t ext;
	unsigned int health;

	memset(h, 0, sizeof(*h));
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	if (papr_status(*status))
		return papr_status(*status);
	if (len < PDSM_HDR + 24)
		return -EMSGSIZE;
	ext = get_le32(d);
	h->valid = ND_HEALTH_V_STATE | ND_HEALTH_V_SHUTDOWN;
	health = get_le16(d + 10);
	/* 0 healthy, 1 unhealthy, 2 critical, 3 fatal. */
	if (health > 3)
		return -EBADMSG;
	h->state = health ? 1u << (health - 1) : 0;
	h->shutdown_state = d[5];
	if (ext & EXT_FUEL_GAUGE) {
		unsigned int gauge = get_le16(d + 12);

		h->valid |= ND_HEALTH_V_USED;
		h->life_used = gauge <= 100 ? 100 - gauge : 0;
	}
	/* The u64 count is 8-byte aligned in the payload: offset 16. */
	if (ext & EXT_DSC) {
		h->valid |= ND_HEALTH_V_SHUTDOWN_COUNT;
		h->shutdown_count = get_le64(d + 16);
	}
	return 0;
}

static void papr_inject_encode(uint8_t *p, const struct nd_inject *inj)
{
	uint8_t *d = p + PDSM_HDR;

	memset(p, 0, 2 * PDSM_SIZE);
	if (inj->field == ND_INJECT_FATAL) {
		put_le32(d, INJ_FATAL);
		d[4] = inj->enable;
	} else if (inj->field == ND_INJECT_SHUTDOWN) {
		put_le32(d, INJ_SHUTDOWN);
		d[5] = inj->enable;
	}
}

static int papr_inject_decode(const uint8_t *p, size_t len, uint32_t *status)
{
	if (len < 4)
		return -EMSGSIZE;
	*status = get_le32(p);
	return papr_status(*status);
}

const struct nd_health_family nd_health_papr = {
	.family = ND_FAMILY_PAPR,
	.name = "papr",
	.smart = { 1, 0, PDSM_SIZE },
	.smart_decode = papr_smart_decode,
	.inject_fields = ND_INJECT_FATAL | ND_INJECT_SHUTDOWN,
	/*
	 * As upstream sends it: the package goes in and the driver answers
	 * in place, at the start of the payload, so the status is read
	 * there rather than after the input.
	 */
	.inject = { 2, PDSM_SIZE, PDSM_SIZE },
	.inject_encode = papr_inject_encode,
	.inject_decode = papr_inject_decode,
	.status_reason = papr_status_reason,
};
