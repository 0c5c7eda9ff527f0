// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/sysfs.h>
#include "builtin.h"

int cxl_open(const char *sysroot, struct cxl_ctx **ctx)
{
	const char *path = sysroot ? sysroot : "/";
	struct sysroot *root = sysroot_open(path);
	int rc;

	if (!root) {
		pr_err("%s: cannot open the sysfs root", path);
		return -ENOENT;
	}
	rc = cxl_new(ctx, root);
	sysroot_close(root);
	if (rc)
		pr_err("cannot read /sys/bus/cxl: %s", strerror(-rc));
	return rc;
}

/*
 * In upstream v81's order, which --list-cmds prints.  The other v81
 * commands (labels, regions, ports, partitions, firmware, sanitize,
 * monitor: issue 26) follow.
 */
static const struct command cxl_commands[] = {
	{ "version" },
	{ "list", cmd_list, "list CXL memdevs, ports, decoders and regions" },
	{ "help" },
	{ "zero-labels", cmd_zero_labels,
	  "clear memdevs' label areas (not while their nvdimm is active)" },
	{ "read-labels", cmd_read_labels,
	  "read memdevs' label areas through the mailbox" },
	{ "write-labels", cmd_write_labels,
	  "write a memdev's label area (not while its nvdimm is active)" },
	{ "disable-memdev", cmd_disable_memdev,
	  "unbind memdevs that no decoding region uses" },
	{ "enable-memdev", cmd_enable_memdev, "bind memdevs to cxl_mem" },
	{ "reserve-dpa", cmd_reserve_dpa,
	  "allocate memdevs' DPA on their next free endpoint decoder" },
	{ "free-dpa", cmd_free_dpa,
	  "release memdevs' last DPA allocation (not one a region holds)" },
	{ "update-firmware", cmd_update_firmware,
	  "send memdevs a firmware image, or cancel or wait for one" },
	{ "set-alert-config", cmd_set_alert_config,
	  "turn memdevs' warning alerts on or off" },
	{ "wait-sanitize", cmd_wait_sanitize,
	  "wait for memdevs' sanitize to end" },
	{ "disable-port", cmd_disable_port,
	  "unbind ports whose memdevs no decoding region uses" },
	{ "enable-port", cmd_enable_port,
	  "bind ports to cxl_port (and their memdevs, -m)" },
	{ "set-partition", cmd_set_partition,
	  "split memdevs' capacity between ram and pmem (not while in use)" },
	{ "disable-bus", cmd_disable_bus,
	  "unbind buses from cxl_acpi (not while a region decodes)" },
	{ "create-region", cmd_create_region,
	  "create and commit a region of memdevs under a root decoder" },
	{ "enable-region", cmd_enable_region, "bind regions to cxl_region" },
	{ "disable-region", cmd_disable_region,
	  "unbind regions whose memory nothing uses" },
	{ "destroy-region", cmd_destroy_region,
	  "tear down and delete regions whose memory nothing uses" },
	{ "monitor", cmd_monitor,
	  "log the kernel's CXL trace events as JSON records" },
	{ NULL },
};

int main(int argc, char **argv)
{
	return command_main("cxl", cxl_commands, argc, argv);
}
