// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <util/log.h>
#include "lock.h"

#define LOCK_DIR "/run/lock"
#define JOURNAL_DIR "/run/memmap-tools"

/*
 * A tree's key: its path with '/' turned to '-' ("tmp-t-devdax"), or,
 * when that would not fit a file name, a hash of the path.
 */
static void tree_key(const char *root_path, char *key, size_t len)
{
	uint64_t hash = 0xcbf29ce484222325ULL;
	const char *p;
	size_t i = 0;

	while (*root_path == '/')
		root_path++;
	for (p = root_path; *p && i + 1 < len; p++)
		key[i++] = *p == '/' ? '-' : *p;
	key[i] = '\0';
	if (!*p && i < 160)
		return;
	for (p = root_path; *p; p++)
		hash = (hash ^ (unsigned char)*p) * 0x100000001b3ULL;
	snprintf(key, len, "%016" PRIx64, hash);
}

static int fit(int n, size_t len)
{
	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

int change_lock_path(const char *root_path, char *buf, size_t len)
{
	char key[256];

	if (!strcmp(root_path, "/"))
		return fit(snprintf(buf, len, LOCK_DIR "/memmap-tools.lock"),
			   len);
	tree_key(root_path, key, sizeof(key));
	return fit(snprintf(buf, len, LOCK_DIR "/memmap-tools@%s.lock", key),
		   len);
}

/*
 * The live system's journal sits in a directory only root writes; a
 * test tree's beside its lock, as a user may own the tree.
 */
int change_journal_path(const char *root_path, char *buf, size_t len)
{
	char key[256];

	if (!strcmp(root_path, "/"))
		return fit(snprintf(buf, len, JOURNAL_DIR "/intent"), len);
	tree_key(root_path, key, sizeof(key));
	return fit(snprintf(buf, len, LOCK_DIR "/memmap-tools@%s.intent", key),
		   len);
}

int change_make_dir(const char *dir, mode_t mode)
{
	/* /run itself first: the one parent either directory has. */
	if (mkdir("/run", 0755) && errno != EEXIST)
		return -errno;
	if (mkdir(dir, mode))
		return errno == EEXIST ? 0 : -errno;
	/* Made here: its mode, not the umask's, so others can lock too. */
	return chmod(dir, mode) ? -errno : 0;
}

static unsigned int lock_wait(void)
{
	const char *env = getenv("MEMMAP_LOCK_WAIT");
	char *end;
	unsigned long v;

	if (!env || !*env)
		return CHANGE_LOCK_WAIT;
	v = strtoul(env, &end, 10);
	return *end || v > 86400 ? CHANGE_LOCK_WAIT : (unsigned int)v;
}

static void holder(int fd, char *buf, size_t len)
{
	ssize_t n = pread(fd, buf, len - 1, 0);

	if (n <= 0) {
		snprintf(buf, len, "another command");
		return;
	}
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* flock() that gives up after wait seconds (EINTR from the alarm). */
static int flock_wait(int fd, unsigned int wait)
{
	struct sigaction sa = { .sa_handler = on_alarm }, old;
	int rc;

	if (!flock(fd, LOCK_EX | LOCK_NB))
		return 0;
	if (errno != EWOULDBLOCK || !wait)
		return -errno;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the alarm must interrupt the wait. */
	sigaction(SIGALRM, &sa, &old);
	alarm(wait);
	rc = flock(fd, LOCK_EX) ? -errno : 0;
	alarm(0);
	sigaction(SIGALRM, &old, NULL);
	return rc == -EINTR ? -ETIMEDOUT : rc;
}

int change_lock(const char *root_path, bool may_wait)
{
	unsigned int wait = may_wait ? lock_wait() : 0;
	char path[512], who[256], line[300];
	int fd, rc, n;

	rc = change_lock_path(root_path, path, sizeof(path));
	if (rc) {
		pr_err("cannot lock changes under '%s': path too long",
		       root_path);
		return rc;
	}
	/* A minimal system (an initramfs) may have no /run/lock yet. */
	rc = change_make_dir(LOCK_DIR, 01777);
	if (rc) {
		pr_err("cannot create %s: %s", LOCK_DIR, strerror(-rc));
		return rc;
	}
	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
	/* Another user's lock file: flock needs no write access. */
	if (fd < 0 && errno == EACCES)
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		pr_err("cannot open the change lock %s: %s", path,
		       strerror(-rc));
		return rc;
	}
	rc = flock_wait(fd, wait);
	if (rc == -EWOULDBLOCK && !may_wait) {
		close(fd);
		return rc;
	}
	if (rc) {
		holder(fd, who, sizeof(who));
		if (rc == -ETIMEDOUT)
			pr_err("another change is in progress (%s holds %s); "
			       "gave up after %u s",
			       who, path, wait);
		else if (rc == -EWOULDBLOCK)
			pr_err("another change is in progress (%s holds %s)",
			       who, path);
		else
			pr_err("cannot lock %s: %s", path, strerror(-rc));
		close(fd);
		return rc == -EWOULDBLOCK ? -ETIMEDOUT : rc;
	}
	/* Name the holder for whoever waits next. */
	n = snprintf(line, sizeof(line), "pid %ld (%s)\n", (long)getpid(),
		     log_prog());
	if (ftruncate(fd, 0) || pwrite(fd, line, (size_t)n, 0) != n)
		pr_debug("cannot name the holder in %s: %s", path,
			 strerror(errno));
	return fd;
}

void change_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}
