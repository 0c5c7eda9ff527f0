/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The option values both tools take, parsed in one place: a dax
 * device's mode, a namespace's mode, and where the memmap goes.  Each
 * prints "invalid --OPT 'VALUE': expected ..." and returns -EINVAL for
 * anything else.
 */
#ifndef DEVSTATE_PARSE_H
#define DEVSTATE_PARSE_H

#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>
#include <ndctl/libndctl.h>

/* devdax or system-ram. */
int parse_dax_mode(const char *value, enum daxctl_dev_mode *mode);
/* devdax (dax), fsdax (memory) or raw: upstream's names and aliases. */
int parse_ns_mode(const char *value, enum ndctl_ns_mode *mode);
/* devdax, fsdax or system-ram, as the model sees a device. */
int parse_memmap_mode(const char *value, enum memmap_mode *mode);
/*
 * Where the memmap goes, under option opt: "dram" or "pmem", and
 * ndctl's --map words "mem" and "dev" for the same places.
 */
int parse_memmap_location(const char *opt, const char *value,
			  enum memmap_location *location);

#endif
