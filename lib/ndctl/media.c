// SPDX-License-Identifier: GPL-2.0
/*
 * What list -M, -C, -F and -H read beyond the device tree: known-bad
 * sectors (the "badblocks" attributes), the modes and sizes a region's
 * seeds accept, the bus's scrub state and the DSM commands a DIMM offers.
 * Read on demand, never cached: badblocks change under a running scrub.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

/* The kernel prints at most a page of badblocks. */
#define BADBLOCKS_MAX 8192

static struct sysroot *region_root(struct ndctl_region *region)
{
	return region->bus->ctx->root;
}

/* "sector length\n" lines (badblocks_show() in block/badblocks.c). */
static int parse_badblocks(const char *buf, struct ndctl_badblock **out)
{
	struct ndctl_badblock *bbs = NULL;
	unsigned long long offset;
	const char *p = buf;
	unsigned int len;
	int n = 0, used;

	while (sscanf(p, "%llu %u%n", &offset, &len, &used) == 2) {
		struct ndctl_badblock *grown;

		grown = realloc(bbs, (n + 1) * sizeof(*bbs));
		if (!grown) {
			free(bbs);
			return -ENOMEM;
		}
		bbs = grown;
		bbs[n++] = (struct ndctl_badblock){ offset, len };
		p += used;
	}
	*out = bbs;
	return n;
}

static int read_badblocks(struct sysroot *root, struct ndctl_badblock **out,
			  const char *dev, const char *sub)
{
	char *buf = malloc(BADBLOCKS_MAX);
	int rc;

	*out = NULL;
	if (!buf)
		return -ENOMEM;
	rc = sysfs_read(root, buf, BADBLOCKS_MAX, ND_DEVICES "/%s/%sbadblocks",
			dev, sub);
	if (!rc)
		rc = parse_badblocks(buf, out);
	free(buf);
	return rc;
}

int ndctl_region_get_badblocks(struct ndctl_region *region,
			       struct ndctl_badblock **out)
{
	return read_badblocks(region_root(region), out, region->devname, "");
}

int ndctl_namespace_get_badblocks(struct ndctl_namespace *ns,
				  struct ndctl_badblock **out)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	const char *dev = ns->devname, *bdev = ndctl_namespace_get_blockdev(ns);
	char sub[64];

	*out = NULL;
	if (claim) {
		/* Only an fsdax claim has a block device of its own. */
		if (strncmp(claim->devname, "pfn", 3))
			return -EOPNOTSUPP;
		dev = claim->devname;
		bdev = ndctl_claim_get_blockdev(claim);
	}
	if (!bdev[0])
		return -ENODEV;
	snprintf(sub, sizeof(sub), "block/%s/", bdev);
	return read_badblocks(region_root(ns->region), out, dev, sub);
}

/*
 * Sizes listed by a seed's attribute, "[]" marking the current one
 * ("512 520 [4096] ...", or "4096 2097152 1073741824").
 */
int ndctl_region_get_seed_sizes(struct ndctl_region *region,
				enum ndctl_ns_mode mode, uint64_t *vals,
				int max)
{
	const char *seed, *attr = "supported_alignments";
	char buf[256], *tok, *save;
	int n = 0;

	nd_region_load(region);
	switch (mode) {
	case NDCTL_NS_MODE_SECTOR:
		seed = region->btt_seed;
		attr = "sector_size";
		break;
	case NDCTL_NS_MODE_FSDAX:
		seed = region->pfn_seed;
		break;
	case NDCTL_NS_MODE_DEVDAX:
		seed = region->dax_seed;
		break;
	default:
		return -EINVAL;
	}
	if (!seed[0] || sysfs_read(region_root(region), buf, sizeof(buf),
				   ND_DEVICES "/%s/%s", seed, attr))
		return -ENOENT;
	for (tok = strtok_r(buf, " []\n", &save); tok && n < max;
	     tok = strtok_r(NULL, " []\n", &save)) {
		if (sysfs_parse_u64(tok, &vals[n]) || !vals[n])
			return -EINVAL;
		n++;
	}
	return n;
}

int ndctl_bus_get_scrub_state(struct ndctl_bus *bus)
{
	char buf[32];

	if (sysfs_read(bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/nfit/scrub", bus->devname))
		return -ENOENT;
	return strchr(buf, '+') ? 1 : 0;
}

bool ndctl_dimm_has_command(struct ndctl_dimm *dimm, const char *cmd)
{
	char buf[512], *tok, *save;

	if (sysfs_read(dimm->bus->ctx->root, buf, sizeof(buf),
		       ND_DEVICES "/%s/commands", dimm->devname))
		return false;
	for (tok = strtok_r(buf, " \n", &save); tok;
	     tok = strtok_r(NULL, " \n", &save))
		if (!strcmp(tok, cmd))
			return true;
	return false;
}

int ndctl_dimm_get_dsm_family(struct ndctl_dimm *dimm, uint64_t *mask)
{
	struct sysroot *root = dimm->bus->ctx->root;
	int family;

	if (sysfs_read_int(root, &family, ND_DEVICES "/%s/nfit/family",
			   dimm->devname) ||
	    sysfs_read_u64(root, mask, ND_DEVICES "/%s/nfit/dsm_mask",
			   dimm->devname))
		return -ENOENT;
	return family;
}
