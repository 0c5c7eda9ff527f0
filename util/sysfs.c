// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sysfs.h"

struct sysroot {
	int refcount;
	int dirfd;
	char *path;
};

struct sysroot *sysroot_open(const char *path)
{
	struct sysroot *root = calloc(1, sizeof(*root));

	if (!root)
		return NULL;
	root->refcount = 1;
	root->dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	root->path = realpath(path, NULL);
	if (root->dirfd < 0 || !root->path) {
		sysroot_close(root);
		return NULL;
	}
	return root;
}

struct sysroot *sysroot_ref(struct sysroot *root)
{
	if (root)
		root->refcount++;
	return root;
}

void sysroot_close(struct sysroot *root)
{
	if (!root || --root->refcount > 0)
		return;
	if (root->dirfd >= 0)
		close(root->dirfd);
	free(root->path);
	free(root);
}

const char *sysroot_path(const struct sysroot *root)
{
	return root->path;
}

static int vformat(char *path, size_t len, const char *fmt, va_list ap)
{
	int n = vsnprintf(path, len, fmt, ap);

	if (n < 0 || (size_t)n >= len)
		return -ENAMETOOLONG;
	/* Paths are relative to the root even when written "/sys/...". */
	if (path[0] == '/')
		memmove(path, path + 1, strlen(path));
	return 0;
}

static int read_at(const struct sysroot *root, const char *path, char *buf,
		   size_t len)
{
	ssize_t n;
	int fd;

	fd = openat(root->dirfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	close(fd);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return 0;
}

int sysfs_read(const struct sysroot *root, char *buf, size_t len,
	       const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	return read_at(root, path, buf, len);
}

static int parse_u64(const char *buf, uint64_t *val)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(buf, &end, 0);
	if (errno || end == buf || (*end && *end != '\n'))
		return -EINVAL;
	*val = v;
	return 0;
}

int sysfs_read_u64(const struct sysroot *root, uint64_t *val, const char *fmt,
		   ...)
{
	char path[PATH_MAX], buf[64];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (!rc)
		rc = read_at(root, path, buf, sizeof(buf));
	if (!rc)
		rc = parse_u64(buf, val);
	return rc;
}

int sysfs_read_int(const struct sysroot *root, int *val, const char *fmt, ...)
{
	char path[PATH_MAX], buf[64], *end;
	va_list ap;
	long v;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (!rc)
		rc = read_at(root, path, buf, sizeof(buf));
	if (rc)
		return rc;
	errno = 0;
	v = strtol(buf, &end, 0);
	if (errno || end == buf || *end || v < INT_MIN || v > INT_MAX)
		return -EINVAL;
	*val = (int)v;
	return 0;
}

int sysfs_write(const struct sysroot *root, const char *val, const char *fmt,
		...)
{
	char path[PATH_MAX];
	size_t len = strlen(val);
	va_list ap;
	ssize_t n;
	int rc, fd;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	fd = openat(root->dirfd, path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, val, len);
	rc = n < 0 ? -errno : ((size_t)n == len ? 0 : -EIO);
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

bool sysfs_exists(const struct sysroot *root, const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	return !rc && faccessat(root->dirfd, path, F_OK, 0) == 0;
}

bool sysfs_has_link(const struct sysroot *root, const char *fmt, ...)
{
	char path[PATH_MAX];
	struct stat st;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	return !rc && !fstatat(root->dirfd, path, &st, AT_SYMLINK_NOFOLLOW) &&
	       S_ISLNK(st.st_mode);
}

int sysfs_link_name(const struct sysroot *root, char *buf, size_t len,
		    const char *fmt, ...)
{
	char path[PATH_MAX], target[PATH_MAX];
	const char *base;
	va_list ap;
	ssize_t n;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	n = readlinkat(root->dirfd, path, target, sizeof(target) - 1);
	if (n < 0)
		return -errno;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= len)
		return -ENAMETOOLONG;
	strcpy(buf, base);
	return 0;
}

char *sysfs_canonical(const struct sysroot *root, const char *fmt, ...)
{
	char path[PATH_MAX], full[PATH_MAX + 8], *real, *rel;
	size_t rootlen = strlen(root->path);
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return NULL;
	if ((size_t)snprintf(full, sizeof(full), "%s/%s", root->path, path) >=
	    sizeof(full))
		return NULL;
	real = realpath(full, NULL);
	if (!real)
		return NULL;
	if (strncmp(real, root->path, rootlen) != 0) {
		free(real);
		return NULL;
	}
	/* Root "/" keeps its slash in root->path; skip one separator. */
	rel = real + rootlen;
	while (*rel == '/')
		rel++;
	rel = strdup(rel);
	free(real);
	return rel;
}

int devname_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			unsigned long long x = strtoull(a, (char **)&a, 10);
			unsigned long long y = strtoull(b, (char **)&b, 10);

			if (x != y)
				return x < y ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

static int names_cmp(const void *a, const void *b)
{
	return devname_cmp(*(char *const *)a, *(char *const *)b);
}

void sysfs_free_names(char **names)
{
	char **p;

	if (!names)
		return;
	for (p = names; *p; p++)
		free(*p);
	free(names);
}

int sysfs_list(const struct sysroot *root, const char *prefix, char ***names,
	       const char *fmt, ...)
{
	size_t count = 0, cap = 16, plen = strlen(prefix);
	char path[PATH_MAX], **list, **grown;
	struct dirent *de;
	va_list ap;
	DIR *dir;
	int rc, fd;

	*names = NULL;
	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	list = calloc(cap, sizeof(*list));
	if (!list)
		return -ENOMEM;
	fd = openat(root->dirfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		rc = errno == ENOENT ? 0 : -errno;
		free(list);
		return rc;
	}
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		free(list);
		return -errno;
	}
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.' || strncmp(de->d_name, prefix, plen))
			continue;
		if (count + 1 >= cap) {
			cap *= 2;
			grown = realloc(list, cap * sizeof(*list));
			if (!grown)
				goto nomem;
			list = grown;
		}
		list[count] = strdup(de->d_name);
		if (!list[count])
			goto nomem;
		list[++count] = NULL;
	}
	closedir(dir);
	if (!count) {
		/* Nothing to hand out, so nothing for the caller to free. */
		free(list);
		return 0;
	}
	qsort(list, count, sizeof(*list), names_cmp);
	*names = list;
	return (int)count;
nomem:
	closedir(dir);
	sysfs_free_names(list);
	return -ENOMEM;
}
