// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "log.h"

int write_all(int fd, const void *buf, size_t len)
{
	const char *at = buf;

	while (len) {
		ssize_t n = write(fd, at, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;
		at += n;
		len -= (size_t)n;
	}
	return 0;
}

int write_new_file(int fd, const char *path, const void *buf, size_t len)
{
	int rc;

	if (fd < 0) {
		rc = -errno;
		pr_err("%s: cannot create: %s", path, strerror(-rc));
		return rc;
	}
	rc = write_all(fd, buf, len);
	if (close(fd) && !rc)
		rc = -errno;
	if (rc)
		pr_err("%s: cannot write: %s", path, strerror(-rc));
	return rc;
}
