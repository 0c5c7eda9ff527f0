/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_BUSY_H
#define NDCTL_BUSY_H

#include <stdbool.h>
#include <daxctl/libdaxctl.h>
#include <ndctl/libndctl.h>

/*
 * Who would lose their device if the namespace's claim went away: a
 * process with the dax or block device open or mapped, or dax memory
 * online as system RAM.  Prints why and returns true when busy.
 */
bool namespace_busy(struct ndctl_namespace *ns, struct daxctl_ctx *dax);

#endif
