// SPDX-License-Identifier: GPL-2.0

#include <util/config-parse.h>
#include "words.h"

#define BOTH (WORD_PRINT | WORD_TAKE)

const struct word dax_mode_words[] = {
	{ "devdax", DAXCTL_DEV_MODE_DEVDAX, BOTH },
	{ "system-ram", DAXCTL_DEV_MODE_RAM, BOTH },
	{ "unbound", DAXCTL_DEV_MODE_UNBOUND, WORD_PRINT },
	{ NULL, 0, 0 },
};

/* Upstream's older names (dax, memory, safe) are still taken. */
const struct word ns_mode_words[] = {
	{ "devdax", NDCTL_NS_MODE_DEVDAX, BOTH },
	{ "dax", NDCTL_NS_MODE_DEVDAX, WORD_TAKE },
	{ "fsdax", NDCTL_NS_MODE_FSDAX, BOTH },
	{ "memory", NDCTL_NS_MODE_FSDAX, WORD_TAKE },
	{ "sector", NDCTL_NS_MODE_SECTOR, BOTH },
	{ "safe", NDCTL_NS_MODE_SECTOR, WORD_TAKE },
	{ "raw", NDCTL_NS_MODE_RAW, BOTH },
	{ NULL, 0, 0 },
};

const struct word ns_map_words[] = {
	{ "mem", NDCTL_MAP_MEM, BOTH },
	{ "dev", NDCTL_MAP_DEV, BOTH },
	{ "none", NDCTL_MAP_NONE, WORD_PRINT },
	{ NULL, 0, 0 },
};

const struct word memmap_mode_words[] = {
	{ "devdax", MEMMAP_MODE_DEVDAX, BOTH },
	{ "system-ram", MEMMAP_MODE_SYSTEM_RAM, BOTH },
	{ "fsdax", MEMMAP_MODE_FSDAX, BOTH },
	{ NULL, 0, 0 },
};

/* ndctl's --map words name the same two places. */
const struct word memmap_location_words[] = {
	{ "dram", MEMMAP_DRAM, BOTH },
	{ "pmem", MEMMAP_PMEM, BOTH },
	{ "mem", MEMMAP_DRAM, WORD_TAKE },
	{ "dev", MEMMAP_PMEM, WORD_TAKE },
	{ NULL, 0, 0 },
};

const struct config_words dax_config_words = {
	.mode = dax_mode_words,
	.memmap = memmap_location_words,
	.ram_mode = DAXCTL_DEV_MODE_RAM,
};
