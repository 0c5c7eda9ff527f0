// SPDX-License-Identifier: GPL-2.0
/*
 * A DIMM's firmware update (Intel DSM family, lib/ndcmd/fw-intel.h)
 * carried on /dev/nmemN, and firmware activation through the kernel's
 * sysfs: ndbusN/firmware/{activate,capability} for the bus,
 * nmemN/firmware/{activate,result} for each DIMM, and the NFIT bus's
 * nfit/firmware_activate_noidle.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ndcmd/call.h>
#include <ndcmd/fw-intel.h>
#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

int ndctl_dimm_fw_update_supported(struct ndctl_dimm *dimm)
{
	uint64_t mask = 0;
	unsigned int func;
	int family = ndctl_dimm_get_dsm_family(dimm, &mask);

	if (family != ND_FAMILY_INTEL)
		return -ENOTTY;
	if (!ndctl_dimm_has_command(dimm, "cmd_call"))
		return -EOPNOTSUPP;
	for (func = ND_INTEL_FW_GET_INFO; func <= ND_INTEL_FW_FINISH_QUERY;
	     func++)
		if (!(mask & (1ULL << func)))
			return -EIO;
	return 0;
}

bool ndctl_dimm_offers_fw_info(struct ndctl_dimm *dimm)
{
	uint64_t mask = 0;

	return ndctl_dimm_get_dsm_family(dimm, &mask) == ND_FAMILY_INTEL &&
	       ndctl_dimm_has_command(dimm, "cmd_call") &&
	       (mask & (1ULL << ND_INTEL_FW_GET_INFO));
}

/* One firmware call: the payload bytes received, or -errno. */
static int fw_call(struct ndctl_dimm *dimm, unsigned int func, uint8_t *p,
		   uint32_t in, uint32_t out)
{
	return ndctl_dimm_call(dimm, ND_FAMILY_INTEL, func, p, in, out);
}

int ndctl_dimm_fw_get_info(struct ndctl_dimm *dimm, struct nd_fw_info *info,
			   uint32_t *status)
{
	uint8_t p[ND_FW_INFO_OUT] = { 0 };
	int rc;

	memset(info, 0, sizeof(*info));
	*status = 0;
	if (!ndctl_dimm_offers_fw_info(dimm))
		return -EOPNOTSUPP;
	rc = fw_call(dimm, ND_INTEL_FW_GET_INFO, p, 0, ND_FW_INFO_OUT);
	if (rc < 0)
		return rc;
	return nd_fw_info_decode(p, (size_t)rc, info, status);
}

int ndctl_dimm_fw_start(struct ndctl_dimm *dimm, uint32_t *context,
			uint32_t *status)
{
	uint8_t p[ND_FW_START_OUT] = { 0 };
	int rc = fw_call(dimm, ND_INTEL_FW_START_UPDATE, p, 0, ND_FW_START_OUT);

	*context = 0;
	*status = 0;
	if (rc < 0)
		return rc;
	return nd_fw_start_decode(p, (size_t)rc, context, status);
}

int ndctl_dimm_fw_send(int fd, uint32_t context, uint32_t offset,
		       const void *data, uint32_t len, uint32_t *status)
{
	uint8_t *p = malloc((size_t)ND_FW_SEND_HDR + len + ND_FW_SEND_OUT);
	uint32_t in;
	int rc;

	*status = 0;
	if (!p)
		return -ENOMEM;
	in = nd_fw_send_encode(p, context, offset, data, len);
	rc = ndctl_channel_call(fd, ND_FAMILY_INTEL, ND_INTEL_FW_SEND_DATA, p,
				in, ND_FW_SEND_OUT);
	if (rc >= 0)
		rc = nd_fw_send_decode(p, (size_t)rc, len, status);
	free(p);
	return rc;
}

int ndctl_dimm_fw_finish(struct ndctl_dimm *dimm, uint32_t context, bool abort,
			 uint32_t *status)
{
	uint8_t p[ND_FW_FINISH_IN + ND_FW_FINISH_OUT];
	int rc;

	*status = 0;
	nd_fw_finish_encode(p, context, abort);
	rc = fw_call(dimm, ND_INTEL_FW_FINISH_UPDATE, p, ND_FW_FINISH_IN,
		     ND_FW_FINISH_OUT);
	if (rc < 0)
		return rc;
	return nd_fw_finish_decode(p, (size_t)rc, status);
}

