// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <util/log.h>
#include "acpi-split.h"
#include "acpi-table.h"

static int fail(struct acpi_edit *e, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct acpi_edit *e, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->why, sizeof(e->why), fmt, ap);
	va_end(ap);
	free(e->table);
	e->table = NULL;
	e->len = 0;
	return rc;
}

/* The subtables of t in *subs (allocated): 0, or -errno with e->why. */
static int subtables(const uint8_t *t, size_t len, size_t first, int width,
		     struct acpi_sub **subs, int *n, struct acpi_edit *e,
		     const char *name)
{
	*subs = NULL;
	*n = acpi_subtables(t, len, first, width, NULL, 0);
	if (*n <= 0)
		return fail(e, -EINVAL,
			    *n ? "%s: an entry has no length or runs past "
				 "the table" :
				 "%s: no entries",
			    name);
	*subs = calloc(*n, sizeof(**subs));
	if (!*subs)
		return fail(e, -ENOMEM, "out of memory");
	acpi_subtables(t, len, first, width, *subs, *n);
	return 0;
}

/*
 * The proximity domain an SRAT entry names, as upstream reads it: -1
 * for the kinds it does not look at.  Domains are 32 bits; like
 * upstream, they are compared as ints.
 */
static int srat_pxm(const uint8_t *t, const struct acpi_sub *sub)
{
	const uint8_t *p = t + sub->off;

	switch (sub->type) {
	case SRAT_TYPE_MEMORY:
		return sub->len < SRAT_MEM_PROXIMITY + 4 ?
			       -1 :
			       (int)acpi_get(p + SRAT_MEM_PROXIMITY, 4);
	case SRAT_TYPE_CPU:
		/* Bits 0-7 at byte 2, bits 8-31 at bytes 9-11. */
		return sub->len < 12 ? -1 :
				       (int)(p[2] | acpi_get(p + 9, 2) << 8 |
					     (uint32_t)p[11] << 24);
	case SRAT_TYPE_GENERIC:
		return sub->len < 8 ? -1 : (int)acpi_get(p + 4, 4);
	default:
		return -1;
	}
}

/* The header's length, checksum and one more OEM revision. */
static void reseal(uint8_t *t, size_t len)
{
	acpi_put(t + ACPI_OEM_REVISION, 4,
		 acpi_get(t + ACPI_OEM_REVISION, 4) + 1);
	acpi_seal(t, len);
}

int acpi_split_srat(const uint8_t *t, size_t len, struct acpi_split *s,
		    struct acpi_edit *e)
{
	size_t out_len = len + (size_t)(s->nodes - 1) * SRAT_MEM_LEN;
	struct acpi_sub *subs, *found = NULL;
	uint64_t part, base;
	uint8_t *m, *add;
	int n, i, pxm;

