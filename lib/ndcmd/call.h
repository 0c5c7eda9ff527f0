/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The envelope of ND_CMD_CALL (struct nd_cmd_pkg in the kernel's
 * include/uapi/linux/ndctl.h): a 64-byte header naming the DSM family
 * and function and the sizes of the input and output that follow it.
 * The header is built and read here, on bytes; the ioctl is elsewhere.
 *
 * Every decoder of this library returns 0 or one of these negative
 * errnos, so a command can say why a reply was not taken as a fact:
 *   -EMSGSIZE  the reply is shorter than its layout needs
 *   -EBADMSG   the reply contradicts itself (a count past its length)
 *   -EIO       the firmware status says the call failed (see the status)
 *   -EOPNOTSUPP, -EINVAL, -EBUSY, -ENXIO ...  a status with a meaning
 *              of its own, named where the layout defines it
 */
#ifndef NDCMD_CALL_H
#define NDCMD_CALL_H

#include <stddef.h>
#include <stdint.h>

#define ND_PKG_HDR_SIZE 64

/* The DIMM families (nfit/family) and the bus families of ND_CMD_CALL. */
enum {
	ND_FAMILY_INTEL = 0,
	ND_FAMILY_HPE1 = 1,
	ND_FAMILY_HPE2 = 2,
	ND_FAMILY_MSFT = 3,
	ND_FAMILY_HYPERV = 4,
	ND_FAMILY_PAPR = 5,
	ND_BUS_FAMILY_NFIT = 0,
	ND_BUS_FAMILY_INTEL = 1,
};

struct nd_pkg {
	uint64_t family, command;
	uint32_t size_in, size_out;
	/*
	 * What the firmware wanted to return.  Sent as size_out, so a
	 * provider that leaves it alone reads as a full reply, and one that
	 * sets it (ACPI) says how much really came back.
	 */
	uint32_t fw_size;
};

/* Write the header into hdr[ND_PKG_HDR_SIZE]; reserved words are zero. */
void nd_pkg_encode(uint8_t *hdr, const struct nd_pkg *pkg);
/* Read a header back; -EMSGSIZE when len is short of a header. */
int nd_pkg_decode(const uint8_t *hdr, size_t len, struct nd_pkg *pkg);
/*
 * The output bytes a returned header vouches for: what was asked for,
 * cut to what the firmware says it returned.  A header that no longer
 * names the call that was sent vouches for nothing.
 */
uint32_t nd_pkg_out_received(const struct nd_pkg *sent,
			     const struct nd_pkg *got);

/* A few words for a decoder's return value ("reply shorter than ..."). */
const char *nd_reply_reason(int rc);

#endif