int ndctl_dimm_fw_query(struct ndctl_dimm *dimm, uint32_t context,
			uint64_t *updated_rev, uint32_t *status)
{
	uint8_t p[ND_FW_QUERY_IN + ND_FW_QUERY_OUT];
	int rc;

	*status = 0;
	*updated_rev = 0;
	nd_fw_query_encode(p, context);
	rc = fw_call(dimm, ND_INTEL_FW_FINISH_QUERY, p, ND_FW_QUERY_IN,
		     ND_FW_QUERY_OUT);
	if (rc < 0)
		return rc;
	return nd_fw_query_decode(p, (size_t)rc, updated_rev, status);
}

static enum ndctl_fwa_state to_state(const char *s)
{
	if (!strcmp(s, "idle"))
		return NDCTL_FWA_IDLE;
	if (!strcmp(s, "busy"))
		return NDCTL_FWA_BUSY;
	if (!strcmp(s, "armed"))
		return NDCTL_FWA_ARMED;
	if (!strcmp(s, "overflow"))
		return NDCTL_FWA_ARM_OVERFLOW;
	return NDCTL_FWA_INVALID;
}

enum ndctl_fwa_state ndctl_dimm_get_fw_activate_state(struct ndctl_dimm *dimm)
{
	char buf[32];

	if (sysfs_read(dimm->bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/firmware/activate", dimm->devname))
		return NDCTL_FWA_INVALID;
	return to_state(buf);
}

enum ndctl_fwa_result ndctl_dimm_get_fw_activate_result(struct ndctl_dimm *dimm)
{
	static const struct {
		const char *word;
		enum ndctl_fwa_result result;
	} words[] = {
		{ "none", NDCTL_FWA_RESULT_NONE },
		{ "success", NDCTL_FWA_RESULT_SUCCESS },
		{ "fail", NDCTL_FWA_RESULT_FAIL },
		{ "not_staged", NDCTL_FWA_RESULT_NOTSTAGED },
		{ "need_reset", NDCTL_FWA_RESULT_NEEDRESET },
	};
	char buf[32];
	size_t i;

	if (sysfs_read(dimm->bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/firmware/result", dimm->devname))
		return NDCTL_FWA_RESULT_INVALID;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(buf, words[i].word))
			return words[i].result;
	return NDCTL_FWA_RESULT_INVALID;
}

int ndctl_dimm_fw_activate_arm(struct ndctl_dimm *dimm, bool arm)
{
	struct sysroot *root = dimm->bus->ctx->root;

	if (!sysfs_exists(root, ND_DEVICES "/%s/firmware/activate",
			  dimm->devname))
		return -EOPNOTSUPP;
	return sysfs_write(root, arm ? "arm" : "disarm",
			   ND_DEVICES "/%s/firmware/activate", dimm->devname);
}

enum ndctl_fwa_state ndctl_bus_get_fw_activate_state(struct ndctl_bus *bus)
{
	char buf[32];

	if (sysfs_read(bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/firmware/activate", bus->devname))
		return NDCTL_FWA_INVALID;
	return to_state(buf);
}

enum ndctl_fwa_method ndctl_bus_get_fw_activate_method(struct ndctl_bus *bus)
{
	char buf[32];

	/* No capability: only a platform reset activates new firmware. */
	if (sysfs_read(bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/firmware/capability", bus->devname))
		return NDCTL_FWA_METHOD_RESET;
	if (!strcmp(buf, "quiesce"))
		return NDCTL_FWA_METHOD_SUSPEND;
	if (!strcmp(buf, "live"))
		return NDCTL_FWA_METHOD_LIVE;
	return NDCTL_FWA_METHOD_RESET;
}

int ndctl_bus_activate_firmware(struct ndctl_bus *bus,
				enum ndctl_fwa_method method)
{
	const char *word;

	if (method == NDCTL_FWA_METHOD_LIVE)
		word = "live";
	else if (method == NDCTL_FWA_METHOD_SUSPEND)
		word = "quiesce";
	else
		return -EINVAL;
	return sysfs_write(bus->ctx->root, word,
			   ND_DEVICES "/%s/firmware/activate", bus->devname);
}

int ndctl_bus_set_fw_activate_noidle(struct ndctl_bus *bus, bool noidle)
{
	if (!ndctl_bus_has_nfit(bus))
		return -EOPNOTSUPP;
	return sysfs_write(bus->ctx->root, noidle ? "1" : "0",
			   ND_DEVICES "/%s/nfit/firmware_activate_noidle",
			   bus->devname);
}
