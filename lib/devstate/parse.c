// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>

#include <util/log.h>
#include "parse.h"
#include "words.h"

static int lookup(const char *opt, const char *value, const struct word *w,
		  const char *expected, int *out)
{
	char list[96];

	if (!word_value(w, value, out))
		return 0;
	if (!expected) {
		words_expected(w, list, sizeof(list));
		expected = list;
	}
	pr_err("invalid --%s '%s': expected %s", opt, value, expected);
	return -EINVAL;
}

int parse_dax_mode(const char *value, enum daxctl_dev_mode *mode)
{
	int v, rc = lookup("mode", value, dax_mode_words, NULL, &v);

	if (!rc)
		*mode = (enum daxctl_dev_mode)v;
	return rc;
}

int parse_ns_mode(const char *value, enum ndctl_ns_mode *mode)
{
	int v, rc = lookup("mode", value, ns_mode_words, NULL, &v);

	if (!rc)
		*mode = (enum ndctl_ns_mode)v;
	return rc;
}

int parse_memmap_mode(const char *value, enum memmap_mode *mode)
{
	int v, rc = lookup("mode", value, memmap_mode_words, NULL, &v);

	if (!rc)
		*mode = (enum memmap_mode)v;
	return rc;
}

int parse_memmap_location(const char *opt, const char *value,
			  enum memmap_location *location)
{
	char map_words[32];
	int v, rc;

	/* --map offers ndctl's words for the two places, mem and dev. */
	words_expected(ns_map_words, map_words, sizeof(map_words));
	rc = lookup(opt, value, memmap_location_words,
		    !strcmp(opt, "map") ? map_words : NULL, &v);
	if (!rc)
		*location = (enum memmap_location)v;
	return rc;
}
