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
}

int main(void)
{
	round_trips();
	aliases();
	expected();
	return tap_done();
}
