// SPDX-License-Identifier: GPL-2.0
/*
 * A DIMM's security through the kernel's nmemN/security attribute: its
 * state, and the commands written to it.  Every command names keys by
 * their serial in the kernel's keyring (0: the zero key); the kernel
 * reads the passphrases from the keys itself, so none passes through
 * here.  The overwrite's end is waited for in poll(): the kernel
 * notifies the attribute when it changes.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

enum ndctl_security_state ndctl_dimm_get_security(struct ndctl_dimm *dimm)
{
	static const char *const words[] = {
		[NDCTL_SECURITY_DISABLED] = "disabled",
		[NDCTL_SECURITY_UNLOCKED] = "unlocked",
		[NDCTL_SECURITY_LOCKED] = "locked",
		[NDCTL_SECURITY_FROZEN] = "frozen",
		[NDCTL_SECURITY_OVERWRITE] = "overwrite",
	};
	char buf[32];
	size_t i;

	if (sysfs_read(dimm->bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/security", dimm->devname))
		return NDCTL_SECURITY_INVALID;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i] && !strcmp(buf, words[i]))
			return (enum ndctl_security_state)i;
	return NDCTL_SECURITY_INVALID;
}

bool ndctl_dimm_security_is_frozen(struct ndctl_dimm *dimm)
{
	int frozen;

	if (ndctl_dimm_get_security(dimm) == NDCTL_SECURITY_FROZEN)
		return true;
	/* Kernels since 5.x keep the frozen bit apart from the state. */
	if (sysfs_read_int(dimm->bus->ctx->root, &frozen,
			   ND_DEVICES "/%s/frozen", dimm->devname))
		return false;
	return frozen != 0;
}

static int write_security(struct ndctl_dimm *dimm, const char *cmd)
{
	return sysfs_write(dimm->bus->ctx->root, cmd, ND_DEVICES "/%s/security",
			   dimm->devname);
}

int ndctl_dimm_security_cmd(struct ndctl_dimm *dimm, enum ndctl_security_op op,
			    long key, long new_key)
{
	static const char *const words[] = {
		[NDCTL_SEC_UPDATE] = "update",
		[NDCTL_SEC_DISABLE] = "disable",
		[NDCTL_SEC_FREEZE] = "freeze",
		[NDCTL_SEC_ERASE] = "erase",
		[NDCTL_SEC_OVERWRITE] = "overwrite",
		[NDCTL_SEC_MASTER_UPDATE] = "master_update",
		[NDCTL_SEC_MASTER_ERASE] = "master_erase",
		[NDCTL_SEC_DISABLE_MASTER] = "disable_master",
	};
	char buf[96];

	switch (op) {
	case NDCTL_SEC_FREEZE:
		snprintf(buf, sizeof(buf), "freeze");
		break;
	case NDCTL_SEC_UPDATE:
	case NDCTL_SEC_MASTER_UPDATE:
		snprintf(buf, sizeof(buf), "%s %ld %ld", words[op], key,
			 new_key);
		break;
	default:
		snprintf(buf, sizeof(buf), "%s %ld", words[op], key);
		break;
	}
	return write_security(dimm, buf);
}

int ndctl_dimm_wait_overwrite(struct ndctl_dimm *dimm)
{
	struct pollfd pfd;
	char buf[32];
	ssize_t n;
	int fd, rc = 0;

	fd = sysfs_open_attr(dimm->bus->ctx->root, O_RDONLY,
			     ND_DEVICES "/%s/security", dimm->devname);
	if (fd < 0)
		return fd;
	for (;;) {
		n = pread(fd, buf, sizeof(buf) - 1, 0);
		if (n < 0) {
			rc = -errno;
			break;
		}
		buf[n] = 0;
		if (strncmp(buf, "overwrite", 9))
			break;
		rc = 1;
		pfd.fd = fd;
		pfd.events = POLLPRI | POLLERR;
		if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
			rc = -errno;
			break;
		}
	}
	close(fd);
	return rc;
}

bool ndctl_dimm_is_active(struct ndctl_dimm *dimm)
{
	struct ndctl_region *region;

	ndctl_region_foreach (dimm->bus, region)
		if (ndctl_region_is_enabled(region) &&
		    ndctl_region_uses_dimm(region, dimm))
			return true;
	return false;
}
