// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <daxchange/dax-steps.h>
#include <devstate/context.h>
#include <util/command.h>
#include "builtin.h"

/*
 * In upstream's order, which --list-cmds prints; the commands upstream
 * has and this project does not yet are left out.
 */
static const struct command ndctl_commands[] = {
	{ "version" },
	{ "create-nfit", cmd_create_nfit,
	  "write an NFIT with SPA ranges to a file, for tests", CMD_HIDDEN },
	{ "enable-namespace", cmd_enable_namespace, "bind a namespace" },
	{ "disable-namespace", cmd_disable_namespace, "unbind a namespace" },
	{ "create-namespace", cmd_create_namespace,
	  "plan, then configure a namespace as devdax, fsdax or raw" },
	{ "destroy-namespace", cmd_destroy_namespace,
	  "release a namespace's claim and erase its info block" },
	{ "read-infoblock", cmd_read_infoblock,
	  "read or parse the pfn/dax info block of disabled namespaces" },
	{ "write-infoblock", cmd_write_infoblock,
	  "lay out a pfn/dax info block on a raw namespace or an image" },
	{ "check-namespace", cmd_check_namespace,
	  "check (and --repair) the BTT of sector-mode namespaces" },
	{ "clear-errors", cmd_clear_errors,
	  "clear the known media errors of namespaces" },
	{ "enable-region", cmd_enable_region, "bind a region" },
	{ "disable-region", cmd_disable_region,
	  "unbind a region whose namespaces are not in use" },
	{ "enable-dimm", cmd_enable_dimm, "bind a DIMM" },
	{ "disable-dimm", cmd_disable_dimm,
	  "unbind a DIMM whose regions are disabled" },
	{ "zero-labels", cmd_zero_labels, "erase the label area" },
	{ "read-labels", cmd_read_labels,
	  "the label index and labels as JSON" },
	{ "write-labels", cmd_write_labels,
	  "write a saved label area to a DIMM" },
	{ "init-labels", cmd_init_labels,
	  "write an empty namespace label index" },
	{ "check-labels", cmd_check_labels,
	  "check that a DIMM's label index is valid" },
	{ "inject-error", cmd_inject_error,
	  "inject, take back or list media errors of a namespace" },
	{ "update-firmware", cmd_update_firmware,
	  "send a firmware image to DIMMs, arm or disarm them" },
	{ "inject-smart", cmd_inject_smart,
	  "set SMART thresholds of a DIMM, inject SMART values" },
	{ "wait-scrub", cmd_wait_scrub,
	  "wait for the buses' address range scrubs to finish" },
	{ "activate-firmware", cmd_activate_firmware,
	  "activate the firmware staged on armed DIMMs" },
	{ "start-scrub", cmd_start_scrub,
	  "start an address range scrub of NFIT buses" },
	{ "setup-passphrase", cmd_setup_passphrase,
	  "set a DIMM's passphrase, kept as a key wrapped by a master key" },
	{ "update-passphrase", cmd_update_passphrase,
	  "change a DIMM's passphrase" },
	{ "remove-passphrase", cmd_remove_passphrase,
	  "remove a DIMM's passphrase" },
	{ "freeze-security", cmd_freeze_security,
	  "freeze DIMM security until the next power cycle" },
	{ "sanitize-dimm", cmd_sanitize_dimm,
	  "crypto erase or overwrite a DIMM whose namespaces are not in use" },
	{ "load-keys", cmd_load_keys,
	  "load the NVDIMM passphrase keys into the user keyring" },
	{ "wait-overwrite", cmd_wait_overwrite,
	  "wait for a DIMM's overwrite to finish" },
	{ "list", cmd_list, "list buses, DIMMs, regions and namespaces" },
	{ "monitor", cmd_monitor,
	  "log SMART health events of DIMMs as JSON records" },
	{ "help" },
	{ NULL },
};

int main(int argc, char **argv)
{
	devstate_set_journal_kinds(dax_journal_kinds);
	return command_main("ndctl", ndctl_commands, argc, argv);
}
