// SPDX-License-Identifier: GPL-2.0
/*
 * The namespace behind a dax region, read from the nd dax device that
 * the region sits under (its namespace, mode, align and
 * supported_alignments) and from that namespace (resource, size).
 */
#include <errno.h>
#include <string.h>

#include <util/sysfs.h>
#include "backing.h"

int dev_backing_read(struct daxctl_region *region, struct dev_backing *b)
{
	struct sysroot *root = daxctl_get_root(daxctl_region_get_ctx(region));
	const char *path = daxctl_region_get_path(region),
		   *base = strrchr(path, '/');
	char mode[16], buf[128], *tok, *save;
	int n = 0;

	*b = (struct dev_backing){ 0 };
	base = base ? base + 1 : path;
	/* An nd dax device names the namespace it claims. */
	if (sysfs_read(root, b->ns, sizeof(b->ns), "%s/namespace", path) ||
	    !b->ns[0])
		return 0;
	if (strlen(base) >= sizeof(b->claim))
		return -ENAMETOOLONG;
	strcpy(b->claim, base);
	b->nd = true;
	if (!sysfs_read(root, mode, sizeof(mode), "%s/mode", path))
		b->memmap_pmem = !strcmp(mode, "pmem");
	sysfs_read_align(root, &b->align, "%s/align", path);
	if (!sysfs_read(root, buf, sizeof(buf), "%s/supported_alignments",
			path))
		for (tok = strtok_r(buf, " ", &save); tok && n < 7;
		     tok = strtok_r(NULL, " ", &save))
			if (!sysfs_parse_u64(tok, &b->supported_aligns[n]) &&
			    sysfs_valid_align(b->supported_aligns[n]))
				n++;
	/* resource is root's only: a plan without it starts at 0. */
	sysfs_read_u64(root, &b->ns_start, "%s/../%s/resource", path, b->ns);
	b->ns_err =
		sysfs_read_u64(root, &b->ns_size, "%s/../%s/size", path, b->ns);
	/* A claimed namespace has capacity: 0 is no reading either. */
	if (!b->ns_err && !b->ns_size)
		b->ns_err = -EBADMSG;
	return 0;
}
