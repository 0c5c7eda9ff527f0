/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_BUILTIN_H
#define NDCTL_BUILTIN_H

int cmd_list(int argc, char **argv);

#endif
