// SPDX-License-Identifier: GPL-2.0
/*
 * The BTT format helpers and the check-namespace engine against images
 * laid out the way the kernel lays out a fresh BTT (alloc_arena() and
 * btt_log_init() in drivers/nvdimm/btt.c), then damaged the ways
 * upstream's btt-check.sh damages a namespace: info2 wiped, the first
 * 8K wiped, the map scribbled over; plus the pre-4.15 flog layout that
 * --rewrite-log converts.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <format/btt-check.h>
#include <format/btt-format.h>
#include "tap.h"

#define NS_SIZE (20ULL << 20)
#define NFREE 8
#define LBASIZE 4096

static const uint8_t ns_uuid[16] = { 0x12, 0x34, 0x56, 0x78, 9, 8, 7, 6,
				     5,	   4,	 3,    2,    1, 0, 1, 2 };

/* The kernel's geometry for an arena of size bytes. */
static void geometry(struct btt_info *in, uint64_t size, int start)
{
	uint64_t avail = size - size % 4096, logsize, mapsize;

	memset(in, 0, sizeof(*in));
	memcpy(in->uuid, "btt-uuid-0123456", 16);
	memcpy(in->parent_uuid, ns_uuid, 16);
	in->version_major = start ? 1 : 2;
	in->version_minor = start ? 1 : 0;
	in->external_lbasize = in->internal_lbasize = LBASIZE;
	in->nfree = NFREE;
	in->infosize = BTT_INFO_SIZE;
	avail -= 2 * 4096;
	logsize = (NFREE * 64 + 4095) / 4096 * 4096;
	avail -= logsize;
	in->internal_nlba = (avail - 4096) / (LBASIZE + 4);
	in->external_nlba = in->internal_nlba - NFREE;
	mapsize = ((uint64_t)in->external_nlba * 4 + 4095) / 4096 * 4096;
	in->dataoff = 4096;
	in->mapoff = in->dataoff + avail - mapsize;
	in->logoff = in->mapoff + mapsize;
	in->info2off = in->logoff + logsize;
}

static void pwrite_all(int fd, const void *buf, size_t len, uint64_t off)
{
	if (pwrite(fd, buf, len, off) != (ssize_t)len)
		abort();
}

static void pread_all(int fd, void *buf, size_t len, uint64_t off)
{
	if (pread(fd, buf, len, off) != (ssize_t)len)
		abort();
}

/*
 * A fresh single-arena BTT in a new image file; old_layout puts the
 * second flog entry of every lane in slot 2 (pre-4.15 kernels) with some
 * writes recorded, the new layout in slot 1.
 */
static int make_image(int start, bool old_layout, struct btt_info *in)
{
	char path[] = "/tmp/test-btt.XXXXXX";
	uint8_t block[BTT_INFO_SIZE], group[BTT_LOG_GROUP_SIZE];
	struct btt_log_entry ent[BTT_LOG_SLOTS];
	int fd = mkstemp(path), i;

	if (fd < 0 || ftruncate(fd, NS_SIZE))
		abort();
	unlink(path);
	geometry(in, NS_SIZE - start, start);
	btt_info_build(in, block);
	pwrite_all(fd, block, sizeof(block), start);
	pwrite_all(fd, block, sizeof(block), start + in->info2off);
	for (i = 0; i < NFREE; i++) {
		memset(ent, 0, sizeof(ent));
		ent[0] = (struct btt_log_entry){ i, in->external_nlba + i,
						 in->external_nlba + i, 1 };
		if (old_layout) {
			/*
			 * Lane i wrote sector i: its old block went free,
			 * the lane's free block now holds sector i.
			 */
			ent[2] = (struct btt_log_entry){ i, i,
							 in->external_nlba + i,
							 2 };
			uint8_t m[4] = { 0 };
			uint32_t e = (in->external_nlba + i) | BTT_MAP_FLAGS;

			m[0] = e & 0xff;
			m[1] = e >> 8 & 0xff;
			m[2] = e >> 16 & 0xff;
			m[3] = e >> 24;
			pwrite_all(fd, m, 4, start + in->mapoff + i * 4);
		}
		btt_log_group_build(group, ent);
		pwrite_all(fd, group, sizeof(group),
			   start + in->logoff + i * BTT_LOG_GROUP_SIZE);
	}
	return fd;
}

