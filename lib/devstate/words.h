/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words of each enum both tools print and take, in one table per
 * enum: the word printed for a value, and the words (with upstream's
 * aliases) an option or a config key accepts for it.
 */
#ifndef DEVSTATE_WORDS_H
#define DEVSTATE_WORDS_H

#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>
#include <ndctl/libndctl.h>
#include <util/words.h>

/* Each table ends with a NULL name. */
extern const struct word dax_mode_words[];
extern const struct word ns_mode_words[];
extern const struct word ns_map_words[];
extern const struct word memmap_mode_words[];
extern const struct word memmap_location_words[];

/*
 * What daxctl's config files take for mode and memmap (config-parse.h):
 * dax_mode_words and memmap_location_words, system-ram the default.
 */
struct config_words;
extern const struct config_words dax_config_words;

static inline const char *dax_mode_name(enum daxctl_dev_mode mode)
{
	return word_of(dax_mode_words, mode, "another driver");
}

static inline const char *nd_mode_name(enum ndctl_ns_mode mode)
{
	return word_of(ns_mode_words, mode, "raw");
}

static inline const char *nd_map_name(enum ndctl_map map)
{
	return word_of(ns_map_words, map, "none");
}

static inline const char *memmap_mode_name(enum memmap_mode mode)
{
	return word_of(memmap_mode_words, mode, "devdax");
}

static inline const char *memmap_location_name(enum memmap_location loc)
{
	return word_of(memmap_location_words, loc, "dram");
}

#endif
