// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>

#include <util/log.h>
#include "parse.h"

/* A word and the value it stands for. */
struct word {
	const char *name;
	int value;
};

static int lookup(const char *opt, const char *value, const struct word *w,
		  const char *expected, int *out)
{
	for (; w->name; w++)
		if (!strcmp(value, w->name)) {
			*out = w->value;
			return 0;
		}
	pr_err("invalid --%s '%s': expected %s", opt, value, expected);
	return -EINVAL;
}

int parse_dax_mode(const char *value, enum daxctl_dev_mode *mode)
{
	static const struct word words[] = {
		{ "devdax", DAXCTL_DEV_MODE_DEVDAX },
		{ "system-ram", DAXCTL_DEV_MODE_RAM },
		{ NULL, 0 },
	};
	int v, rc = lookup("mode", value, words, "devdax or system-ram", &v);

	if (!rc)
		*mode = (enum daxctl_dev_mode)v;
	return rc;
}

int parse_ns_mode(const char *value, enum ndctl_ns_mode *mode)
{
	static const struct word words[] = {
		{ "devdax", NDCTL_NS_MODE_DEVDAX },
		{ "dax", NDCTL_NS_MODE_DEVDAX },
		{ "fsdax", NDCTL_NS_MODE_FSDAX },
		{ "memory", NDCTL_NS_MODE_FSDAX },
		{ "raw", NDCTL_NS_MODE_RAW },
		{ "sector", NDCTL_NS_MODE_SECTOR },
		{ "safe", NDCTL_NS_MODE_SECTOR },
		{ NULL, 0 },
	};
	int v, rc = lookup("mode", value, words, "devdax, fsdax, sector or raw",
			   &v);

	if (!rc)
		*mode = (enum ndctl_ns_mode)v;
	return rc;
}

int parse_memmap_mode(const char *value, enum memmap_mode *mode)
{
	static const struct word words[] = {
		{ "devdax", MEMMAP_MODE_DEVDAX },
		{ "system-ram", MEMMAP_MODE_SYSTEM_RAM },
		{ "fsdax", MEMMAP_MODE_FSDAX },
		{ NULL, 0 },
	};
	int v, rc = lookup("mode", value, words, "devdax, system-ram or fsdax",
			   &v);

	if (!rc)
		*mode = (enum memmap_mode)v;
	return rc;
}

int parse_memmap_location(const char *opt, const char *value,
			  enum memmap_location *location)
{
	static const struct word words[] = {
		{ "dram", MEMMAP_DRAM },
		{ "mem", MEMMAP_DRAM },
		{ "pmem", MEMMAP_PMEM },
		{ "dev", MEMMAP_PMEM },
		{ NULL, 0 },
	};
	int v, rc;

	rc = lookup(opt, value, words,
		    !strcmp(opt, "map") ? "mem or dev" : "dram or pmem", &v);
	if (!rc)
		*location = (enum memmap_location)v;
	return rc;
}
