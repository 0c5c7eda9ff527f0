// SPDX-License-Identifier: GPL-2.0
/*
 * The model against hand-computed values.  Every figure here is worked
 * out in Documentation/memmap-sizing.adoc; the 16 GiB ones were measured
 * on Debian's 6.1 kernel (DESIGN.md section 2).
 */
#include <stdlib.h>
#include <string.h>

#include <memmap/memmap.h>
#include <memmap/planner.h>
#include "tap.h"

#define KiB(x) ((uint64_t)(x) << 10)
#define MiB(x) ((uint64_t)(x) << 20)
#define GiB(x) ((uint64_t)(x) << 30)
#define TiB(x) ((uint64_t)(x) << 40)

static const struct memmap_profile *x86 = &memmap_profile_linux61_x86_64;

static struct memmap_cost plan(const struct memmap_profile *p, uint64_t start,
			       uint64_t size, uint64_t align,
			       enum memmap_location loc, bool info_block)
{
	struct memmap_config cfg = {
		.start = start,
		.size = size,
		.align = align,
		.location = loc,
		.compound = true,
		.mode = MEMMAP_MODE_DEVDAX,
		.info_block = info_block,
	};
	struct memmap_cost cost;
	int rc = memmap_plan(p, &cfg, &cost);

	if (rc)
		tap_ok(false, "memmap_plan failed: %s", memmap_strerror(rc));
	return cost;
}

static void eq(uint64_t got, uint64_t want, const char *what)
{
	tap_ok(got == want, "%s: %llu (want %llu)", what,
	       (unsigned long long)got, (unsigned long long)want);
}

static void measured_16g(void)
{
	struct memmap_cost c;

	/* namespace at 4 GiB, memmap in DRAM: the measured table. */
	c = plan(x86, GiB(4), GiB(16), KiB(4), MEMMAP_DRAM, true);
	eq(c.dram_total, KiB(262144), "16G 4K dram total");
	eq(c.dram_pgtable, 0, "16G 4K: PMD table shared with RAM below");
	tap_ok(!c.dedup, "16G 4K: no dedup");
	c = plan(x86, GiB(4), GiB(16), MiB(2), MEMMAP_DRAM, true);
	eq(c.dram_memmap, KiB(65536), "16G 2M vmemmap data pages");
	eq(c.dram_pgtable, KiB(512), "16G 2M PTE tables");
	eq(c.dram_total, KiB(66048), "16G 2M dram total");
	eq(c.compound_pages, 8192, "16G 2M compound pages");
	c = plan(x86, GiB(4), GiB(16), GiB(1), MEMMAP_DRAM, true);
	eq(c.dram_memmap, KiB(128), "16G 1G vmemmap data pages");
	eq(c.dram_total, KiB(640), "16G 1G dram total");
	c = plan(x86, GiB(4), GiB(16), MiB(2), MEMMAP_PMEM, true);
	eq(c.dram_total, 0, "16G 2M map=dev: nothing in DRAM");
	/* Measured (kernel suite): 270,524,416 at 4K, 2M and 1G. */
	eq(c.device_memmap, MiB(256) + MiB(2) - KiB(8),
	   "16G 2M map=dev: 256M from the altmap, after 2M - 8K of padding");
	tap_ok(!c.dedup, "altmap turns dedup off");
}

static void one_tib(void)
{
	struct memmap_cost c;

	c = plan(x86, GiB(4), TiB(1), KiB(4), MEMMAP_DRAM, false);
	eq(c.dram_memmap, GiB(16), "1T 4K: 16 GiB of struct pages");
	eq(c.dram_pgtable, KiB(64), "1T 4K: one PMD table per 64 GiB");
	c = plan(x86, GiB(4), TiB(1), MiB(2), MEMMAP_DRAM, false);
	eq(c.dram_memmap, GiB(4), "1T 2M: 4 GiB");
	eq(c.dram_pgtable, MiB(32) + KiB(64), "1T 2M: 32 MiB PTE + PMD tables");
	c = plan(x86, GiB(4), TiB(1), GiB(1), MEMMAP_DRAM, false);
	eq(c.dram_memmap, MiB(8), "1T 1G: 8 KiB per GiB");
	eq(c.dram_total, MiB(40) + KiB(64), "1T 1G: about 40 MiB");
}

