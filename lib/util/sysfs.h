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
#include <stdio.h>

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
 * How paths are kept inside the root.  sysroot_open() picks openat2
 * (RESOLVE_IN_ROOT) when the kernel has it, else the plain *at() calls
 * for "/" (nothing lies above it) and a walk of one component at a time
 * for any other root.  sysroot_set_resolver() is for the unit test, to
 * cover the walk on kernels that have openat2; it returns -EOPNOTSUPP
 * for openat2 where the kernel lacks it and -EINVAL for plain under a
 * root other than "/".
 */
enum sysroot_resolver {
	SYSROOT_RESOLVE_OPENAT2,
	SYSROOT_RESOLVE_PLAIN,
	SYSROOT_RESOLVE_WALK,
};
int sysroot_set_resolver(struct sysroot *root, enum sysroot_resolver how);
enum sysroot_resolver sysroot_resolver(const struct sysroot *root);

/*
 * Read an attribute into buf without its trailing newline and spaces.  Returns 0 or a
 * negative errno (for example -ENXIO for an attribute that only reads
 * while a driver is bound): -EINVAL for anything but a regular file (a
 * FIFO would block) or text holding a NUL, -EOVERFLOW for more than
 * len - 1 bytes.  sysfs_write() refuses what is not a regular file the
 * same way.
 */
int sysfs_read(const struct sysroot *root, char *buf, size_t len,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * The same, taking off only the newline: a list of words each ended by a
 * space (nmemN/nfit/flags) keeps its last word's space.
 */
int sysfs_read_words(const struct sysroot *root, char *buf, size_t len,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * Decimal or 0x-prefixed hexadecimal, nothing before or after it (no
 * sign, no spaces): anything else is -EINVAL.  sysfs_read_int() takes a
 * leading '-' and values that fit an int.
 */
int sysfs_read_u64(const struct sysroot *root, uint64_t *val, const char *fmt,
		   ...) __attribute__((format(printf, 3, 4)));
/*
 * A file too long for one buffer (proc/zoneinfo grows with the CPUs),
 * opened under the root for line-by-line reading, with the same
 * regular-file check as sysfs_read(): a stream, or NULL with errno set.
 */
FILE *sysfs_open_lines(const struct sysroot *root, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same parses for a value already read (one field of an attribute). */
int sysfs_parse_u64(const char *buf, uint64_t *val);
int sysfs_parse_int(const char *buf, int *val);
int sysfs_read_int(const struct sysroot *root, int *val, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * An alignment or block size: a power of two of at least 4096, else
 * -EINVAL and *val untouched.
 */
bool sysfs_valid_align(uint64_t align);
int sysfs_read_align(const struct sysroot *root, uint64_t *val, const char *fmt,
		     ...) __attribute__((format(printf, 3, 4)));
/*
 * A NUMA node: -1 (none) up to the kernel's largest MAX_NUMNODES
 * (1 << NODES_SHIFT, at most 10 on any architecture), else -EINVAL.
 */
#define SYSFS_NODES_MAX 1024
int sysfs_read_node(const struct sysroot *root, int *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int sysfs_write(const struct sysroot *root, const char *val, const char *fmt,
		...) __attribute__((format(printf, 3, 4)));
/*
 * An attribute held open, for poll(): the kernel wakes POLLPRI when it
 * calls sysfs_notify() on it, after which it must be read again (pread
 * at 0) to wait for the next.  The same regular-file check as
 * sysfs_read(); returns the fd or a negative errno.
 */
int sysfs_open_attr(const struct sysroot *root, int flags, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
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
/*
 * The same names in the order upstream's libraries list them: the
 * directory's own order (the kernel's, on sysfs), last entry first, as
 * each entry read is pushed at the head of their list.  List output
 * follows it so that arrays come out in upstream's order.
 */
int sysfs_list_walk_order(const struct sysroot *root, const char *prefix,
			  char ***names, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void sysfs_free_names(char **names);

/* Compare device names with embedded numbers in numeric order. */
int devname_cmp(const char *a, const char *b);

#endif
