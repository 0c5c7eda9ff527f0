// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "words.h"

#define BOTH (WORD_PRINT | WORD_TAKE)

const char *word_of(const struct word *table, int value, const char *fallback)
{
	for (; table->name; table++)
		if (table->value == value && table->use & WORD_PRINT)
			return table->name;
	return fallback;
}

static int lookup(const struct word *table, const char *name, unsigned int use,
		  int *value)
{
	for (; table->name; table++)
		if ((table->use & use) == use && !strcmp(table->name, name)) {
			*value = table->value;
			return 0;
		}
	return -EINVAL;
}

int word_value(const struct word *table, const char *name, int *value)
{
	return lookup(table, name, WORD_TAKE, value);
}

int word_value_printed(const struct word *table, const char *name, int *value)
{
	return lookup(table, name, BOTH, value);
}

void words_expected(const struct word *table, char *buf, size_t len)
{
	const struct word *w, *last = NULL;
	size_t n = 0;

	buf[0] = '\0';
	for (w = table; w->name; w++)
		if (w->use == BOTH)
			last = w;
	for (w = table; w->name && n < len; w++) {
		if (w->use != BOTH)
			continue;
		n += snprintf(buf + n, len - n, "%s%s",
			      n ? (w == last ? " or " : ", ") : "", w->name);
	}
}
