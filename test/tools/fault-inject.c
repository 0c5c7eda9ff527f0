// SPDX-License-Identifier: GPL-2.0
/*
 * LD_PRELOAD library for tests only: make a chosen sysfs write fail, to
 * check that a command part-way through a change puts things back.
 *
 *   FAULT_PATH   substring of the path whose writes fail ("kmem/new_id")
 *   FAULT_VALUE  only fail writes starting with this ("offline"); optional
 *   FAULT_SKIP   let this many matching writes succeed first; default 0
 *   FAULT_TIMES  fail this many, then let the rest through; default all
 *   FAULT_ERRNO  errno to fail with; default EIO
 *
 * and make a chosen read return a hostile value, as a broken kernel or a
 * tampered tree might:
 *
 *   FAULT_READ_PATH   substring of the path whose reads are replaced
 *   FAULT_READ_VALUE  what they read instead ("0\n")
 *
 * and kill the command part-way, as SIGKILL or a power cut would:
 *
 *   FAULT_KILL_AT      raise SIGKILL just before the Nth write to a file
 *                      under sys/ (1 for the first)
 *   FAULT_KILL_SIGNAL  raise this signal number instead (15: SIGTERM,
 *                      which a command holds off until the step is done)
 *
 * Only openat() (which util/sysfs.c uses) is tracked.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_FD 1024

static bool watched[MAX_FD];
static bool sysfs_write_fd[MAX_FD];
static int skipped, failed, sysfs_writes;

int openat(int dirfd, const char *path, int flags, ...)
{
	static int (*real_openat)(int, const char *, int, ...);
	const char *want = getenv("FAULT_PATH");
	mode_t mode = 0;
	va_list ap;
	int fd;

	if (!real_openat)
		real_openat = dlsym(RTLD_NEXT, "openat");
	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if ((flags & O_ACCMODE) == O_RDONLY && getenv("FAULT_READ_PATH") &&
	    strstr(path, getenv("FAULT_READ_PATH"))) {
		const char *value = getenv("FAULT_READ_VALUE");

		fd = memfd_create("fault-read", MFD_CLOEXEC);
		if (fd >= 0 && value &&
		    (pwrite(fd, value, strlen(value), 0) < 0 ||
		     lseek(fd, 0, SEEK_SET) < 0)) {
			close(fd);
			return -1;
		}
		return fd;
	}
	fd = real_openat(dirfd, path, flags, mode);
	if (fd >= 0 && fd < MAX_FD) {
		watched[fd] = want && strstr(path, want) &&
			      (flags & O_ACCMODE) != O_RDONLY;
		sysfs_write_fd[fd] =
			(flags & O_ACCMODE) != O_RDONLY &&
			(!strncmp(path, "sys/", 4) || strstr(path, "/sys/"));
	}
	return fd;
}

ssize_t write(int fd, const void *buf, size_t len)
{
	static ssize_t (*real_write)(int, const void *, size_t);
	const char *value = getenv("FAULT_VALUE");
	const char *skip = getenv("FAULT_SKIP");
	const char *err = getenv("FAULT_ERRNO");
	const char *times = getenv("FAULT_TIMES");

	const char *kill_at = getenv("FAULT_KILL_AT");
	const char *kill_sig = getenv("FAULT_KILL_SIGNAL");

	if (!real_write)
		real_write = dlsym(RTLD_NEXT, "write");
	if (kill_at && fd >= 0 && fd < MAX_FD && sysfs_write_fd[fd] &&
	    ++sysfs_writes == atoi(kill_at))
		raise(kill_sig ? atoi(kill_sig) : SIGKILL);
	if (fd >= 0 && fd < MAX_FD && watched[fd] &&
	    (!value ||
	     (len >= strlen(value) && !memcmp(buf, value, strlen(value))))) {
		if (skipped < (skip ? atoi(skip) : 0)) {
			skipped++;
		} else if (!times || failed < atoi(times)) {
			failed++;
			errno = err ? atoi(err) : EIO;
			return -1;
		}
	}
	return real_write(fd, buf, len);
}
