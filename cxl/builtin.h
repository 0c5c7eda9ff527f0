/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CXL_BUILTIN_H
#define CXL_BUILTIN_H

struct cxl_ctx;

/*
 * The command's libcxl context over SYSROOT (NULL: "/"): 0, or -errno
 * after one line saying what could not be read.
 */
int cxl_open(const char *sysroot, struct cxl_ctx **ctx);

int cmd_list(int argc, char **argv);
int cmd_read_labels(int argc, char **argv);
int cmd_zero_labels(int argc, char **argv);
int cmd_write_labels(int argc, char **argv);
int cmd_disable_memdev(int argc, char **argv);
int cmd_enable_memdev(int argc, char **argv);
int cmd_create_region(int argc, char **argv);
int cmd_destroy_region(int argc, char **argv);
int cmd_enable_region(int argc, char **argv);
int cmd_disable_region(int argc, char **argv);
int cmd_set_partition(int argc, char **argv);
int cmd_set_alert_config(int argc, char **argv);
int cmd_update_firmware(int argc, char **argv);
int cmd_wait_sanitize(int argc, char **argv);
/* DPA, port and bus commands (dpa.c, port.c, bus.c). */
int cmd_reserve_dpa(int argc, char **argv);
int cmd_free_dpa(int argc, char **argv);
int cmd_disable_port(int argc, char **argv);
int cmd_enable_port(int argc, char **argv);
int cmd_disable_bus(int argc, char **argv);
int cmd_monitor(int argc, char **argv);

#endif
