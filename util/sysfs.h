/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every sysfs access goes through a root directory ("/" on a live system,
 * a captured fixture in tests), the way util-linux's --sysroot works.
 * Paths given to these helpers are relative to that root, e.g.
 * "sys/bus/dax/devices/dax0.0/size".
 */
#ifndef UTIL_SYSFS_H
#define UTIL_SYSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sysroot;

/*
 * One handle per command, shared by whatever reads or writes under the
 * root: sysroot_ref() takes another reference, sysroot_close() drops one.
 */
struct sysroot *sysroot_open(const char *path);
struct sysroot *sysroot_ref(struct sysroot *root);
void sysroot_close(struct sysroot *root);
const char *sysroot_path(const struct sysroot *root);

/*
 * Read an attribute into buf without its trailing newline.  Returns 0 or a
 * negative errno (for example -ENXIO for an attribute that only reads
 * while a driver is bound).
 */
int sysfs_read(const struct sysroot *root, char *buf, size_t len,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Decimal or 0x-prefixed hexadecimal. */
int sysfs_read_u64(const struct sysroot *root, uint64_t *val, const char *fmt,
		   ...) __attribute__((format(printf, 3, 4)));
int sysfs_read_int(const struct sysroot *root, int *val, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int sysfs_write(const struct sysroot *root, const char *val, const char *fmt,
		...) __attribute__((format(printf, 3, 4)));
bool sysfs_exists(const struct sysroot *root, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * Whether a symlink (such as "driver") is present, without following it:
 * in a captured tree its target directory may not exist.
 */
bool sysfs_has_link(const struct sysroot *root, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Basename of a symlink's target ("driver" links name the driver). */
int sysfs_link_name(const struct sysroot *root, char *buf, size_t len,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * Canonical path of a sysfs object, relative to the root and with the
 * symlinks resolved ("sys/devices/.../region0/dax0.0").  Caller frees.
 */
char *sysfs_canonical(const struct sysroot *root, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Names in a directory that start with prefix, sorted so that "dax0.10"
 * follows "dax0.9".  Returns the count (0 when the directory is missing) or
 * a negative errno.  With a positive count *names is a NULL-terminated
 * array the caller frees with sysfs_free_names(); otherwise it is NULL.
 */
int sysfs_list(const struct sysroot *root, const char *prefix, char ***names,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void sysfs_free_names(char **names);

/* Compare device names with embedded numbers in numeric order. */
int devname_cmp(const char *a, const char *b);

#endif
