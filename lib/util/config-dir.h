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
 * at most a bounded size; hidden files are skipped.  Returns 0, or the
 * number of errors printed (each naming the file, and the line where
 * there is one), or a negative errno when dir cannot be read.
 */
int config_load(const char *dir, struct config *cfg);

#endif
