/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The text of daxctl config files: upstream daxctl's INI syntax, as the
 * libiniparser it uses accepts it (see config.h for the keys), read by
 * our own reader so that every error names its file and line, and so
 * that a directory of 10,000 sections loads in linear time.
 *
 *	# comment, ; comment, blank lines
 *	[reconfigure-device NAME]	name and keys in any case
 *	key = value			value up to a ';' or '#', trimmed
 *	key = "value" or 'value'	quoted: kept as it is
 *	key = first part \		a trailing '\' joins the next line
 *
 * Stricter than libiniparser where it silently guessed: a section name
 * used twice, a key given twice in a section, a key before any section,
 * a number out of range and a NUL byte are errors.  Nothing here touches
 * a file or a device: config.c reads the directory and hands each file's
 * bytes to config_parse().
 */
#ifndef DAXCTL_CONFIG_PARSE_H
#define DAXCTL_CONFIG_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "words.h"

#define SECTION_PREFIX "reconfigure-device"

enum config_key {
	KEY_UUID,
	KEY_REGION,
	KEY_RANGE,
	KEY_MODE,
	KEY_ONLINE,
	KEY_MOVABLE,
	KEY_MEMMAP,
	KEY_COMPOUND,
	KEY_HEAD_ONLY,
	KEY_ALIGN,
	KEY_COUNT,
};

/* One [reconfigure-device NAME] section. */
struct section {
	char *name; /* NAME, trimmed and in lower case, as upstream keys it */
	const char *file; /* one of config.files */
	int line;
	int key_line[KEY_COUNT]; /* where each key was given; 0: not given */
	/* What it matches. */
	char *uuid; /* lower case */
	int region; /* -1: no dax.region */
	bool has_range;
	uint64_t start, end;
	/* What it asks for; -1: not given.  mode, memmap: words' values. */
	int mode, memmap;
	uint64_t align;
	int online, movable, compound, head_only;
};

/*
 * The words the mode and memmap keys take, from the caller: this reader
 * knows no device's enums (daxctl gives devstate/words.h's tables).  A
 * key takes its table's printed words, no alias.  ram_mode is the mode
 * value of system-ram, a section's default, where online and movable
 * apply and compound and vmemmap_head_only do not.
 */
struct config_words {
	const struct word *mode, *memmap;
	int ram_mode;
};

struct config {
	const struct config_words *words; /* set before the first parse */
	struct section *s;
	int count, alloc;
	char **files; /* the name each file was parsed under */
	int nfiles, files_alloc;
};

/*
 * Parse one file's text, len bytes that need not end in a NUL, named
 * file in every message, with the words cfg->words gives.  Its sections are added to cfg, each one
 * checked whole; returns the number of errors printed (one line each,
 * "FILE:LINE: ..." or, for no line, "FILE: ...").
 */
int config_parse(struct config *cfg, const char *file, const char *text,
		 size_t len);

/*
 * Upstream's rule, once every file is parsed: a section name is unique
 * across the whole directory.  Returns the number of errors printed.
 */
int config_check_names(struct config *cfg);

bool config_valid_uuid(const char *v);
void config_free(struct config *cfg);

#endif
