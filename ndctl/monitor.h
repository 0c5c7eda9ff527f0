/* SPDX-License-Identifier: GPL-2.0 */
/* ndctl monitor's config file (monitor-config.c). */
#ifndef NDCTL_MONITOR_H
#define NDCTL_MONITOR_H

#include <stdbool.h>
#include <stddef.h>

enum mon_key {
	MON_KEY_BUS,
	MON_KEY_DIMM,
	MON_KEY_REGION,
	MON_KEY_NAMESPACE,
	MON_KEY_DIMM_EVENT,
	MON_KEY_LOG,
	MON_KEY_COUNT,
};

struct mon_conf {
	char *v[MON_KEY_COUNT]; /* values given, space-joined; or NULL */
	int line[MON_KEY_COUNT];
	char file[4096]; /* the file read, or "" */
};

/*
 * Parse len bytes of text (with room for a NUL at text[len]) named file
 * in messages; returns the number of errors printed, one line each.
 */
int mon_conf_parse(struct mon_conf *conf, const char *file, char *text,
		   size_t len);
/*
 * Read path: a file, or a directory whose monitor.conf is read if it
 * is there.  named: the user gave it (a missing path is an error).
 * Returns the number of errors printed.
 */
int mon_conf_load(struct mon_conf *conf, const char *path, bool named);
void mon_conf_free(struct mon_conf *conf);

#endif
