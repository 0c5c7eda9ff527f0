// SPDX-License-Identifier: GPL-2.0
/*
 * Driver binding of ports and buses: a switch port or an endpoint
 * bound to or unbound from cxl_port, a bus (its platform device, the
 * ACPI0017 object or cxl_test's cxl_acpi.0) unbound from cxl_acpi,
 * which takes the whole tree below it away.  Each call reads the
 * binding back, since a write to bind or unbind can be accepted and
 * still leave the device as it was.  Nothing here checks whether the
 * change is safe: the caller has done that before the first write, and
 * calls cxl_refresh() after.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/sysfs.h>

#include "libcxl.h"
#include "private.h"

static int set_port_binding(struct cxl_port *port, bool bind)
{
	struct sysroot *root = port->ctx->root;
	bool bound;
	int rc;

	bound = sysfs_has_link(root, "%s/driver", port->path);
	if (bound == bind)
		return 0;
	if (bind)
		rc = sysfs_write(root, port->devname,
				 "sys/bus/cxl/drivers/cxl_port/bind");
	else
		rc = sysfs_write(root, port->devname, "%s/driver/unbind",
				 port->path);
	bound = sysfs_has_link(root, "%s/driver", port->path);
	port->enabled = bound;
	if (bound != bind)
		return rc ? rc : bind ? -ENXIO : -EBUSY;
	return 0;
}

int cxl_port_disable(struct cxl_port *port)
{
	/* A bus's port is the platform's: only disable-bus takes it. */
	if (port->type == CXL_PORT_ROOT)
		return -EINVAL;
	return set_port_binding(port, false);
}

int cxl_port_enable(struct cxl_port *port)
{
	if (port->type == CXL_PORT_ROOT)
		return -EINVAL;
	return set_port_binding(port, true);
}

int cxl_bus_disable(struct cxl_port *bus)
{
	struct sysroot *root = bus->ctx->root;
	int rc;

	if (bus->type != CXL_PORT_ROOT)
		return -EINVAL;
	if (!sysfs_has_link(root, "%s/driver", bus->uport))
		return 0;
	rc = sysfs_write(root, bus->host, "%s/driver/unbind", bus->uport);
	if (sysfs_has_link(root, "%s/driver", bus->uport))
		return rc ? rc : -EBUSY;
	return 0;
}
