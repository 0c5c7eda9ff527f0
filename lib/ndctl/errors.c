// SPDX-License-Identifier: GPL-2.0
/*
 * A bus's media errors: the kernel's scrub (the "scrub" attribute an
 * ACPI NFIT bus has: a count of completed scrubs, "+" while one runs),
 * and the firmware calls that find, inject, clear and place them, each
 * payload built and read by lib/ndcmd.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/ndctl.h>

#include <ndcmd/ars.h>
#include <ndcmd/call.h>
#include <ndcmd/nfit-bus.h>
#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

/* "12\n" or "12+\n": the count of scrubs done, and one running. */
static int parse_scrub(const char *buf, unsigned int *count, bool *active)
{
	unsigned long v;
	char *end;

	if (buf[0] < '0' || buf[0] > '9')
		return -EBADMSG;
	errno = 0;
	v = strtoul(buf, &end, 10);
	if (errno || v > UINT32_MAX)
		return -EBADMSG;
	*active = *end == '+';
	if (*end == '+')
		end++;
	while (*end == '\n' || *end == ' ')
		end++;
	if (*end)
		return -EBADMSG;
	*count = (unsigned int)v;
	return 0;
}

int ndctl_bus_get_scrub(struct ndctl_bus *bus, unsigned int *count,
			bool *active)
{
	char buf[32];
	int rc = sysfs_read(bus->ctx->root, buf, sizeof(buf),
			    ND_DEVICES "/%s/nfit/scrub", bus->devname);

	if (rc)
		return rc == -ENOENT ? -EOPNOTSUPP : rc;
	return parse_scrub(buf, count, active);
}