static void info_blocks(void)
{
	struct memmap_cost c;

	c = plan(x86, GiB(4), GiB(8), MiB(2), MEMMAP_DRAM, true);
	eq(c.usable, GiB(8) - MiB(2), "8G ram/2M usable");
	eq(c.dataoff, MiB(2), "8G ram/2M dataoff");
	c = plan(x86, GiB(4), GiB(8), MiB(2), MEMMAP_PMEM, true);
	eq(c.usable, GiB(8) - MiB(130), "8G pmem/2M usable");
	c = plan(x86, GiB(4), GiB(8), GiB(1), MEMMAP_DRAM, true);
	eq(c.usable, GiB(7), "8G ram/1G usable");
	/* The captured fixtures: 4G ram/2M and 6G at 9G pmem/1G. */
	c = plan(x86, GiB(4), GiB(4), MiB(2), MEMMAP_DRAM, true);
	eq(c.usable, 4292870144ULL, "fixture dax0.0 size");
	c = plan(x86, GiB(9), GiB(6), GiB(1), MEMMAP_PMEM, true);
	eq(c.usable, 5368709120ULL, "fixture dax1.0 size");
	/* Odd size: 5G + 6M at 1G align loses the 6M tail. */
	c = plan(x86, GiB(4), GiB(5) + MiB(6), GiB(1), MEMMAP_DRAM, true);
	eq(c.end_trunc, MiB(6), "5G+6M at 1G: end_trunc");
	eq(c.usable, GiB(4), "5G+6M at 1G: usable");
	eq(c.mapped, GiB(5), "5G+6M at 1G: memmap covers 5G");
}

static void unaligned_start(void)
{
	struct memmap_cost c;

	/*
	 * Start 2M past 4G: the first section (126M) and the last (2M) are
	 * partial, so their struct pages are base pages from DRAM even with
	 * memmap=pmem; and with 1G compound pages every
	 * later section starts inside a compound page, so it reuses the
	 * previous tail page.
	 */
	c = plan(x86, GiB(4) + MiB(2), GiB(4), MiB(2), MEMMAP_PMEM, true);
	eq(c.dram_memmap, (MiB(126) + MiB(2)) / 64,
	   "partial first and last sections: base pages");
	eq(c.dram_pgtable, KiB(8), "partial sections: a PTE table each");
	c = plan(x86, GiB(4) + MiB(2), GiB(4) - MiB(2), GiB(1), MEMMAP_DRAM,
		 true);
	eq(c.dram_memmap, KiB(8), "1G compound off a 1G boundary: 2 pages");
}

static void no_dedup_56(void)
{
	struct memmap_profile tiny = *x86;
	struct memmap_cost c;

	tiny.struct_page_size = 56;
	c = plan(&tiny, GiB(4), GiB(16), MiB(2), MEMMAP_DRAM, true);
	tap_ok(!c.dedup, "56-byte struct page: no dedup");
	eq(c.dram_memmap, GiB(16) / 4096 * 56, "56-byte struct page: S*56/4K");
}

static void errors(void)
{
	struct memmap_config cfg = { .start = GiB(4),
				     .size = GiB(16),
				     .align = MiB(4),
				     .compound = true,
				     .info_block = true };
	struct memmap_cost c;

	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_EALIGN, "4M align rejected");
	cfg.align = MiB(2);
	cfg.location = MEMMAP_PMEM;
	cfg.info_block = false;
	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_ENORESERVE,
	       "memmap=pmem without an info block rejected");
	cfg.location = MEMMAP_DRAM;
	cfg.compound = false;
	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_EUNSUPPORTED,
	       "compound off needs the patched kernel");
	cfg.compound = true;
	cfg.info_block = true;
	cfg.size = GiB(1);
	cfg.align = GiB(1);
	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_ETOOSMALL,
	       "1G namespace at 1G align leaves nothing");
}

static void system_ram(void)
{
	struct memmap_config cfg = { .start = GiB(4),
				     .size = GiB(4),
				     .align = MiB(2),
				     .compound = true,
				     .mode = MEMMAP_MODE_SYSTEM_RAM,
				     .info_block = true };
	struct memmap_cost c;

	tap_ok(memmap_plan(x86, &cfg, &c) == 0, "system-ram plan");
	eq(c.memblocks, 31, "4G namespace: 31 whole memory blocks");
	eq(c.dram_memmap, 31 * MiB(2), "system-ram memmap: S/64");
}

/*
 * The patched kernel's own counters (memmap_dram_bytes) on a 16 GiB
 * namespace at 4G, from the kernel suite: the model must equal them.
 */
