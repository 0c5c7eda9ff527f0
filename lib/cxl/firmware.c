// SPDX-License-Identifier: GPL-2.0
/*
 * A memdev's firmware transfer, through the kernel's firmware upload
 * class device (sys/bus/cxl/devices/memN/firmware/memN: loading, data,
 * status, remaining_size, cancel; kernels from 6.6).  The kernel itself
 * sends Transfer FW and Activate FW over the mailbox while it drains
 * what was written to "data"; nothing here talks to the mailbox.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cxl/libcxl.h>
#include <util/file.h>
#include <util/sysfs.h>

#include "private.h"

#define FW_DIR "%s/firmware/%s/"

static struct sysroot *root_of(struct cxl_memdev *memdev)
{
	return cxl_get_root(memdev->ctx);
}

int cxl_memdev_fw_status(struct cxl_memdev *memdev, char *buf, size_t len)
{
	return sysfs_read(root_of(memdev), buf, len, FW_DIR "status",
			  memdev->path, memdev->devname);
}

bool cxl_memdev_fw_update_in_progress(struct cxl_memdev *memdev)
{
	char status[32];

	/* As v81 has it: a status that cannot be read is not idle. */
	if (cxl_memdev_fw_status(memdev, status, sizeof(status)))
		return true;
	return strcmp(status, "idle") != 0;
}

uint64_t cxl_memdev_fw_remaining(struct cxl_memdev *memdev)
{
	uint64_t left;

	if (sysfs_read_u64(root_of(memdev), &left, FW_DIR "remaining_size",
			   memdev->path, memdev->devname))
		return 0;
	return left;
}

bool cxl_memdev_has_fw_loader(struct cxl_memdev *memdev)
{
	return sysfs_exists(root_of(memdev), FW_DIR "loading", memdev->path,
			    memdev->devname);
}

static int set_loading(struct cxl_memdev *memdev, const char *val)
{
	return sysfs_write(root_of(memdev), val, FW_DIR "loading", memdev->path,
			   memdev->devname);
}

static int write_data(struct cxl_memdev *memdev, const uint8_t *image,
		      size_t len)
{
	int fd = sysfs_open_attr(root_of(memdev), O_WRONLY, FW_DIR "data",
				 memdev->path, memdev->devname);
	int rc;

	if (fd < 0)
		return fd;
	rc = write_all(fd, image, len);
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

int cxl_memdev_update_fw(struct cxl_memdev *memdev, const void *image,
			 size_t len)
{
	int rc;

	if (!cxl_memdev_has_fw_loader(memdev))
		return -EOPNOTSUPP;
	rc = set_loading(memdev, "1\n");
	if (rc)
		return rc;
	rc = write_data(memdev, image, len);
	if (rc) {
		/* -1 aborts the upload: the device is sent nothing. */
		set_loading(memdev, "-1\n");
		return rc;
	}
	/* 0 ends the image: the kernel starts the transfer. */
	return set_loading(memdev, "0\n");
}

int cxl_memdev_cancel_fw_update(struct cxl_memdev *memdev)
{
	if (!cxl_memdev_fw_update_in_progress(memdev) &&
	    cxl_memdev_fw_remaining(memdev) == 0)
		return -ENXIO;
	return sysfs_write(root_of(memdev), "1\n", FW_DIR "cancel",
			   memdev->path, memdev->devname);
}

int cxl_memdev_wait_sanitize(struct cxl_memdev *memdev, int timeout_ms)
{
	struct pollfd pfd = { .events = POLLPRI | POLLERR };
	char state[16];
	ssize_t n;
	int rc;

	pfd.fd = sysfs_open_attr(root_of(memdev), O_RDONLY, "%s/security/state",
				 memdev->path);
	/* No security attributes: the device cannot sanitize. */
	if (pfd.fd == -ENOENT)
		return 0;
	if (pfd.fd < 0)
		return pfd.fd;
	n = pread(pfd.fd, state, sizeof(state) - 1, 0);
	if (n < 0) {
		rc = -EOPNOTSUPP;
		goto out;
	}
	state[n] = '\0';
	rc = 0;
	if (strncmp(state, "sanitize", 8))
		goto out;
	/*
	 * The kernel notifies the attribute when the sanitize ends; poll
	 * sleeps until then (or the timeout), no polling loop.
	 */
	rc = poll(&pfd, 1, timeout_ms);
	if (rc == 0) {
		rc = -ETIMEDOUT;
	} else if (rc < 0) {
		rc = -errno;
	} else {
		n = pread(pfd.fd, state, sizeof(state) - 1, 0);
		if (n >= 0)
			state[n] = '\0';
		rc = n < 0 || !strncmp(state, "sanitize", 8) ? -ENXIO : 0;
	}
out:
	close(pfd.fd);
	return rc;
}
