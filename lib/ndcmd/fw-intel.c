// SPDX-License-Identifier: GPL-2.0
/*
 * Intel's firmware update DSMs: the payload layouts of the Intel NVDIMM
 * DSM interface (functions 12 to 16), which nfit_test emulates.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"
#include "fw-intel.h"

/* The low word of a status; the high word extends code 7. */
#define STATUS_CODE(s) ((s)&0xffffu)
#define STATUS_EXT(s) ((s)&0xffff0000u)
#define CODE_EXTENDED 7

/*
 * The extended codes mean different things per call: 0x10000 is "busy"
 * to START_UPDATE and "bad context" to the others; 0x20000 is "already
 * done" to FINISH_UPDATE and "still busy" to FINISH_QUERY; 0x40000 is
 * "aborted" to FINISH_UPDATE and "out of order" to FINISH_QUERY.
 */
static enum nd_fw_status extended(unsigned int func, uint32_t ext)
{
	switch (ext) {
	case 0x10000u:
		return func == ND_INTEL_FW_START_UPDATE ? ND_FW_EBUSY :
							  ND_FW_EINVAL_CTX;
	case 0x20000u:
		return func == ND_INTEL_FW_FINISH_UPDATE ? ND_FW_ALREADY_DONE :
							   ND_FW_EBUSY;
	case 0x30000u:
		return ND_FW_EBADFW;
	case 0x40000u:
		return func == ND_INTEL_FW_FINISH_UPDATE ? ND_FW_ABORTED :
							   ND_FW_ESEQUENCE;
	}
	return ND_FW_EUNKNOWN;
}

enum nd_fw_status nd_fw_status(unsigned int func, uint32_t status)
{
	static const enum nd_fw_status codes[] = {
		ND_FW_SUCCESS, ND_FW_ENOTSUPP,	ND_FW_ENOTEXIST, ND_FW_EINVAL,
		ND_FW_EHWERR,  ND_FW_ERETRY,	ND_FW_EUNKNOWN,	 ND_FW_EUNKNOWN,
		ND_FW_ENORES,  ND_FW_ENOTREADY,
	};
	uint32_t code = STATUS_CODE(status);

	if (code == CODE_EXTENDED)
		return extended(func, STATUS_EXT(status));
	if (code < sizeof(codes) / sizeof(codes[0]))
		return codes[code];
	return ND_FW_EUNKNOWN;
}

const char *nd_fw_status_reason(enum nd_fw_status st)
{
	switch (st) {
	case ND_FW_SUCCESS:
		return "success";
	case ND_FW_ENOTSUPP:
		return "not supported by the DIMM";
	case ND_FW_ENOTEXIST:
		return "no such device";
	case ND_FW_EINVAL:
		return "invalid parameter";
	case ND_FW_EHWERR:
		return "hardware error";
	case ND_FW_ERETRY:
		return "retry suggested";
	case ND_FW_EUNKNOWN:
		return "unknown status";
	case ND_FW_ENORES:
		return "no resources (timed out)";
	case ND_FW_ENOTREADY:
		return "not ready";
	case ND_FW_EBUSY:
		return "busy with another firmware update";
	case ND_FW_EINVAL_CTX:
		return "the update context is not valid";
	case ND_FW_ALREADY_DONE:
		return "the update is already finished";
	case ND_FW_EBADFW:
		return "the DIMM rejected the image";
	case ND_FW_ABORTED:
		return "the update was aborted";
	case ND_FW_ESEQUENCE:
		return "the query is out of sequence";
	}
	return "unknown status";
}