static void patched(void)
{
	const struct memmap_profile *p = &memmap_profile_linux61_patched;
	struct memmap_config cfg = { .start = GiB(4),
				     .size = GiB(16),
				     .align = MiB(2),
				     .location = MEMMAP_DRAM,
				     .compound = true,
				     .mode = MEMMAP_MODE_DEVDAX,
				     .info_block = true,
				     .keep_reserve = true };
	struct memmap_cost c;

	tap_ok(memmap_plan(p, &cfg, &c) == 0, "patched: dram over a reserve");
	eq(c.dram_total, 66568192, "patched 2M dram over reserve: kernel count");
	eq(c.usable, 16909336576ULL, "patched 2M: reserve still set aside");
	cfg.align = GiB(1);
	memmap_plan(p, &cfg, &c);
	eq(c.dram_total, 614400, "patched 1G dram over reserve: kernel count");
	cfg.align = KiB(4);
	memmap_plan(p, &cfg, &c);
	eq(c.dram_total, 264212480, "patched 4K dram over reserve: kernel count");
	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_EUNSUPPORTED,
	       "stock: dram over a reserve is unsupported");

	cfg = (struct memmap_config){ .start = GiB(4), .size = GiB(16),
				      .align = MiB(2), .compound = false,
				      .mode = MEMMAP_MODE_DEVDAX,
				      .info_block = true };
	tap_ok(memmap_plan(p, &cfg, &c) == 0, "patched: compound off");
	eq(c.dram_total, 268435456, "patched 2M compound off: S/64, kernel count");

	cfg = (struct memmap_config){ .start = GiB(4), .size = GiB(16),
				      .align = MiB(2), .compound = true,
				      .location = MEMMAP_PMEM,
				      .mode = MEMMAP_MODE_SYSTEM_RAM,
				      .info_block = true };
	tap_ok(memmap_plan(p, &cfg, &c) == 0, "patched: memmap_on_memory");
	eq(c.dram_memmap, 0, "memmap_on_memory: no memmap in DRAM");
	eq(c.device_memmap, 127 * MiB(2), "memmap_on_memory: 2M per block");
	eq(c.usable, 127 * (MiB(128) - MiB(2)), "each block loses 2M");
	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_EUNSUPPORTED,
	       "stock: memmap_on_memory unsupported");
}

/*
 * vmemmap_head_only (kernel-patches/): one vmemmap page per compound
 * page.  The 16 GiB figures are the kernel's memmap_dram_bytes from the
 * kernel suite (a devdax namespace at 4G, memmap in DRAM).
 */
static void head_only(void)
{
	const struct memmap_profile *p =
		&memmap_profile_linux61_patched_head_only;
	struct memmap_config cfg = { .start = GiB(4),
				     .size = GiB(16),
				     .align = MiB(2),
				     .location = MEMMAP_DRAM,
				     .compound = true,
				     .mode = MEMMAP_MODE_DEVDAX,
				     .info_block = true,
				     .head_only = true };
	struct memmap_cost c;

	tap_ok(memmap_profile_find("linux-6.1-patched-head-only") == p,
	       "head-only profile found by name");
	tap_ok(memmap_plan(p, &cfg, &c) == 0 && c.head_only && c.dedup,
	       "head-only: 16G 2M plans, deduplicated to one page");
	eq(c.dram_memmap, MiB(32), "head-only 16G 2M: 4K per compound page");
	eq(c.dram_total, 34078720, "head-only 16G 2M: kernel count");
	eq(c.compound_pages, 8192, "head-only 16G 2M: compound pages");
	cfg.align = GiB(1);
	memmap_plan(p, &cfg, &c);
	eq(c.dram_memmap, KiB(64), "head-only 16G 1G: 4K per compound page");
	eq(c.dram_total, 589824, "head-only 16G 1G: kernel count");
	cfg.head_only = false;
	memmap_plan(p, &cfg, &c);
	eq(c.dram_total, 655360, "head-only profile, attribute 0: unchanged");

	/* Per TiB, a dynamic device at 1T: 2 GiB + 32 MiB + 64 KiB at 2M. */
	cfg = (struct memmap_config){ .start = TiB(1), .size = TiB(1),
				      .align = MiB(2), .compound = true,
				      .mode = MEMMAP_MODE_DEVDAX,
				      .head_only = true };
	memmap_plan(p, &cfg, &c);
	eq(c.dram_memmap, GiB(2), "head-only 1T 2M: 2 GiB of memmap");
	eq(c.dram_pgtable, MiB(32) + KiB(64),
	   "head-only 1T 2M: PTE tables per 128M, PMD tables per 64G");
	cfg.align = GiB(1);
	memmap_plan(p, &cfg, &c);
	eq(c.dram_memmap, MiB(4), "head-only 1T 1G: 4 MiB of memmap");
	eq(c.dram_total, MiB(36) + KiB(64), "head-only 1T 1G: total");
	cfg.head_only = false;
	memmap_plan(p, &cfg, &c);
	eq(c.dram_memmap, MiB(8), "1T 1G without it: 8 MiB of memmap");

	/* Ignored where nothing is deduplicated, as device_dax ignores it. */
	cfg = (struct memmap_config){ .start = GiB(4), .size = GiB(16),
				      .align = KiB(4), .compound = true,
				      .mode = MEMMAP_MODE_DEVDAX,
				      .info_block = true, .head_only = true };
	memmap_plan(p, &cfg, &c);
	tap_ok(!c.head_only && c.dram_total == 268435456,
	       "head-only at 4K: no effect, S/64");
	cfg.align = MiB(2);
	cfg.compound = false;
	memmap_plan(p, &cfg, &c);
	tap_ok(!c.head_only && c.dram_total == 268435456,
	       "head-only with compound off: no effect");
	cfg.compound = true;
	cfg.location = MEMMAP_PMEM;
	memmap_plan(p, &cfg, &c);
	tap_ok(!c.head_only && c.dram_total == 0 && !c.dedup,
	       "head-only with the memmap on the device: no effect");
	cfg.location = MEMMAP_DRAM;
	tap_ok(memmap_plan(&memmap_profile_linux61_patched, &cfg, &c) ==
		       MEMMAP_EUNSUPPORTED,
	       "head-only needs a kernel with the attribute");
	tap_ok(memmap_plan(x86, &cfg, &c) == MEMMAP_EUNSUPPORTED,
	       "stock: head-only unsupported");
}