	e->table = NULL;
	i = subtables(t, len, SRAT_HEADER_LEN, 1, &subs, &n, e, "SRAT");
	if (i)
		return i;
	s->max_pxm = 0;
	for (i = 0; i < n; i++) {
		pxm = srat_pxm(t, &subs[i]);
		if (pxm > s->max_pxm)
			s->max_pxm = pxm;
		if (subs[i].type != SRAT_TYPE_MEMORY || pxm != s->pxm)
			continue;
		if (found) {
			free(subs);
			return fail(e, -ENXIO,
				    "SRAT: proximity domain %d has more than "
				    "one memory range: not split",
				    s->pxm);
		}
		found = &subs[i];
	}
	if (!found) {
		free(subs);
		return fail(e, -ENOENT,
			    "SRAT: no memory range of proximity domain %d",
			    s->pxm);
	}
	/* The new domains are numbered after the highest: they must fit. */
	if (s->max_pxm > INT_MAX - s->nodes) {
		free(subs);
		return fail(e, -EINVAL,
			    "SRAT: proximity domain %d is named: no room "
			    "for %d more after it",
			    s->max_pxm, s->nodes - 1);
	}
	/* found points into subs: what the message needs, before it goes. */
	if (found->len < SRAT_MEM_LEN) {
		size_t short_len = found->len;

		free(subs);
		return fail(e, -EINVAL,
			    "SRAT: the memory range of domain %d is %zu "
			    "bytes, not %d",
			    s->pxm, short_len, SRAT_MEM_LEN);
	}
	e->table = calloc(1, out_len);
	if (!e->table) {
		free(subs);
		return fail(e, -ENOMEM, "out of memory");
	}
	e->len = out_len;
	memcpy(e->table, t, len);
	m = e->table + found->off;
	s->base = acpi_get(m + SRAT_MEM_BASE, 8);
	s->length = acpi_get(m + SRAT_MEM_LENGTH, 8);
	part = s->length / s->nodes;
	acpi_put(m + SRAT_MEM_LENGTH, 8, part);
	pr_debug("SRAT: domain %d: %#llx bytes at %#llx", s->pxm,
		 (unsigned long long)part, (unsigned long long)s->base);
	base = s->base + part;
	for (i = 0; i < s->nodes - 1; i++, base += part) {
		add = e->table + len + (size_t)i * SRAT_MEM_LEN;
		add[0] = SRAT_TYPE_MEMORY;
		add[1] = SRAT_MEM_LEN;
		acpi_put(add + SRAT_MEM_PROXIMITY, 4,
			 (uint32_t)(s->max_pxm + 1 + i));
		acpi_put(add + SRAT_MEM_BASE, 8, base);
		acpi_put(add + SRAT_MEM_LENGTH, 8, part);
		memcpy(add + SRAT_MEM_FLAGS, m + SRAT_MEM_FLAGS, 4);
		pr_debug("SRAT: new domain %d: %#llx bytes at %#llx",
			 s->max_pxm + 1 + i, (unsigned long long)part,
			 (unsigned long long)base);
	}
	free(subs);
	reseal(e->table, out_len);
	return 0;
}

int acpi_split_slit(const uint8_t *t, size_t len, const struct acpi_split *s,
		    struct acpi_edit *e)
{
	uint64_t old = len >= SLIT_HEADER_LEN ? acpi_get(t + SLIT_COUNT, 8) : 0;
	uint64_t nodes = (uint64_t)s->max_pxm + s->nodes, i, j;
	uint64_t top = (uint64_t)s->max_pxm, pxm = (uint64_t)s->pxm;
	const uint8_t *d = t + SLIT_HEADER_LEN;
	size_t out_len = SLIT_HEADER_LEN + nodes * nodes;
	uint8_t val;

	e->table = NULL;
	/* Upstream reads past a short matrix; this refuses it. */
	if (len < SLIT_HEADER_LEN || old > 0xffff ||
	    len - SLIT_HEADER_LEN < old * old)
		return fail(e, -EINVAL,
			    "SLIT: %llu localities do not fit its %zu bytes",
			    (unsigned long long)old, len);
	if (old <= top || (uint64_t)s->pxm >= old)
		return fail(e, -EINVAL,
			    "SLIT: %llu localities, but the SRAT names "
			    "domains up to %d",
			    (unsigned long long)old, s->max_pxm);
	e->table = calloc(1, out_len);
	if (!e->table)
		return fail(e, -ENOMEM, "out of memory");
	e->len = out_len;
	memcpy(e->table, t, SLIT_HEADER_LEN);
	acpi_put(e->table + SLIT_COUNT, 8, nodes);
	for (i = 0; i < nodes; i++)
		for (j = 0; j < nodes; j++) {
			if (i > top && j > top)
				val = 10;
			else if (i <= top && j <= top)
				val = d[i * old + j];
			else if (i > top)
				val = d[pxm * old + j];
			else
				val = d[i * old + pxm];
			/* Linux refuses a SLIT with 10 off the diagonal. */
			if (val == 10 && i != j)
				val = 11;
			e->table[SLIT_HEADER_LEN + i * nodes + j] = val;
		}
	reseal(e->table, out_len);
	return 0;
}

