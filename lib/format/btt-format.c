// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "btt-format.h"
#include "infoblock-format.h"

#define BTT_SIGNATURE "BTT_ARENA_INFO" /* NUL-padded to 16 bytes */
#define SIG_LEN 16
#define CHECKSUM_OFFSET (BTT_INFO_SIZE - 8)

/* Field offsets in the info block (struct btt_sb). */
enum {
	OFF_UUID = 16,
	OFF_PARENT = 32,
	OFF_FLAGS = 48,
	OFF_MAJOR = 52,
	OFF_MINOR = 54,
	OFF_EXT_LBASIZE = 56,
	OFF_EXT_NLBA = 60,
	OFF_INT_LBASIZE = 64,
	OFF_INT_NLBA = 68,
	OFF_NFREE = 72,
	OFF_INFOSIZE = 76,
	OFF_NEXTOFF = 80,
	OFF_DATAOFF = 88,
	OFF_MAPOFF = 96,
	OFF_LOGOFF = 104,
	OFF_INFO2OFF = 112,
};

static uint64_t get_le(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

static void put_le(uint8_t *p, uint64_t v, int bytes)
{
	int i;

	for (i = 0; i < bytes; i++, v >>= 8)
		p[i] = v & 0xff;
}

static bool uuid_is_zero(const uint8_t *u)
{
	static const uint8_t zero[16];

	return !memcmp(u, zero, sizeof(zero));
}

enum btt_info_verdict btt_info_parse(const void *buf, const uint8_t *parent,
				     struct btt_info *info)
{
	const uint8_t *p = buf;
	uint8_t sig[SIG_LEN] = BTT_SIGNATURE;
	uint8_t copy[BTT_INFO_SIZE];

	if (memcmp(p, sig, SIG_LEN))
		return BTT_INFO_NO_SIGNATURE;
	memset(info, 0, sizeof(*info));
	memcpy(info->uuid, p + OFF_UUID, 16);
	memcpy(info->parent_uuid, p + OFF_PARENT, 16);
	info->flags = get_le(p + OFF_FLAGS, 4);
	info->version_major = get_le(p + OFF_MAJOR, 2);
	info->version_minor = get_le(p + OFF_MINOR, 2);
	info->external_lbasize = get_le(p + OFF_EXT_LBASIZE, 4);
	info->external_nlba = get_le(p + OFF_EXT_NLBA, 4);
	info->internal_lbasize = get_le(p + OFF_INT_LBASIZE, 4);
	info->internal_nlba = get_le(p + OFF_INT_NLBA, 4);
	info->nfree = get_le(p + OFF_NFREE, 4);
	info->infosize = get_le(p + OFF_INFOSIZE, 4);
	info->nextoff = get_le(p + OFF_NEXTOFF, 8);
	info->dataoff = get_le(p + OFF_DATAOFF, 8);
	info->mapoff = get_le(p + OFF_MAPOFF, 8);
	info->logoff = get_le(p + OFF_LOGOFF, 8);
	info->info2off = get_le(p + OFF_INFO2OFF, 8);
	info->checksum = get_le(p + CHECKSUM_OFFSET, 8);

	memcpy(copy, p, sizeof(copy));
	memset(copy + CHECKSUM_OFFSET, 0, 8);
	if (infoblock_fletcher64(copy, sizeof(copy)) != info->checksum)
		return BTT_INFO_BAD_CHECKSUM;
	/* A null parent (a namespace without a uuid) fits any namespace. */
	if (parent && !uuid_is_zero(info->parent_uuid) &&
	    memcmp(info->parent_uuid, parent, 16))
		return BTT_INFO_OTHER_PARENT;
	return BTT_INFO_OK;
}

const char *btt_info_verdict_str(enum btt_info_verdict v)
{
	switch (v) {
	case BTT_INFO_OK:
		return "valid";
	case BTT_INFO_NO_SIGNATURE:
		return "no BTT signature";
	case BTT_INFO_BAD_CHECKSUM:
		return "checksum mismatch";
	case BTT_INFO_OTHER_PARENT:
		return "parent uuid is another namespace's";
	}
	return "unknown";
}

void btt_info_build(const struct btt_info *info, void *buf)
{
	uint8_t *p = buf;
	uint8_t sig[SIG_LEN] = BTT_SIGNATURE;

	memset(p, 0, BTT_INFO_SIZE);
	memcpy(p, sig, SIG_LEN);
	memcpy(p + OFF_UUID, info->uuid, 16);
	memcpy(p + OFF_PARENT, info->parent_uuid, 16);
	put_le(p + OFF_FLAGS, info->flags, 4);
	put_le(p + OFF_MAJOR, info->version_major, 2);
	put_le(p + OFF_MINOR, info->version_minor, 2);
	put_le(p + OFF_EXT_LBASIZE, info->external_lbasize, 4);
	put_le(p + OFF_EXT_NLBA, info->external_nlba, 4);
	put_le(p + OFF_INT_LBASIZE, info->internal_lbasize, 4);
	put_le(p + OFF_INT_NLBA, info->internal_nlba, 4);
	put_le(p + OFF_NFREE, info->nfree, 4);
	put_le(p + OFF_INFOSIZE, info->infosize, 4);
	put_le(p + OFF_NEXTOFF, info->nextoff, 8);
	put_le(p + OFF_DATAOFF, info->dataoff, 8);
	put_le(p + OFF_MAPOFF, info->mapoff, 8);
	put_le(p + OFF_LOGOFF, info->logoff, 8);
	put_le(p + OFF_INFO2OFF, info->info2off, 8);
	put_le(p + CHECKSUM_OFFSET, infoblock_fletcher64(p, BTT_INFO_SIZE), 8);
}

int btt_version_start(const struct btt_info *info)
{
	if (info->version_major == 1 && info->version_minor == 1)
		return BTT1_START;
	if (info->version_major == 2 && info->version_minor == 0)
		return BTT2_START;
	return -1;
}

uint64_t btt_arena_size(const struct btt_info *info)
{
	return info->nextoff ? info->nextoff : info->info2off + BTT_INFO_SIZE;
}

const char *btt_info_geometry_error(const struct btt_info *info, uint64_t room)
{
	uint64_t size = btt_arena_size(info);

	if (btt_version_start(info) < 0)
		return "unknown BTT version";
	if (!info->external_lbasize || !info->nfree)
		return "zero sector size or free-block count";
	if (info->internal_lbasize < info->external_lbasize)
		return "internal block smaller than the sector";
	if (info->internal_nlba < info->external_nlba ||
	    info->internal_nlba - info->external_nlba != info->nfree)
		return "block counts disagree with the free-block count";
	if (info->dataoff < BTT_INFO_SIZE || info->mapoff <= info->dataoff ||
	    info->logoff <= info->mapoff || info->info2off <= info->logoff)
		return "areas out of order";
	if (info->info2off + BTT_INFO_SIZE > size || size > room ||
	    size > BTT_ARENA_MAX)
		return "arena larger than the space it has";
	if ((info->mapoff - info->dataoff) / info->internal_lbasize <
	    info->internal_nlba)
		return "data area too small for its blocks";
	if ((info->logoff - info->mapoff) / BTT_MAP_ENTRY_SIZE <
	    info->external_nlba)
		return "map too small for its sectors";
	if ((info->info2off - info->logoff) / BTT_LOG_GROUP_SIZE < info->nfree)
		return "flog too small for its lanes";
	return NULL;
}

uint64_t btt_info2_guess(uint64_t arena_off, uint64_t ns_size)
{
	uint64_t size;

	if (ns_size < arena_off + 2 * BTT_INFO_SIZE)
		return arena_off;
	size = ns_size - arena_off;
	if (size > BTT_ARENA_MAX)
		size = BTT_ARENA_MAX;
	size -= size % BTT_INFO_SIZE;
	return arena_off + size - BTT_INFO_SIZE;
}

void btt_log_group_parse(const uint8_t *group,
			 struct btt_log_entry ent[BTT_LOG_SLOTS])
{
	int i;

	for (i = 0; i < BTT_LOG_SLOTS; i++, group += 16) {
		ent[i].lba = get_le(group, 4);
		ent[i].old_map = get_le(group + 4, 4);
		ent[i].new_map = get_le(group + 8, 4);
		ent[i].seq = get_le(group + 12, 4);
	}
}

void btt_log_group_build(uint8_t *group,
			 const struct btt_log_entry ent[BTT_LOG_SLOTS])
{
	int i;

	for (i = 0; i < BTT_LOG_SLOTS; i++, group += 16) {
		put_le(group, ent[i].lba, 4);
		put_le(group + 4, ent[i].old_map, 4);
		put_le(group + 8, ent[i].new_map, 4);
		put_le(group + 12, ent[i].seq, 4);
	}
}

static bool slot_used(const struct btt_log_entry *e)
{
	return e->lba || e->old_map || e->new_map || e->seq;
}

int btt_log_indices(const uint8_t *log, uint32_t nfree, int idx[2],
		    uint32_t *lane)
{
	struct btt_log_entry ent[BTT_LOG_SLOTS];
	int second = 0, used, i;
	uint32_t l;

	for (l = 0; l < nfree; l++) {
		btt_log_group_parse(log + (size_t)l * BTT_LOG_GROUP_SIZE, ent);
		used = 0;
		for (i = 0; i < BTT_LOG_SLOTS; i++)
			used |= slot_used(&ent[i]) << i;
		/* Slot 0 holds an entry in every layout, from the start. */
		if (used == 1)
			continue;
		if ((used != 3 && used != 5) ||
		    (second && second != (used == 3 ? 1 : 2))) {
			*lane = l;
			return -EINVAL;
		}
		second = used == 3 ? 1 : 2;
	}
	idx[0] = 0;
	idx[1] = second ? second : 1;
	return 0;
}

int btt_log_newest(const struct btt_log_entry *a, const struct btt_log_entry *b)
{
	if (a->seq > 3 || b->seq > 3 || a->seq == b->seq)
		return -EINVAL;
	if (!a->seq)
		return 1;
	if (!b->seq)
		return 0;
	/* Distinct values of 1..3: one follows the other. */
	return a->seq % 3 + 1 == b->seq ? 1 : 0;
}

int btt_bitmap_init(struct btt_bitmap *bm, uint32_t nbits)
{
	bm->nbits = nbits;
	bm->bits = calloc((nbits + 63) / 64 + 1, sizeof(uint64_t));
	return bm->bits ? 0 : -ENOMEM;
}

void btt_bitmap_free(struct btt_bitmap *bm)
{
	free(bm->bits);
	bm->bits = NULL;
}

bool btt_bitmap_take(struct btt_bitmap *bm, uint32_t block)
{
	uint64_t bit = 1ULL << (block % 64);

	if (block >= bm->nbits || bm->bits[block / 64] & bit)
		return false;
	bm->bits[block / 64] |= bit;
	return true;
}

uint32_t btt_bitmap_first_free(const struct btt_bitmap *bm)
{
	uint32_t w, b;

	for (w = 0; w < (bm->nbits + 63) / 64; w++) {
		if (bm->bits[w] == ~0ULL)
			continue;
		for (b = w * 64; b < (w + 1) * 64 && b < bm->nbits; b++)
			if (!(bm->bits[b / 64] & (1ULL << (b % 64))))
				return b;
	}
	return bm->nbits;
}
