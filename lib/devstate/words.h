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

/* WORD_PRINT: the value's name in output; WORD_TAKE: accepted as input. */
#define WORD_PRINT 1u
#define WORD_TAKE 2u

struct word {
	const char *name;
	int value;
	unsigned int use;
};

/* Each table ends with a NULL name. */
extern const struct word dax_mode_words[];
extern const struct word ns_mode_words[];
extern const struct word ns_map_words[];
extern const struct word memmap_mode_words[];
extern const struct word memmap_location_words[];

/* The printed word of value, or fallback when the table has none. */
const char *word_of(const struct word *table, int value, const char *fallback);
/* The value of an accepted word: 0, or -EINVAL. */
int word_value(const struct word *table, const char *name, int *value);
/* The words both printed and taken, "a, b or c", for a message. */
void words_expected(const struct word *table, char *buf, size_t len);

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
