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

/*
 * A new file's whole content: buf to the file open at fd, then closed,
 * with one line naming path and the reason on a failure.  fd < 0 is an
 * open that failed with errno, told the same way.  0, or -errno.
 */
int write_new_file(int fd, const char *path, const void *buf, size_t len);

#endif
