// SPDX-License-Identifier: GPL-2.0
/*
 * The memmap cost model.  Each step names the kernel function whose
 * behaviour it reproduces (Linux 6.1):
 *
 * - nd_pfn_init(): the info block layout of an nd pfn/dax namespace;
 * - __add_pages() / section_activate(): the memmap is populated one
 *   memory section (or part of one) at a time;
 * - __populate_section_memmap(): tail struct pages are deduplicated when
 *   struct page is a power of two, the pgmap has compound pages and there
 *   is no altmap;
 * - vmemmap_populate_compound_pages(): per compound page the head and the
 *   first tail vmemmap pages are allocated, or only the head's with
 *   PGMAP_VMEMMAP_HEAD_ONLY (the vmemmap_head_only control); a section that starts
 *   inside a compound page (1G) reuses the previous section's last page;
 * - x86 vmemmap_populate(): whole sections get a PMD-mapped block (from
 *   the altmap when there is one), partial sections get base pages from
 *   DRAM.
 */
#include "memmap.h"

/* The info block sits at +4K and is 4K long: data starts at +8K at least. */
#define INFO_BLOCK_END 8192ULL

static uint64_t align_up(uint64_t x, uint64_t a)
{
	return (x + a - 1) / a * a;
}

static uint64_t align_down(uint64_t x, uint64_t a)
{
	return x / a * a;
}

static uint64_t max_u64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static bool is_pow2(uint64_t x)
{
	return x && !(x & (x - 1));
}

bool memmap_align_supported(const struct memmap_profile *p, uint64_t align)
{
	int i;

	for (i = 0; i < 4 && p->aligns[i]; i++)
		if (p->aligns[i] == align)
			return true;
	return false;
}

bool memmap_dedup(const struct memmap_profile *p,
		  const struct memmap_config *cfg)
{
	if (cfg->mode != MEMMAP_MODE_DEVDAX || !cfg->compound)
		return false;
	if (cfg->align <= p->page_size || !is_pow2(p->struct_page_size))
		return false;
	return !(cfg->location == MEMMAP_PMEM && p->altmap_disables_dedup);
}

/*
 * Blocks of table_span bytes of vmemmap that [vstart, vend) touches and
 * that were not counted yet: *last holds the index of the last block
 * counted, as the kernel finds an already populated entry and skips it.
 */
static uint64_t tables_touched(uint64_t vstart, uint64_t vend,
			       uint64_t table_span, uint64_t *last)
{
	uint64_t first = vstart / table_span;
	uint64_t end = (vend + table_span - 1) / table_span;
	uint64_t n;

	if (vend <= vstart)
		return 0;
	if (*last != UINT64_MAX && first <= *last)
		first = *last + 1;
	n = end > first ? end - first : 0;
	if (end > 0)
		*last = end - 1;
	return n;
}

/* Where the walk over sections stands: the last tables counted. */
struct walk {
	uint64_t last_pte, last_block;
};

/*
 * Of the n sections starting at s, one section apart, those whose start
 * lies a whole number of compound pages past ms: the others begin inside
 * a compound page and reuse_compound_section() gives them no new pages.
 */
static uint64_t sections_with_head(uint64_t ms, uint64_t s, uint64_t n,
				   uint64_t section, uint64_t align)
{
	uint64_t off = s - ms, period, first;

	if (align <= section || off % section)
		return off % align ? 0 : n;
	period = align / section;
	first = (align - off % align) % align / section;
	return n > first ? (n - first - 1) / period + 1 : 0;
}

/*
 * Populate [s, e): one section or part of one, or a run of n whole
 * sections, which all cost the same way.  The table counts telescope
 * (each section skips what the one before it populated), so a run is
 * counted in one step and the model's cost does not grow with the size.
 */
static void populate_span(const struct memmap_profile *p,
			  const struct memmap_config *cfg, uint64_t ms,
			  uint64_t s, uint64_t e, uint64_t n, bool dedup,
			  struct walk *w, struct memmap_cost *cost)
{
	uint64_t sp = p->struct_page_size, page = p->page_size;
	uint64_t sec_memmap = p->section_size / page * sp;
	uint64_t pte_span = page / 8 * page; /* VA one PTE table maps */
	uint64_t vstart = s / page * sp, vend = e / page * sp;
	uint64_t per_section = n > 1 ? sec_memmap : vend - vstart;
	bool altmap = cfg->location == MEMMAP_PMEM;
	uint64_t bytes;

