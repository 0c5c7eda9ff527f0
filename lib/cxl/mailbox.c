// SPDX-License-Identifier: GPL-2.0
/*
 * The memdev's mailbox, through /dev/cxl/memN and the kernel's
 * CXL_MEM_SEND_COMMAND (include/uapi/linux/cxl_mem.h): the label area.
 */
#include <errno.h>
#include <endian.h>
#include <fcntl.h>
#include <linux/cxl_mem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cxl/libcxl.h>
#include <util/sysfs.h>

#include "private.h"

/* Get LSA's input payload (CXL 2.0 8.2.9.5.2.1), little endian. */
struct get_lsa_in {
	uint32_t offset;
	uint32_t length;
};

static int open_memdev(struct cxl_memdev *memdev)
{
	char path[4096];
	const char *root = sysroot_path(cxl_get_root(memdev->ctx));
	int fd;

	snprintf(path, sizeof(path), "%s/dev/cxl/%s",
		 strcmp(root, "/") ? root : "", memdev->devname);
	fd = open(path, O_RDWR | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int get_lsa(int fd, void *buf, uint32_t len, uint32_t off)
{
	struct get_lsa_in in = { .offset = htole32(off),
				 .length = htole32(len) };
	struct cxl_send_command cmd;

	memset(&cmd, 0, sizeof(cmd));
	cmd.id = CXL_MEM_COMMAND_ID_GET_LSA;
	cmd.in.size = sizeof(in);
	cmd.in.payload = (uintptr_t)&in;
	cmd.out.size = len;
	cmd.out.payload = (uintptr_t)buf;
	if (ioctl(fd, CXL_MEM_SEND_COMMAND, &cmd) < 0)
		return -errno;
	/* A mailbox return code other than success. */
	if (cmd.retval)
		return -EIO;
	return cmd.out.size == len ? 0 : -EIO;
}

/*
 * The memdev opened for LEN bytes of its label area at OFFSET, and the
 * most one request moves (*chunk): the fd, or -errno.
 */
static int lsa_open(struct cxl_memdev *memdev, size_t len, size_t offset,
		    size_t *chunk)
{
	if (memdev->lsa_size == CXL_U64_NONE)
		return -EOPNOTSUPP;
	if (offset > memdev->lsa_size || len > memdev->lsa_size - offset)
		return -ERANGE;
	/*
	 * Each request carries an 8-byte header within the mailbox
	 * payload, as upstream sizes them.
	 */
	if (memdev->payload_max <= 8)
		return -EOPNOTSUPP;
	*chunk = memdev->payload_max - 8;
	return open_memdev(memdev);
}

int cxl_memdev_read_label(struct cxl_memdev *memdev, void *buf, size_t len,
			  size_t offset)
{
	size_t done = 0, chunk;
	int fd = lsa_open(memdev, len, offset, &chunk), rc = 0;

	if (fd < 0)
		return fd;
	while (done < len && !rc) {
		size_t n = len - done < chunk ? len - done : chunk;

		rc = get_lsa(fd, (char *)buf + done, (uint32_t)n,
			     (uint32_t)(offset + done));
		done += n;
	}
	close(fd);
	return rc;
}

/* Get Health Info's output payload (CXL 2.0 8.2.9.8.3.1). */
struct health_out {
	uint8_t health_status;
	uint8_t media_status;
	uint8_t ext_status;
	uint8_t life_used;
	uint16_t temperature;
	uint32_t dirty_shutdowns;
	uint32_t volatile_errors;
	uint32_t pmem_errors;
} __attribute__((packed));

int cxl_memdev_get_health(struct cxl_memdev *memdev, struct cxl_health *h)
{
	struct cxl_send_command cmd;
	struct health_out out;
	int fd, rc = 0;

	fd = open_memdev(memdev);
	if (fd < 0)
		return fd;
	memset(&cmd, 0, sizeof(cmd));
	memset(&out, 0, sizeof(out));
	cmd.id = CXL_MEM_COMMAND_ID_GET_HEALTH_INFO;
	cmd.out.size = sizeof(out);
	cmd.out.payload = (uintptr_t)&out;
	if (ioctl(fd, CXL_MEM_SEND_COMMAND, &cmd) < 0)
		rc = -errno;
	else if (cmd.retval || cmd.out.size != sizeof(out))
		rc = -EIO;
	close(fd);
	if (rc)
		return rc;
	h->health_status = out.health_status;
	h->media_status = out.media_status;
	h->ext_status = out.ext_status;
	h->life_used = out.life_used;
	h->temperature = le16toh(out.temperature);
	h->dirty_shutdowns = le32toh(out.dirty_shutdowns);
	h->volatile_errors = le32toh(out.volatile_errors);
	h->pmem_errors = le32toh(out.pmem_errors);
	return 0;
}

static int set_lsa(int fd, const void *data, uint32_t len, uint32_t off)
{
	struct cxl_send_command cmd;
	uint8_t *in = malloc(8 + (size_t)len);
	uint32_t le_off = htole32(off);
	int rc = 0;

	if (!in)
		return -ENOMEM;
	/* Set LSA's input: offset, 4 reserved bytes, then the data. */
	memset(in, 0, 8);
	memcpy(in, &le_off, sizeof(le_off));
	memcpy(in + 8, data, len);
	memset(&cmd, 0, sizeof(cmd));
	cmd.id = CXL_MEM_COMMAND_ID_SET_LSA;
	cmd.in.size = 8 + len;
	cmd.in.payload = (uintptr_t)in;
	if (ioctl(fd, CXL_MEM_SEND_COMMAND, &cmd) < 0)
		rc = -errno;
	else if (cmd.retval)
		rc = -EIO;
	free(in);
	return rc;
}

int cxl_memdev_write_label(struct cxl_memdev *memdev, const void *buf,
			   size_t len, size_t offset)
{
	size_t done = 0, chunk;
	int fd = lsa_open(memdev, len, offset, &chunk), rc = 0;

	if (fd < 0)
		return fd;
	while (done < len && !rc) {
		size_t n = len - done < chunk ? len - done : chunk;

		rc = set_lsa(fd, (const char *)buf + done, (uint32_t)n,
			     (uint32_t)(offset + done));
		done += n;
	}
	close(fd);
	return rc;
}

/*
 * One fixed-size command: IN_SIZE bytes in, OUT_SIZE bytes out (the
 * buffer zeroed first, so a shorter answer decodes as zeros, as v81
 * reads it).  0, the open's or ioctl's errno (-ENOTTY: the kernel or
 * the device does not have the command), or -EIO for a mailbox return
 * code other than success.
 */
static int mbox_send(struct cxl_memdev *memdev, uint32_t id, const void *in,
		     size_t in_size, void *out, size_t out_size)
{
	struct cxl_send_command cmd;
	int fd = open_memdev(memdev), rc = 0;

	if (fd < 0)
		return fd;
	memset(&cmd, 0, sizeof(cmd));
	if (out)
		memset(out, 0, out_size);
	cmd.id = id;
	cmd.in.size = (uint32_t)in_size;
	cmd.in.payload = (uintptr_t)in;
	cmd.out.size = (uint32_t)out_size;
	cmd.out.payload = (uintptr_t)out;
	if (ioctl(fd, CXL_MEM_SEND_COMMAND, &cmd) < 0)
		rc = -errno;
	else if (cmd.retval)
		rc = -EIO;
	close(fd);
	return rc;
}

int cxl_memdev_identify(struct cxl_memdev *memdev, struct cxl_identify *id)
{
	uint8_t out[CXL_IDENTIFY_OUT_SIZE];
	int rc = mbox_send(memdev, CXL_MEM_COMMAND_ID_IDENTIFY, NULL, 0, out,
			   sizeof(out));

	return rc ? rc : cxl_identify_decode(out, sizeof(out), id);
}

int cxl_memdev_get_partition(struct cxl_memdev *memdev, struct cxl_partition *p)
{
	uint8_t out[CXL_PARTITION_OUT_SIZE];
	int rc = mbox_send(memdev, CXL_MEM_COMMAND_ID_GET_PARTITION_INFO, NULL,
			   0, out, sizeof(out));

	return rc ? rc : cxl_partition_decode(out, sizeof(out), p);
}

int cxl_memdev_set_partition(struct cxl_memdev *memdev, uint64_t volatile_bytes)
{
	uint8_t in[CXL_SET_PARTITION_IN_SIZE];
	int rc = cxl_set_partition_encode(volatile_bytes, 0, in, sizeof(in));

	if (rc)
		return rc;
	return mbox_send(memdev, CXL_MEM_COMMAND_ID_SET_PARTITION_INFO, in,
			 sizeof(in), NULL, 0);
}

int cxl_memdev_get_fw_info(struct cxl_memdev *memdev, struct cxl_fw_info *fw)
{
	uint8_t out[CXL_FW_INFO_OUT_SIZE];
	int rc = mbox_send(memdev, CXL_MEM_COMMAND_ID_GET_FW_INFO, NULL, 0, out,
			   sizeof(out));

	return rc ? rc : cxl_fw_info_decode(out, sizeof(out), fw);
}

int cxl_memdev_get_alert_config(struct cxl_memdev *memdev,
				struct cxl_alert_config *a)
{
	uint8_t out[CXL_ALERT_OUT_SIZE];
	int rc = mbox_send(memdev, CXL_MEM_COMMAND_ID_GET_ALERT_CONFIG, NULL, 0,
			   out, sizeof(out));

	return rc ? rc : cxl_alert_config_decode(out, sizeof(out), a);
}

int cxl_memdev_set_alert_config(struct cxl_memdev *memdev,
				const struct cxl_alert_request *r)
{
	uint8_t in[CXL_SET_ALERT_IN_SIZE];
	int rc = cxl_set_alert_encode(r, in, sizeof(in));

	if (rc)
		return rc;
	return mbox_send(memdev, CXL_MEM_COMMAND_ID_SET_ALERT_CONFIG, in,
			 sizeof(in), NULL, 0);
}
