// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "infoblock-format.h"

#define SIG_PFN "NVDIMM_PFN_INFO"
#define SIG_DAX "NVDIMM_DAX_INFO"
/* Where the checksum sits: the last 8 bytes of the block. */
#define CHECKSUM_OFFSET (INFOBLOCK_SIZE - 8)

static uint64_t le(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

uint64_t infoblock_fletcher64(const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint32_t lo = 0, hi = 0;
	size_t i;

	for (i = 0; i + 4 <= len; i += 4) {
		lo += (uint32_t)le(p + i, 4);
		hi += lo;
	}
	return (uint64_t)hi << 32 | lo;
}

int infoblock_parse(const void *buf, size_t len, struct pfn_info *info,
		    char sig[17])
{
	const uint8_t *p = buf;
	uint8_t copy[INFOBLOCK_SIZE];
	int i;

	if (len < INFOBLOCK_SIZE)
		return -EINVAL;
	for (i = 0; i < 16 && p[i]; i++)
		sig[i] = isprint(p[i]) ? p[i] : '?';
	sig[i] = '\0';
	if (memcmp(p, SIG_PFN, sizeof(SIG_PFN)) &&
	    memcmp(p, SIG_DAX, sizeof(SIG_DAX)))
		return -ENOENT;
	memset(info, 0, sizeof(*info));
	memcpy(info->signature, p, 16);
	memcpy(info->uuid, p + 16, 16);
	memcpy(info->parent_uuid, p + 32, 16);
	info->flags = le(p + 48, 4);
	info->version_major = le(p + 52, 2);
	info->version_minor = le(p + 54, 2);
	info->dataoff = le(p + 56, 8);
	info->npfns = le(p + 64, 8);
	info->mode = le(p + 72, 4);
	info->start_pad = le(p + 76, 4);
	info->end_trunc = le(p + 80, 4);
	info->align = le(p + 84, 4);
	info->page_size = le(p + 88, 4);
	info->page_struct_size = le(p + 92, 2);
	info->checksum = le(p + CHECKSUM_OFFSET, 8);
	memcpy(copy, p, INFOBLOCK_SIZE);
	memset(copy + CHECKSUM_OFFSET, 0, 8);
	info->checksum_ok =
		infoblock_fletcher64(copy, INFOBLOCK_SIZE) == info->checksum;
	return 0;
}
