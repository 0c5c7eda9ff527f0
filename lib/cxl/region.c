// SPDX-License-Identifier: GPL-2.0
/*
 * Region changes through sysfs: a root decoder's create_*_region and
 * delete_region, a region's settings, targets and commit, an endpoint
 * decoder's mode and DPA size, and the cxl_region driver's binding.
 * Nothing here checks whether the change is safe: the caller has done
 * that (in-use, capacity) before the first write.  The context is stale
 * after any of these; the caller calls cxl_refresh() before reading.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/sysfs.h>

#include "libcxl.h"
#include "private.h"

int cxl_decoder_create_region(struct cxl_decoder *root, enum cxl_mode mode,
			      char *name, size_t len)
{
	struct sysroot *r = root->port->ctx->root;
	const char *attr = mode == CXL_MODE_RAM ? "create_ram_region" :
						  "create_pmem_region";
	int rc;

	if (mode != CXL_MODE_RAM && mode != CXL_MODE_PMEM)
		return -EINVAL;
	/* Reading names the next free region id; writing it back claims it. */
	rc = sysfs_read(r, name, len, "%s/%s", root->path, attr);
	if (rc)
		return rc;
	name[strcspn(name, "\n")] = '\0';
	if (!*name)
		return -ENOSPC;
	return sysfs_write(r, name, "%s/%s", root->path, attr);
}

int cxl_decoder_delete_region(struct cxl_decoder *root, const char *name)
{
	return sysfs_write(root->port->ctx->root, name, "%s/delete_region",
			   root->path);
}

int cxl_region_write_attr(struct cxl_ctx *ctx, const char *region,
			  const char *attr, const char *val)
{
	return sysfs_write(ctx->root, val, CXL_DEVICES "/%s/%s", region, attr);
}

int cxl_decoder_write_attr(struct cxl_decoder *decoder, const char *attr,
			   const char *val)
{
	return sysfs_write(decoder->port->ctx->root, val, "%s/%s",
			   decoder->path, attr);
}

int cxl_region_set_bound(struct cxl_ctx *ctx, const char *region, bool bind)
{
	bool bound;
	int rc;

	bound = sysfs_has_link(ctx->root, CXL_DEVICES "/%s/driver", region);
	if (bound == bind)
		return 0;
	rc = sysfs_write(ctx->root, region, "sys/bus/cxl/drivers/cxl_region/%s",
			 bind ? "bind" : "unbind");
	bound = sysfs_has_link(ctx->root, CXL_DEVICES "/%s/driver", region);
	if (bound != bind)
		return rc ? rc : bind ? -ENXIO : -EBUSY;
	return 0;
}

char *cxl_region_canonical_path(struct cxl_region *region)
{
	return sysfs_canonical(region->decoder->port->ctx->root,
			       CXL_DEVICES "/%s", region->devname);
}
