// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <util/command.h>
#include "builtin.h"

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
	{ NULL },
};

int main(int argc, char **argv)
{
	return command_main("cxl", cxl_commands, argc, argv);
}
