/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bus's address range scrub and error clearing commands, as the
 * nvdimm ioctls on /dev/ndctlN carry them (ND_CMD_ARS_CAP, ARS_START,
 * ARS_STATUS and CLEAR_ERROR; the ACPI root device _DSM functions 1-4):
 * each buffer built and each reply read on bytes.  Every status word
 * is low 16 bits of status and high 16 of extended status.
 */
#ifndef NDCMD_ARS_H
#define NDCMD_ARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ND_ARS_CAP_SIZE 32
#define ND_ARS_START_SIZE 32
#define ND_ARS_STATUS_HDR_SIZE 48
#define ND_ARS_RECORD_SIZE 24
#define ND_CLEAR_ERROR_SIZE 32
/* The kernel's bound on one ioctl's buffer (ND_IOCTL_MAX_BUFLEN). */
#define ND_IOCTL_MAX_BUFLEN (4u << 20)

/* ARS types (the extended status of ARS_CAP says which are offered). */
#define ND_ARS_TYPE_VOLATILE 1
#define ND_ARS_TYPE_PERSISTENT 2
/* ARS_STATUS flags: the records did not all fit. */
#define ND_ARS_FLAG_OVERFLOW 1

struct nd_ars_cap {
	uint64_t address, length;
	uint32_t status;
	uint32_t max_ars_out; /* bytes an ARS_STATUS reply may take */
	uint32_t clear_err_unit; /* alignment and granule of CLEAR_ERROR */
	uint16_t flags;
};

/* Ask what scrubbing and clearing [address, address + length) allow. */
void nd_ars_cap_encode(uint8_t *buf, uint64_t address, uint64_t length);
/*
 * -EOPNOTSUPP when the range offers no scrub type (or status 1, not
 * supported), -EIO for another failure status, -EBADMSG for a clear
 * unit that is not a power of two or an ARS_STATUS size that cannot
 * hold its own header or passes the ioctl bound.
 */
int nd_ars_cap_decode(const uint8_t *buf, size_t len, struct nd_ars_cap *cap);

void nd_ars_start_encode(uint8_t *buf, uint64_t address, uint64_t length,
			 uint16_t type, uint8_t flags);
/* -EBUSY: a scrub is already running (status 6). */
int nd_ars_start_decode(const uint8_t *buf, size_t len, uint32_t *status,
			uint32_t *scrub_time);

struct nd_ars_status {
	uint32_t status, out_length;
	uint64_t address, length, restart_address, restart_length;
	uint16_t type, flags;
	uint32_t num_records;
	const uint8_t *records; /* into the decoded buffer */
};

struct nd_ars_rec {
	uint32_t handle;
	uint64_t address, length;
};

/* The request: zero but for out_length, the size of the whole buffer. */
void nd_ars_status_encode(uint8_t *buf, uint32_t size);
/*
 * -EBUSY while a scrub runs, -EAGAIN when none ran this boot, -ENOSPC
 * when it stopped on an overflow, -EMSGSIZE when out_length passes what
 * came back, -EBADMSG when the records pass out_length.
 */
int nd_ars_status_decode(const uint8_t *buf, size_t len,
			 struct nd_ars_status *st);
void nd_ars_status_record(const struct nd_ars_status *st, uint32_t i,
			  struct nd_ars_rec *rec);

/*
 * Clear [address, address + length): both must be multiples of the
 * clear unit (-EINVAL, nothing written otherwise), and length non-zero.
 */
int nd_clear_error_encode(uint8_t *buf, uint64_t address, uint64_t length,
			  uint32_t clear_unit);
/* -EBADMSG when more is said to be cleared than was asked. */
int nd_clear_error_decode(const uint8_t *buf, size_t len, uint32_t *status,
			  uint64_t *cleared);

#endif