static int check(int fd, bool repair, bool rewrite, int *problems)
{
	struct btt_check c = { .fd = fd,
			       .size = NS_SIZE,
			       .parent_uuid = ns_uuid,
			       .name = "image",
			       .repair = repair,
			       .rewrite_log = rewrite };
	int rc = btt_check_run(&c);

	*problems = c.problems;
	return rc;
}

static void test_info(void)
{
	uint8_t block[BTT_INFO_SIZE], other[16] = { 1 };
	struct btt_info in, out;

	geometry(&in, NS_SIZE - BTT1_START, BTT1_START);
	btt_info_build(&in, block);
	tap_ok(!memcmp(block, "BTT_ARENA_INFO\0\0", 16),
	       "info: the signature is NUL-padded to 16 bytes");
	tap_ok(btt_info_parse(block, ns_uuid, &out) == BTT_INFO_OK &&
		       out.info2off == in.info2off &&
		       out.internal_nlba == in.internal_nlba,
	       "info: built and parsed back");
	tap_ok(!btt_info_geometry_error(&out, NS_SIZE - BTT1_START),
	       "info: the kernel's geometry holds together");
	tap_ok(btt_info_parse(block, other, &out) == BTT_INFO_OTHER_PARENT,
	       "info: another namespace's parent uuid is refused");
	memset(in.parent_uuid, 0, 16);
	btt_info_build(&in, block);
	tap_ok(btt_info_parse(block, other, &out) == BTT_INFO_OK,
	       "info: a null parent uuid fits any namespace");
	block[100] ^= 1;
	tap_ok(btt_info_parse(block, NULL, &out) == BTT_INFO_BAD_CHECKSUM,
	       "info: one flipped bit fails the checksum");
	memset(block, 0, 16);
	tap_ok(btt_info_parse(block, NULL, &out) == BTT_INFO_NO_SIGNATURE,
	       "info: a zeroed block has no signature");
	in.mapoff = in.dataoff;
	tap_ok(btt_info_geometry_error(&in, NS_SIZE) != NULL,
	       "info: areas out of order are caught");
	geometry(&in, NS_SIZE - BTT1_START, BTT1_START);
	tap_ok(btt_info_geometry_error(&in, NS_SIZE / 2) != NULL,
	       "info: an arena larger than its room is caught");
	tap_ok(btt_info2_guess(BTT1_START, NS_SIZE) ==
			       BTT1_START + in.info2off &&
		       btt_info2_guess(0, NS_SIZE) == NS_SIZE - 4096,
	       "info: the backup is found where the kernel puts it");
	tap_ok(btt_version_start(&in) == BTT1_START,
	       "info: version 1.1 starts at 4K");
}

static void test_log(void)
{
	struct btt_log_entry a = { .seq = 1 }, b = { .seq = 0 };
	static const uint32_t order[][3] = {
		/* seq a, seq b, newest */
		{ 1, 0, 0 }, { 0, 1, 1 }, { 1, 2, 1 }, { 2, 3, 1 },
		{ 3, 1, 1 }, { 2, 1, 0 }, { 1, 3, 0 }, { 3, 2, 0 },
	};
	uint8_t log[3 * BTT_LOG_GROUP_SIZE] = { 0 };
	struct btt_log_entry ent[BTT_LOG_SLOTS];
	bool all = true;
	uint32_t lane;
	int idx[2];
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		a.seq = order[i][0];
		b.seq = order[i][1];
		all &= btt_log_newest(&a, &b) == (int)order[i][2];
	}
	tap_ok(all, "flog: sequence numbers 1, 2, 3 wrap to 1");
	a.seq = b.seq = 2;
	tap_ok(btt_log_newest(&a, &b) == -EINVAL, "flog: equal sequences");
	a.seq = 4;
	tap_ok(btt_log_newest(&a, &b) == -EINVAL, "flog: sequence 4");

	for (i = 0; i < 3; i++) {
		memset(ent, 0, sizeof(ent));
		ent[0] = (struct btt_log_entry){ i, 10 + i, 10 + i, 1 };
		btt_log_group_build(log + i * BTT_LOG_GROUP_SIZE, ent);
	}
	tap_ok(!btt_log_indices(log, 3, idx, &lane) && idx[0] == 0 &&
		       idx[1] == 1,
	       "flog: never written: slots (0, 1)");
	ent[2] = (struct btt_log_entry){ 2, 12, 5, 2 };
	btt_log_group_build(log + 2 * BTT_LOG_GROUP_SIZE, ent);
	tap_ok(!btt_log_indices(log, 3, idx, &lane) && idx[1] == 2,
	       "flog: an entry in slot 2: the old layout (0, 2)");
	ent[2] = (struct btt_log_entry){ 0 };
	ent[1] = (struct btt_log_entry){ 2, 12, 5, 2 };
	btt_log_group_build(log, ent);
	ent[1] = (struct btt_log_entry){ 0 };
	ent[2] = (struct btt_log_entry){ 2, 12, 5, 2 };
	btt_log_group_build(log + 2 * BTT_LOG_GROUP_SIZE, ent);
	tap_ok(btt_log_indices(log, 3, idx, &lane) == -EINVAL && lane == 2,
	       "flog: lanes in different layouts are refused");
}

