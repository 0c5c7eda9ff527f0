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

char *size_human(uint64_t bytes, char *buf, size_t len)
{
	const char *bunit, *dunit;
	double bval, dval;

	scale(bytes, 1024, &bval, &bunit);
	scale(bytes, 1000, &dval, &dunit);
	if (bytes < 1024)
		snprintf(buf, len, "%llu", (unsigned long long)bytes);
	else
		snprintf(buf, len, "%.2f %s (%.2f %s)", bval, bunit, dval,
			 dunit);
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
