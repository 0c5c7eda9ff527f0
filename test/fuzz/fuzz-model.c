// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: the memmap model on any configuration.  What it
 * plans must add up: usable plus overhead is the size, the DRAM total is
 * its parts, and nothing exceeds what the range could need.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <memmap/memmap.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct memmap_config cfg = { 0 };
	const struct memmap_profile *p;
	struct memmap_cost c;
	uint8_t flags, which;
	int nprof = 0;

	if (len < 18)
		return 0;
	while (memmap_profiles[nprof])
		nprof++;
	memcpy(&cfg.start, data, 8);
	memcpy(&cfg.size, data + 8, 8);
	which = data[16];
	flags = data[17];
	p = memmap_profiles[which % nprof];
	cfg.align = p->aligns[(which >> 4) % 3] ? p->aligns[(which >> 4) % 3] :
						  p->aligns[0];
	cfg.location = flags & 1 ? MEMMAP_PMEM : MEMMAP_DRAM;
	cfg.compound = flags & 2;
	cfg.mode = (enum memmap_mode)((flags >> 2) % 3);
	cfg.info_block = flags & 16;
	cfg.keep_reserve = flags & 32;
	if (memmap_plan(p, &cfg, &c))
		return 0;
	if (c.usable + c.device_overhead != cfg.size || c.usable > cfg.size ||
	    c.dram_total != c.dram_memmap + c.dram_pgtable ||
	    c.mapped > cfg.size ||
	    c.dram_memmap > c.mapped / p->page_size * p->struct_page_size +
				    p->pmd_size * 2)
		abort();
	return 0;
}
