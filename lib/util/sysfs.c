// SPDX-License-Identifier: GPL-2.0
/*
 * Every path is resolved inside the root, the way the kernel would see it
 * after chroot(2) there: a symlink, absolute or relative, lands under the
 * root and ".." stops at it.  A captured or hostile tree with
 * "sys/bus/dax/drivers -> /sys/bus/dax/drivers" must not make a test run
 * unbind a device on the host.  openat2(RESOLVE_IN_ROOT) does this in the
 * kernel; where it is missing (before Linux 5.6, or refused by a seccomp
 * filter) walk_path() does the same one component at a time.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"
#include "sysfs.h"

#ifndef SYS_openat2
#define SYS_openat2 437 /* the same number on every architecture */
#endif

/* The kernel's own limit on symlinks in one lookup (MAXSYMLINKS). */
#define SYMLINK_HOPS_MAX 40
/* Directories deep below the root; sysfs paths go about 15 deep. */
#define WALK_DEPTH_MAX 64

struct sysroot {
	int refcount;
	int dirfd;
	enum sysroot_resolver resolver;
	char *path;
};

/* Walks retried after EAGAIN before the error is passed on. */
#define SYSROOT_EAGAIN_TRIES 64

static int sys_openat2(int dirfd, const char *path, int flags)
{
	struct open_how how = {
		.flags = (unsigned int)flags,
		/* Magic links (/proc/self/fd/N) would leave the root. */
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};

	int tries = 0, fd;

	/*
	 * The kernel answers EAGAIN when a rename or mount anywhere on the
	 * system raced a ".." of the walk (sysfs links are full of them):
	 * a transient refusal, not an escape, so the walk is tried again.
	 */
	do
		fd = (int)syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
	while (fd < 0 && errno == EAGAIN && ++tries < SYSROOT_EAGAIN_TRIES);
	return fd;
}