static void test_bitmap(void)
{
	struct btt_bitmap bm;
	uint32_t i;
	bool ok = true;

	btt_bitmap_init(&bm, 130);
	for (i = 0; i < 130; i++)
		if (i != 77)
			ok &= btt_bitmap_take(&bm, i);
	tap_ok(ok && btt_bitmap_first_free(&bm) == 77,
	       "bitmap: the one block not taken is found");
	tap_ok(!btt_bitmap_take(&bm, 5) && !btt_bitmap_take(&bm, 130),
	       "bitmap: twice, or out of range, is refused");
	btt_bitmap_take(&bm, 77);
	tap_ok(btt_bitmap_first_free(&bm) == 130, "bitmap: full");
	btt_bitmap_free(&bm);
}

static void test_engine(int start)
{
	uint8_t zero[8192] = { 0 }, block[BTT_INFO_SIZE], scribble[4096];
	struct btt_info in;
	int fd, problems, rc, idx[2];
	uint8_t log[NFREE * BTT_LOG_GROUP_SIZE];
	uint32_t lane, i;

	fd = make_image(start, false, &in);
	rc = check(fd, false, false, &problems);
	tap_ok(rc == 0 && !problems, "BTT at %d: a fresh arena is clean",
	       start);

	pwrite_all(fd, zero, 4096, NS_SIZE - 4096);
	rc = check(fd, false, false, &problems);
	tap_ok(rc == 1 && problems == 1,
	       "BTT at %d: info2 wiped: one problem (rc %d, %d)", start, rc,
	       problems);
	pread_all(fd, block, sizeof(block), NS_SIZE - 4096);
	tap_ok(!memcmp(block, zero, 4096),
	       "BTT at %d: without --repair nothing is written", start);
	rc = check(fd, true, false, &problems);
	tap_ok(rc == 0 && !problems && !check(fd, false, false, &problems),
	       "BTT at %d: --repair restores info2", start);

	pwrite_all(fd, zero, 8192, 0);
	rc = check(fd, false, false, &problems);
	tap_ok(rc == 1 && problems == 1,
	       "BTT at %d: first 8K wiped: the info block needs restoring",
	       start);
	rc = check(fd, true, false, &problems);
	tap_ok(rc == 0 && !check(fd, false, false, &problems),
	       "BTT at %d: --repair restores the info block from info2", start);

	/* btt-check.sh's scribble: every entry of a map page one block. */
	for (i = 0; i < sizeof(scribble); i += 4)
		memcpy(scribble + i, "\x1e\x00\x00\xc0", 4);
	pwrite_all(fd, scribble, sizeof(scribble), start + in.mapoff);
	rc = check(fd, true, false, &problems);
	tap_ok(rc == 1 && problems == 1,
	       "BTT at %d: duplicate map entries: a bitmap error, not "
	       "repaired",
	       start);
	close(fd);

	fd = make_image(start, true, &in);
	rc = check(fd, false, false, &problems);
	tap_ok(rc == 0, "BTT at %d: the old flog layout checks clean", start);
	tap_ok(check(fd, false, true, &problems) == 1,
	       "BTT at %d: --rewrite-log without --repair writes nothing",
	       start);
	rc = check(fd, true, true, &problems);
	pread_all(fd, log, sizeof(log), start + in.logoff);
	tap_ok(rc == 0 && !btt_log_indices(log, NFREE, idx, &lane) &&
		       idx[1] == 1 && !check(fd, false, false, &problems),
	       "BTT at %d: --rewrite-log converts to slots (0, 1)", start);
	close(fd);
}

int main(void)
{
	test_info();
	test_log();
	test_bitmap();
	test_engine(BTT1_START);
	test_engine(BTT2_START);
	return tap_done();
}
