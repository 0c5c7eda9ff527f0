/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a config directory (every *.conf file in it) into one struct
 * config, for daxctl's boot-time reconfiguration.
 */
#ifndef UTIL_CONFIG_DIR_H
#define UTIL_CONFIG_DIR_H

#include "config-parse.h"

/*
 * Every *.conf file of dir, in name order, parsed into cfg (which the
 * caller frees with config_free() either way).  Regular files only, each
 * at most 4 MiB; hidden files are skipped; a missing directory is an
 * empty config.  Returns 0, or -EINVAL after one line per error (each
 * naming the file, and the line where there is one).
 */
int config_load(const char *dir, const struct config_words *words,
		struct config *cfg);

#endif
