// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <util/command.h>
#include "builtin.h"

/*
 * In upstream v81's order, which --list-cmds prints.  Only list is
 * here yet; the other twenty commands of v81 (issue 26) follow.
 */
static const struct command cxl_commands[] = {
	{ "version" },
	{ "list", cmd_list, "list CXL memdevs, ports, decoders and regions" },
	{ "help" },
	{ NULL },
};

int main(int argc, char **argv)
{
	return command_main("cxl", cxl_commands, argc, argv);
}