/* Whether SPA entry sub is the split domain's persistent memory range. */
static bool is_split_range(const uint8_t *t, const struct acpi_sub *sub,
			   const struct acpi_split *s)
{
	const uint8_t *p = t + sub->off;

	return sub->len >= NFIT_SPA_LEN &&
	       !memcmp(p + NFIT_SPA_TYPE_GUID, nfit_guid_pmem, 16) &&
	       (int)acpi_get(p + NFIT_SPA_PROXIMITY, 4) == s->pxm &&
	       acpi_get(p + NFIT_SPA_BASE, 8) == s->base &&
	       acpi_get(p + NFIT_SPA_LENGTH, 8) == s->length;
}

int acpi_split_nfit(const uint8_t *t, size_t len, const struct acpi_split *s,
		    struct acpi_edit *e)
{
	unsigned int max_range = 0, max_region = 0, range, nmaps = 0, k;
	struct acpi_sub *subs, *found = NULL;
	uint64_t part, base, rsize, roff;
	size_t out_len, at;
	uint8_t *o, *spa = NULL, *map;
	int n, i, p;

	e->table = NULL;
	i = subtables(t, len, NFIT_HEADER_LEN, 2, &subs, &n, e, "NFIT");
	if (i)
		return i;
	for (i = 0; i < n; i++) {
		const uint8_t *q = t + subs[i].off;

		if (subs[i].type == NFIT_TYPE_MAP &&
		    subs[i].len >= NFIT_MAP_LEN) {
			if (acpi_get(q + NFIT_MAP_REGION_ID, 2) > max_region)
				max_region =
					acpi_get(q + NFIT_MAP_REGION_ID, 2);
			continue;
		}
		if (subs[i].type != NFIT_TYPE_SPA ||
		    subs[i].len < NFIT_SPA_RANGE_INDEX + 2)
			continue;
		if (acpi_get(q + NFIT_SPA_RANGE_INDEX, 2) > max_range)
			max_range = acpi_get(q + NFIT_SPA_RANGE_INDEX, 2);
		if (!is_split_range(t, &subs[i], s))
			continue;
		if (found) {
			free(subs);
			return fail(e, -ENXIO,
				    "NFIT: more than one range of proximity "
				    "domain %d at %#llx: not split",
				    s->pxm, (unsigned long long)s->base);
		}
		found = &subs[i];
	}
	if (!found) {
		free(subs);
		return fail(e, -ENOENT,
			    "NFIT: no persistent memory range of proximity "
			    "domain %d at %#llx",
			    s->pxm, (unsigned long long)s->base);
	}
	range = acpi_get(t + found->off + NFIT_SPA_RANGE_INDEX, 2);
	for (i = 0; i < n; i++)
		if (subs[i].type == NFIT_TYPE_MAP &&
		    subs[i].len == NFIT_MAP_LEN &&
		    acpi_get(t + subs[i].off + NFIT_MAP_RANGE_INDEX, 2) ==
			    range)
			nmaps++;
	/*
	 * Upstream's order: the other entries as they were, the new
	 * ranges, the range's mappings (split), then the new mappings.
	 * (Upstream also counts the moved mappings twice in the table's
	 * length, which leaves zeros at its end; this table ends where
	 * its last entry does.)
	 */
	out_len = len + (size_t)(s->nodes - 1) *
				(NFIT_SPA_LEN + nmaps * NFIT_MAP_LEN);
	o = calloc(1, out_len);
	if (!o) {
		free(subs);
		return fail(e, -ENOMEM, "out of memory");
	}
	e->table = o;
	e->len = out_len;
	memcpy(o, t, NFIT_HEADER_LEN);
	at = NFIT_HEADER_LEN;
	for (i = 0; i < n; i++) {
		if (subs[i].type == NFIT_TYPE_MAP &&
		    subs[i].len == NFIT_MAP_LEN &&
		    acpi_get(t + subs[i].off + NFIT_MAP_RANGE_INDEX, 2) ==
			    range)
			continue;
		memcpy(o + at, t + subs[i].off, subs[i].len);
		if (&subs[i] == found)
			spa = o + at;
		at += subs[i].len;
	}
	part = s->length / s->nodes;
	acpi_put(spa + NFIT_SPA_LENGTH, 8, part);
	pr_debug("NFIT: domain %d: %#llx bytes at %#llx", s->pxm,
		 (unsigned long long)part, (unsigned long long)s->base);
	base = s->base + part;
	for (p = 0; p < s->nodes - 1; p++, base += part, at += NFIT_SPA_LEN) {
		memcpy(o + at, spa, NFIT_SPA_LEN);
		/* A longer range entry's own length would not fit its copy. */
		acpi_put(o + at + 2, 2, NFIT_SPA_LEN);
		acpi_put(o + at + NFIT_SPA_RANGE_INDEX, 2, max_range + 1 + p);
		acpi_put(o + at + NFIT_SPA_PROXIMITY, 4,
			 (uint32_t)(s->max_pxm + 1 + p));
		acpi_put(o + at + NFIT_SPA_BASE, 8, base);
		acpi_put(o + at + NFIT_SPA_LENGTH, 8, part);
		pr_debug("NFIT: new domain %d: %#llx bytes at %#llx",
			 s->max_pxm + 1 + p, (unsigned long long)part,
			 (unsigned long long)base);
	}
	/* The mappings, split in place, then each one's new parts. */
	map = o + at;
	for (i = 0; i < n; i++) {
		if (subs[i].type != NFIT_TYPE_MAP ||
		    subs[i].len != NFIT_MAP_LEN ||
		    acpi_get(t + subs[i].off + NFIT_MAP_RANGE_INDEX, 2) !=
			    range)
			continue;
		memcpy(o + at, t + subs[i].off, NFIT_MAP_LEN);
		rsize = acpi_get(o + at + NFIT_MAP_REGION_SIZE, 8) / s->nodes;
		acpi_put(o + at + NFIT_MAP_REGION_SIZE, 8, rsize);
		pr_debug("NFIT: region %u: %#llx bytes at %#llx",
			 (unsigned int)acpi_get(o + at + NFIT_MAP_REGION_ID, 2),
			 (unsigned long long)rsize,
			 (unsigned long long)acpi_get(
				 o + at + NFIT_MAP_REGION_OFFSET, 8));
		at += NFIT_MAP_LEN;
	}
	for (k = 0; k < nmaps; k++, map += NFIT_MAP_LEN) {
		rsize = acpi_get(map + NFIT_MAP_REGION_SIZE, 8);
		roff = acpi_get(map + NFIT_MAP_REGION_OFFSET, 8) + rsize;
		for (p = 0; p < s->nodes - 1; p++, roff += rsize) {
			memcpy(o + at, map, NFIT_MAP_LEN);
			acpi_put(o + at + NFIT_MAP_REGION_ID, 2, ++max_region);
			acpi_put(o + at + NFIT_MAP_RANGE_INDEX, 2,
				 max_range + 1 + p);
			acpi_put(o + at + NFIT_MAP_REGION_SIZE, 8, rsize);
			acpi_put(o + at + NFIT_MAP_REGION_OFFSET, 8, roff);
			pr_debug("NFIT: new region %u: %#llx bytes at %#llx",
				 max_region, (unsigned long long)rsize,
				 (unsigned long long)roff);
			at += NFIT_MAP_LEN;
		}
	}
	free(subs);
	reseal(o, out_len);
	return 0;
}
