// SPDX-License-Identifier: GPL-2.0
/*
 * A region's memory is in use when something a user runs holds it: the
 * memory online as system RAM, a dax device open or mapped, a pmem
 * namespace mounted or held.  That is never torn down, --force or not.
 * An active region nothing uses is upstream's case: disable-memdev,
 * disable-port and disable-bus refuse it without --force and go ahead
 * with it, which takes the region's decode down with the memdev.
 */
#include <errno.h>
#include <stdlib.h>

#include <cxl/libcxl.h>
#include <devstate/context.h>
#include <devstate/inuse.h>
#include <util/command.h>
#include <util/log.h>

#include "region.h"
#include "region-use.h"

/*
 * The nd region of a pmem region hangs off the nvdimm bridge, not off
 * the CXL region, so it is found by address; so are the dax devices (a
 * ram region's, or devdax on a pmem namespace).
 */
int region_check_use(struct devstate_ctx *ds, struct cxl_region *region)
{
	uint64_t start = cxl_region_get_resource(region);
	uint64_t size = cxl_region_get_size(region);
	struct ndctl_region *ndr;
	struct daxctl_region *dr;
	struct ndctl_bus *bus;

	if (!start || !size || size == CXL_U64_NONE)
		return 0;
	ndctl_bus_foreach (devstate_nd(ds, false), bus) {
		ndctl_region_foreach (bus, ndr) {
			if (ranges_overlap(start, size,
					   ndctl_region_get_resource(ndr),
					   ndctl_region_get_size(ndr)) &&
			    inuse_check_region(devstate_inuse(ds), ndr))
				return -EBUSY;
		}
	}
	daxctl_region_foreach (ds->dax, dr) {
		struct daxctl_dev *dev;

		daxctl_dev_foreach (dr, dev) {
			if (ranges_overlap(start, size,
					   daxctl_dev_get_resource(dev),
					   daxctl_dev_get_size(dev)) &&
			    inuse_check_daxdev(devstate_inuse(ds), dev, false))
				return -EBUSY;
		}
	}
	return 0;
}

/*
 * The change lock too: a daxctl or ndctl change under way could be
 * putting the region's memory online between the check and the unbind.
 */
static int guard_open(struct region_guard *guard)
{
	int rc;

	if (guard->ds)
		return 0;
	guard->ds = calloc(1, sizeof(*guard->ds));
	if (!guard->ds)
		return -ENOMEM;
	rc = devstate_open(guard->ds, guard->sysroot,
			   DEVSTATE_CHANGE | DEVSTATE_DAX | DEVSTATE_ND);
	if (rc) {
		/* Not kept: the next check must not read a half-open one. */
		devstate_close(guard->ds);
		free(guard->ds);
		guard->ds = NULL;
	}
	return rc;
}

int region_guard_region(struct region_guard *guard, struct cxl_region *region)
{
	if (!cxl_region_is_active(region))
		return 0;
	if (guard_open(guard)) {
		pr_err("%s: cannot read what uses its memory",
		       cxl_region_get_devname(region));
		return EXIT_FAIL;
	}
	return region_check_use(guard->ds, region) ? EXIT_FAIL : 0;
}

/*
 * Each active region of the memdev's endpoint decoders, checked; who is
 * the object being disabled, for the message when what uses a region's
 * memory cannot be read.
 */
static int memdev_regions_in_use(struct region_guard *guard,
				 struct cxl_memdev *memdev, const char *who,
				 struct cxl_region **active)
{
	struct cxl_port *ep = cxl_memdev_get_endpoint(memdev);
	struct cxl_decoder *d;

	*active = NULL;
	if (!ep)
		return 0;
	cxl_decoder_foreach (ep, d) {
		struct cxl_region *r = cxl_decoder_get_region(d);

		if (!r || !cxl_region_is_active(r))
			continue;
		if (!*active)
			*active = r;
		if (guard_open(guard)) {
			pr_err("%s: cannot read what uses %s's memory", who,
			       cxl_region_get_devname(r));
			return -EIO;
		}
		if (region_check_use(guard->ds, r))
			return -EBUSY;
	}
	return 0;
}

int region_guard_memdev(struct region_guard *guard, struct cxl_memdev *memdev,
			bool force)
{
	const char *name = cxl_memdev_get_devname(memdev);
	struct cxl_region *r;

	if (memdev_regions_in_use(guard, memdev, name, &r))
		return EXIT_FAIL;
	if (r && !force) {
		pr_err("%s: part of %s, which decodes its memory: disabling "
		       "takes the region down (nothing uses it; --force "
		       "to go ahead)",
		       name, cxl_region_get_devname(r));
		return EXIT_FAIL;
	}
	if (r)
		pr_info("%s: forcing the disable under %s, which nothing uses",
			name, cxl_region_get_devname(r));
	return 0;
}

int region_guard_port(struct region_guard *guard, struct cxl_ctx *ctx,
		      struct cxl_port *port,
		      bool (*is_below)(struct cxl_port *, struct cxl_memdev *))
{
	struct cxl_memdev *m;

	cxl_memdev_foreach (ctx, m) {
		struct cxl_region *r;

		if (!is_below(port, m))
			continue;
		if (memdev_regions_in_use(guard, m, cxl_port_get_devname(port),
					  &r))
			return EXIT_FAIL;
	}
	return 0;
}

void region_guard_close(struct region_guard *guard)
{
	if (!guard->ds)
		return;
	devstate_close(guard->ds);
	free(guard->ds);
	guard->ds = NULL;
}
