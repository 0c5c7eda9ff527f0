/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel's firmware update DSMs (functions 12 to 16 of the Intel NVDIMM
 * family), the sequence update-firmware drives:
 *
 *   GET_INFO       how big an image the DIMM stores, how much one
 *                  SEND_DATA may carry, how often and how long to poll
 *   START_UPDATE   a context number naming this update
 *   SEND_DATA      the image, one piece per call, at increasing offsets
 *   FINISH_UPDATE  ends the transfer (or, with the abort flag, drops it)
 *   FINISH_QUERY   polled until the DIMM has checked the image
 *
 * Pure functions on ND_CMD_CALL payloads (input then output, packed,
 * little endian); the ioctl is libndctl's.  The decoders follow call.h:
 * 0, -EMSGSIZE for a reply short of its layout, or the errno the
 * firmware status means; *status is the raw word whenever the reply
 * held one, for nd_fw_status() to tell the extended codes apart.
 */
#ifndef NDCMD_FW_INTEL_H
#define NDCMD_FW_INTEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	ND_INTEL_FW_GET_INFO = 12,
	ND_INTEL_FW_START_UPDATE = 13,
	ND_INTEL_FW_SEND_DATA = 14,
	ND_INTEL_FW_FINISH_UPDATE = 15,
	ND_INTEL_FW_FINISH_QUERY = 16,
};

/* Payload sizes: input, then output. */
#define ND_FW_INFO_OUT 44
#define ND_FW_START_OUT 8
#define ND_FW_SEND_HDR 12 /* context, offset, length; the data follows */
#define ND_FW_SEND_OUT 4
#define ND_FW_FINISH_IN 8
#define ND_FW_FINISH_OUT 4
#define ND_FW_QUERY_IN 4
#define ND_FW_QUERY_OUT 12

struct nd_fw_info {
	uint32_t storage_size; /* bytes: the largest image */
	uint32_t max_send_len; /* bytes: the most one SEND_DATA carries */
	uint32_t query_interval_us; /* poll FINISH_QUERY this often */
	uint32_t max_query_time_us; /* and give up after this long */
	uint8_t update_cap;
	uint32_t fis_version;
	uint64_t run_version; /* the firmware running */
	uint64_t updated_version; /* staged for the next activation, or 0 */
};

/* What a firmware update status word means, call by call. */
enum nd_fw_status {
	ND_FW_SUCCESS,
	ND_FW_ENOTSUPP,
	ND_FW_ENOTEXIST,
	ND_FW_EINVAL,
	ND_FW_EHWERR,
	ND_FW_ERETRY,
	ND_FW_EUNKNOWN,
	ND_FW_ENORES,
	ND_FW_ENOTREADY,
	ND_FW_EBUSY, /* another update runs; or FINISH_QUERY: still checking */
	ND_FW_EINVAL_CTX, /* the context is not the update's */
	ND_FW_ALREADY_DONE, /* FINISH_UPDATE of a finished update */
	ND_FW_EBADFW, /* the DIMM rejected the image */
	ND_FW_ABORTED, /* FINISH_UPDATE: the update was aborted */
	ND_FW_ESEQUENCE, /* FINISH_QUERY out of order */
};

enum nd_fw_status nd_fw_status(unsigned int func, uint32_t status);
/* A few words for messages ("the DIMM rejected the image"). */
const char *nd_fw_status_reason(enum nd_fw_status st);

int nd_fw_info_decode(const uint8_t *p, size_t len, struct nd_fw_info *info,
		      uint32_t *status);
int nd_fw_start_decode(const uint8_t *p, size_t len, uint32_t *context,
		       uint32_t *status);
/*
 * SEND_DATA's input: p has room for ND_FW_SEND_HDR + len + ND_FW_SEND_OUT
 * bytes.  Returns the input size (ND_FW_SEND_HDR + len).
 */
uint32_t nd_fw_send_encode(uint8_t *p, uint32_t context, uint32_t offset,
			   const void *data, uint32_t len);
/* The status word follows the len bytes of data that were sent. */
int nd_fw_send_decode(const uint8_t *p, size_t got, uint32_t len,
		      uint32_t *status);
void nd_fw_finish_encode(uint8_t *p, uint32_t context, bool abort);
int nd_fw_finish_decode(const uint8_t *p, size_t got, uint32_t *status);
void nd_fw_query_encode(uint8_t *p, uint32_t context);
int nd_fw_query_decode(const uint8_t *p, size_t got, uint64_t *updated_rev,
		       uint32_t *status);

#endif
