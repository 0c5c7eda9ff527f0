// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <util/command.h>
#include "builtin.h"

static const struct command ndctl_commands[] = {
	{ "list", cmd_list, "list buses, DIMMs, regions and namespaces" },
	{ "create-namespace", cmd_create_namespace,
	  "plan, then configure a namespace as devdax, fsdax or raw" },
	{ "destroy-namespace", cmd_destroy_namespace,
	  "release a namespace's claim and erase its info block" },
	{ "enable-namespace", cmd_enable_namespace, "bind a namespace" },
	{ "disable-namespace", cmd_disable_namespace, "unbind a namespace" },
	{ NULL, NULL, NULL },
};

int main(int argc, char **argv)
{
	return command_main("ndctl", ndctl_commands, argc, argv);
}
