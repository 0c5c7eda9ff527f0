// SPDX-License-Identifier: GPL-2.0
/*
 * A CXL region's dax region: the kernel gives a ram region (and a pmem
 * region set up for dax) a child device dax_regionN, of the region's
 * id, whose dax devices are daxN.M; libdaxctl knows that dax region by
 * the canonical path of its parent device, which is that child.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <daxctl/libdaxctl.h>

#include "libcxl.h"
#include "private.h"

struct daxctl_region *cxl_region_get_daxctl_region(struct cxl_region *region,
						   struct daxctl_ctx *dax)
{
	char *path = cxl_region_canonical_path(region);
	struct daxctl_region *dr, *found = NULL;
	char want[4096];

	if (!path)
		return NULL;
	snprintf(want, sizeof(want), "%s/dax_region%d", path, region->id);
	free(path);
	daxctl_region_foreach (dax, dr) {
		const char *p = daxctl_region_get_path(dr);

		/* libdaxctl's paths may or may not start with a slash. */
		while (*p == '/')
			p++;
		if (!strcmp(p, want[0] == '/' ? want + 1 : want)) {
			found = dr;
			break;
		}
	}
	return found;
}
