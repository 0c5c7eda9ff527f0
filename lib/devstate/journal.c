// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <util/log.h>
#include "journal.h"
#include "lock.h"

/* The largest record: every field at its longest. */
#define RECORD_MAX (JOURNAL_FIELDS * sizeof(struct journal_field))

int journal_init(struct journal *j, const char *root_path, const char *kind)
{
	int rc;

	*j = (struct journal){ 0 };
	rc = change_journal_path(root_path, j->path, sizeof(j->path));
	if (!rc)
		journal_set(j, "kind", "%s", kind);
	return rc;
}

static struct journal_field *find(struct journal *j, const char *key)
{
	unsigned int i;

	for (i = 0; i < j->count; i++)
		if (!strcmp(j->f[i].key, key))
			return &j->f[i];
	return NULL;
}

void journal_set(struct journal *j, const char *key, const char *fmt, ...)
{
	struct journal_field *f = find(j, key);
	va_list ap;

	if (!f) {
		/* The record's kinds are fixed: more fields is a bug. */
		if (j->count >= JOURNAL_FIELDS)
			abort();
		f = &j->f[j->count++];
		snprintf(f->key, sizeof(f->key), "%s", key);
	}
	va_start(ap, fmt);
	vsnprintf(f->val, sizeof(f->val), fmt, ap);
	va_end(ap);
	f->val[strcspn(f->val, "\n")] = '\0';
}

const char *journal_get(const struct journal *j, const char *key)
{
	struct journal_field *f = find((struct journal *)j, key);

	return f ? f->val : NULL;
}

int journal_get_u64(const struct journal *j, const char *key, uint64_t *val)
{
	const char *s = journal_get(j, key);
	unsigned long long v;
	char *end;

	if (!s)
		return -ENOENT;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end)
		return -EINVAL;
	*val = v;
	return 0;
}

bool journal_get_bool(const struct journal *j, const char *key)
{
	uint64_t v;

	return !journal_get_u64(j, key, &v) && v;
}

/* fsync the directory that holds path, so a rename or unlink lasts. */
static int sync_dir(const char *path)
{
	char dir[600];
	int fd, rc = 0;

	snprintf(dir, sizeof(dir), "%s", path);
	fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fsync(fd))
		rc = -errno;
	close(fd);
	return rc;
}

/* The journal's directory: /run/memmap-tools for the live system. */
static int make_dir(const char *path)
{
	char dir[600];

	snprintf(dir, sizeof(dir), "%s", path);
	return change_make_dir(dirname(dir), 0700);
}

/* Write buf to path through a new file renamed over it. */
static int write_durably(const char *path, const void *buf, size_t len)
{
	char tmp[560];
	ssize_t n;
	int fd, rc;

	rc = make_dir(path);
	if (rc)
		return rc;
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, buf, len);
	rc = n < 0 ? -errno : (size_t)n != len ? -EIO : 0;
	if (!rc && fsync(fd))
		rc = -errno;
	if (close(fd) && !rc)
		rc = -errno;
	if (!rc && rename(tmp, path))
		rc = -errno;
	if (rc) {
		unlink(tmp);
		return rc;
	}
	return sync_dir(path);
}

int journal_write(struct journal *j)
{
	char *buf = malloc(RECORD_MAX + JOURNAL_FIELDS * 2);
	size_t len = 0;
	unsigned int i;
	int rc;

	if (!buf)
		return -ENOMEM;
	for (i = 0; i < j->count; i++)
		len += (size_t)sprintf(buf + len, "%s=%s\n", j->f[i].key,
				       j->f[i].val);
	rc = write_durably(j->path, buf, len);
	free(buf);
	if (rc) {
		pr_err("cannot write the intent journal %s: %s", j->path,
		       strerror(-rc));
		return rc;
	}
	j->written = true;
	return 0;
}

static int blob_path(const struct journal *j, const char *name, char *buf,
		     size_t len)
{
	int n = snprintf(buf, len, "%s.%s", j->path, name);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

int journal_write_blob(struct journal *j, const char *name, const void *buf,
		       size_t len)
{
	char path[560];
	int rc = blob_path(j, name, path, sizeof(path));

	if (!rc)
		rc = write_durably(path, buf, len);
	if (rc)
		pr_err("cannot write %s beside the intent journal %s: %s", name,
		       j->path, strerror(-rc));
	else
		journal_set(j, "blob", "%s", name);
	return rc;
}

ssize_t journal_read_blob(const struct journal *j, const char *name, void *buf,
			  size_t len)
{
	char path[560];
	ssize_t n;
	int fd, rc = blob_path(j, name, path, sizeof(path));

	if (rc)
		return rc;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len);
	if (n < 0)
		n = -errno;
	close(fd);
	return n;
}

void journal_remove(struct journal *j)
{
	const char *blob = journal_get(j, "blob");
	char path[560];

	/* The record goes first: a blob without a record is ignored. */
	if (unlink(j->path) && errno != ENOENT)
		pr_err("cannot remove the intent journal %s: %s", j->path,
		       strerror(errno));
	if (blob && !blob_path(j, blob, path, sizeof(path)))
		unlink(path);
	sync_dir(j->path);
	j->written = false;
}

int journal_load(struct journal *j, const char *root_path)
{
	char *buf, *line, *next, *eq;
	ssize_t n;
	int fd, rc;

	*j = (struct journal){ 0 };
	rc = change_journal_path(root_path, j->path, sizeof(j->path));
	if (rc)
		return rc;
	fd = open(j->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	buf = malloc(RECORD_MAX + JOURNAL_FIELDS * 2 + 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	n = read(fd, buf, RECORD_MAX + JOURNAL_FIELDS * 2);
	rc = n < 0 ? -errno : 0;
	close(fd);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	for (line = buf; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		eq = strchr(line, '=');
		if (!eq || j->count >= JOURNAL_FIELDS)
			continue;
		*eq = '\0';
		journal_set(j, line, "%s", eq + 1);
	}
	free(buf);
	j->written = true;
	return journal_get(j, "kind") ? 0 : -EINVAL;
}

bool journal_present(const char *root_path)
{
	char path[512];

	return !change_journal_path(root_path, path, sizeof(path)) &&
	       !access(path, F_OK);
}
