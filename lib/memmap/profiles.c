// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel profiles: the facts of a kernel build that the memmap cost
 * depends on.  linux-6.1 x86_64 is verified on Debian's 6.1 kernel (see
 * Documentation/memmap-sizing.adoc); the arm64 ones follow the same source
 * with that architecture's page and section sizes.
 */
#include <string.h>

#include "memmap.h"

#define KiB(x) ((uint64_t)(x) << 10)
#define MiB(x) ((uint64_t)(x) << 20)
#define GiB(x) ((uint64_t)(x) << 30)

/* The x86_64 memmap layout of Debian's 6.1, with or without the series. */
#define LINUX61_X86_64							\
	.arch = "x86_64",						\
	.page_size = KiB(4),						\
	.struct_page_size = 64,						\
	.pmd_size = MiB(2),						\
	.pud_size = GiB(1),						\
	.section_size = MiB(128),					\
	.subsection_size = MiB(2),					\
	.memory_block_size = MiB(128),					\
	.vmemmap_pages_kept = 2,					\
	.vmemmap_pmd_blocks = true,					\
	.partial_section_basepages = true,				\
	.altmap_disables_dedup = true,					\
	.reserve_per_page = 64,						\
	.aligns = { KiB(4), MiB(2), GiB(1), 0 },			\
	/* Five-level paging's 57-bit address space, the most x86_64 maps. */ \
	.addr_limit = 1ULL << 57

const struct memmap_profile memmap_profile_linux61_x86_64 = {
	.name = "linux-6.1",
	LINUX61_X86_64,
};

/*
 * Debian's 6.1 with kernel-patches/ applied: the same memmap layout, plus
 * the per-device compound, memmap and memmap_on_memory controls.
 * Verified against the kernel's own memmap_dram_bytes by the kernel suite.
 */
const struct memmap_profile memmap_profile_linux61_patched = {
	.name = "linux-6.1-patched",
	LINUX61_X86_64,
	.compound_control = true,
	.memmap_location_control = true,
	.memmap_on_memory_control = true,
};

/*
 * The series with the vmemmap_head_only control: device_dax can also
 * keep one vmemmap page per compound page.  Verified against memmap_dram_bytes
 * at 2M and 1G by the kernel suite.
 */
const struct memmap_profile memmap_profile_linux61_patched_head_only = {
	.name = "linux-6.1-patched-head-only",
	LINUX61_X86_64,
	.compound_control = true,
	.memmap_location_control = true,
	.memmap_on_memory_control = true,
	.vmemmap_head_only_control = true,
};

/*
 * Debian's stock 6.12 (bookworm-security), booted with
 * memory_hotplug.memmap_on_memory=1: 6.1's memmap layout for devdax and
 * fsdax (verified by memmap-measure on 6.12.118), and upstream's
 * per-device memmap_on_memory (6.8): kmem puts each memory block's
 * memmap in that block's first pages, one block at a time.  Verified
 * against MemTotal, free pages and nr_memmap_pages by memmap-measure.
 */
const struct memmap_profile memmap_profile_linux612_x86_64 = {
	.name = "linux-6.12",
	LINUX61_X86_64,
	.memmap_on_memory_control = true,
	.memmap_on_memory_per_block = true,
};

/*
 * The same kernel without memory_hotplug.memmap_on_memory: kmem ignores
 * a device's memmap_on_memory (the CXL default is 1) and puts the
 * memmap in DRAM, and writing 1 fails with EOPNOTSUPP.  The parameter
 * is read-only at run time.
 */
const struct memmap_profile memmap_profile_linux612_mom_off = {
	.name = "linux-6.12-memmap-on-memory-off",
	LINUX61_X86_64,
	.system_ram_note = "memmap on the memory (--memmap pmem) needs "
			   "memory_hotplug.memmap_on_memory, which is off "
			   "(/sys/module/memory_hotplug/parameters/"
			   "memmap_on_memory): boot with "
			   "memory_hotplug.memmap_on_memory=1",
};

const struct memmap_profile memmap_profile_linux61_arm64_4k = {
	.name = "linux-6.1-arm64-4k",
	.arch = "arm64",
	.page_size = KiB(4),
	.struct_page_size = 64,
	.pmd_size = MiB(2),
	.pud_size = GiB(1),
	.section_size = MiB(128),
	.subsection_size = MiB(2),
	.memory_block_size = MiB(128),
	.vmemmap_pages_kept = 2,
	.vmemmap_pmd_blocks = true,
	/* arm64 maps every vmemmap PMD with a block, partial or not. */
	.partial_section_basepages = false,
	.altmap_disables_dedup = true,
	.reserve_per_page = 64,
	.aligns = { KiB(4), MiB(2), GiB(1), 0 },
	/* 48-bit physical addresses with 4K pages (no LPA2 in 6.1). */
	.addr_limit = 1ULL << 48,
};

const struct memmap_profile memmap_profile_linux61_arm64_64k = {
	.name = "linux-6.1-arm64-64k",
	.arch = "arm64",
	.page_size = KiB(64),
	.struct_page_size = 64,
	.pmd_size = MiB(512),
	.pud_size = GiB(4096),
	.section_size = MiB(512),
	.subsection_size = MiB(2),
	.memory_block_size = MiB(512),
	.vmemmap_pages_kept = 2,
	/* With 64K pages the arm64 vmemmap is mapped with base pages. */
	.vmemmap_pmd_blocks = false,
	.partial_section_basepages = true,
	.altmap_disables_dedup = true,
	.reserve_per_page = 64,
	.aligns = { KiB(64), MiB(512), 0 },
	/* 52-bit physical addresses (LPA) with 64K pages. */
	.addr_limit = 1ULL << 52,
};

const struct memmap_profile *const memmap_profiles[] = {
	&memmap_profile_linux61_x86_64,
	&memmap_profile_linux61_patched,
	&memmap_profile_linux61_patched_head_only,
	&memmap_profile_linux612_x86_64,
	&memmap_profile_linux612_mom_off,
	&memmap_profile_linux61_arm64_4k,
	&memmap_profile_linux61_arm64_64k,
	NULL,
};

const struct memmap_profile *memmap_profile_find(const char *name)
{
	int i;

	for (i = 0; memmap_profiles[i]; i++)
		if (!strcmp(memmap_profiles[i]->name, name))
			return memmap_profiles[i];
	/* "x86_64" / "arm64" pick that architecture's default profile. */
	for (i = 0; memmap_profiles[i]; i++)
		if (!strcmp(memmap_profiles[i]->arch, name))
			return memmap_profiles[i];
	return NULL;
}