int ndctl_bus_start_scrub(struct ndctl_bus *bus)
{
	if (!sysfs_exists(bus->ctx->root, ND_DEVICES "/%s/nfit/scrub",
			  bus->devname))
		return -EOPNOTSUPP;
	return sysfs_write(bus->ctx->root, "1\n", ND_DEVICES "/%s/nfit/scrub",
			   bus->devname);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ndctl_bus_wait_scrub(struct ndctl_bus *bus, unsigned int min_count,
			 unsigned int interval, int timeout_ms)
{
	int64_t deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	struct pollfd pfd = { .events = POLLPRI | POLLERR };
	unsigned int count;
	bool active;
	char buf[32];
	int rc, fd;

	fd = sysfs_open_attr(bus->ctx->root, O_RDONLY,
			     ND_DEVICES "/%s/nfit/scrub", bus->devname);
	if (fd < 0)
		return fd == -ENOENT ? -EOPNOTSUPP : fd;
	pfd.fd = fd;
	for (;;) {
		ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
		int tmo = interval ? (int)interval * 1000 : -1;

		if (n < 0) {
			rc = -errno;
			break;
		}
		buf[n] = '\0';
		rc = parse_scrub(buf, &count, &active);
		if (rc || (!active && count >= min_count))
			break;
		if (deadline >= 0) {
			int64_t left = deadline - now_ms();

			if (left <= 0) {
				rc = -ETIMEDOUT;
				break;
			}
			if (tmo < 0 || left < tmo)
				tmo = (int)left;
		}
		/*
		 * The kernel notifies the attribute when a scrub ends; the
		 * re-read after a timeout also tells it someone is waiting.
		 */
		if (poll(&pfd, 1, tmo) < 0 && errno != EINTR) {
			rc = -errno;
			break;
		}
	}
	close(fd);
	return rc;
}

int ndctl_bus_ars_cap(struct ndctl_bus *bus, uint64_t address, uint64_t length,
		      struct nd_ars_cap *cap)
{
	uint8_t buf[ND_ARS_CAP_SIZE];
	int rc;

	if (!ndctl_bus_has_command(bus, "ars_cap"))
		return -EOPNOTSUPP;
	nd_ars_cap_encode(buf, address, length);
	rc = ndctl_bus_cmd(bus, ND_CMD_ARS_CAP, buf, sizeof(buf));
	if (rc < 0)
		return rc;
	return nd_ars_cap_decode(buf, (size_t)rc, cap);
}

int ndctl_bus_clear_error(struct ndctl_bus *bus, uint64_t address,
			  uint64_t length, uint32_t clear_unit,
			  uint64_t *cleared, uint32_t *status)
{
	uint8_t buf[ND_CLEAR_ERROR_SIZE];
	int rc;

	*status = 0;
	if (!ndctl_bus_has_command(bus, "clear_error"))
		return -EOPNOTSUPP;
	rc = nd_clear_error_encode(buf, address, length, clear_unit);
	if (rc)
		return rc;
	rc = ndctl_bus_cmd(bus, ND_CMD_CLEAR_ERROR, buf, sizeof(buf));
	if (rc < 0)
		return rc;
	return nd_clear_error_decode(buf, (size_t)rc, status, cleared);
}

bool ndctl_bus_has_error_injection(struct ndctl_bus *bus)
{
	return ndctl_bus_has_nfit(bus) &&
	       ndctl_bus_has_nfit_call(bus, ND_NFIT_ARS_INJECT_SET) &&
	       ndctl_bus_has_nfit_call(bus, ND_NFIT_ARS_INJECT_CLEAR) &&
	       ndctl_bus_has_nfit_call(bus, ND_NFIT_ARS_INJECT_GET);
}

int ndctl_bus_inject_error(struct ndctl_bus *bus, uint64_t base,
			   uint64_t length, bool notify, uint32_t *status)
{
	uint8_t buf[ND_INJECT_SET_IN + ND_INJECT_SET_OUT];
	int rc;

	*status = 0;
	nd_inject_set_encode(buf, base, length, notify);
	rc = ndctl_bus_call(bus, ND_BUS_FAMILY_NFIT, ND_NFIT_ARS_INJECT_SET,
			    buf, ND_INJECT_SET_IN, ND_INJECT_SET_OUT);
	if (rc < 0)
		return rc;
	return nd_inject_set_decode(buf, (size_t)rc, status);
}

int ndctl_bus_uninject_error(struct ndctl_bus *bus, uint64_t base,
			     uint64_t length, uint32_t *status)
{
	uint8_t buf[ND_INJECT_CLEAR_IN + ND_INJECT_CLEAR_OUT];
	int rc;

	*status = 0;
	nd_inject_clear_encode(buf, base, length);
	rc = ndctl_bus_call(bus, ND_BUS_FAMILY_NFIT, ND_NFIT_ARS_INJECT_CLEAR,
			    buf, ND_INJECT_CLEAR_IN, ND_INJECT_CLEAR_OUT);
	if (rc < 0)
		return rc;
	return nd_inject_clear_decode(buf, (size_t)rc, status);
}

int ndctl_bus_get_injected(struct ndctl_bus *bus, uint32_t room, uint8_t **bufp,
			   struct nd_inject_list *list)
{
	uint32_t out = ND_INJECT_GET_HDR + room;
	uint8_t *buf;
	int rc;

	*bufp = NULL;
	if (room > ND_IOCTL_MAX_BUFLEN)
		return -EINVAL;
	buf = malloc(out);
	if (!buf)
		return -ENOMEM;
	nd_inject_get_encode(buf, out);
	rc = ndctl_bus_call(bus, ND_BUS_FAMILY_NFIT, ND_NFIT_ARS_INJECT_GET,
			    buf, 0, out);
	if (rc >= 0)
		rc = nd_inject_get_decode(buf, (size_t)rc, list);
	if (rc) {
		free(buf);
		return rc;
	}
	*bufp = buf;
	return 0;
}

struct ndctl_dimm *ndctl_bus_dimm_by_address(struct ndctl_bus *bus,
					     uint64_t spa)
{
	struct ndctl_region *region, *found = NULL;
	uint8_t buf[64];
	struct nd_spa_device dev;
	struct ndctl_dimm *dimm;
	uint32_t status;
	int rc, ways = 0;

	ndctl_region_foreach (bus, region) {
		uint64_t start = ndctl_region_get_resource(region);

		if (spa >= start && spa - start < ndctl_region_get_size(region))
			found = region;
	}
	if (!found)
		return NULL;
	/* One DIMM behind the region: no firmware to ask. */
	if (ndctl_mapping_get_first(found) && !found->mappings->next) {
		ndctl_dimm_foreach (bus, dimm)
			if (!strcmp(dimm->devname, found->mappings->dimm))
				return dimm;
		return NULL;
	}
	for (struct ndctl_mapping *m = found->mappings; m; m = m->next)
		ways++;
	if (!ways || !ndctl_bus_has_nfit(bus) ||
	    !ndctl_bus_has_nfit_call(bus, ND_NFIT_TRANSLATE_SPA))
		return NULL;
	nd_translate_spa_encode(buf, spa, 1);
	rc = ndctl_bus_call(bus, ND_BUS_FAMILY_NFIT, ND_NFIT_TRANSLATE_SPA, buf,
			    ND_TRANSLATE_SPA_IN,
			    nd_translate_spa_size(1) - ND_TRANSLATE_SPA_IN);
	if (rc < 0 || nd_translate_spa_decode(buf, (size_t)rc, &status, &dev))
		return NULL;
	ndctl_dimm_foreach (bus, dimm)
		if (ndctl_dimm_get_handle(dimm) == (int64_t)dev.handle)
			return dimm;
	return NULL;
}

int ndctl_namespace_get_injection_bounds(struct ndctl_namespace *ns,
					 uint64_t *start, uint64_t *size)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);

	if (claim && ndctl_claim_is_enabled(claim)) {
		/* A btt's data and metadata are not told apart. */
		if (!strncmp(claim->devname, "btt", 3))
			return -EOPNOTSUPP;
		*start = ndctl_claim_get_resource(claim);
		*size = ndctl_claim_get_size(claim);
		return 0;
	}
	*start = ndctl_namespace_get_resource(ns);
	*size = ndctl_namespace_get_size(ns);
	return 0;
}

int ndctl_region_get_interleave_ways(struct ndctl_region *region)
{
	struct ndctl_mapping *m;
	int n = 0;

	ndctl_mapping_foreach (region, m)
		n++;
	return n;
}
