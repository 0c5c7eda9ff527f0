// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: the label-area parser on any bytes, as a DIMM's
 * label storage could hold them.  Whatever it calls valid must describe
 * labels that lie inside the area.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <format/label-format.h>

static void touch(const struct label_entry *e, void *arg)
{
	*(uint64_t *)arg += e->dpa + e->rawsize + (uint64_t)e->name[0];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct label_index idx[2];
	uint64_t sink = 0;
	uint8_t *area;
	int cur;

	if (len > (1u << 20))
		return 0;
	/* An exact-size copy, so any read past the end is caught. */
	area = malloc(len ? len : 1);
	if (!area)
		return 0;
	memcpy(area, data, len);
	label_read_index(area, (uint32_t)len, 0, &idx[0]);
	label_read_index(area, (uint32_t)len, 1, &idx[1]);
	cur = label_current_index(idx);
	if (cur >= 0) {
		if (idx[cur].labeloff +
			    (uint64_t)idx[cur].nslot * idx[cur].labelsize >
		    len)
			abort();
		label_foreach(area, &idx[cur], touch, &sink);
	}
	free(area);
	return 0;
}
