/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The BTT (sector mode) on-media layout, as the kernel's
 * drivers/nvdimm/btt.h defines it: a namespace holds one or more arenas
 * of at most 512 GiB, each laid out as
 *
 *	info block | data blocks | map | flog | info2 (backup info block)
 *
 * The first arena starts at 4 KiB (BTT 1.1, namespaces without labels or
 * with v1.1 labels) or at 0 (BTT 2.0, v1.2 labels).  Every offset in an
 * info block is relative to that info block.  All fields little-endian;
 * the info block closes with a Fletcher-64 checksum of the block with the
 * checksum field zero.  Parsing, checks and building only; no I/O.
 */
#ifndef NDCTL_BTT_FORMAT_H
#define NDCTL_BTT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BTT_INFO_SIZE 4096
#define BTT1_START 4096 /* version 1.1 */
#define BTT2_START 0 /* version 2.0 */
#define BTT_ARENA_MIN (1ULL << 24)
#define BTT_ARENA_MAX (1ULL << 39)
#define BTT_MAP_ENTRY_SIZE 4
/* A map entry: bit 31 "zero" (trimmed), bit 30 "error", the rest a block. */
#define BTT_MAP_FLAGS 0xc0000000u
#define BTT_MAP_BLOCK 0x3fffffffu
/* One flog lane: four 16-byte slots, two of them entries, two padding. */
#define BTT_LOG_GROUP_SIZE 64
#define BTT_LOG_SLOTS 4
#define BTT_IB_FLAG_ERROR 0x1

struct btt_info {
	uint8_t uuid[16], parent_uuid[16];
	uint32_t flags;
	uint16_t version_major, version_minor;
	uint32_t external_lbasize, external_nlba;
	uint32_t internal_lbasize, internal_nlba;
	uint32_t nfree, infosize;
	/* relative to the info block; nextoff 0 in the last arena */
	uint64_t nextoff, dataoff, mapoff, logoff, info2off;
	uint64_t checksum;
};

enum btt_info_verdict {
	BTT_INFO_OK,
	BTT_INFO_NO_SIGNATURE,
	BTT_INFO_BAD_CHECKSUM,
	BTT_INFO_OTHER_PARENT, /* parent_uuid set and not the namespace's */
};

/*
 * Parse the BTT_INFO_SIZE bytes at buf into info (filled whatever the
 * verdict, except without a signature).  parent may be NULL: any parent.
 */
enum btt_info_verdict btt_info_parse(const void *buf, const uint8_t *parent,
				     struct btt_info *info);
const char *btt_info_verdict_str(enum btt_info_verdict v);

/* Serialise info into a BTT_INFO_SIZE block, checksum included. */
void btt_info_build(const struct btt_info *info, void *buf);

/* Where the first arena of this version starts, or -1: an unknown one. */
int btt_version_start(const struct btt_info *info);

/*
 * The arena size an info block describes: to the next arena, or for the
 * last one through its info2.
 */
uint64_t btt_arena_size(const struct btt_info *info);

/*
 * An info block's geometry against the room its arena has (from the info
 * block to the namespace's end): NULL when it holds together, else what
 * is wrong.
 */
const char *btt_info_geometry_error(const struct btt_info *info, uint64_t room);

/*
 * Where the kernel put the info2 of the arena whose info block is at
 * arena_off in a namespace of ns_size bytes (it sizes arenas from the
 * space left): for finding a backup when the info block itself is gone.
 */
uint64_t btt_info2_guess(uint64_t arena_off, uint64_t ns_size);

/* The block a map entry for lba points at: itself until first written. */
static inline uint32_t btt_map_block(uint32_t entry, uint32_t lba)
{
	return entry & BTT_MAP_FLAGS ? entry & BTT_MAP_BLOCK : lba;
}

struct btt_log_entry {
	uint32_t lba, old_map, new_map, seq;
};

void btt_log_group_parse(const uint8_t *group,
			 struct btt_log_entry ent[BTT_LOG_SLOTS]);
void btt_log_group_build(uint8_t *group,
			 const struct btt_log_entry ent[BTT_LOG_SLOTS]);

/*
 * Which two slots of each lane hold entries: (0, 1) since Linux 4.15,
 * (0, 2) before.  A lane never written has only slot 0 filled; when every
 * lane is like that the layout is taken as (0, 1), as the kernel does.
 * Returns 0, or -EINVAL when the lanes disagree or fit neither layout
 * (lane then names the first lane that does not fit).
 */
int btt_log_indices(const uint8_t *log, uint32_t nfree, int idx[2],
		    uint32_t *lane);

/*
 * The newer of a lane's two entries (0: a, 1: b) by their sequence
 * numbers, which count 1, 2, 3, 1, ...; 0 is an unused slot.  -EINVAL
 * when the two cannot be ordered (equal, out of range).
 */
int btt_log_newest(const struct btt_log_entry *a,
		   const struct btt_log_entry *b);

/*
 * Every internal block of an arena must be referenced exactly once: by a
 * map entry or as a lane's free block.  One bit per block.
 */
struct btt_bitmap {
	uint64_t *bits;
	uint32_t nbits;
};

int btt_bitmap_init(struct btt_bitmap *bm, uint32_t nbits);
void btt_bitmap_free(struct btt_bitmap *bm);
/* Mark block; false when it is out of range or marked already. */
bool btt_bitmap_take(struct btt_bitmap *bm, uint32_t block);
/* The first unmarked block, or nbits when every block is marked. */
uint32_t btt_bitmap_first_free(const struct btt_bitmap *bm);

#endif
