// SPDX-License-Identifier: GPL-2.0
/*
 * The namespace behind a dax region, read through the command's nd
 * library: the nd dax device the region sits under (its namespace, mode,
 * align and supported_alignments) and that namespace (resource, size).
 */
#include <errno.h>
#include <string.h>

#include <ndctl/libndctl.h>
#include "backing.h"
#include "context.h"

/*
 * The nd dax device a region sits under is the directory that holds its
 * dax_region: the last name of the region's path ("dax0.1").
 */
static const char *region_device(struct daxctl_region *region)
{
	const char *path = daxctl_region_get_path(region),
		   *base = strrchr(path, '/');

	return base ? base + 1 : path;
}

int dev_backing_read(struct daxctl_region *region, struct dev_backing *b)
{
	struct devstate_ctx *ds =
		daxctl_get_userdata(daxctl_region_get_ctx(region));
	const char *name = region_device(region), *ns_name;
	struct ndctl_namespace *ns;
	struct ndctl_claim *claim;
	struct ndctl_ctx *nd;
	int n;

	*b = (struct dev_backing){ 0 };
	nd = ds ? devstate_nd(ds, false) : NULL;
	claim = nd ? ndctl_get_claim(nd, name) : NULL;
	/* An nd dax device names the namespace it claims. */
	ns_name = claim ? ndctl_claim_get_namespace(claim) : "";
	if (!ns_name[0])
		return 0;
	if (strlen(name) >= sizeof(b->claim) ||
	    strlen(ns_name) >= sizeof(b->ns))
		return -ENAMETOOLONG;
	strcpy(b->claim, name);
	strcpy(b->ns, ns_name);
	b->nd = true;
	b->memmap_pmem = ndctl_claim_get_map(claim) == NDCTL_MAP_DEV;
	b->align = ndctl_claim_get_align(claim);
	n = ndctl_claim_get_supported_alignments(claim, b->supported_aligns, 7);
	b->supported_aligns[n] = 0;
	ns = ndctl_get_namespace(nd, ns_name);
	if (!ns) {
		b->ns_err = -ENOENT;
		return 0;
	}
	/* resource is root's only: a plan without it starts at 0. */
	b->ns_start = ndctl_namespace_get_resource(ns);
	b->ns_size = ndctl_namespace_get_size(ns);
	b->ns_err = ndctl_namespace_get_size_err(ns);
	/* A claimed namespace has capacity: 0 is no reading either. */
	if (!b->ns_err && !b->ns_size)
		b->ns_err = -EBADMSG;
	return 0;
}
