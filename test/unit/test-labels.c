// SPDX-License-Identifier: GPL-2.0
/*
 * The label-area parser against areas that lie: short, with offsets that
 * point elsewhere, with sizes that run past the end.  Run under ASan
 * (the sanitize build) an out-of-bounds read fails the test outright;
 * without it, the verdicts below still have to be right.
 */
#include <endian.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <format/label-format.h>
#include "tap.h"

#define CONFIG_SIZE (128 * 1024)

/* Offsets in the index header (UEFI 2.7 namespace index). */
#define OFF_SEQ 20
#define OFF_MYOFF 24
#define OFF_MYSIZE 32
#define OFF_LABELOFF 48
#define OFF_NSLOT 56
#define OFF_CHECKSUM 64

static void put64(uint8_t *p, uint64_t v)
{
	v = htole64(v);
	memcpy(p, &v, sizeof(v));
}

static void put32(uint8_t *p, uint32_t v)
{
	v = htole32(v);
	memcpy(p, &v, sizeof(v));
}

/* Recompute a block's checksum, as a careful forger would. */
static void reseal(uint8_t *block, uint32_t size)
{
	put64(block + OFF_CHECKSUM, 0);
	put64(block + OFF_CHECKSUM, label_fletcher64(block, size));
}

/* A fresh area exactly as init-labels writes it. */
static uint8_t *fresh(struct label_geometry *g)
{
	uint8_t *area = malloc(CONFIG_SIZE);

	label_geometry(CONFIG_SIZE, "1.2", g);
	label_init_area(area, g);
	return area;
}

static void count_label(const struct label_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
}

int main(void)
{
	struct label_geometry g;
	struct label_index idx[2];
	uint8_t *area, *shortbuf;
	int seen = 0;

	area = fresh(&g);
	label_read_index(area, CONFIG_SIZE, 0, &idx[0]);
	label_read_index(area, CONFIG_SIZE, 1, &idx[1]);
	tap_ok(idx[0].valid && idx[1].valid, "a fresh area has two valid "
					     "index blocks");
	tap_ok(label_current_index(idx) == 0, "index 0 (seq 3) is current");
	tap_ok(idx[0].nfree == g.nslot &&
		       label_foreach(area, &idx[0], count_label, &seen) == 0 &&
		       !seen,
	       "every one of %u slots is free", g.nslot);

	/*
	 * Index 1 is found at index 0's mysize but says it lives at offset
	 * 0: the kernel rejects a block whose myoff is not where it is,
	 * and so must we, or the free bitmap is read from the other block.
	 */
	put64(area + g.index_size + OFF_MYOFF, 0);
	reseal(area + g.index_size, g.index_size);
	label_read_index(area, CONFIG_SIZE, 1, &idx[1]);
	tap_ok(!idx[1].valid, "index 1 whose myoff points at index 0 is "
			      "invalid");

	/* Index 1 claims a block larger than what is left of the area. */
	free(area);
	area = fresh(&g);
	put64(area + g.index_size + OFF_MYSIZE, CONFIG_SIZE - 256);
	label_read_index(area, CONFIG_SIZE, 1, &idx[1]);
	tap_ok(!idx[1].valid, "index 1 with mysize past the end is invalid");

	/* Labels that would run past the end through a wrapping offset. */
	free(area);
	area = fresh(&g);
	put64(area + OFF_LABELOFF, UINT64_MAX - 4095);
	reseal(area, g.index_size);
	label_read_index(area, CONFIG_SIZE, 0, &idx[0]);
	tap_ok(!idx[0].valid, "a label offset that wraps is invalid");

	/* More slots than the bitmap in the block can describe. */
	free(area);
	area = fresh(&g);
	put32(area + OFF_NSLOT, 0xffffffffu);
	reseal(area, g.index_size);
	label_read_index(area, CONFIG_SIZE, 0, &idx[0]);
	tap_ok(!idx[0].valid, "nslot beyond the block's bitmap is invalid");

	/* Index 0 sized so that index 1's header would cross the end. */
	free(area);
	area = fresh(&g);
	put64(area + OFF_MYSIZE, CONFIG_SIZE / 2);
	label_read_index(area, CONFIG_SIZE / 2 + 40, 1, &idx[1]);
	tap_ok(!idx[1].valid, "an index 1 header past the end is not read");

	/* Areas shorter than one index header. */
	shortbuf = malloc(40);
	memcpy(shortbuf, area, 40);
	label_read_index(shortbuf, 40, 0, &idx[0]);
	label_read_index(shortbuf, 40, 1, &idx[1]);
	tap_ok(!idx[0].valid && !idx[1].valid,
	       "a 40-byte area has no index block");
	free(shortbuf);
	free(area);
	return tap_done();
}
