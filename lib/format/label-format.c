// SPDX-License-Identifier: GPL-2.0
/*
 * Label storage area layout, as drivers/nvdimm/label.c reads and writes
 * it (Linux 6.1): index block = 72-byte header + free bitmap, aligned to
 * 256 bytes; two of them at offset 0 and index_size; label slots after
 * both.  Integers are little-endian; the checksum is Fletcher-64 over the
 * index block with the checksum field zero.
 */
#include <endian.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "label-format.h"

#define INDEX_ALIGN 256
#define INDEX_HEADER 72

/* Offsets in the index header. */
#define OFF_SIG 0
#define OFF_LABELSIZE 19
#define OFF_SEQ 20
#define OFF_MYOFF 24
#define OFF_MYSIZE 32
#define OFF_OTHEROFF 40
#define OFF_LABELOFF 48
#define OFF_NSLOT 56
#define OFF_MAJOR 60
#define OFF_MINOR 62
#define OFF_CHECKSUM 64
#define OFF_FREE 72

static uint32_t align_up(uint32_t x, uint32_t a)
{
	return (x + a - 1) / a * a;
}

static uint16_t get16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return le16toh(v);
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return le32toh(v);
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return le64toh(v);
}

static void put16(uint8_t *p, uint16_t v)
{
	v = htole16(v);
	memcpy(p, &v, sizeof(v));
}

static void put32(uint8_t *p, uint32_t v)
{
	v = htole32(v);
	memcpy(p, &v, sizeof(v));
}

static void put64(uint8_t *p, uint64_t v)
{
	v = htole64(v);
	memcpy(p, &v, sizeof(v));
}

uint64_t label_fletcher64(const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint32_t lo = 0;
	uint64_t hi = 0;
	size_t i;

	for (i = 0; i + 4 <= len; i += 4) {
		lo += get32(p + i);
		hi += lo;
	}
	return hi << 32 | lo;
}

static uint32_t index_size_for(uint32_t nslot)
{
	return align_up(INDEX_HEADER + (nslot + 7) / 8, INDEX_ALIGN);
}

int label_geometry(uint32_t config_size, const char *version,
		   struct label_geometry *g)
{
	uint32_t n;

	if (!strcmp(version, "1.1"))
		g->label_size = 128;
	else if (!strcmp(version, "1.2"))
		g->label_size = 256;
	else
		return -EINVAL;
	g->config_size = config_size;
	/* nvdimm_num_label_slots(): size the index for the most slots. */
	n = index_size_for(config_size / g->label_size) / INDEX_ALIGN;
	if (config_size < 2 * n * INDEX_ALIGN + 2 * g->label_size)
		return -EINVAL;
	g->nslot = (config_size - 2 * n * INDEX_ALIGN) / g->label_size;
	g->index_size = index_size_for(g->nslot);
	if (2 * g->index_size + g->nslot * g->label_size > config_size)
		return -EINVAL;
	return 0;
}

static void write_index(uint8_t *area, const struct label_geometry *g, int i,
			uint32_t seq)
{
	uint8_t *b = area + i * g->index_size;
	uint32_t nfree = align_up(g->nslot, 64), s;

	memset(b, 0, g->index_size);
	memcpy(b + OFF_SIG, LABEL_INDEX_SIG, sizeof(LABEL_INDEX_SIG));
	b[OFF_LABELSIZE] = (uint8_t)(g->label_size >> 8);
	put32(b + OFF_SEQ, seq);
	put64(b + OFF_MYOFF, (uint64_t)i * g->index_size);
	put64(b + OFF_MYSIZE, g->index_size);
	put64(b + OFF_OTHEROFF, (uint64_t)(1 - i) * g->index_size);
	put64(b + OFF_LABELOFF, 2ULL * g->index_size);
	put32(b + OFF_NSLOT, g->nslot);
	put16(b + OFF_MAJOR, 1);
	put16(b + OFF_MINOR, g->label_size < 256 ? 1 : 2);
	/* A set bit is a free slot; bits past nslot stay clear. */
	memset(b + OFF_FREE, 0xff, nfree / 8);
	for (s = g->nslot; s < nfree; s++)
		b[OFF_FREE + s / 8] &= (uint8_t) ~(1u << (s % 8));
	put64(b + OFF_CHECKSUM, label_fletcher64(b, g->index_size));
}

void label_init_area(void *area, const struct label_geometry *g)
{
	memset(area, 0, g->config_size);
	write_index(area, g, 0, 3);
	write_index(area, g, 1, 2);
}

