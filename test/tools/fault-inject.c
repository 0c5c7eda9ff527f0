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
 * Only openat() and openat2() (which util/sysfs.c uses) are tracked.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <linux/openat2.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_FD 1024

static bool watched[MAX_FD];
static bool sysfs_write_fd[MAX_FD];
static int skipped, failed, sysfs_writes;

/* A read of path replaced by FAULT_READ_VALUE: the fd, or -2 for none. */
static int replaced_read(const char *path, int flags)
{
	const char *value = getenv("FAULT_READ_VALUE");
	int fd;

	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_PATH) ||
	    !getenv("FAULT_READ_PATH") ||
	    !strstr(path, getenv("FAULT_READ_PATH")))
		return -2;
	fd = memfd_create("fault-read", MFD_CLOEXEC);
	if (fd >= 0 && value &&
	    (pwrite(fd, value, strlen(value), 0) < 0 ||
	     lseek(fd, 0, SEEK_SET) < 0)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void track(int fd, const char *path, int flags)
{
	const char *want = getenv("FAULT_PATH");
	bool writes = (flags & O_ACCMODE) != O_RDONLY && !(flags & O_PATH);

	if (fd < 0 || fd >= MAX_FD)
		return;
	watched[fd] = want && strstr(path, want) && writes;
	sysfs_write_fd[fd] =
		writes && (!strncmp(path, "sys/", 4) || strstr(path, "/sys/"));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	static int (*real_openat)(int, const char *, int, ...);
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
	fd = replaced_read(path, flags);
	if (fd != -2)
		return fd;
	fd = real_openat(dirfd, path, flags, mode);
	track(fd, path, flags);
	return fd;
}

/*
 * util/sysfs.c opens through openat2(2) with RESOLVE_IN_ROOT, which
 * glibc reaches only by syscall(): the same tracking there.  Any other
 * call is passed on with six arguments whatever its caller gave, as the
 * x86-64 calling convention allows; AddressSanitizer would call reading
 * the ones not given an underflow, so it is kept out of this function.
 */
__attribute__((no_sanitize("address"))) long syscall(long nr, ...)
{
	static long (*real_syscall)(long, ...);
	long a[6];
	va_list ap;
	int i, fd;

	if (!real_syscall)
		real_syscall = dlsym(RTLD_NEXT, "syscall");
	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (nr == SYS_openat2) {
		const char *path = (const char *)a[1];
		const struct open_how *how = (const struct open_how *)a[2];

		fd = replaced_read(path, (int)how->flags);
		if (fd != -2)
			return fd;
		fd = (int)real_syscall(nr, a[0], a[1], a[2], a[3]);
		track(fd, path, (int)how->flags);
		return fd;
	}
	return real_syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
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
