// SPDX-License-Identifier: GPL-2.0
/*
 * Regression cases the acpi-split fuzz harness found in daxctl
 * split-acpi's table edits, each made from the SRAT and NFIT QEMU gave a
 * real guest (test/sysfs/fixtures/acpi-numa) with one entry changed:
 * a domain's memory entry too short (its length was read after the
 * entry list was freed), a domain numbered INT_MAX (the new domains'
 * numbers overflowed), and a persistent memory range entry longer than
 * 56 bytes (its copies kept the longer length, so the new NFIT's
 * entries ran into one another).
 * Usage: test-acpi-split TABLES_DIR
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <format/acpi-split.h>
#include <format/acpi-table.h>
#include "tap.h"

static uint8_t *slurp(const char *dir, const char *name, size_t *len,
		      size_t room)
{
	char path[4096];
	uint8_t *buf = calloc(1, 65536 + room);
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f || !buf) {
		fprintf(stderr, "%s: cannot read\n", path);
		exit(1);
	}
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

/* The offset of the first subtable of type whose domain is pxm, or 0. */
static size_t find(const uint8_t *t, size_t len, size_t first, int width,
		   unsigned int type, size_t pxm_at, int pxm)
{
	struct acpi_sub subs[64];
	int n = acpi_subtables(t, len, first, width, subs, 64), i;

	for (i = 0; i < n && i < 64; i++)
		if (subs[i].type == type &&
		    (int)acpi_get(t + subs[i].off + pxm_at, 4) == pxm)
			return subs[i].off;
	return 0;
}

int main(int argc, char **argv)
{
	struct acpi_split s = { .pxm = 1, .nodes = 2 };
	struct acpi_edit e = { 0 };
	struct acpi_sub subs[64];
	size_t len, nlen, at, check_len;
	uint8_t *srat, *nfit;
	int rc, n, i, short_spa = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: test-acpi-split TABLES_DIR\n");
		return 2;
	}

	/* 1: domain 1's memory entry cut to 16 bytes. */
	srat = slurp(argv[1], "srat.dat", &len, 0);
	at = find(srat, len, SRAT_HEADER_LEN, 1, SRAT_TYPE_MEMORY,
		  SRAT_MEM_PROXIMITY, 1);
	tap_ok(at != 0, "the captured SRAT has domain 1's memory entry");
	memmove(srat + at + 16, srat + at + SRAT_MEM_LEN,
		len - at - SRAT_MEM_LEN);
	len -= SRAT_MEM_LEN - 16;
	srat[at + 1] = 16;
	acpi_seal(srat, len);
	rc = acpi_split_srat(srat, len, &s, &e);
	tap_ok(rc == -EINVAL && !e.table &&
		       !strcmp(e.why, "SRAT: the memory range of domain 1 is "
				      "16 bytes, not 40"),
	       "a 16-byte memory entry is refused, its length named: %d %s", rc,
	       e.why);
	free(srat);

	/* 2: domain 0's memory entry renumbered INT_MAX. */
	srat = slurp(argv[1], "srat.dat", &len, 0);
	at = find(srat, len, SRAT_HEADER_LEN, 1, SRAT_TYPE_MEMORY,
		  SRAT_MEM_PROXIMITY, 0);
	acpi_put(srat + at + SRAT_MEM_PROXIMITY, 4, INT_MAX);
	acpi_seal(srat, len);
	rc = acpi_split_srat(srat, len, &s, &e);
	tap_ok(rc == -EINVAL && !e.table && strstr(e.why, "2147483647"),
	       "a domain numbered INT_MAX leaves no room: %d %s", rc, e.why);
	free(srat);

	/* 3: domain 1's pmem range entry 57 bytes long. */
	srat = slurp(argv[1], "srat.dat", &len, 0);
	tap_ok(!acpi_split_srat(srat, len, &s, &e), "the captured SRAT splits");
	free(e.table);
	nfit = slurp(argv[1], "nfit.dat", &nlen, 1);
	at = find(nfit, nlen, NFIT_HEADER_LEN, 2, NFIT_TYPE_SPA,
		  NFIT_SPA_PROXIMITY, 1);
	tap_ok(at != 0, "the captured NFIT has domain 1's range");
	memmove(nfit + at + NFIT_SPA_LEN + 1, nfit + at + NFIT_SPA_LEN,
		nlen - at - NFIT_SPA_LEN);
	nfit[at + NFIT_SPA_LEN] = 0;
	acpi_put(nfit + at + 2, 2, NFIT_SPA_LEN + 1);
	nlen++;
	acpi_seal(nfit, nlen);
	rc = acpi_split_nfit(nfit, nlen, &s, &e);
	n = rc ? -1 :
		 acpi_subtables(e.table, e.len, NFIT_HEADER_LEN, 2, subs, 64);
	for (i = 0; i < n && i < 64; i++)
		if (subs[i].type == NFIT_TYPE_SPA &&
		    subs[i].len == NFIT_SPA_LEN)
			short_spa++;
	tap_ok(rc == 0 && n > 0 &&
		       !acpi_check(e.table, e.len, "NFIT", &check_len) &&
		       check_len == e.len && short_spa == 1,
	       "a 57-byte range splits into a table whose entries parse "
	       "(%d entries, %d new 56-byte ranges)",
	       n, short_spa);
	free(e.table);
	free(nfit);
	free(srat);
	return tap_done();
}
