// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi-table.h"

/* 66f0d379-b4f3-4074-ac43-0d3318b78cdb, with the first three fields LE. */
const uint8_t nfit_guid_pmem[16] = {
	0x79, 0xd3, 0xf0, 0x66, 0xf3, 0xb4, 0x74, 0x40,
	0xac, 0x43, 0x0d, 0x33, 0x18, 0xb7, 0x8c, 0xdb,
};

uint64_t acpi_get(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

void acpi_put(uint8_t *p, int bytes, uint64_t v)
{
	int i;

	for (i = 0; i < bytes; i++, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint8_t sum(const uint8_t *t, size_t len)
{
	uint8_t s = 0;

	while (len--)
		s += *t++;
	return s;
}

void acpi_seal(uint8_t *t, size_t len)
{
	acpi_put(t + ACPI_LENGTH, 4, len);
	t[ACPI_CHECKSUM] = 0;
	t[ACPI_CHECKSUM] = (uint8_t)-sum(t, len);
}

const char *acpi_check(const uint8_t *t, size_t size, const char *sig,
		       size_t *len)
{
	static char why[96];

	if (size < ACPI_HEADER_LEN || memcmp(t + ACPI_SIGNATURE, sig, 4)) {
		snprintf(why, sizeof(why), "not an ACPI %s table", sig);
		return why;
	}
	*len = acpi_get(t + ACPI_LENGTH, 4);
	if (*len < ACPI_HEADER_LEN || *len > size) {
		snprintf(why, sizeof(why),
			 "its length field says %zu bytes, the file has %zu",
			 *len, size);
		return why;
	}
	if (sum(t, *len))
		return "its checksum does not match its bytes";
	return NULL;
}

int acpi_subtables(const uint8_t *t, size_t len, size_t first, int width,
		   struct acpi_sub *subs, int max)
{
	size_t off = first, sublen;
	int n = 0;

	while (off < len) {
		if (len - off < 2 * (size_t)width)
			return -1;
		sublen = acpi_get(t + off + width, width);
		if (!sublen || sublen > len - off)
			return -1;
		if (n < max)
			subs[n] = (struct acpi_sub){
				.off = off,
				.len = sublen,
				.type = (unsigned int)acpi_get(t + off, width),
			};
		n++;
		off += sublen;
	}
	return n;
}

size_t nfit_build(const struct nfit_range *r, int n, uint8_t **buf)
{
	size_t len = NFIT_HEADER_LEN + (size_t)n * NFIT_SPA_LEN;
	uint8_t *t = calloc(1, len), *spa;
	int i;

	*buf = t;
	if (!t)
		return 0;
	memcpy(t + ACPI_SIGNATURE, "NFIT", 4);
	t[ACPI_REVISION] = 1;
	/* Upstream's bytes: "LOCAL" and its NUL, table id 1. */
	memcpy(t + ACPI_OEM_ID, "LOCAL", 6);
	acpi_put(t + ACPI_OEM_TABLE_ID, 8, 1);
	acpi_put(t + ACPI_OEM_REVISION, 4, 1);
	acpi_put(t + ACPI_CREATOR_ID, 4, 0x80860000);
	acpi_put(t + ACPI_CREATOR_REVISION, 4, 1);
	for (i = 0; i < n; i++) {
		spa = t + NFIT_HEADER_LEN + (size_t)i * NFIT_SPA_LEN;
		acpi_put(spa, 2, NFIT_TYPE_SPA);
		acpi_put(spa + 2, 2, NFIT_SPA_LEN);
		acpi_put(spa + NFIT_SPA_RANGE_INDEX, 2, (uint64_t)i + 1);
		memcpy(spa + NFIT_SPA_TYPE_GUID, nfit_guid_pmem, 16);
		acpi_put(spa + NFIT_SPA_BASE, 8, r[i].base);
		acpi_put(spa + NFIT_SPA_LENGTH, 8, r[i].size);
	}
	acpi_seal(t, len);
	return len;
}
