// SPDX-License-Identifier: GPL-2.0
/*
 * Is a device node in use?  A mapping of a device-dax character device
 * outlives the file descriptor that made it, so both the open files and
 * the memory maps of every process are looked at.
 */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inuse.h"
#include "sysfs.h"

static bool has_open(const char *proc, const char *pid, const char *dev)
{
	char dir[PATH_MAX + 300], link[PATH_MAX + 600], target[PATH_MAX];
	struct dirent *d;
	bool found = false;
	DIR *fds;
	ssize_t n;

	snprintf(dir, sizeof(dir), "%s/%s/fd", proc, pid);
	fds = opendir(dir);
	if (!fds)
		return false;
	while (!found && (d = readdir(fds))) {
		snprintf(link, sizeof(link), "%s/%s", dir, d->d_name);
		n = readlink(link, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		found = !strcmp(target, dev);
	}
	closedir(fds);
	return found;
}

static bool has_mapped(const char *proc, const char *pid, const char *dev)
{
	char path[PATH_MAX + 300], line[PATH_MAX + 128];
	size_t len = strlen(dev);
	bool found = false;
	FILE *maps;

	snprintf(path, sizeof(path), "%s/%s/maps", proc, pid);
	maps = fopen(path, "r");
	if (!maps)
		return false;
	while (!found && fgets(line, sizeof(line), maps)) {
		char *p = strstr(line, dev);

		/* The path is the last field; match it whole. */
		found = p &&
			(p[len] == '\n' || p[len] == '\0' || p[len] == ' ');
	}
	fclose(maps);
	return found;
}

pid_t device_user(const struct sysroot *root, const char *dev)
{
	char proc[PATH_MAX];
	struct dirent *d;
	pid_t pid = 0;
	DIR *dir;

	snprintf(proc, sizeof(proc), "%s/proc", sysroot_path(root));
	dir = opendir(proc);
	if (!dir)
		return 0;
	while (!pid && (d = readdir(dir))) {
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		if (has_open(proc, d->d_name, dev) ||
		    has_mapped(proc, d->d_name, dev))
			pid = (pid_t)atoi(d->d_name);
	}
	closedir(dir);
	return pid;
}
