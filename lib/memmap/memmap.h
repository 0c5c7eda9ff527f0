/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The struct-page (memmap) cost model: what the kernel allocates, in DRAM
 * and on the device, for a device-dax, fsdax or system-ram range at a given
 * alignment and memmap location.  Pure computation, no I/O: every input is
 * an argument, every kernel behaviour it depends on is a profile field.
 */
#ifndef MEMMAP_MEMMAP_H
#define MEMMAP_MEMMAP_H

#include <stdbool.h>
#include <stdint.h>

struct memmap_profile {
	const char *name;
	const char *arch;
	uint64_t page_size;		/* base page */
	uint64_t struct_page_size;	/* sizeof(struct page) */
	uint64_t pmd_size, pud_size;
	uint64_t section_size;		/* SECTION_SIZE_BITS */
	uint64_t subsection_size;
	uint64_t memory_block_size;
	/* vmemmap pages populated per compound page (head + first tail). */
	unsigned int vmemmap_pages_kept;
	/*
	 * device_dax can keep one vmemmap page per compound page instead
	 * (the vmemmap_head_only attribute of kernel-patches/).
	 */
	bool vmemmap_head_only_control;
	/* vmemmap of a whole section is mapped with one PMD block. */
	bool vmemmap_pmd_blocks;
	/*
	 * x86: less than a section's memmap is populated with base pages from
	 * DRAM, even when an altmap is given (vmemmap_populate()).
	 */
	bool partial_section_basepages;
	/* An altmap (memmap on the device) turns deduplication off. */
	bool altmap_disables_dedup;
	/* Info-block reserve per device page, whatever struct page is. */
	uint64_t reserve_per_page;
	/* Can compound pages be turned off for a devdax device? */
	bool compound_control;
	/* Can memmap=dram be chosen without rewriting the info block? */
	bool memmap_location_control;
	/* Can kmem put a system-ram device's memmap on the memory itself? */
	bool memmap_on_memory_control;
	/*
	 * With the memmap on the memory, kmem hot-adds one memory block at
	 * a time (6.12's create_altmaps_and_memory_blocks()), so the direct
	 * map of every block is 2M pages: a PMD table per 1G touched.
	 */
	bool memmap_on_memory_per_block;
	/*
	 * Said with every system-ram plan (the kernel has the per-device
	 * control but it is off, say), or NULL.
	 */
	const char *system_ram_note;
	/* Alignments device-dax accepts, ascending, 0-terminated. */
	uint64_t aligns[4];
	/*
	 * Physical addresses stop below this: a start + size past it (or
	 * past 2^64) describes no machine and is refused, not computed.
	 */
	uint64_t addr_limit;
};

enum memmap_location {
	MEMMAP_DRAM,	/* nd mode "ram", ndctl --map=mem */
	MEMMAP_PMEM,	/* nd mode "pmem", ndctl --map=dev: the altmap */
};

enum memmap_mode {
	MEMMAP_MODE_DEVDAX,
	MEMMAP_MODE_FSDAX,
	MEMMAP_MODE_SYSTEM_RAM,
};

struct memmap_config {
	uint64_t start;		/* physical start of the namespace/range */
	uint64_t size;
	uint64_t align;
	enum memmap_location location;
	bool compound;
	enum memmap_mode mode;
	/*
	 * nd pfn/dax namespaces carry an info block and reserve that shrink
	 * the data area; dynamic (hmem, CXL) devices have none.
	 */
	bool info_block;
	/*
	 * The info block reserves room for the memmap (nd mode "pmem") even
	 * though the memmap goes to DRAM: a patched kernel's memmap=dram
	 * maps only the data range and leaves the room unused.  For
	 * system-ram it describes the namespace, as location then means
	 * memmap_on_memory.
	 */
	bool keep_reserve;
	/*
	 * vmemmap_head_only: where tail struct pages are deduplicated, keep
	 * only the vmemmap page of the head (the rest maps to it) instead
	 * of the head's and the first tail page.  No effect elsewhere, as
	 * device_dax ignores it there.
	 */
	bool head_only;
};

struct memmap_cost {
	/* Layout of an nd namespace (info_block): */
	uint64_t dataoff;	/* info block, memmap reserve and padding */
	uint64_t end_trunc;	/* tail lost to the alignment */
	uint64_t usable;	/* data bytes: the dax device's size */
	/* Memmap populated for the range the kernel maps: */
	uint64_t mapped;	/* bytes of device covered by struct pages */
	uint64_t dram_memmap;	/* vmemmap data pages in DRAM */
	uint64_t dram_pgtable;	/* page-table pages in DRAM */
	uint64_t dram_total;	/* dram_memmap + dram_pgtable */
	uint64_t device_memmap; /* vmemmap allocated from the altmap */
	uint64_t device_overhead; /* size - usable: all device bytes lost */
	uint64_t compound_pages;
	uint64_t memblocks;	/* system-ram: memory blocks hot-added */
	bool dedup;		/* tail struct pages deduplicated */
	bool head_only;		/* ... down to one vmemmap page each */
};

enum memmap_error {
	MEMMAP_OK = 0,
	MEMMAP_EALIGN = -1,	/* align not supported by the profile */
	MEMMAP_ESTART = -2,	/* start not aligned as the kernel requires */
	MEMMAP_ETOOSMALL = -3,	/* nothing usable is left */
	MEMMAP_ENORESERVE = -4, /* memmap=pmem needs an info block */
	MEMMAP_EUNSUPPORTED = -5, /* the profile's kernel cannot do it */
	MEMMAP_ERANGE = -6,	/* empty, or beyond the address space */
};

extern const struct memmap_profile memmap_profile_linux61_x86_64;
extern const struct memmap_profile memmap_profile_linux61_patched;
extern const struct memmap_profile memmap_profile_linux61_patched_head_only;
extern const struct memmap_profile memmap_profile_linux612_x86_64;
extern const struct memmap_profile memmap_profile_linux612_mom_off;
extern const struct memmap_profile memmap_profile_linux61_arm64_4k;
extern const struct memmap_profile memmap_profile_linux61_arm64_64k;

/* NULL-terminated list of the built-in profiles. */
extern const struct memmap_profile *const memmap_profiles[];
const struct memmap_profile *memmap_profile_find(const char *name);

bool memmap_align_supported(const struct memmap_profile *p, uint64_t align);
/* Whether the kernel deduplicates tail struct pages for cfg. */
bool memmap_dedup(const struct memmap_profile *p,
		  const struct memmap_config *cfg);

/*
 * Whether cfg's info block sets aside room for the memmap (nd mode
 * "pmem"): the memmap is in it, or keep_reserve leaves it there unused.
 */
bool memmap_reserves(const struct memmap_config *cfg);

int memmap_plan(const struct memmap_profile *p,
		const struct memmap_config *cfg, struct memmap_cost *cost);
/*
 * Only the layout an nd info block records (nd_pfn_init()): dataoff,
 * end_trunc and usable of cost, for any power-of-two cfg->align, not
 * just the ones device-dax maps.  memmap_plan() starts with it.
 */
int memmap_info_block_layout(const struct memmap_profile *p,
			     const struct memmap_config *cfg,
			     struct memmap_cost *cost);
const char *memmap_strerror(int err);

#endif
