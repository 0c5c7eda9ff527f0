/* SPDX-License-Identifier: GPL-2.0 */
#ifndef NDCTL_REGION_H
#define NDCTL_REGION_H

#include <stdbool.h>
#include <ndctl/libndctl.h>

/* The first enabled region built on the DIMM, or NULL. */
struct ndctl_region *dimm_active_region(struct ndctl_dimm *dimm);

#endif
