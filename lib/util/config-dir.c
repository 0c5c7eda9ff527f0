// SPDX-License-Identifier: GPL-2.0
/*
 * The daxctl config directory read whole: every *.conf file in it, in
 * name order, each parsed by config-parse.c.  Nothing here knows a
 * device; matching sections to devices is the command's business.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <util/log.h>
#include "config-dir.h"

/*
 * What a boot service reads is bounded: 4 MiB is some 30,000 sections,
 * far more than any machine has dax devices.
 */
#define CONF_MAX_BYTES (4 << 20)

static const char *file_kind(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return "a directory";
	case S_IFIFO:
		return "a FIFO";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	case S_IFLNK:
		return "a symbolic link";
	default:
		return "not a regular file";
	}
}

/*
 * The bytes of dir's file name (path in messages), at most
 * CONF_MAX_BYTES.  Only a regular file is opened, and it is opened
 * without following a link and without blocking, so a FIFO, a device or
 * a link to one named *.conf is an error, not a hang at boot.
 */
static int read_conf(int dfd, const char *name, const char *path, char **buf,
		     size_t *len)
{
	struct stat st;
	size_t got = 0, cap;
	char *text, *grown;
	ssize_t n = 0;
	int fd, err = 0;

	*buf = NULL;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW)) {
		pr_err("%s: cannot read: %s", path, strerror(errno));
		return -EIO;
	}
	if (!S_ISREG(st.st_mode))
		goto not_regular;
	fd = openat(dfd, name,
		    O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		pr_err("%s: cannot read: %s", path, strerror(errno));
		return -EIO;
	}
	/* It may have been swapped since fstatat(). */
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		goto not_regular;
	}
	if (st.st_size > CONF_MAX_BYTES) {
		close(fd);
		goto too_big;
	}
	/* st_size is a hint: the file may grow while it is read. */
	cap = (size_t)st.st_size + 1;
	text = NULL;
	do {
		if (got == cap || !text) {
			if (text)
				cap = cap * 2 > CONF_MAX_BYTES + 1 ?
					      CONF_MAX_BYTES + 1 :
					      cap * 2;
			grown = realloc(text, cap);
			if (!grown) {
				close(fd);
				free(text);
				pr_err("%s: out of memory", path);
				return -ENOMEM;
			}
			text = grown;
		}
		n = read(fd, text + got, cap - got);
		err = errno;
		if (n > 0)
			got += (size_t)n;
		/* One byte past the limit tells a file that is too big. */
	} while ((n > 0 || (n < 0 && err == EINTR)) && got <= CONF_MAX_BYTES);
	close(fd);
	if (n < 0) {
		pr_err("%s: cannot read: %s", path, strerror(err));
		free(text);
		return -EIO;
	}
	if (got > CONF_MAX_BYTES) {
		free(text);
		goto too_big;
	}
	*buf = text;
	*len = got;
	return 0;
too_big:
	pr_err("%s: more than %d MiB: too big for a daxctl config file", path,
	       CONF_MAX_BYTES >> 20);
	return -EFBIG;
not_regular:
	pr_err("%s: %s, not a regular file; only regular files named *.conf "
	       "are read",
	       path, file_kind(st.st_mode));
	return -EINVAL;
}

static int conf_name(const char *name)
{
	size_t len = strlen(name);

	/* Hidden files include the ones --save-config is writing. */
	return name[0] != '.' && len > 5 && !strcmp(name + len - 5, ".conf");
}

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The *.conf names in the directory dfd, sorted (so files are read, and
 * errors named, in one order whatever the directory's).  Returns their
 * number, or -errno.
 */
static int conf_names(int dfd, char ***names)
{
	int fd = dup(dfd), count = 0, alloc = 0, rc = 0;
	struct dirent *e;
	char **grown;
	DIR *d;

	*names = NULL;
	d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		rc = -errno;
		if (fd >= 0)
			close(fd);
		return rc;
	}
	errno = 0;
	while ((e = readdir(d))) {
		if (!conf_name(e->d_name))
			continue;
		if (count == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			grown = realloc(*names, (size_t)alloc * sizeof(*grown));
			if (!grown) {
				rc = -ENOMEM;
				break;
			}
			*names = grown;
		}
		(*names)[count] = strdup(e->d_name);
		if (!(*names)[count]) {
			rc = -ENOMEM;
			break;
		}
		count++;
		errno = 0;
	}
	if (!rc && errno)
		rc = -errno;
	closedir(d);
	if (rc) {
		while (count)
			free((*names)[--count]);
		free(*names);
		*names = NULL;
		return rc;
	}
	if (count > 1)
		qsort(*names, (size_t)count, sizeof(**names), by_strcmp);
	return count;
}

/*
 * Every *.conf in dir, in name order.  A missing directory is an empty
 * config.  Returns 0, or -EINVAL after naming every error.
 */
int config_load(const char *dir, const struct config_words *words,
		struct config *cfg)
{
	char **names = NULL, *path, *text;
	int dfd, n, i, errors = 0;
	size_t len = 0;

	*cfg = (struct config){ .words = words };
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 && errno == ENOENT)
		return 0;
	n = dfd < 0 ? -errno : conf_names(dfd, &names);
	if (n < 0) {
		pr_err("%s: cannot read the config directory: %s", dir,
		       strerror(-n));
		if (dfd >= 0)
			close(dfd);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (asprintf(&path, "%s/%s", dir, names[i]) < 0) {
			pr_err("%s/%s: out of memory", dir, names[i]);
			errors++;
		} else if (read_conf(dfd, names[i], path, &text, &len)) {
			errors++;
			free(path);
		} else {
			errors += config_parse(cfg, path, text, len);
			free(text);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	close(dfd);
	errors += config_check_names(cfg);
	return errors ? -EINVAL : 0;
}