	if (dedup) {
		uint64_t cpages = cfg->align / page;
		uint64_t step = min_u64(per_section, cpages * sp);
		uint64_t kept = cost->head_only ? 1 : p->vmemmap_pages_kept;
		uint64_t heads = n;

		cost->dram_pgtable +=
			tables_touched(vstart, vend, pte_span, &w->last_pte) *
			page;
		if (cfg->align > p->subsection_size)
			heads = sections_with_head(ms, s, n, p->section_size,
						   cfg->align);
		cost->dram_memmap +=
			heads * ((per_section + step - 1) / step) * kept * page;
		return;
	}
	if (per_section < sec_memmap && p->partial_section_basepages) {
		cost->dram_memmap += align_up(vend, page) -
				     align_down(vstart, page);
		cost->dram_pgtable +=
			tables_touched(vstart, vend, pte_span, &w->last_pte) *
			page;
		return;
	}
	if (p->vmemmap_pmd_blocks) {
		/* A block shared with the previous section is there. */
		bytes = tables_touched(vstart, vend, p->pmd_size,
				       &w->last_block) *
			p->pmd_size;
		/*
		 * altmap_alloc_block_buf(): the first PMD block taken from
		 * a namespace's altmap starts at the next PMD-aligned pfn
		 * after the info block; the pages skipped are the altmap's
		 * "align", counted in memmap_device_bytes.
		 */
		if (altmap && bytes && !cost->device_memmap &&
		    cfg->info_block && cfg->mode != MEMMAP_MODE_SYSTEM_RAM)
			cost->device_memmap +=
				align_up(cfg->start + INFO_BLOCK_END,
					 p->pmd_size) -
				(cfg->start + INFO_BLOCK_END);
		if (altmap)
			cost->device_memmap += bytes;
		else
			cost->dram_memmap += bytes;
		return;
	}
	/* Base pages, from the altmap when there is one. */
	bytes = align_up(vend, page) - align_down(vstart, page);
	if (altmap)
		cost->device_memmap += bytes;
	else
		cost->dram_memmap += bytes;
	cost->dram_pgtable +=
		tables_touched(vstart, vend, pte_span, &w->last_pte) * page;
}

/*
 * Populate the memmap of [ms, me) the way __add_pages() walks it, one
 * section at a time: the part of a section at each end, and the whole
 * sections between them as one run.
 */
static void populate(const struct memmap_profile *p,
		     const struct memmap_config *cfg, uint64_t ms, uint64_t me,
		     bool dedup, struct memmap_cost *cost)
{
	uint64_t sp = p->struct_page_size, page = p->page_size;
	uint64_t pmd_span = page / 8 * (page / 8 * page); /* VA a PMD table maps */
	uint64_t sec = p->section_size;
	uint64_t first_end = min_u64(align_down(ms, sec) + sec, me);
	struct walk w = { UINT64_MAX, UINT64_MAX };
	uint64_t vstart, vend, run_start, run_end;

	if (me <= ms)
		return;
	/*
	 * A PMD table per 1G of vmemmap (64G of device).  The table that
	 * covers the first byte is shared with whatever memory lies below,
	 * so only tables that start inside the range are new.
	 */
	vstart = ms / page * sp;
	vend = me / page * sp;
	cost->dram_pgtable += ((vend + pmd_span - 1) / pmd_span -
			       (vstart + pmd_span - 1) / pmd_span) *
			      page;

	run_start = ms;
	if (ms % sec || first_end - ms < sec) {
		populate_span(p, cfg, ms, ms, first_end, 1, dedup, &w, cost);
		run_start = first_end;
	}
	run_end = max_u64(run_start, align_down(me, sec));
	if (run_end > run_start)
		populate_span(p, cfg, ms, run_start, run_end,
			      (run_end - run_start) / sec, dedup, &w, cost);
	if (me > run_end)
		populate_span(p, cfg, ms, run_end, me, 1, dedup, &w, cost);
}

bool memmap_reserves(const struct memmap_config *cfg)
{
	if (cfg->keep_reserve)
		return true;
	return cfg->location == MEMMAP_PMEM &&
	       cfg->mode != MEMMAP_MODE_SYSTEM_RAM;
}

/* nd_pfn_init(): where the data starts and how much of the end is lost. */
int memmap_info_block_layout(const struct memmap_profile *p,
			     const struct memmap_config *cfg,
			     struct memmap_cost *cost)
{
	uint64_t a = max_u64(cfg->align, p->subsection_size);
	uint64_t end = cfg->start + cfg->size;
	uint64_t npfns, data;

	if (!cfg->size || cfg->start >= p->addr_limit ||
	    cfg->size > p->addr_limit - cfg->start)
		return MEMMAP_ERANGE;
	if (cfg->align & (cfg->align - 1))
		return MEMMAP_EALIGN;
	if (cfg->start % p->subsection_size)
		return MEMMAP_ESTART;
	if (cfg->size <= INFO_BLOCK_END)
		return MEMMAP_ETOOSMALL;
	cost->end_trunc = end - align_down(end, a);
	npfns = (cfg->size - INFO_BLOCK_END) / p->page_size;
	data = cfg->start + INFO_BLOCK_END;
	/* The reserve always assumes 64 bytes per page (MAX_STRUCT_PAGE_SIZE). */
	if (memmap_reserves(cfg))
		data += p->reserve_per_page * npfns;
	cost->dataoff = align_up(data, a) - cfg->start;
	if (cost->dataoff + cost->end_trunc >= cfg->size)
		return MEMMAP_ETOOSMALL;
	cost->usable = cfg->size - cost->dataoff - cost->end_trunc;
	return MEMMAP_OK;
}

