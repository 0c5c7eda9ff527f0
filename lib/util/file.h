/* SPDX-License-Identifier: GPL-2.0 */
#ifndef UTIL_FILE_H
#define UTIL_FILE_H

#include <stddef.h>

/*
 * All len bytes of buf to fd, write() after write() until done (a write
 * may take part of it; an interrupted one is retried): 0, or -errno, or
 * -EIO when a write takes nothing.  The fd stays open.
 */
int write_all(int fd, const void *buf, size_t len);

#endif
