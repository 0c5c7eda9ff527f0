/* SPDX-License-Identifier: GPL-2.0 */
/*
 * daxctl split-acpi's edit of a machine's SRAT, SLIT and NFIT: one
 * proximity domain's memory range cut into equal parts, each part but
 * the first a new domain, so a test kernel booted with the edited
 * tables sees more NUMA nodes.  The edits are upstream's: the same
 * entries changed, the same entries added, in the same places.
 * Buffers only; no I/O.
 */
#ifndef FORMAT_ACPI_SPLIT_H
#define FORMAT_ACPI_SPLIT_H

#include <stddef.h>
#include <stdint.h>

struct acpi_split {
	int pxm; /* the proximity domain to split */
	int nodes; /* into this many parts, a power of 2 from 2 */
	/* What acpi_split_srat() found, for the SLIT and the NFIT. */
	uint64_t base, length; /* the domain's range before the split */
	int max_pxm; /* the highest domain the SRAT names */
};

/* A new table (malloc'ed), or why not. */
struct acpi_edit {
	uint8_t *table;
	size_t len;
	char why[128];
};

/*
 * The SRAT t of len bytes (acpi_check()ed) with the domain's one memory
 * affinity entry shrunk to its first part and one entry added for each
 * other part, domains max_pxm + 1 on.  0, or -ENOENT (no memory entry
 * of the domain), -ENXIO (more than one), -EINVAL (a malformed table),
 * -ENOMEM, with e->why.
 */
int acpi_split_srat(const uint8_t *t, size_t len, struct acpi_split *s,
		    struct acpi_edit *e);

/*
 * The SLIT with a row and a column for each new domain: their distance
 * to the others is the split domain's, to one another 11 (Linux takes
 * 10 only from a locality to itself).
 */
int acpi_split_slit(const uint8_t *t, size_t len, const struct acpi_split *s,
		    struct acpi_edit *e);

/*
 * The NFIT with the domain's persistent memory range (the SRAT's range)
 * shrunk to its first part and one range added for each other part, and
 * each region mapping of the range split alike, new ones after them.
 * -ENOENT when the NFIT has no such range: then there is nothing to
 * write.
 */
int acpi_split_nfit(const uint8_t *t, size_t len, const struct acpi_split *s,
		    struct acpi_edit *e);

#endif
