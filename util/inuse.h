/* SPDX-License-Identifier: GPL-2.0 */
#ifndef UTIL_INUSE_H
#define UTIL_INUSE_H

#include <stdbool.h>
#include <sys/types.h>

struct sysroot;

/*
 * The first process (under root's proc/) that has the device node open or
 * mapped, found through /proc/PID/fd and /proc/PID/maps; 0 when none.
 * dev is a /dev path such as "/dev/dax0.0".
 */
pid_t device_user(const struct sysroot *root, const char *dev);

#endif
