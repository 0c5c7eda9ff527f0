// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <util/command.h>
#include "builtin.h"

static const struct command ndctl_commands[] = {
	{ "list", cmd_list, "list buses, DIMMs, regions and namespaces" },
	{ NULL, NULL, NULL },
};

int main(int argc, char **argv)
{
	return command_main("ndctl", ndctl_commands, argc, argv);
}
