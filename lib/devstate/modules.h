/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Drivers a step needs, loaded through libkmod when they are missing,
 * as upstream's tools do: kmem for system-ram, device_dax for devdax,
 * dax_pmem, nd_pmem and nd_btt for namespace claims.
 */
#ifndef DEVSTATE_MODULES_H
#define DEVSTATE_MODULES_H

struct devstate_ctx;

/*
 * Make sure driver is registered on bus ("dax" or "nd"): nothing to do
 * when sys/bus/BUS/drivers/DRIVER exists; on the live system the module
 * of that name is loaded.  Returns 0 or a negative errno, after saying
 * which module could not be loaded and why.
 */
int devstate_need_driver(struct devstate_ctx *ds, const char *bus,
			 const char *driver);

#endif
