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
	{ "enable-region", cmd_enable_region, "bind a region" },
	{ "disable-region", cmd_disable_region,
	  "unbind a region whose namespaces are not in use" },
	{ "enable-dimm", cmd_enable_dimm, "bind a DIMM" },
	{ "disable-dimm", cmd_disable_dimm,
	  "unbind a DIMM whose regions are disabled" },
	{ "init-labels", cmd_init_labels,
	  "write an empty namespace label index" },
	{ "zero-labels", cmd_zero_labels, "erase the label area" },
	{ "check-namespace", cmd_check_namespace,
	  "check (and --repair) the BTT of sector-mode namespaces" },
	{ "read-infoblock", cmd_read_infoblock,
	  "read or parse the pfn/dax info block of disabled namespaces" },
	{ "write-infoblock", cmd_write_infoblock,
	  "lay out a pfn/dax info block on a raw namespace or an image" },
	{ "read-labels", cmd_read_labels,
	  "the label index and labels as JSON" },
	{ "write-labels", cmd_write_labels,
	  "write a saved label area to a DIMM" },
	{ "check-labels", cmd_check_labels,
	  "check that a DIMM's label index is valid" },
	{ "start-scrub", cmd_start_scrub,
	  "start an address range scrub of NFIT buses" },
	{ "wait-scrub", cmd_wait_scrub,
	  "wait for the buses' address range scrubs to finish" },
	{ "clear-errors", cmd_clear_errors,
	  "clear the known media errors of namespaces" },
	{ "inject-error", cmd_inject_error,
	  "inject, take back or list media errors of a namespace" },
	{ "inject-smart", cmd_inject_smart,
	  "set SMART thresholds of a DIMM, inject SMART values" },
	{ "monitor", cmd_monitor,
	  "log SMART health events of DIMMs as JSON records" },
	{ NULL, NULL, NULL },
};

int main(int argc, char **argv)
{
	return command_main("ndctl", ndctl_commands, argc, argv);
}