int memmap_plan(const struct memmap_profile *p,
		const struct memmap_config *cfg, struct memmap_cost *cost)
{
	uint64_t ms, me;
	int rc;

	*cost = (struct memmap_cost){ 0 };
	/* Checked first: everything below adds start and size. */
	if (!cfg->size || cfg->start >= p->addr_limit ||
	    cfg->size > p->addr_limit - cfg->start)
		return MEMMAP_ERANGE;
	if (!memmap_align_supported(p, cfg->align))
		return MEMMAP_EALIGN;
	if (cfg->mode == MEMMAP_MODE_SYSTEM_RAM) {
		/* The memmap on the memory: memmap_on_memory. */
		if (cfg->location == MEMMAP_PMEM &&
		    !p->memmap_on_memory_control)
			return MEMMAP_EUNSUPPORTED;
	} else if (cfg->location == MEMMAP_PMEM && !cfg->info_block) {
		return MEMMAP_ENORESERVE;
	}
	if (cfg->keep_reserve && cfg->location == MEMMAP_DRAM &&
	    cfg->mode != MEMMAP_MODE_SYSTEM_RAM &&
	    !p->memmap_location_control)
		return MEMMAP_EUNSUPPORTED;
	if (!cfg->compound && cfg->mode == MEMMAP_MODE_DEVDAX &&
	    cfg->align > p->page_size && !p->compound_control)
		return MEMMAP_EUNSUPPORTED;
	if (cfg->head_only && !p->vmemmap_head_only_control)
		return MEMMAP_EUNSUPPORTED;

	if (cfg->info_block) {
		rc = memmap_info_block_layout(p, cfg, cost);
		if (rc)
			return rc;
		/* The pgmap covers the whole namespace but the lost tail. */
		ms = cfg->start;
		me = cfg->start + cfg->size - cost->end_trunc;
		/* ... or only the data when the reserve is left unused. */
		if (cfg->keep_reserve && cfg->location == MEMMAP_DRAM)
			ms = cfg->start + cost->dataoff;
	} else {
		if (cfg->start % cfg->align || cfg->size % cfg->align)
			return MEMMAP_ESTART;
		cost->usable = cfg->size;
		ms = cfg->start;
		me = cfg->start + cfg->size;
	}

	if (cfg->mode == MEMMAP_MODE_SYSTEM_RAM) {
		/* kmem hot-adds the whole memory blocks of the data range. */
		uint64_t ds = align_up(cfg->start + cost->dataoff,
				       p->memory_block_size);
		uint64_t de = align_down(cfg->start + cfg->size -
						 cost->end_trunc,
					 p->memory_block_size);

		if (de <= ds)
			return MEMMAP_ETOOSMALL;
		cost->memblocks = (de - ds) / p->memory_block_size;
		cost->usable = de - ds;
		ms = ds;
		me = de;
		cost->dedup = false;
	} else {
		cost->dedup = memmap_dedup(p, cfg);
		/* dev_dax_probe() sets PGMAP_VMEMMAP_HEAD_ONLY only then. */
		cost->head_only = cost->dedup && cfg->head_only;
		if (cfg->mode == MEMMAP_MODE_DEVDAX && cfg->compound &&
		    cfg->align > p->page_size)
			cost->compound_pages = (me - ms + cfg->align - 1) /
					       cfg->align;
	}
	cost->mapped = me - ms;
	populate(p, cfg, ms, me, cost->dedup, cost);
	/* One arch_add_memory() per block: 2M direct-map pages throughout. */
	if (cfg->mode == MEMMAP_MODE_SYSTEM_RAM &&
	    cfg->location == MEMMAP_PMEM && p->memmap_on_memory_per_block)
		cost->dram_pgtable += (align_up(me, p->pud_size) -
				       align_down(ms, p->pud_size)) /
				      p->pud_size * p->page_size;
	cost->dram_total = cost->dram_memmap + cost->dram_pgtable;
	/* Each memory block gives its first pages to its own memmap. */
	if (cfg->mode == MEMMAP_MODE_SYSTEM_RAM)
		cost->usable -= cost->device_memmap;
	cost->device_overhead = cfg->size - cost->usable;
	return MEMMAP_OK;
}

const char *memmap_strerror(int err)
{
	switch (err) {
	case MEMMAP_OK:
		return "ok";
	case MEMMAP_EALIGN:
		return "alignment not supported by this kernel profile";
	case MEMMAP_ESTART:
		return "range is not aligned as the kernel requires";
	case MEMMAP_ETOOSMALL:
		return "nothing usable is left after the info block";
	case MEMMAP_ENORESERVE:
		return "memmap on the device needs a namespace info block";
	case MEMMAP_EUNSUPPORTED:
		return "not supported by this kernel profile";
	case MEMMAP_ERANGE:
		return "empty, or beyond the addresses this architecture has";
	}
	return "unknown error";
}
