// SPDX-License-Identifier: GPL-2.0
/*
 * Layouts as ACPI 6.2 gives them for the root device _DSM functions
 * 5 (Translate SPA) and 7-9 (ARS error inject, clear, status), which
 * the kernel's nfit_test emulates the same way.
 */
#include <errno.h>
#include <string.h>

#include "bytes.h"
#include "nfit-bus.h"

/* Error injection options: bit 0, notify the OS as a real error would. */
#define INJECT_OPT_NOTIFY 1
/* Translate SPA status 2: the address is not in any DIMM's range. */
#define XLAT_INVALID_SPA 2

static int inject_status(uint32_t status)
{
	switch (status & 0xffff) {
	case 0:
		return 0;
	case 1:
		return -EOPNOTSUPP;
	case 2:
		return -EINVAL;
	}
	return -EIO;
}

void nd_inject_set_encode(uint8_t *buf, uint64_t base, uint64_t length,
			  bool notify)
{
	memset(buf, 0, ND_INJECT_SET_IN + ND_INJECT_SET_OUT);
	put_le64(buf, base);
	put_le64(buf + 8, length);
	buf[16] = notify ? INJECT_OPT_NOTIFY : 0;
}

int nd_inject_set_decode(const uint8_t *buf, size_t len, uint32_t *status)
{
	if (len < ND_INJECT_SET_IN + ND_INJECT_SET_OUT)
		return -EMSGSIZE;
	*status = get_le32(buf + ND_INJECT_SET_IN);
	return inject_status(*status);
}

void nd_inject_clear_encode(uint8_t *buf, uint64_t base, uint64_t length)
{
	memset(buf, 0, ND_INJECT_CLEAR_IN + ND_INJECT_CLEAR_OUT);
	put_le64(buf, base);
	put_le64(buf + 8, length);
}

int nd_inject_clear_decode(const uint8_t *buf, size_t len, uint32_t *status)
{
	if (len < ND_INJECT_CLEAR_IN + ND_INJECT_CLEAR_OUT)
		return -EMSGSIZE;
	*status = get_le32(buf + ND_INJECT_CLEAR_IN);
	return inject_status(*status);
}

void nd_inject_get_encode(uint8_t *buf, uint32_t out)
{
	memset(buf, 0, out);
}

int nd_inject_get_decode(const uint8_t *buf, size_t len,
			 struct nd_inject_list *list)
{
	memset(list, 0, sizeof(*list));
	if (len < ND_INJECT_GET_HDR)
		return -EMSGSIZE;
	list->status = get_le32(buf);
	list->count = get_le32(buf + 4);
	if (list->status & 0xffff)
		return inject_status(list->status);
	if (list->count > (len - ND_INJECT_GET_HDR) / ND_INJECT_GET_RECORD)
		return -EBADMSG;
	list->records = buf + ND_INJECT_GET_HDR;
	return 0;
}

void nd_inject_get_record(const struct nd_inject_list *list, uint32_t i,
			  uint64_t *base, uint64_t *length)
{
	const uint8_t *r = list->records + (size_t)i * ND_INJECT_GET_RECORD;

	*base = get_le64(r);
	*length = get_le64(r + 8);
}

/* Insert run into the sorted runs[0..n), merging what it touches. */
static uint32_t add_run(struct nd_block_run *runs, uint32_t n, uint32_t max,
			struct nd_block_run run)
{
	uint32_t i = 0, j;

	while (i < n && runs[i].block + runs[i].count < run.block)
		i++;
	/* Swallow every run that overlaps or adjoins the new one. */
	j = i;
	while (j < n && runs[j].block <= run.block + run.count) {
		uint64_t end = run.block + run.count;
		uint64_t jend = runs[j].block + runs[j].count;

		if (runs[j].block < run.block)
			run.block = runs[j].block;
		run.count = (end > jend ? end : jend) - run.block;
		j++;
	}
	if (j == i) {
		/* Nothing merged: make room, or say it did not fit. */
		if (n >= max)
			return max + 1;
		memmove(&runs[i + 1], &runs[i], (n - i) * sizeof(*runs));
		runs[i] = run;
		return n + 1;
	}
	runs[i] = run;
	memmove(&runs[i + 1], &runs[j], (n - j) * sizeof(*runs));
	return n - (j - i - 1);
}

uint32_t nd_inject_list_to_runs(const struct nd_inject_list *list,
				uint64_t start, uint64_t size,
				struct nd_block_run *runs, uint32_t max)
{
	uint32_t i, j, n = 0, dropped = 0;

	for (i = 0; i < list->count; i++) {
		uint64_t base, length, off;
		struct nd_block_run run;

		nd_inject_get_record(list, i, &base, &length);
		if (base < start || base - start >= size || !length)
			continue;
		off = base - start;
		run.block = off / 512;
		/* Round the end up to a whole block, without overflow. */
		run.count = (off % 512 + (length - 1)) / 512 + 1;
		j = add_run(runs, n, max, run);
		if (j > max)
			dropped++;
		else
			n = j;
	}
	return n + dropped;
}

uint32_t nd_translate_spa_size(uint32_t ndimms)
{
	return ND_TRANSLATE_SPA_IN + ND_TRANSLATE_SPA_HDR +
	       ndimms * ND_TRANSLATE_SPA_DEVICE;
}

void nd_translate_spa_encode(uint8_t *buf, uint64_t spa, uint32_t ndimms)
{
	uint32_t size = nd_translate_spa_size(ndimms);

	memset(buf, 0, size);
	put_le64(buf, spa);
	/*
	 * The output's length field, preset: nfit_test reads it back as the
	 * room the caller has (the firmware overwrites it).
	 */
	put_le64(buf + 16, size - ND_TRANSLATE_SPA_IN);
}

int nd_translate_spa_decode(const uint8_t *buf, size_t len, uint32_t *status,
			    struct nd_spa_device *dev)
{
	uint32_t n;

	if (len < ND_TRANSLATE_SPA_IN + ND_TRANSLATE_SPA_HDR)
		return -EMSGSIZE;
	*status = get_le32(buf + 8);
	if ((*status & 0xffff) == XLAT_INVALID_SPA)
		return -ENXIO;
	if (*status & 0xffff)
		return -EIO;
	n = get_le32(buf + 24);
	if (!n)
		return -ENXIO;
	if (len < nd_translate_spa_size(1))
		return -EBADMSG;
	dev->handle = get_le32(buf + 28);
	dev->dpa = get_le64(buf + 36);
	return 0;
}
