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

static void put_le(uint8_t *p, uint64_t v, int bytes)
{
	while (bytes--) {
		*p++ = v & 0xff;
		v >>= 8;
	}
}

void infoblock_format(const struct pfn_info *info, void *buf)
{
	uint8_t *p = buf;

	memset(p, 0, INFOBLOCK_SIZE);
	memcpy(p, info->signature, 16);
	memcpy(p + 16, info->uuid, 16);
	memcpy(p + 32, info->parent_uuid, 16);
	put_le(p + 48, info->flags, 4);
	put_le(p + 52, info->version_major, 2);
	put_le(p + 54, info->version_minor, 2);
	put_le(p + 56, info->dataoff, 8);
	put_le(p + 64, info->npfns, 8);
	put_le(p + 72, info->mode, 4);
	put_le(p + 76, info->start_pad, 4);
	put_le(p + 80, info->end_trunc, 4);
	put_le(p + 84, info->align, 4);
	put_le(p + 88, info->page_size, 4);
	put_le(p + 92, info->page_struct_size, 2);
	put_le(p + CHECKSUM_OFFSET, infoblock_fletcher64(p, INFOBLOCK_SIZE), 8);
}

/*
 * An offset off the 2M a namespace can start at: no kernel lays a block
 * out there (memmap_info_block_layout() refuses it), yet upstream's tool
 * writes one so that tests can see the kernel refuse it.  Its figures,
 * every one taken relative to the offset: the head is the two 4K pages
 * up to the end of the info block, the reserve 64 bytes a page.
 */
static int misaligned_layout(const struct memmap_profile *p,
			     const struct memmap_config *cfg,
			     struct memmap_cost *cost)
{
	const uint64_t head = 8192;
	uint64_t a = cfg->align > p->subsection_size ? cfg->align :
						       p->subsection_size;
	uint64_t end = cfg->start + cfg->size, data;

	if (cfg->size <= head || end < cfg->start)
		return MEMMAP_ETOOSMALL;
	data = cfg->start + head;
	if (cfg->location == MEMMAP_PMEM)
		data += p->reserve_per_page *
			((cfg->size - head) / p->page_size);
	cost->dataoff = (data + a - 1) / a * a - cfg->start;
	cost->end_trunc = end - end / a * a;
	if (cost->dataoff + cost->end_trunc >= cfg->size)
		return MEMMAP_ETOOSMALL;
	cost->usable = cfg->size - cost->dataoff - cost->end_trunc;
	return MEMMAP_OK;
}

int infoblock_layout(const struct memmap_profile *p, uint64_t offset,
		     uint64_t size, uint64_t align, enum memmap_location loc,
		     bool devdax, struct pfn_info *info)
{
	struct memmap_config cfg = {
		.start = offset,
		.size = size,
		.align = align,
		.location = loc,
		.mode = devdax ? MEMMAP_MODE_DEVDAX : MEMMAP_MODE_FSDAX,
		.info_block = true,
	};
	struct memmap_cost cost = { 0 };
	uint64_t a = align > p->subsection_size ? align : p->subsection_size;
	uint64_t start_pad;
	int rc;

	if (offset % p->subsection_size) {
		rc = misaligned_layout(p, &cfg, &cost);
		if (rc)
			return rc;
	} else {
		rc = memmap_info_block_layout(p, &cfg, &cost);
		if (rc)
			return rc;
	}
	/*
	 * An offset that is not a multiple of the align is a debug case:
	 * record the padding up to it, and leave it out of npfns too (what
	 * the upstream tool writes).
	 */
	start_pad = (offset + a - 1) / a * a - offset;
	if (start_pad >= cost.usable)
		return MEMMAP_ETOOSMALL;
	memset(info, 0, sizeof(*info));
	memcpy(info->signature, devdax ? SIG_DAX : SIG_PFN, sizeof(SIG_PFN));
	info->version_major = 1;
	info->version_minor = 4;
	info->dataoff = cost.dataoff;
	info->npfns = (cost.usable - start_pad) / p->page_size;
	info->mode = loc == MEMMAP_PMEM ? 2 : 1;
	info->start_pad = start_pad;
	info->end_trunc = cost.end_trunc;
	info->align = align;
	info->page_size = p->page_size;
	info->page_struct_size = p->reserve_per_page;
	return 0;
}