/*
 * Whether an index block's own fields describe an area that lies wholly
 * inside config_size, at the offset it was found: the kernel's
 * nd_label_validate() rejects a block whose myoff is not where it sits,
 * and so must we, or the free bitmap is taken from the other block.
 */
static bool index_in_bounds(const struct label_index *idx, uint64_t off,
			    uint32_t config_size)
{
	if (idx->myoff != off || idx->mysize < INDEX_HEADER ||
	    idx->mysize > config_size - off)
		return false;
	if (idx->mysize < INDEX_HEADER + ((uint64_t)idx->nslot + 7) / 8)
		return false;
	if (idx->labelsize != 128 && idx->labelsize != 256)
		return false;
	return idx->labeloff <= config_size &&
	       (uint64_t)idx->nslot * idx->labelsize <=
		       config_size - idx->labeloff;
}

void label_read_index(const void *area, uint32_t config_size, int i,
		      struct label_index *idx)
{
	const uint8_t *base = area;
	uint64_t off = 0, sum;
	const uint8_t *b;
	uint8_t *copy;
	uint32_t s;

	*idx = (struct label_index){ 0 };
	if (config_size < INDEX_HEADER)
		return;
	/*
	 * Index 1 sits right after index 0, whose size it does not know.
	 * Reading its header needs INDEX_HEADER bytes past that size.
	 */
	if (i == 1) {
		off = get64(base + OFF_MYSIZE);
		if (off < INDEX_HEADER || off > config_size - INDEX_HEADER)
			return;
	}
	b = base + off;
	if (memcmp(b + OFF_SIG, LABEL_INDEX_SIG, sizeof(LABEL_INDEX_SIG)))
		return;
	idx->seq = get32(b + OFF_SEQ);
	idx->myoff = get64(b + OFF_MYOFF);
	idx->mysize = get64(b + OFF_MYSIZE);
	idx->otheroff = get64(b + OFF_OTHEROFF);
	idx->labeloff = get64(b + OFF_LABELOFF);
	idx->nslot = get32(b + OFF_NSLOT);
	idx->major = get16(b + OFF_MAJOR);
	idx->minor = get16(b + OFF_MINOR);
	idx->labelsize = (uint32_t)b[OFF_LABELSIZE] << 8;
	if (!idx->labelsize)
		idx->labelsize = 128;
	idx->checksum = get64(b + OFF_CHECKSUM);
	if (!index_in_bounds(idx, off, config_size))
		return;
	/* The checksum covers the block with its own field zeroed. */
	copy = malloc(idx->mysize);
	if (!copy)
		return;
	memcpy(copy, b, idx->mysize);
	put64(copy + OFF_CHECKSUM, 0);
	sum = label_fletcher64(copy, idx->mysize);
	free(copy);
	if (sum != idx->checksum || idx->seq == 0 || idx->seq > 3)
		return;
	for (s = 0; s < idx->nslot; s++)
		if (b[OFF_FREE + s / 8] & (1u << (s % 8)))
			idx->nfree++;
	idx->valid = true;
}

int label_current_index(const struct label_index idx[2])
{
	if (idx[0].valid && idx[1].valid) {
		/* Sequence numbers cycle 1 -> 2 -> 3 -> 1. */
		uint32_t next0 = idx[0].seq % 3 + 1;

		return next0 == idx[1].seq ? 1 : 0;
	}
	if (idx[0].valid)
		return 0;
	return idx[1].valid ? 1 : -1;
}

int label_foreach(const void *area, const struct label_index *cur,
		  void (*fn)(const struct label_entry *e, void *arg), void *arg)
{
	const uint8_t *base = area;
	const uint8_t *b = base + cur->myoff;
	uint32_t s;
	int n = 0;

	for (s = 0; s < cur->nslot; s++) {
		const uint8_t *l =
			base + cur->labeloff + (uint64_t)s * cur->labelsize;
		struct label_entry e = { .slot = s };

		if (b[OFF_FREE + s / 8] & (1u << (s % 8)))
			continue;
		memcpy(e.uuid, l, 16);
		memcpy(e.name, l + 16, 64);
		e.name[64] = '\0';
		e.flags = get32(l + 80);
		e.nlabel = get16(l + 84);
		e.position = get16(l + 86);
		e.isetcookie = get64(l + 88);
		e.lbasize = get64(l + 96);
		e.dpa = get64(l + 104);
		e.rawsize = get64(l + 112);
		fn(&e, arg);
		n++;
	}
	return n;
}
