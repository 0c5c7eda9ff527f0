// SPDX-License-Identifier: GPL-2.0
/*
 * A DIMM's label storage area, read and written through the nvdimm ioctls
 * on /dev/nmemN (include/uapi/linux/ndctl.h): the config size and the
 * largest transfer, then the data in chunks of at most that.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/ndctl.h>

#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

static int open_dimm(struct ndctl_dimm *dimm, int flags)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/dev/%s",
		 sysroot_path(dimm->bus->ctx->root), dimm->devname);
	fd = open(path, flags | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int ndctl_dimm_get_config_size(struct ndctl_dimm *dimm, uint32_t *size,
			       uint32_t *max_xfer)
{
	struct nd_cmd_get_config_size cmd = { 0 };
	int fd, rc = 0;

	fd = open_dimm(dimm, O_RDWR);
	if (fd < 0)
		return fd;
	if (ioctl(fd, ND_IOCTL_GET_CONFIG_SIZE, &cmd) < 0)
		rc = -errno;
	else if (cmd.status)
		rc = -EIO;
	close(fd);
	if (rc)
		return rc;
	*size = cmd.config_size;
	*max_xfer = cmd.max_xfer ? cmd.max_xfer : cmd.config_size;
	return cmd.config_size ? 0 : -ENODATA;
}

/* The largest transfer, once the range is known to fit the area. */
static int check_range(struct ndctl_dimm *dimm, uint32_t offset, uint32_t len,
		       uint32_t *xfer)
{
	uint32_t size;
	int rc;

	rc = ndctl_dimm_get_config_size(dimm, &size, xfer);
	if (rc)
		return rc;
	if (offset > size || len > size - offset)
		return -EINVAL;
	return 0;
}

int ndctl_dimm_read_config(struct ndctl_dimm *dimm, void *buf, uint32_t offset,
			   uint32_t len)
{
	struct nd_cmd_get_config_data_hdr *cmd;
	uint32_t xfer, done = 0;
	int fd, rc;

	rc = check_range(dimm, offset, len, &xfer);
	if (rc)
		return rc;
	cmd = malloc(sizeof(*cmd) + xfer);
	if (!cmd)
		return -ENOMEM;
	fd = open_dimm(dimm, O_RDWR);
	if (fd < 0) {
		free(cmd);
		return fd;
	}
	while (!rc && done < len) {
		uint32_t n = len - done < xfer ? len - done : xfer;

		*cmd = (struct nd_cmd_get_config_data_hdr){
			.in_offset = offset + done, .in_length = n
		};
		if (ioctl(fd, ND_IOCTL_GET_CONFIG_DATA, cmd) < 0)
			rc = -errno;
		else if (cmd->status)
			rc = -EIO;
		else
			memcpy((char *)buf + done, cmd->out_buf, n);
		done += n;
	}
	close(fd);
	free(cmd);
	return rc;
}

int ndctl_dimm_write_config(struct ndctl_dimm *dimm, const void *buf,
			    uint32_t offset, uint32_t len)
{
	struct nd_cmd_set_config_hdr *cmd;
	uint32_t xfer, done = 0, status;
	int fd, rc;

	rc = check_range(dimm, offset, len, &xfer);
	if (rc)
		return rc;
	/* The status word follows the data. */
	cmd = malloc(sizeof(*cmd) + xfer + sizeof(status));
	if (!cmd)
		return -ENOMEM;
	fd = open_dimm(dimm, O_RDWR);
	if (fd < 0) {
		free(cmd);
		return fd;
	}
	while (!rc && done < len) {
		uint32_t n = len - done < xfer ? len - done : xfer;

		cmd->in_offset = offset + done;
		cmd->in_length = n;
		memcpy(cmd->in_buf, (const char *)buf + done, n);
		memset(cmd->in_buf + n, 0, sizeof(status));
		if (ioctl(fd, ND_IOCTL_SET_CONFIG_DATA, cmd) < 0) {
			rc = -errno;
		} else {
			memcpy(&status, cmd->in_buf + n, sizeof(status));
			if (status)
				rc = -EIO;
		}
		done += n;
	}
	close(fd);
	free(cmd);
	return rc;
}