/* Which candidates the planner lists, and which one is current. */
static void head_only_plan(void)
{
	const struct memmap_profile *p =
		&memmap_profile_linux61_patched_head_only;
	struct planner_target t = { .start = GiB(4),
				    .size = GiB(16),
				    .mode = MEMMAP_MODE_DEVDAX,
				    .info_block = true,
				    .has_current = true,
				    .cur = { .align = MiB(2),
					     .location = MEMMAP_DRAM,
					     .compound = true,
					     .head_only = true } };
	struct planner_filter f = { .location = -1,
				    .compound = -1,
				    .head_only = -1 };
	struct planner_result *pl = calloc(1, sizeof(*pl));
	int i, n = 0, cur = -1, plain2m = -1;

	planner_build(p, &t, &f, pl);
	for (i = 0; i < pl->count; i++) {
		const struct planner_candidate *c = &pl->c[i];

		if (c->cost.head_only) {
			n++;
			tap_ok(c->cfg.location == MEMMAP_DRAM &&
				       c->cfg.compound && c->cfg.align > KiB(4),
			       "head-only candidate %d: dram, compound",
			       i);
		}
		if (c->current)
			cur = i;
		if (c->cfg.align == MiB(2) && !c->cost.head_only &&
		    c->cfg.location == MEMMAP_DRAM && c->cfg.compound)
			plain2m = i;
	}
	eq(n, 2, "head-only candidates at 2M and 1G");
	tap_ok(cur >= 0 && pl->c[cur].cost.head_only &&
		       pl->c[cur].cost.dram_total == 34078720,
	       "the current candidate is the head-only 2M one");
	tap_ok(plain2m >= 0 && !pl->c[plain2m].destructive,
	       "going back to two pages is not destructive");
	tap_ok(cur >= 0 && !pl->c[cur].destructive,
	       "head-only is a bind-time choice, not destructive");

	f.head_only = 1;
	planner_build(p, &t, &f, pl);
	n = 0;
	for (i = 0; i < pl->count; i++)
		n += pl->c[i].cost.head_only;
	tap_ok(pl->count == 2 && n == 2,
	       "--vmemmap-head-only on: only the head-only candidates");

	f.head_only = -1;
	planner_build(&memmap_profile_linux61_patched, &t, &f, pl);
	n = 0;
	for (i = 0; i < pl->count; i++)
		n += pl->c[i].cost.head_only;
	eq(n, 0, "no head-only candidate where the kernel lacks it");

	/* Set, but the memmap is on the device: the plain candidate. */
	t.cur.location = MEMMAP_PMEM;
	planner_build(p, &t, &f, pl);
	cur = -1;
	for (i = 0; i < pl->count; i++)
		if (pl->c[i].current)
			cur = i;
	tap_ok(cur >= 0 && pl->c[cur].cfg.location == MEMMAP_PMEM &&
		       !pl->c[cur].cost.head_only,
	       "attribute set with memmap=pmem: current is the plain one");
	free(pl);
}

