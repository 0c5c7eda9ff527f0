/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables as firmware hands them to the kernel (ACPI 6.4, chapter
 * 5.2): a 36-byte header whose checksum byte makes all the table's bytes
 * sum to zero, then the table's own fields and subtables, little-endian.
 * Only what ndctl create-nfit and daxctl split-acpi build and edit: the
 * NFIT's address ranges and memory device maps, the SRAT's affinity
 * entries and the SLIT's distance matrix.  Buffers only; no I/O.
 */
#ifndef FORMAT_ACPI_TABLE_H
#define FORMAT_ACPI_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* The common header (5.2.6): offsets and length. */
#define ACPI_SIGNATURE 0
#define ACPI_LENGTH 4
#define ACPI_REVISION 8
#define ACPI_CHECKSUM 9
#define ACPI_OEM_ID 10
#define ACPI_OEM_TABLE_ID 16
#define ACPI_OEM_REVISION 24
#define ACPI_CREATOR_ID 28
#define ACPI_CREATOR_REVISION 32
#define ACPI_HEADER_LEN 36

/*
 * NFIT (5.2.25): the header, 4 reserved bytes, then subtables whose type
 * and length are u16.
 */
#define NFIT_HEADER_LEN 40
#define NFIT_TYPE_SPA 0
#define NFIT_TYPE_MAP 1
/* System Physical Address range structure (5.2.25.2). */
#define NFIT_SPA_LEN 56
#define NFIT_SPA_RANGE_INDEX 4
#define NFIT_SPA_PROXIMITY 12
#define NFIT_SPA_TYPE_GUID 16
#define NFIT_SPA_BASE 32
#define NFIT_SPA_LENGTH 40
/* NVDIMM region mapping structure (5.2.25.3). */
#define NFIT_MAP_LEN 48
#define NFIT_MAP_REGION_ID 10
#define NFIT_MAP_RANGE_INDEX 12
#define NFIT_MAP_REGION_SIZE 16
#define NFIT_MAP_REGION_OFFSET 24

/* The address range type GUID of persistent memory, as laid out. */
extern const uint8_t nfit_guid_pmem[16];

/*
 * SRAT (5.2.16): the header, a revision (u32) and 8 reserved bytes, then
 * subtables whose type and length are u8.
 */
#define SRAT_HEADER_LEN 48
#define SRAT_TYPE_CPU 0
#define SRAT_TYPE_MEMORY 1
#define SRAT_TYPE_GENERIC 5
/* Memory affinity structure (5.2.16.2). */
#define SRAT_MEM_LEN 40
#define SRAT_MEM_PROXIMITY 2
#define SRAT_MEM_BASE 8
#define SRAT_MEM_LENGTH 16
#define SRAT_MEM_FLAGS 28

/* SLIT (5.2.17): the header, the number of localities (u64), the matrix. */
#define SLIT_HEADER_LEN 44
#define SLIT_COUNT 36

uint64_t acpi_get(const uint8_t *p, int bytes);
void acpi_put(uint8_t *p, int bytes, uint64_t v);

/*
 * Store len in the header, then the checksum byte that makes the len
 * bytes of t sum to zero.
 */
void acpi_seal(uint8_t *t, size_t len);

/*
 * Whether the size bytes at t (a file, as acpixtract writes one) start
 * with a sig table: NULL, with its length in *len, when they do (bytes
 * after the table are not its own), else why not ("not an ACPI SRAT
 * table", "its length field says 120 bytes, the file has 100", "its
 * checksum does not match its bytes"), in a buffer the next call reuses.
 */
const char *acpi_check(const uint8_t *t, size_t size, const char *sig,
		       size_t *len);

/* One subtable: where it starts in the table, its length and type. */
struct acpi_sub {
	size_t off, len;
	unsigned int type;
};

/*
 * The subtables of table t of len bytes from offset first, whose type
 * and length fields are width bytes wide (1 for the SRAT, 2 for the
 * NFIT).  Returns how many, at most max in subs, or -1 when one has no
 * length or runs past the table.
 */
int acpi_subtables(const uint8_t *t, size_t len, size_t first, int width,
		   struct acpi_sub *subs, int max);

/* One --add-spa of create-nfit: a persistent memory range. */
struct nfit_range {
	uint64_t base, size;
};

/*
 * The NFIT ndctl create-nfit writes, as upstream's does: OEM "LOCAL",
 * one SPA range structure for each range, in order, with range indexes
 * from 1, proximity domain 0.  Returns the table's length, the table in
 * buf (malloc'ed), or 0 when out of memory.
 */
size_t nfit_build(const struct nfit_range *r, int n, uint8_t **buf);

#endif
