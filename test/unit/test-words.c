// SPDX-License-Identifier: GPL-2.0
/*
 * The word tables (lib/devstate/words.c): every word printed for a value
 * is taken back as that value, upstream's aliases are taken, and what no
 * option takes is refused.
 */
#include <errno.h>
#include <string.h>

#include <devstate/parse.h>
#include <devstate/words.h>
#include "tap.h"

static const struct {
	const char *name;
	const struct word *table;
} tables[] = {
	{ "dax mode", dax_mode_words },
	{ "namespace mode", ns_mode_words },
	{ "namespace map", ns_map_words },
	{ "model mode", memmap_mode_words },
	{ "memmap location", memmap_location_words },
};

static void round_trips(void)
{
	const struct word *w;
	size_t i;
	int v;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		bool ok = true;

		for (w = tables[i].table; w->name; w++) {
			if (w->use != (WORD_PRINT | WORD_TAKE))
				continue;
			ok &= !strcmp(word_of(tables[i].table, w->value, "?"),
				      w->name);
			ok &= !word_value(tables[i].table, w->name, &v) &&
			      v == w->value;
		}
		tap_ok(ok, "%s: each word printed is taken back as its value",
		       tables[i].name);
	}
}

static void aliases(void)
{
	enum ndctl_ns_mode ns;
	enum memmap_location loc;
	enum daxctl_dev_mode dax;

	tap_ok(!parse_ns_mode("dax", &ns) && ns == NDCTL_NS_MODE_DEVDAX &&
		       !parse_ns_mode("memory", &ns) &&
		       ns == NDCTL_NS_MODE_FSDAX &&
		       !parse_ns_mode("safe", &ns) &&
		       ns == NDCTL_NS_MODE_SECTOR,
	       "upstream's dax, memory and safe are taken");
	tap_ok(!strcmp(nd_mode_name(NDCTL_NS_MODE_DEVDAX), "devdax") &&
		       !strcmp(nd_mode_name(NDCTL_NS_MODE_FSDAX), "fsdax"),
	       "and printed by their names today");
	tap_ok(!parse_memmap_location("map", "mem", &loc) &&
		       loc == MEMMAP_DRAM &&
		       !parse_memmap_location("map", "dev", &loc) &&
		       loc == MEMMAP_PMEM,
	       "--map mem and dev are the two memmap locations");
	tap_ok(parse_dax_mode("unbound", &dax) == -EINVAL,
	       "'unbound' is printed but no --mode takes it");
	tap_ok(!strcmp(dax_mode_name(DAXCTL_DEV_MODE_UNBOUND), "unbound") &&
		       !strcmp(dax_mode_name(DAXCTL_DEV_MODE_OTHER),
			       "another driver"),
	       "a dax device bound to no driver, or another one");
	tap_ok(parse_ns_mode("DEVDAX", &ns) == -EINVAL &&
		       parse_ns_mode("", &ns) == -EINVAL,
	       "words are matched exactly");
	tap_ok(!strcmp(nd_map_name(NDCTL_MAP_NONE), "none") &&
		       word_value(ns_map_words, "none", (int *)&loc) == -EINVAL,
	       "map 'none' is printed, never taken");
}

static void expected(void)
{
	char buf[96];

	words_expected(ns_mode_words, buf, sizeof(buf));
	tap_ok(!strcmp(buf, "devdax, fsdax, sector or raw"),
	       "the namespace modes a message lists: %s", buf);
	words_expected(memmap_location_words, buf, sizeof(buf));
	tap_ok(!strcmp(buf, "dram or pmem"),
	       "the memmap locations a message lists: %s", buf);
	words_expected(ns_map_words, buf, sizeof(buf));
	tap_ok(!strcmp(buf, "mem or dev"),
	       "ndctl's --map lists its own words for them: %s", buf);
	words_expected(dax_mode_words, buf, sizeof(buf));
	tap_ok(!strcmp(buf, "devdax or system-ram"),
	       "the dax modes a message lists, never unbound: %s", buf);
	words_expected(memmap_mode_words, buf, sizeof(buf));
	tap_ok(!strcmp(buf, "devdax, system-ram or fsdax"),
	       "the model's modes a message lists: %s", buf);
}

/* Each --map word names the place its memmap location word names. */
static void map_and_location(void)
{
	const struct word *w;
	enum memmap_location loc;
	bool ok = true;
	int n = 0;

	for (w = ns_map_words; w->name; w++) {
		if (!(w->use & WORD_TAKE))
			continue;
		n++;
		ok &= !parse_memmap_location("map", w->name, &loc) &&
		      loc == (w->value == NDCTL_MAP_DEV ? MEMMAP_PMEM :
							  MEMMAP_DRAM);
	}
	tap_ok(ok && n == 2, "--map mem|dev: dram and pmem (%d words)", n);
	tap_ok(parse_memmap_location("memmap", "none", &loc) == -EINVAL,
	       "'none' is no memmap location");
}

/* The printed words are the ones a config file and --save-config use. */
static void printed_words(void)
{
	int v;

	tap_ok(!strcmp(dax_mode_name(DAXCTL_DEV_MODE_RAM), "system-ram") &&
		       !strcmp(dax_mode_name(DAXCTL_DEV_MODE_DEVDAX), "devdax"),
	       "dax modes print as system-ram and devdax");
	tap_ok(!strcmp(memmap_location_name(MEMMAP_DRAM), "dram") &&
		       !strcmp(memmap_location_name(MEMMAP_PMEM), "pmem"),
	       "memmap locations print as dram and pmem");
	tap_ok(!strcmp(memmap_mode_name(MEMMAP_MODE_FSDAX), "fsdax") &&
		       !word_value(memmap_mode_words, "fsdax", &v) &&
		       v == MEMMAP_MODE_FSDAX,
	       "the model's fsdax both ways");
	tap_ok(!strcmp(word_of(dax_mode_words, -1, "fallback"), "fallback"),
	       "a value no table lists prints the fallback");
}

int main(void)
{
	round_trips();
	aliases();
	expected();
	map_and_location();
	printed_words();
	return tap_done();
}
