// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "call.h"

/* Offsets in struct nd_cmd_pkg: nine reserved words before nd_fw_size. */
#define PKG_FAMILY 0
#define PKG_COMMAND 8
#define PKG_SIZE_IN 16
#define PKG_SIZE_OUT 20
#define PKG_FW_SIZE 60

void nd_pkg_encode(uint8_t *hdr, const struct nd_pkg *pkg)
{
	memset(hdr, 0, ND_PKG_HDR_SIZE);
	put_le64(hdr + PKG_FAMILY, pkg->family);
	put_le64(hdr + PKG_COMMAND, pkg->command);
	put_le32(hdr + PKG_SIZE_IN, pkg->size_in);
	put_le32(hdr + PKG_SIZE_OUT, pkg->size_out);
	put_le32(hdr + PKG_FW_SIZE, pkg->fw_size);
}

int nd_pkg_decode(const uint8_t *hdr, size_t len, struct nd_pkg *pkg)
{
	if (len < ND_PKG_HDR_SIZE)
		return -EMSGSIZE;
	pkg->family = get_le64(hdr + PKG_FAMILY);
	pkg->command = get_le64(hdr + PKG_COMMAND);
	pkg->size_in = get_le32(hdr + PKG_SIZE_IN);
	pkg->size_out = get_le32(hdr + PKG_SIZE_OUT);
	pkg->fw_size = get_le32(hdr + PKG_FW_SIZE);
	return 0;
}

uint32_t nd_pkg_out_received(const struct nd_pkg *sent,
			     const struct nd_pkg *got)
{
	if (got->family != sent->family || got->command != sent->command ||
	    got->size_in != sent->size_in || got->size_out != sent->size_out)
		return 0;
	return got->fw_size < sent->size_out ? got->fw_size : sent->size_out;
}

const char *nd_reply_reason(int rc)
{
	switch (rc) {
	case 0:
		return "ok";
	case -EMSGSIZE:
		return "the reply is shorter than its layout";
	case -EBADMSG:
		return "the reply contradicts itself";
	case -EIO:
		return "the firmware reports a failure";
	case -EOPNOTSUPP:
		return "the firmware does not support it";
	case -EINVAL:
		return "the firmware rejects the parameters";
	case -EBUSY:
		return "the firmware is busy";
	case -EAGAIN:
		return "the firmware asks to retry";
	case -ENXIO:
		return "the firmware has no such object";
	case -ENOSPC:
		return "the firmware ran out of room for the results";
	}
	return strerror(-rc);
}
