/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A table of words for the values of one enum: the word printed for a
 * value, and the words (aliases included) taken back as it.  The tables
 * themselves live with the enums they name (devstate/words.h); these
 * lookups know no enum, so the INI reader below the libraries can take
 * a table from its caller.
 */
#ifndef UTIL_WORDS_H
#define UTIL_WORDS_H

#include <stddef.h>

/* WORD_PRINT: the value's name in output; WORD_TAKE: accepted as input. */
#define WORD_PRINT 1u
#define WORD_TAKE 2u

struct word {
	const char *name;
	int value;
	unsigned int use;
};

/* The printed word of value, or fallback when the table has none. */
const char *word_of(const struct word *table, int value, const char *fallback);
/* The value of an accepted word: 0, or -EINVAL. */
int word_value(const struct word *table, const char *name, int *value);
/*
 * The value of a word both printed and taken, no alias: what a file
 * written back from the printed words holds.  0, or -EINVAL.
 */
int word_value_printed(const struct word *table, const char *name, int *value);
/* The words both printed and taken, "a, b or c", for a message. */
void words_expected(const struct word *table, char *buf, size_t len);

#endif
