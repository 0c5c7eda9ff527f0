// SPDX-License-Identifier: GPL-2.0
/*
 * The nvdimm command channel: the ioctls on a bus's /dev/ndctlN and a
 * DIMM's /dev/nmemN (include/uapi/linux/ndctl.h).  Only the carrying is
 * here; what goes in a payload and what a reply means is lib/ndcmd's.
 *
 * The node is opened under the sysfs root and must be the character
 * device sysfs names for the object (its "dev" attribute), so a stray
 * file at /dev/ndctl0 is never sent an ioctl.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <linux/ndctl.h>

#include <ndcmd/ars.h>
#include <ndcmd/call.h>
#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

/*
 * Open /dev/<node> under the root when it is the character device
 * whose numbers sysfs gives at dev_attr ("major:minor").
 */
static int open_node(struct sysroot *root, const char *node,
		     const char *dev_attr)
{
	char path[PATH_MAX], buf[32];
	unsigned int major, minor;
	struct stat st;
	int fd;

	if (sysfs_read(root, buf, sizeof(buf), "%s", dev_attr) ||
	    sscanf(buf, "%u:%u", &major, &minor) != 2)
		return -ENODEV;
	snprintf(path, sizeof(path), "%s/dev/%s", sysroot_path(root), node);
	fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISCHR(st.st_mode) ||
	    major(st.st_rdev) != major || minor(st.st_rdev) != minor) {
		close(fd);
		return -ENODEV;
	}
	return fd;
}

static int open_bus(struct ndctl_bus *bus)
{
	char node[32], attr[64];
	int id;

	if (sscanf(bus->devname, "ndbus%d", &id) != 1)
		return -ENODEV;
	snprintf(node, sizeof(node), "ndctl%d", id);
	snprintf(attr, sizeof(attr), "sys/class/nd/%s/dev", node);
	return open_node(bus->ctx->root, node, attr);
}

static int open_dimm(struct ndctl_dimm *dimm)
{
	char attr[96];

	snprintf(attr, sizeof(attr), ND_DEVICES "/%s/dev", dimm->devname);
	return open_node(dimm->bus->ctx->root, dimm->devname, attr);
}

/* The ioctl number carries the size of the command's fixed part. */
static unsigned long bus_request(unsigned int cmd)
{
	switch (cmd) {
	case ND_CMD_ARS_CAP:
		return ND_IOCTL_ARS_CAP;
	case ND_CMD_ARS_START:
		return ND_IOCTL_ARS_START;
	case ND_CMD_ARS_STATUS:
		return ND_IOCTL_ARS_STATUS;
	case ND_CMD_CLEAR_ERROR:
		return ND_IOCTL_CLEAR_ERROR;
	}
	return 0;
}

int ndctl_bus_cmd(struct ndctl_bus *bus, unsigned int cmd, void *buf,
		  size_t len)
{
	unsigned long req = bus_request(cmd);
	int fd, rc;

	if (!req || len > ND_IOCTL_MAX_BUFLEN)
		return -EINVAL;
	fd = open_bus(bus);
	if (fd < 0)
		return fd;
	rc = ioctl(fd, req, buf);
	rc = rc < 0 ? -errno : rc;
	close(fd);
	if (rc < 0)
		return rc;
	/* A positive return is what the firmware left unfilled. */
	return (size_t)rc > len ? 0 : (int)(len - (size_t)rc);
}

/* ND_CMD_CALL on an open node: header, payload, and the bytes back. */
static int call(int fd, unsigned int family, unsigned int func, void *payload,
		uint32_t in, uint32_t out)
{
	struct nd_pkg sent = { .family = family,
			       .command = func,
			       .size_in = in,
			       .size_out = out,
			       .fw_size = out },
		      got;
	size_t len = ND_PKG_HDR_SIZE + (size_t)in + out;
	uint8_t *buf;
	int rc;

	if (len > ND_IOCTL_MAX_BUFLEN)
		return -EINVAL;
	buf = malloc(len);
	if (!buf)
		return -ENOMEM;
	nd_pkg_encode(buf, &sent);
	memcpy(buf + ND_PKG_HDR_SIZE, payload, (size_t)in + out);
	rc = ioctl(fd, ND_IOCTL_CALL, buf);
	rc = rc < 0 ? -errno : rc;
	if (rc >= 0) {
		uint32_t got_out;

		nd_pkg_decode(buf, len, &got);
		memcpy(payload, buf + ND_PKG_HDR_SIZE, (size_t)in + out);
		got_out = nd_pkg_out_received(&sent, &got);
		/*
		 * A positive return is what the provider left unfilled, as
		 * for the other commands: the reply is that much shorter.
		 */
		got_out = (uint32_t)rc < got_out ? got_out - (uint32_t)rc : 0;
		rc = (int)(in + got_out);
	}
	free(buf);
	return rc;
}

int ndctl_bus_call(struct ndctl_bus *bus, unsigned int family,
		   unsigned int func, void *payload, uint32_t in, uint32_t out)
{
	int fd = open_bus(bus), rc;

	if (fd < 0)
		return fd;
	rc = call(fd, family, func, payload, in, out);
	close(fd);
	return rc;
}

int ndctl_dimm_call(struct ndctl_dimm *dimm, unsigned int family,
		    unsigned int func, void *payload, uint32_t in, uint32_t out)
{
	int fd = open_dimm(dimm), rc;

	if (fd < 0)
		return fd;
	rc = call(fd, family, func, payload, in, out);
	close(fd);
	return rc;
}

int ndctl_dimm_open_channel(struct ndctl_dimm *dimm)
{
	return open_dimm(dimm);
}

int ndctl_channel_call(int fd, unsigned int family, unsigned int func,
		       void *payload, uint32_t in, uint32_t out)
{
	return call(fd, family, func, payload, in, out);
}

/* Whether a space-separated list attribute names word. */
static bool list_has(struct sysroot *root, const char *word, const char *fmt,
		     const char *dev)
{
	char buf[512], *tok, *save;

	if (sysfs_read(root, buf, sizeof(buf), fmt, dev))
		return false;
	for (tok = strtok_r(buf, " \n", &save); tok;
	     tok = strtok_r(NULL, " \n", &save))
		if (!strcmp(tok, word))
			return true;
	return false;
}

bool ndctl_bus_has_command(struct ndctl_bus *bus, const char *cmd)
{
	return list_has(bus->ctx->root, cmd, ND_DEVICES "/%s/commands",
			bus->devname);
}

bool ndctl_bus_has_nfit(struct ndctl_bus *bus)
{
	return sysfs_exists(bus->ctx->root, ND_DEVICES "/%s/nfit/revision",
			    bus->devname);
}

bool ndctl_bus_has_nfit_call(struct ndctl_bus *bus, unsigned int func)
{
	uint64_t mask;

	if (func >= 64 || !ndctl_bus_has_command(bus, "cmd_call") ||
	    sysfs_read_u64(bus->ctx->root, &mask,
			   ND_DEVICES "/%s/nfit/dsm_mask", bus->devname))
		return false;
	return mask & (1ULL << func);
}
