/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_BUILTIN_H
#define NDCTL_BUILTIN_H

int cmd_list(int argc, char **argv);
int cmd_create_namespace(int argc, char **argv);
int cmd_destroy_namespace(int argc, char **argv);
int cmd_enable_namespace(int argc, char **argv);
int cmd_disable_namespace(int argc, char **argv);
int cmd_enable_region(int argc, char **argv);
int cmd_disable_region(int argc, char **argv);
int cmd_enable_dimm(int argc, char **argv);
int cmd_disable_dimm(int argc, char **argv);
int cmd_init_labels(int argc, char **argv);
int cmd_zero_labels(int argc, char **argv);
int cmd_read_labels(int argc, char **argv);
int cmd_write_labels(int argc, char **argv);

int cmd_read_infoblock(int argc, char **argv);
int cmd_write_infoblock(int argc, char **argv);
int cmd_check_labels(int argc, char **argv);
int cmd_check_namespace(int argc, char **argv);
int cmd_create_nfit(int argc, char **argv);
int cmd_start_scrub(int argc, char **argv);
int cmd_wait_scrub(int argc, char **argv);
int cmd_inject_error(int argc, char **argv);
int cmd_clear_errors(int argc, char **argv);
int cmd_inject_smart(int argc, char **argv);
int cmd_monitor(int argc, char **argv);
int cmd_update_firmware(int argc, char **argv);
int cmd_activate_firmware(int argc, char **argv);
int cmd_setup_passphrase(int argc, char **argv);
int cmd_update_passphrase(int argc, char **argv);
int cmd_remove_passphrase(int argc, char **argv);
int cmd_freeze_security(int argc, char **argv);
int cmd_sanitize_dimm(int argc, char **argv);
int cmd_load_keys(int argc, char **argv);
int cmd_wait_overwrite(int argc, char **argv);

#endif
