/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DAXCTL_BUILTIN_H
#define DAXCTL_BUILTIN_H

int cmd_list(int argc, char **argv);
int cmd_plan(int argc, char **argv);

#endif
