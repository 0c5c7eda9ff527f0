/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether a region's memory is in use, for every command that can tear
 * a region down: destroy-region and disable-region directly, and
 * disable-memdev, disable-port and disable-bus by pulling a memdev out
 * from under it.
 */
#ifndef CXL_REGION_USE_H
#define CXL_REGION_USE_H

#include <stdbool.h>

#include <cxl/libcxl.h>

struct devstate_ctx;

/*
 * 0 when nothing uses the region's memory; -EBUSY after one line naming
 * the user: a namespace of the pmem region over its range mounted or
 * held, or a dax device in its range open, mapped or online.
 */
int region_check_use(struct devstate_ctx *ds, struct cxl_region *region);

/*
 * The regions below a port or a memdev, checked before an unbind takes
 * them down.  The devstate context (dax devices, namespaces, mounts) is
 * opened only when there is an active region to check.
 */
struct region_guard {
	const char *sysroot;
	struct devstate_ctx *ds;
};

/*
 * 0 when no active region uses the memdev's capacity, or none of them
 * is in use and force is set (then one line says what goes with it, as
 * upstream's --force does); EXIT_FAIL after one line saying why not.
 */
int region_guard_memdev(struct region_guard *guard, struct cxl_memdev *memdev,
			bool force);

/*
 * 0 when the region is not active or nothing uses its memory; EXIT_FAIL
 * after one line naming the user.
 */
int region_guard_region(struct region_guard *guard, struct cxl_region *region);

/*
 * 0 when nothing uses the memory of an active region of a memdev the
 * predicate puts below the port; EXIT_FAIL after one line naming the
 * user (--force never overrides that).  Whether enabled memdevs below
 * need --force is the caller's rule.
 */
int region_guard_port(struct region_guard *guard, struct cxl_ctx *ctx,
		      struct cxl_port *port,
		      bool (*is_below)(struct cxl_port *, struct cxl_memdev *));

void region_guard_close(struct region_guard *guard);

#endif
