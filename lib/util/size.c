// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "size.h"

static const char units[] = "KMGTPE";

int parse_size(const char *str, uint64_t *bytes)
{
	unsigned long long val;
	const char *unit;
	char *end;
	int shift = 0;

	if (!str || !isdigit((unsigned char)*str))
		return -EINVAL;
	errno = 0;
	val = strtoull(str, &end, 0);
	if (errno)
		return -EINVAL;
	if (*end) {
		unit = strchr(units, toupper((unsigned char)*end));
		if (!unit)
			return -EINVAL;
		shift = 10 * (int)(unit - units + 1);
		end++;
		if (!strcasecmp(end, "iB") || !strcasecmp(end, "B"))
			end += strlen(end);
		if (*end)
			return -EINVAL;
	}
	if (shift && val > (~0ULL >> shift))
		return -EINVAL;
	*bytes = val << shift;
	return 0;
}

char *size_exact(uint64_t bytes, char *buf, size_t len)
{
	int i;

	for (i = (int)strlen(units) - 1; i >= 0; i--) {
		uint64_t unit = 1ULL << (10 * (i + 1));

		if (bytes && bytes % unit == 0) {
			snprintf(buf, len, "%llu%c",
				 (unsigned long long)(bytes / unit), units[i]);
			return buf;
		}
	}
	snprintf(buf, len, "%llu", (unsigned long long)bytes);
	return buf;
}

static void scale(uint64_t bytes, unsigned int base, double *val,
		  const char **unit)
{
	static const char *const bin[] = { "B",	  "KiB", "MiB", "GiB",
					   "TiB", "PiB", "EiB" };
	static const char *const dec[] = { "B",	 "KB", "MB", "GB",
					   "TB", "PB", "EB" };
	int i = 0;

	*val = (double)bytes;
	while (*val >= base && i < 6) {
		*val /= base;
		i++;
	}
	*unit = base == 1024 ? bin[i] : dec[i];
}

/*
 * Hundredths of unit, rounded half up: what the upstream tools print, so
 * a 1 GiB align reads "1024.00 MiB" there and here alike.
 */
static uint64_t centi(uint64_t bytes, uint64_t unit)
{
	return (uint64_t)(((unsigned __int128)bytes * 200 / unit + 1) / 2);
}

char *size_human(uint64_t bytes, char *buf, size_t len)
{
	static const struct {
		uint64_t below, bin, dec;
		const char *bunit, *dunit;
	} tiers[] = {
		{ 2ULL << 30, 1ULL << 20, 1000000ULL, "MiB", "MB" },
		{ 2ULL << 40, 1ULL << 30, 1000000000ULL, "GiB", "GB" },
		{ UINT64_MAX, 1ULL << 40, 1000000000000ULL, "TiB", "TB" },
	};
	uint64_t b, d;
	size_t i = 0;

	if (bytes < HUMAN_PLAIN_BELOW) {
		snprintf(buf, len, "%llu", (unsigned long long)bytes);
		return buf;
	}
	while (bytes >= tiers[i].below && i < 2)
		i++;
	b = centi(bytes, tiers[i].bin);
	d = centi(bytes, tiers[i].dec);
	snprintf(buf, len, "%llu.%02llu %s (%llu.%02llu %s)",
		 (unsigned long long)(b / 100), (unsigned long long)(b % 100),
		 tiers[i].bunit, (unsigned long long)(d / 100),
		 (unsigned long long)(d % 100), tiers[i].dunit);
	return buf;
}

char *size_short(uint64_t bytes, char *buf, size_t len)
{
	const char *unit;
	double val;

	scale(bytes, 1024, &val, &unit);
	if (bytes < 1024)
		snprintf(buf, len, "%llu B", (unsigned long long)bytes);
	else
		snprintf(buf, len, "%.2f %s", val, unit);
	return buf;
}
