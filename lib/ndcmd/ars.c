// SPDX-License-Identifier: GPL-2.0
/*
 * Layouts from include/uapi/linux/ndctl.h (struct nd_cmd_ars_cap,
 * nd_cmd_ars_start, nd_cmd_ars_status, nd_cmd_clear_error), and the
 * status meanings the kernel's ACPI NFIT driver gives them
 * (xlat_bus_status() in drivers/acpi/nfit/core.c).
 */
#include <errno.h>
#include <string.h>

#include "ars.h"
#include "bytes.h"

#define STATUS_LOW(s) ((s)&0xffffu)
#define STATUS_EXT(s) ((s) >> 16)

/* ARS_START status 6: a scrub is in progress. */
#define ARS_START_BUSY 6
/* ARS_STATUS extended statuses. */
#define ARS_STATUS_BUSY 1
#define ARS_STATUS_NONE 2
#define ARS_STATUS_INTR 3

static bool is_power_of_2(uint32_t v)
{
	return v && !(v & (v - 1));
}

void nd_ars_cap_encode(uint8_t *buf, uint64_t address, uint64_t length)
{
	memset(buf, 0, ND_ARS_CAP_SIZE);
	put_le64(buf, address);
	put_le64(buf + 8, length);
}

int nd_ars_cap_decode(const uint8_t *buf, size_t len, struct nd_ars_cap *cap)
{
	if (len < ND_ARS_CAP_SIZE)
		return -EMSGSIZE;
	cap->address = get_le64(buf);
	cap->length = get_le64(buf + 8);
	cap->status = get_le32(buf + 16);
	cap->max_ars_out = get_le32(buf + 20);
	cap->clear_err_unit = get_le32(buf + 24);
	cap->flags = get_le16(buf + 28);
	/* Status 1: ARS is not implemented. */
	if (STATUS_LOW(cap->status) == 1)
		return -EOPNOTSUPP;
	if (STATUS_LOW(cap->status))
		return -EIO;
	if (!(STATUS_EXT(cap->status) &
	      (ND_ARS_TYPE_VOLATILE | ND_ARS_TYPE_PERSISTENT)))
		return -EOPNOTSUPP;
	if (!is_power_of_2(cap->clear_err_unit) ||
	    cap->max_ars_out < ND_ARS_STATUS_HDR_SIZE ||
	    cap->max_ars_out > ND_IOCTL_MAX_BUFLEN)
		return -EBADMSG;
	return 0;
}

void nd_ars_start_encode(uint8_t *buf, uint64_t address, uint64_t length,
			 uint16_t type, uint8_t flags)
{
	memset(buf, 0, ND_ARS_START_SIZE);
	put_le64(buf, address);
	put_le64(buf + 8, length);
	put_le16(buf + 16, type);
	buf[18] = flags;
}

int nd_ars_start_decode(const uint8_t *buf, size_t len, uint32_t *status,
			uint32_t *scrub_time)
{
	if (len < ND_ARS_START_SIZE)
		return -EMSGSIZE;
	*status = get_le32(buf + 24);
	*scrub_time = get_le32(buf + 28);
	if (STATUS_LOW(*status) == ARS_START_BUSY)
		return -EBUSY;
	if (STATUS_LOW(*status) == 1)
		return -EOPNOTSUPP;
	if (STATUS_LOW(*status) == 2)
		return -EINVAL;
	return STATUS_LOW(*status) ? -EIO : 0;
}

void nd_ars_status_encode(uint8_t *buf, uint32_t size)
{
	memset(buf, 0, size);
	put_le32(buf + 4, size);
}

int nd_ars_status_decode(const uint8_t *buf, size_t len,
			 struct nd_ars_status *st)
{
	memset(st, 0, sizeof(*st));
	if (len < 8)
		return -EMSGSIZE;
	st->status = get_le32(buf);
	st->out_length = get_le32(buf + 4);
	if (STATUS_LOW(st->status))
		return -EIO;
	switch (STATUS_EXT(st->status)) {
	case 0:
	case ARS_STATUS_INTR:
		break;
	case ARS_STATUS_BUSY:
		return -EBUSY;
	case ARS_STATUS_NONE:
		return -EAGAIN;
	default:
		return -EIO;
	}
	if (st->out_length > len || len < ND_ARS_STATUS_HDR_SIZE)
		return -EMSGSIZE;
	if (st->out_length < ND_ARS_STATUS_HDR_SIZE)
		return -EBADMSG;
	st->address = get_le64(buf + 8);
	st->length = get_le64(buf + 16);
	st->restart_address = get_le64(buf + 24);
	st->restart_length = get_le64(buf + 32);
	st->type = get_le16(buf + 40);
	st->flags = get_le16(buf + 42);
	st->num_records = get_le32(buf + 44);
	if (st->num_records >
	    (st->out_length - ND_ARS_STATUS_HDR_SIZE) / ND_ARS_RECORD_SIZE)
		return -EBADMSG;
	st->records = buf + ND_ARS_STATUS_HDR_SIZE;
	/* Interrupted by an overflow: the records are not all there. */
	if (STATUS_EXT(st->status) == ARS_STATUS_INTR &&
	    (st->flags & ND_ARS_FLAG_OVERFLOW))
		return -ENOSPC;
	return 0;
}

void nd_ars_status_record(const struct nd_ars_status *st, uint32_t i,
			  struct nd_ars_rec *rec)
{
	const uint8_t *r = st->records + (size_t)i * ND_ARS_RECORD_SIZE;

	rec->handle = get_le32(r);
	rec->address = get_le64(r + 8);
	rec->length = get_le64(r + 16);
}

int nd_clear_error_encode(uint8_t *buf, uint64_t address, uint64_t length,
			  uint32_t clear_unit)
{
	if (!is_power_of_2(clear_unit) || !length ||
	    ((address | length) & (clear_unit - 1)) ||
	    address + length < address)
		return -EINVAL;
	memset(buf, 0, ND_CLEAR_ERROR_SIZE);
	put_le64(buf, address);
	put_le64(buf + 8, length);
	return 0;
}

int nd_clear_error_decode(const uint8_t *buf, size_t len, uint32_t *status,
			  uint64_t *cleared)
{
	if (len < ND_CLEAR_ERROR_SIZE)
		return -EMSGSIZE;
	*status = get_le32(buf + 16);
	*cleared = get_le64(buf + 24);
	if (STATUS_LOW(*status) == 1)
		return -EOPNOTSUPP;
	if (STATUS_LOW(*status) == 2)
		return -EINVAL;
	if (STATUS_LOW(*status))
		return -EIO;
	if (*cleared > get_le64(buf + 8))
		return -EBADMSG;
	return 0;
}
