/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_CONTEXT_H
#define NDCTL_CONTEXT_H

#include <daxctl/libdaxctl.h>
#include <ndctl/libndctl.h>

/*
 * Both libraries over one sysfs root, as every changing ndctl command
 * needs them (the dax side tells whether a namespace is in use).  Prints
 * the error and returns -1 when either cannot read the root.
 */
int nd_open_contexts(const char *sysroot, struct ndctl_ctx **ctx,
		     struct daxctl_ctx **dax);

#endif
