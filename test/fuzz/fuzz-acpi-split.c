// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: daxctl split-acpi's table edits on any SRAT, SLIT
 * and NFIT.  The input is two control bytes (the domain to split and
 * the power of two of parts), the SRAT's and the SLIT's lengths (u16
 * each), then the three tables back to back.  Each table gets its
 * signature, length and checksum put right first, as acpi_check() would
 * have passed it in daxctl, so the fuzzer spends its time on the
 * entries.  Every edit that succeeds must be a table acpi_check() takes,
 * whose entries parse, and no longer than promised.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <format/acpi-split.h>
#include <format/acpi-table.h>

/* A copy of len bytes of data as a sealed sig table, or NULL. */
static uint8_t *table(const uint8_t *data, size_t len, const char *sig)
{
	uint8_t *t;

	if (len < ACPI_HEADER_LEN)
		return NULL;
	t = malloc(len);
	if (!t)
		return NULL;
	memcpy(t, data, len);
	memcpy(t + ACPI_SIGNATURE, sig, 4);
	acpi_seal(t, len);
	return t;
}

/* An edit that succeeded is a whole table of its kind. */
static void check_edit(const struct acpi_edit *e, const char *sig, size_t first,
		       int width)
{
	size_t len;

	if (!e->table || acpi_check(e->table, e->len, sig, &len) ||
	    len != e->len)
		abort();
	if (first && acpi_subtables(e->table, len, first, width, NULL, 0) <= 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct acpi_split s = { 0 };
	struct acpi_edit e = { 0 };
	size_t srat_len, slit_len;
	uint8_t *srat, *slit, *nfit;

	if (size < 6)
		return 0;
	s.pxm = data[0] & 0x7;
	s.nodes = 2 << (data[1] & 0x3);
	srat_len = data[2] | (size_t)data[3] << 8;
	slit_len = data[4] | (size_t)data[5] << 8;
	data += 6, size -= 6;
	if (srat_len > size)
		srat_len = size;
	if (slit_len > size - srat_len)
		slit_len = size - srat_len;
	srat = table(data, srat_len, "SRAT");
	slit = table(data + srat_len, slit_len, "SLIT");
	nfit = table(data + srat_len + slit_len, size - srat_len - slit_len,
		     "NFIT");
	if (srat && !acpi_split_srat(srat, srat_len, &s, &e)) {
		check_edit(&e, "SRAT", SRAT_HEADER_LEN, 1);
		free(e.table);
		if (slit && !acpi_split_slit(slit, slit_len, &s, &e)) {
			check_edit(&e, "SLIT", 0, 0);
			free(e.table);
		}
		if (nfit && !acpi_split_nfit(nfit, size - srat_len - slit_len,
					     &s, &e)) {
			check_edit(&e, "NFIT", NFIT_HEADER_LEN, 2);
			free(e.table);
		}
	}
	/* What fails leaves nothing behind. */
	if (e.table && e.len == 0)
		abort();
	free(srat);
	free(slit);
	free(nfit);
	return 0;
}