static void arm64(void)
{
	const struct memmap_profile *p = memmap_profile_find("linux-6.1-arm64-64k");
	struct memmap_cost c;

	tap_ok(p != NULL, "arm64 64K profile exists");
	c = plan(p, GiB(4), GiB(16), KiB(64), MEMMAP_DRAM, false);
	eq(c.dram_memmap, MiB(16), "arm64 64K: 16G costs 16 MiB at 64K");
}

/* Input past the address space is refused; any size costs the same time. */
static void ranges(void)
{
	const struct memmap_profile *p = &memmap_profile_linux61_x86_64;
	struct memmap_config cfg = { .start = TiB(1), .size = 0,
				     .align = MiB(2), .compound = true,
				     .mode = MEMMAP_MODE_DEVDAX };
	struct memmap_cost c;

	tap_ok(memmap_plan(p, &cfg, &c) == MEMMAP_ERANGE, "size 0 is refused");
	cfg.start = UINT64_MAX - KiB(4) + 1;
	cfg.size = GiB(8);
	tap_ok(memmap_plan(p, &cfg, &c) == MEMMAP_ERANGE,
	       "a range that wraps past 2^64 is refused");
	cfg.start = TiB(1);
	cfg.size = 15ULL << 60;
	tap_ok(memmap_plan(p, &cfg, &c) == MEMMAP_ERANGE,
	       "15E is past the 57-bit address space");

	/* 64 PiB, closed form: 2 vmemmap pages per 2M, a PTE table per 128M. */
	cfg.size = 64ULL << 50;
	tap_ok(memmap_plan(p, &cfg, &c) == 0, "64P plans");
	eq(c.dram_memmap, (64ULL << 50) / MiB(2) * KiB(8),
	   "64P at 2M: 8K of memmap per 2M");
	eq(c.dram_pgtable, (64ULL << 50) / MiB(128) * KiB(4) +
				   (64ULL << 50) / GiB(64) * KiB(4),
	   "64P at 2M: a PTE table per 128M and a PMD table per 64G");
	cfg.align = KiB(4);
	memmap_plan(p, &cfg, &c);
	eq(c.dram_memmap, (64ULL << 50) / 64, "64P at 4K: S/64");
}

/* The DRAM budget: 0 free is a budget, unknown is not, and no wrap. */
static void budget(void)
{
	struct planner_target t = { .start = GiB(4),
				    .size = GiB(16),
				    .mode = MEMMAP_MODE_DEVDAX,
				    .info_block = true };
	struct planner_filter f = { .aligns = { MiB(2) },
				    .location = MEMMAP_DRAM,
				    .compound = 1,
				    .head_only = -1 };
	struct planner_result *pl = calloc(1, sizeof(*pl));

	planner_build(&memmap_profile_linux61_x86_64, &t, &f, pl);
	tap_ok(pl->count == 1 && pl->c[0].fits,
	       "unknown free memory: the candidate is not held back");
	t.node_free_known = true;
	planner_build(&memmap_profile_linux61_x86_64, &t, &f, pl);
	tap_ok(pl->count == 1 && !pl->c[0].fits && pl->recommended < 0,
	       "0 bytes free: a memmap in DRAM does not fit");
	t.node_free = GiB(1);
	t.reserve = UINT64_MAX - MiB(1);
	planner_build(&memmap_profile_linux61_x86_64, &t, &f, pl);
	tap_ok(pl->count == 1 && !pl->c[0].fits,
	       "a reserve near 2^64 does not wrap into a fit");
	t.reserve = MiB(256);
	planner_build(&memmap_profile_linux61_x86_64, &t, &f, pl);
	tap_ok(pl->count == 1 && pl->c[0].fits,
	       "1 GiB free, 256 MiB kept: a 16 GiB device at 2M fits");
	free(pl);
}

int main(void)
{
	measured_16g();
	one_tib();
	info_blocks();
	unaligned_start();
	no_dedup_56();
	errors();
	system_ram();
	patched();
	head_only();
	head_only_plan();
	arm64();
	ranges();
	budget();
	return tap_done();
}
