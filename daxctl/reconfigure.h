/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What reconfigure-device is asked to do: filled from the command line,
 * or from a section of /etc/daxctl.conf.d by --check-config (config.c).
 */
#ifndef DAXCTL_RECONFIGURE_H
#define DAXCTL_RECONFIGURE_H

#include <stdbool.h>

struct reconf_opts {
	const char *mode, *memmap, *align, *size, *region, *reserve, *sysroot;
	int compound, movable, head_only; /* -1: not asked for */
	int verbose;
	bool no_online, force, dry_run, human;
	/* Boot-time reconfiguration (config.c). */
	bool check_config, save_config;
	const char *config_dir; /* NULL: DAXCTL_CONF_DIR */
};

#endif
