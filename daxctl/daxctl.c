// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <util/command.h>
#include "builtin.h"

static const struct command daxctl_commands[] = {
	{ "list", cmd_list, "list dax regions and devices as JSON" },
	{ "plan", cmd_plan,
	  "state the memmap cost of each align and memmap location" },
	{ NULL, NULL, NULL },
};

int main(int argc, char **argv)
{
	return command_main("daxctl", daxctl_commands, argc, argv);
}
