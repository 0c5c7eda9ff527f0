/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DAXCTL_BUILTIN_H
#define DAXCTL_BUILTIN_H

int cmd_list(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_reconfigure_device(int argc, char **argv);
int cmd_online_memory(int argc, char **argv);
int cmd_offline_memory(int argc, char **argv);
int cmd_enable_device(int argc, char **argv);
int cmd_disable_device(int argc, char **argv);
int cmd_create_device(int argc, char **argv);
int cmd_destroy_device(int argc, char **argv);
int cmd_migrate_device_model(int argc, char **argv);
int cmd_split_acpi(int argc, char **argv);

#endif