static bool have_openat2(int dirfd)
{
	int fd = sys_openat2(dirfd, ".", O_PATH | O_CLOEXEC);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

struct sysroot *sysroot_open(const char *path)
{
	struct sysroot *root = calloc(1, sizeof(*root));

	if (!root)
		return NULL;
	root->refcount = 1;
	root->dirfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	root->path = realpath(path, NULL);
	if (root->dirfd < 0 || !root->path) {
		sysroot_close(root);
		return NULL;
	}
	/*
	 * Without openat2, "/" needs no walk: nothing lies above it, so
	 * the plain *at() calls already stay inside.
	 */
	if (have_openat2(root->dirfd))
		root->resolver = SYSROOT_RESOLVE_OPENAT2;
	else if (!strcmp(root->path, "/"))
		root->resolver = SYSROOT_RESOLVE_PLAIN;
	else
		root->resolver = SYSROOT_RESOLVE_WALK;
	return root;
}

int sysroot_set_resolver(struct sysroot *root, enum sysroot_resolver how)
{
	switch (how) {
	case SYSROOT_RESOLVE_OPENAT2:
		if (!have_openat2(root->dirfd))
			return -EOPNOTSUPP;
		break;
	case SYSROOT_RESOLVE_PLAIN:
		if (strcmp(root->path, "/"))
			return -EINVAL;
		break;
	case SYSROOT_RESOLVE_WALK:
		break;
	default:
		return -EINVAL;
	}
	root->resolver = how;
	return 0;
}

enum sysroot_resolver sysroot_resolver(const struct sysroot *root)
{
	return root->resolver;
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

/*
 * A walk holds a descriptor for every directory between the root and
 * where it stands, so ".." goes back to the one it came through rather
 * than to whatever the directory's parent is now.
 */
struct walk {
	int fds[WALK_DEPTH_MAX + 1]; /* fds[0] is the root's own */
	int depth;
	size_t canon_len;
	char canon[PATH_MAX]; /* relative to the root, no leading '/' */
};

static void walk_up(struct walk *w)
{
	char *slash;

	if (!w->depth)
		return; /* ".." at the root stays there */
	close(w->fds[w->depth--]);
	slash = strrchr(w->canon, '/');
	w->canon_len = slash ? (size_t)(slash - w->canon) : 0;
	w->canon[w->canon_len] = '\0';
}

static void walk_release(struct walk *w)
{
	while (w->depth)
		walk_up(w);
}

static int walk_down(struct walk *w, int fd, const char *name)
{
	size_t len = strlen(name), sep = w->canon_len ? 1 : 0;

	if (w->depth == WALK_DEPTH_MAX ||
	    w->canon_len + sep + len >= sizeof(w->canon)) {
		close(fd);
		return -ENAMETOOLONG;
	}
	if (sep)
		w->canon[w->canon_len++] = '/';
	memcpy(w->canon + w->canon_len, name, len + 1);
	w->canon_len += len;
	w->fds[++w->depth] = fd;
	return 0;
}

/*
 * A symlink met on the way: its target takes the link's place in what is
 * left to resolve, from the root if it is absolute.
 */
static int walk_splice(struct walk *w, int linkfd, char *rest, const char *tail)
{
	char target[PATH_MAX];
	ssize_t n = readlinkat(linkfd, "", target, sizeof(target));

	if (n < 0)
		return -errno;
	if (n == 0)
		return -ENOENT;
	if ((size_t)n + strlen(tail) >= sizeof(target))
		return -ENAMETOOLONG;
	target[n] = '\0';
	strcat(target, tail);
	strcpy(rest, target);
	if (target[0] == '/')
		walk_release(w);
	return 0;
}

/*
 * Resolve path under the root, one component at a time: each opened
 * O_PATH|O_NOFOLLOW relative to the directory before it, symlinks read
 * and spliced in, ".." never above the root, at most SYMLINK_HOPS_MAX
 * links.  On success w->fds[w->depth] is the object (the link itself
 * when the last component is one and follow_last is false), w->canon
 * its path under the root; walk_release() drops what the walk holds.
 */
static int walk_path(const struct sysroot *root, const char *path,
		     bool follow_last, struct walk *w)
{
	char rest[PATH_MAX], name[NAME_MAX + 1];
	int hops = 0, rc, fd;
	char *p = rest;

	w->fds[0] = root->dirfd;
	w->depth = 0;
	w->canon_len = 0;
	w->canon[0] = '\0';
	if (strlen(path) >= sizeof(rest))
		return -ENAMETOOLONG;
	strcpy(rest, path);
	for (;;) {
		size_t len;
		char *tail;
		bool last, want_dir;
		struct stat st;

		p += strspn(p, "/");
		if (!*p)
			return 0;
		len = strcspn(p, "/");
		tail = p + len;
		last = !tail[strspn(tail, "/")];
		/* A trailing '/' asks for a directory, as in the kernel. */
		want_dir = !last || *tail == '/';
		if (len == 1 && p[0] == '.') {
			p = tail;
			continue;
		}
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			walk_up(w);
			p = tail;
			continue;
		}
		if (len > NAME_MAX) {
			rc = -ENAMETOOLONG;
			goto fail;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		fd = openat(w->fds[w->depth], name,
			    O_PATH | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0) {
			rc = -errno;
			goto fail;
		}
		if (fstat(fd, &st)) {
			rc = -errno;
			close(fd);
			goto fail;
		}
		if (S_ISLNK(st.st_mode) && (want_dir || follow_last)) {
			if (++hops > SYMLINK_HOPS_MAX)
				rc = -ELOOP;
			else
				rc = walk_splice(w, fd, rest, tail);
			close(fd);
			if (rc)
				goto fail;
			p = rest;
			continue;
		}
		if (want_dir && !S_ISDIR(st.st_mode)) {
			close(fd);
			rc = -ENOTDIR;
			goto fail;
		}
		rc = walk_down(w, fd, name);
		if (rc)
			goto fail;
		p = tail;
	}
fail:
	walk_release(w);
	return rc;
}

/* The walk's object opened with flags, through the directory holding it. */
static int walk_open(const struct sysroot *root, const char *path, int flags)
{
	struct walk w;
	const char *name;
	int rc, fd;

	rc = walk_path(root, path, !(flags & O_NOFOLLOW), &w);
	if (rc)
		return rc;
	if (!w.depth) {
		fd = openat(root->dirfd, ".", flags & ~O_NOFOLLOW);
	} else {
		name = strrchr(w.canon, '/');
		name = name ? name + 1 : w.canon;
		/*
		 * The walk left no link in last place to follow; one put
		 * there since fails the open instead of leading out.
		 */
		fd = openat(w.fds[w.depth - 1], name, flags | O_NOFOLLOW);
	}
	rc = fd < 0 ? -errno : fd;
	walk_release(&w);
	return rc;
}

/* An fd for path under the root, or a negative errno. */
static int confined_open(const struct sysroot *root, const char *path,
			 int flags)
{
	int fd;

	flags |= O_CLOEXEC;
	if (!*path)
		path = ".";
	switch (root->resolver) {
	case SYSROOT_RESOLVE_OPENAT2:
		fd = sys_openat2(root->dirfd, path, flags);
		break;
	case SYSROOT_RESOLVE_PLAIN:
		fd = openat(root->dirfd, path, flags);
		break;
	default:
		return walk_open(root, path, flags);
	}
	return fd < 0 ? -errno : fd;
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

/*
 * sysfs attributes are regular files: a FIFO or a device node planted in
 * a tree is refused before it can block a read or take a write.  The last
 * component is never followed (attributes are not links) and O_NONBLOCK
 * keeps the open itself from waiting on a FIFO.
 */
static int open_attr(const struct sysroot *root, const char *path, int mode)
{
	struct stat st;
	int fd = confined_open(root, path, mode | O_NOFOLLOW | O_NONBLOCK);

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	return fd;
}

/*
 * One read of at most len - 1 bytes: a sysfs attribute comes whole in its
 * first read.  What does not fit, or holds a NUL, is not the text its
 * caller expects, so it is refused rather than cut short.
 */
static int read_at_keep(const struct sysroot *root, const char *path, char *buf,
			size_t len, bool keep_spaces)
{
	char more;
	ssize_t n;
	int fd, rc = 0;

	if (len < 2)
		return -EINVAL;
	fd = open_attr(root, path, O_RDONLY);
	if (fd < 0)
		return fd;
	n = read(fd, buf, len - 1);
	if (n < 0)
		rc = -errno;
	else if ((size_t)n == len - 1 && read(fd, &more, 1) > 0)
		rc = -EOVERFLOW;
	else if (memchr(buf, '\0', (size_t)n))
		rc = -EINVAL;
	close(fd);
	if (rc)
		return rc;
	buf[n] = '\0';
	if (keep_spaces) {
		if (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		return 0;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return 0;
}

static int read_at(const struct sysroot *root, const char *path, char *buf,
		   size_t len)
{
	return read_at_keep(root, path, buf, len, false);
}

/* sysfs_read() and sysfs_read_words(): the path formatted, then read. */
static int vread(const struct sysroot *root, char *buf, size_t len,
		 bool keep_spaces, const char *fmt, va_list ap)
{
	char path[PATH_MAX];
	int rc = vformat(path, sizeof(path), fmt, ap);

	return rc ? rc : read_at_keep(root, path, buf, len, keep_spaces);
}

int sysfs_read(const struct sysroot *root, char *buf, size_t len,
	       const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vread(root, buf, len, false, fmt, ap);
	va_end(ap);
	return rc;
}

int sysfs_read_words(const struct sysroot *root, char *buf, size_t len,
		     const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vread(root, buf, len, true, fmt, ap);
	va_end(ap);
	return rc;
}

FILE *sysfs_open_lines(const struct sysroot *root, const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	FILE *f;
	int fd;

	va_start(ap, fmt);
	fd = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (!fd)
		fd = open_attr(root, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		errno = -fd;
		return NULL;
	}
	f = fdopen(fd, "r");
	if (!f)
		close(fd);
	return f;
}

/*
 * Decimal, or hexadecimal after "0x", and nothing else: strtoull() alone
 * would take "-1" as 2^64 - 1 and " 12abc" as 12, and print them as facts.
 */
static int parse_u64(const char *buf, uint64_t *val)
{
	unsigned long long v;
	int base = 10;
	char *end;

	if ((buf[0] == '0') && (buf[1] == 'x' || buf[1] == 'X')) {
		base = 16;
		buf += 2;
	}
	if (!(base == 16 ? isxdigit((unsigned char)buf[0]) :
			   isdigit((unsigned char)buf[0])))
		return -EINVAL;
	errno = 0;
	v = strtoull(buf, &end, base);
	if (errno || *end)
		return -EINVAL;
	*val = v;
	return 0;
}

int sysfs_parse_u64(const char *buf, uint64_t *val)
{
	return parse_u64(buf, val);
}

int sysfs_parse_int(const char *buf, int *val)
{
	bool negative = buf[0] == '-';
	uint64_t mag;
	int rc = parse_u64(buf + negative, &mag);

	if (rc)
		return rc;
	if (mag > (negative ? (uint64_t)INT_MAX + 1 : (uint64_t)INT_MAX))
		return -EINVAL;
	*val = negative ? (int)(-(int64_t)mag) : (int)mag;
	return 0;
}

static int vread_u64(const struct sysroot *root, uint64_t *val, const char *fmt,
		     va_list ap)
{
	char path[PATH_MAX], buf[64];
	int rc = vformat(path, sizeof(path), fmt, ap);

	if (!rc)
		rc = read_at(root, path, buf, sizeof(buf));
	return rc ? rc : parse_u64(buf, val);
}

static int vread_int(const struct sysroot *root, int *val, const char *fmt,
		     va_list ap)
{
	char path[PATH_MAX], buf[64];
	int rc = vformat(path, sizeof(path), fmt, ap);

	if (!rc)
		rc = read_at(root, path, buf, sizeof(buf));
	return rc ? rc : sysfs_parse_int(buf, val);
}

int sysfs_read_u64(const struct sysroot *root, uint64_t *val, const char *fmt,
		   ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vread_u64(root, val, fmt, ap);
	va_end(ap);
	return rc;
}

int sysfs_read_int(const struct sysroot *root, int *val, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vread_int(root, val, fmt, ap);
	va_end(ap);
	return rc;
}

bool sysfs_valid_align(uint64_t align)
{
	return align >= 4096 && !(align & (align - 1));
}

int sysfs_read_align(const struct sysroot *root, uint64_t *val, const char *fmt,
		     ...)
{
	uint64_t v;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vread_u64(root, &v, fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	if (!sysfs_valid_align(v))
		return -EINVAL;
	*val = v;
	return 0;
}

int sysfs_read_node(const struct sysroot *root, int *node, const char *fmt, ...)
{
	va_list ap;
	int rc, v;

	va_start(ap, fmt);
	rc = vread_int(root, &v, fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	if (v < -1 || v >= SYSFS_NODES_MAX)
		return -EINVAL;
	*node = v;
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
	fd = open_attr(root, path, O_WRONLY);
	if (fd < 0)
		return fd;
	/* -vv: every write, as the kernel gets it. */
	if (log_verbose() >= 2)
		pr_debug("write '%.*s' to %s", (int)strcspn(val, "\n"), val,
			 path);
	n = write(fd, val, len);
	rc = n < 0 ? -errno : ((size_t)n == len ? 0 : -EIO);
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

int sysfs_open_attr(const struct sysroot *root, int flags, const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	return open_attr(root, path, flags);
}

bool sysfs_exists(const struct sysroot *root, const char *fmt, ...)
{
	char path[PATH_MAX];
	va_list ap;
	int fd;

	va_start(ap, fmt);
	fd = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (!fd)
		fd = confined_open(root, path, O_PATH);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/*
 * The link itself, resolved inside the root but not followed: fstat() and
 * readlinkat(fd, "") then look at it and at nothing the path could name
 * afterwards.
 */
static int open_link(const struct sysroot *root, const char *fmt, va_list ap)
{
	char path[PATH_MAX];
	int rc = vformat(path, sizeof(path), fmt, ap);

	return rc ? rc : confined_open(root, path, O_PATH | O_NOFOLLOW);
}

bool sysfs_has_link(const struct sysroot *root, const char *fmt, ...)
{
	struct stat st;
	bool is_link;
	va_list ap;
	int fd;

	va_start(ap, fmt);
	fd = open_link(root, fmt, ap);
	va_end(ap);
	if (fd < 0)
		return false;
	is_link = !fstat(fd, &st) && S_ISLNK(st.st_mode);
	close(fd);
	return is_link;
}

int sysfs_link_name(const struct sysroot *root, char *buf, size_t len,
		    const char *fmt, ...)
{
	char target[PATH_MAX];
	const char *base;
	va_list ap;
	ssize_t n;
	int fd;

	va_start(ap, fmt);
	fd = open_link(root, fmt, ap);
	va_end(ap);
	if (fd < 0)
		return fd;
	n = readlinkat(fd, "", target, sizeof(target));
	if (n < 0) {
		n = -errno;
		close(fd);
		return (int)n;
	}
	close(fd);
	if ((size_t)n >= sizeof(target))
		return -ENAMETOOLONG;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= len)
		return -ENAMETOOLONG;
	strcpy(buf, base);
	return 0;
}

/*
 * real under the root, on a '/' boundary ("/tmp/a" holds "/tmp/a/x", not
 * "/tmp/ab/x"): its path below the root, or NULL.
 */
static const char *below_root(const struct sysroot *root, const char *real)
{
	size_t rootlen = strlen(root->path);

	if (!strcmp(root->path, "/"))
		return real[0] == '/' ? real + 1 : NULL;
	if (strncmp(real, root->path, rootlen))
		return NULL;
	if (real[rootlen] == '\0')
		return real + rootlen;
	return real[rootlen] == '/' ? real + rootlen + 1 : NULL;
}

/*
 * Where the kernel says the confined fd landed: 0 with *rel set, a
 * negative errno when there is nothing at path, or 1 when /proc is not
 * there to ask or its answer is not under the root as this process names
 * it (a bind mount), and the walk has to work it out itself.
 */
static int canonical_from_fd(const struct sysroot *root, const char *path,
			     char **rel)
{
	char link[32], real[PATH_MAX];
	const char *below;
	ssize_t n;
	int fd = confined_open(root, path, O_PATH);

	if (fd < 0)
		return fd;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, real, sizeof(real));
	close(fd);
	if (n <= 0 || (size_t)n >= sizeof(real))
		return 1;
	real[n] = '\0';
	below = below_root(root, real);
	if (!below)
		return 1;
	*rel = strdup(below);
	return *rel ? 0 : -ENOMEM;
}

char *sysfs_canonical(const struct sysroot *root, const char *fmt, ...)
{
	char path[PATH_MAX], *rel = NULL;
	struct walk w;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vformat(path, sizeof(path), fmt, ap);
	va_end(ap);
	if (rc)
		return NULL;
	if (root->resolver != SYSROOT_RESOLVE_WALK) {
		rc = canonical_from_fd(root, path, &rel);
		if (rc <= 0)
			return rel;
	}
	if (walk_path(root, path, true, &w))
		return NULL;
	rel = strdup(w.canon);
	walk_release(&w);
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

static int vlist(const struct sysroot *root, const char *prefix, char ***names,
		 bool sorted, const char *fmt, va_list ap)
{
	size_t count = 0, cap = 16, plen = strlen(prefix);
	char path[PATH_MAX], **list, **grown;
	struct dirent *de;
	DIR *dir;
	int rc, fd;

	*names = NULL;
	rc = vformat(path, sizeof(path), fmt, ap);
	if (rc)
		return rc;
	list = calloc(cap, sizeof(*list));
	if (!list)
		return -ENOMEM;
	fd = confined_open(root, path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		rc = fd == -ENOENT ? 0 : fd;
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
	if (sorted) {
		qsort(list, count, sizeof(*list), names_cmp);
	} else {
		/* Upstream pushes each entry it reads at its list's head. */
		for (size_t i = 0; i < count / 2; i++) {
			char *t = list[i];

			list[i] = list[count - 1 - i];
			list[count - 1 - i] = t;
		}
	}
	*names = list;
	return (int)count;
nomem:
	closedir(dir);
	sysfs_free_names(list);
	return -ENOMEM;
}

int sysfs_list(const struct sysroot *root, const char *prefix, char ***names,
	       const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vlist(root, prefix, names, true, fmt, ap);
	va_end(ap);
	return rc;
}

int sysfs_list_walk_order(const struct sysroot *root, const char *prefix,
			  char ***names, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vlist(root, prefix, names, false, fmt, ap);
	va_end(ap);
	return rc;
}