/* The errno of call.h a status means; 0 for success. */
static int status_errno(unsigned int func, uint32_t status)
{
	switch (nd_fw_status(func, status)) {
	case ND_FW_SUCCESS:
		return 0;
	case ND_FW_ENOTSUPP:
		return -EOPNOTSUPP;
	case ND_FW_ENOTEXIST:
		return -ENXIO;
	case ND_FW_EINVAL:
	case ND_FW_EINVAL_CTX:
		return -EINVAL;
	case ND_FW_ERETRY:
	case ND_FW_ENORES:
		return -EAGAIN;
	case ND_FW_EBUSY:
	case ND_FW_ENOTREADY:
		return -EBUSY;
	default:
		return -EIO;
	}
}

/* The status word at off, and the errno it means. */
static int status_at(unsigned int func, const uint8_t *p, size_t len,
		     size_t off, uint32_t *status)
{
	*status = 0;
	if (len < off + 4)
		return -EMSGSIZE;
	*status = get_le32(p + off);
	return status_errno(func, *status);
}

int nd_fw_info_decode(const uint8_t *p, size_t len, struct nd_fw_info *info,
		      uint32_t *status)
{
	int rc = status_at(ND_INTEL_FW_GET_INFO, p, len, 0, status);

	memset(info, 0, sizeof(*info));
	if (rc)
		return rc;
	if (len < ND_FW_INFO_OUT)
		return -EMSGSIZE;
	info->storage_size = get_le32(p + 4);
	info->max_send_len = get_le32(p + 8);
	info->query_interval_us = get_le32(p + 12);
	info->max_query_time_us = get_le32(p + 16);
	info->update_cap = p[20];
	info->fis_version = get_le32(p + 24);
	info->run_version = get_le64(p + 28);
	info->updated_version = get_le64(p + 36);
	return 0;
}

int nd_fw_start_decode(const uint8_t *p, size_t len, uint32_t *context,
		       uint32_t *status)
{
	int rc = status_at(ND_INTEL_FW_START_UPDATE, p, len, 0, status);

	*context = 0;
	if (rc)
		return rc;
	if (len < ND_FW_START_OUT)
		return -EMSGSIZE;
	*context = get_le32(p + 4);
	return 0;
}

uint32_t nd_fw_send_encode(uint8_t *p, uint32_t context, uint32_t offset,
			   const void *data, uint32_t len)
{
	put_le32(p, context);
	put_le32(p + 4, offset);
	put_le32(p + 8, len);
	memcpy(p + ND_FW_SEND_HDR, data, len);
	memset(p + ND_FW_SEND_HDR + len, 0, ND_FW_SEND_OUT);
	return ND_FW_SEND_HDR + len;
}

int nd_fw_send_decode(const uint8_t *p, size_t got, uint32_t len,
		      uint32_t *status)
{
	return status_at(ND_INTEL_FW_SEND_DATA, p, got,
			 (size_t)ND_FW_SEND_HDR + len, status);
}

void nd_fw_finish_encode(uint8_t *p, uint32_t context, bool abort)
{
	memset(p, 0, ND_FW_FINISH_IN + ND_FW_FINISH_OUT);
	p[0] = abort ? 1 : 0;
	put_le32(p + 4, context);
}

int nd_fw_finish_decode(const uint8_t *p, size_t got, uint32_t *status)
{
	return status_at(ND_INTEL_FW_FINISH_UPDATE, p, got, ND_FW_FINISH_IN,
			 status);
}

void nd_fw_query_encode(uint8_t *p, uint32_t context)
{
	memset(p, 0, ND_FW_QUERY_IN + ND_FW_QUERY_OUT);
	put_le32(p, context);
}

int nd_fw_query_decode(const uint8_t *p, size_t got, uint64_t *updated_rev,
		       uint32_t *status)
{
	int rc = status_at(ND_INTEL_FW_FINISH_QUERY, p, got, ND_FW_QUERY_IN,
			   status);

	*updated_rev = 0;
	if (rc)
		return rc;
	if (got < ND_FW_QUERY_IN + ND_FW_QUERY_OUT)
		return -EMSGSIZE;
	*updated_rev = get_le64(p + ND_FW_QUERY_IN + 4);
	return 0;
}
