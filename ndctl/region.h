/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_REGION_H
#define NDCTL_REGION_H

#include <stdbool.h>
#include <daxctl/libdaxctl.h>
#include <ndctl/libndctl.h>

/* A namespace of the region is in use (the reason is printed). */
bool region_busy(struct ndctl_region *region, struct daxctl_ctx *dax);
/* The first enabled region built on the DIMM, or NULL. */
struct ndctl_region *dimm_active_region(struct ndctl_dimm *dimm);

#endif
