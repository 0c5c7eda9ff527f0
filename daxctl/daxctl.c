// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <daxchange/dax-steps.h>
#include <devstate/context.h>
#include <util/command.h>
#include "builtin.h"

/* In upstream's order, which --list-cmds prints; plan is ours. */
static const struct command daxctl_commands[] = {
	{ "version" },
	{ "list", cmd_list, "list dax regions and devices as JSON" },
	{ "help" },
	{ "split-acpi", cmd_split_acpi,
	  "split a NUMA node in dumped SRAT, SLIT and NFIT tables" },
	{ "migrate-device-model", cmd_migrate_device_model,
	  "install the modprobe policy for the /sys/bus/dax model" },
	{ "create-device", cmd_create_device,
	  "make a device in a dynamic region" },
	{ "destroy-device", cmd_destroy_device,
	  "remove a device from a dynamic region" },
	{ "reconfigure-device", cmd_reconfigure_device,
	  "plan, then change a device's mode, memmap, compound or align" },
	{ "online-memory", cmd_online_memory,
	  "online the memory blocks of system-ram devices" },
	{ "offline-memory", cmd_offline_memory,
	  "offline the memory blocks of system-ram devices" },
	{ "disable-device", cmd_disable_device, "unbind a device" },
	{ "enable-device", cmd_enable_device, "bind devdax or kmem" },
	{ "plan", cmd_plan,
	  "state the memmap cost of each align and memmap location" },
	{ NULL },
};

int main(int argc, char **argv)
{
	devstate_set_journal_kinds(dax_journal_kinds);
	return command_main("daxctl", daxctl_commands, argc, argv);
}
