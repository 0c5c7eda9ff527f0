// SPDX-License-Identifier: GPL-2.0
/*
 * Changing namespaces, regions and DIMMs: enable, disable, clear a claim
 * (with its info block), and configure a raw namespace as fsdax or devdax
 * through the region's pfn/dax seed.  Every step reads back what the
 * kernel did.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

#define ND_DRIVERS "sys/bus/nd/drivers"
/* nd_pfn_init(): the info block is the second 4K of the namespace. */
#define INFO_BLOCK_OFFSET 4096
#define INFO_BLOCK_SIZE 4096

static struct sysroot *ns_root(struct ndctl_namespace *ns)
{
	return ns->region->bus->ctx->root;
}

static bool is_bound(struct sysroot *root, const char *dev)
{
	return sysfs_has_link(root, ND_DEVICES "/%s/driver", dev);
}

static int unbind(struct sysroot *root, const char *dev)
{
	char driver[64];
	int rc;

	if (!is_bound(root, dev))
		return 0;
	if (sysfs_link_name(root, driver, sizeof(driver),
			    ND_DEVICES "/%s/driver", dev))
		return -EIO;
	rc = sysfs_write(root, dev, ND_DRIVERS "/%s/unbind", driver);
	if (is_bound(root, dev))
		return rc ? rc : -EBUSY;
	return 0;
}

static int bind(struct sysroot *root, const char *dev, const char *driver)
{
	int rc = sysfs_write(root, dev, ND_DRIVERS "/%s/bind", driver);

	if (is_bound(root, dev))
		return 0;
	return rc ? rc : -ENXIO;
}

/* The claim device holding the namespace now, re-read from sysfs. */
static int current_claim(struct ndctl_namespace *ns, char *buf, size_t len)
{
	struct sysroot *root = ns_root(ns);
	const char *kinds[] = { "dax", "pfn", "btt" };
	char **names, holder[64];
	int i, j, n;

	buf[0] = '\0';
	for (i = 0; i < 3; i++) {
		n = sysfs_list(root, kinds[i], &names, ND_DEVICES "/%s/..",
			       ns->devname);
		for (j = 0; j < n; j++) {
			if (!sysfs_read(root, holder, sizeof(holder),
					ND_DEVICES "/%s/../%s/namespace",
					ns->devname, names[j]) &&
			    !strcmp(holder, ns->devname))
				snprintf(buf, len, "%s", names[j]);
		}
		if (n > 0)
			sysfs_free_names(names);
	}
	return buf[0] ? 0 : -ENOENT;
}

/*
 * The bus probes a region's namespaces and claims asynchronously;
 * reading wait_probe returns once they are done, so a command that
 * enabled something returns with its block and dax devices in place.
 */
static void wait_probe(struct ndctl_bus *bus)
{
	char buf[16];

	sysfs_read(bus->ctx->root, buf, sizeof(buf), ND_DEVICES "/%s/wait_probe",
		   bus->devname);
}

int ndctl_region_enable(struct ndctl_region *region)
{
	int rc = bind(region->bus->ctx->root, region->devname, "nd_region");

	wait_probe(region->bus);
	return rc;
}

int ndctl_region_disable(struct ndctl_region *region)
{
	return unbind(region->bus->ctx->root, region->devname);
}

struct ndctl_bus *ndctl_dimm_get_bus(struct ndctl_dimm *dimm)
{
	return dimm->bus;
}

int ndctl_dimm_enable(struct ndctl_dimm *dimm)
{
	int rc = bind(dimm->bus->ctx->root, dimm->devname, "nvdimm");

	wait_probe(dimm->bus);
	return rc;
}

int ndctl_dimm_disable(struct ndctl_dimm *dimm)
{
	return unbind(dimm->bus->ctx->root, dimm->devname);
}

bool ndctl_region_uses_dimm(struct ndctl_region *region,
			    struct ndctl_dimm *dimm)
{
	struct ndctl_mapping *m;

	ndctl_mapping_foreach (region, m)
		if (!strcmp(m->dimm, dimm->devname))
			return true;
	return false;
}

int ndctl_region_get_supported_alignments(struct ndctl_region *region,
					  uint64_t *aligns, int max)
{
	return ndctl_region_get_seed_sizes(region, NDCTL_NS_MODE_DEVDAX,
					   aligns, max);
}

int ndctl_namespace_disable(struct ndctl_namespace *ns)
{
	struct sysroot *root = ns_root(ns);
	char claim[64];
	int rc;

	if (!current_claim(ns, claim, sizeof(claim))) {
		rc = unbind(root, claim);
		if (rc)
			return rc;
	}
	return unbind(root, ns->devname);
}

/* 1 or 0, or -errno when the namespace has no force_raw attribute. */
static int get_force_raw(struct ndctl_namespace *ns)
{
	int v, rc = sysfs_read_int(ns_root(ns), &v, ND_DEVICES "/%s/force_raw",
				   ns->devname);

	return rc ? rc : !!v;
}

static int set_force_raw(struct ndctl_namespace *ns, bool on)
{
	return sysfs_write(ns_root(ns), on ? "1" : "0",
			   ND_DEVICES "/%s/force_raw", ns->devname);
}

/*
 * Let go of a disabled namespace's claim, leaving its info block as it
 * is.  The kernel deletes the claim device (unless it is the region's
 * seed); binding the namespace later finds the info block again.
 */
static int release_claim(struct ndctl_namespace *ns)
{
	struct sysroot *root = ns_root(ns);
	char claim[64];

	if (current_claim(ns, claim, sizeof(claim)))
		return 0;
	if (is_bound(root, claim))
		return -EBUSY;
	return sysfs_write(root, "\n", ND_DEVICES "/%s/namespace", claim);
}

int ndctl_namespace_enable(struct ndctl_namespace *ns)
{
	struct sysroot *root = ns_root(ns);
	char claim[64];
	int rc;

	/*
	 * force_raw set (by hand, as upstream's tests do) asks for the raw
	 * block device: the kernel binds a namespace only unclaimed, so the
	 * claim goes, to be found again from the info block when the
	 * namespace is enabled without force_raw.
	 */
	if (get_force_raw(ns) == 1) {
		rc = release_claim(ns);
		return rc ? rc : bind(root, ns->devname, "nd_pmem");
	}
	if (!current_claim(ns, claim, sizeof(claim)))
		/* nd_pmem drives btt and pfn claims (nd_btt is a library). */
		return bind(root, claim,
			    !strncmp(claim, "dax", 3) ? "dax_pmem" : "nd_pmem");
	rc = bind(root, ns->devname, "nd_pmem");
	if (!rc)
		return 0;
	/*
	 * An info block on the namespace: the kernel fails the raw bind and
	 * creates the claim it describes instead, bound once probing is done.
	 */
	wait_probe(ns->region->bus);
	if (!current_claim(ns, claim, sizeof(claim)) && is_bound(root, claim))
		return 0;
	return rc;
}

int ndctl_namespace_raw_begin(struct ndctl_namespace *ns,
			      struct ndctl_raw_session *s)
{
	struct sysroot *root = ns_root(ns);
	char claim[64];
	char **names;
	int n, rc;

	if (is_bound(root, ns->devname) ||
	    (!current_claim(ns, claim, sizeof(claim)) && is_bound(root, claim)))
		return -EBUSY;
	s->force_raw = get_force_raw(ns);
	if (s->force_raw < 0)
		return s->force_raw;
	rc = release_claim(ns);
	if (rc)
		return rc;
	rc = set_force_raw(ns, true);
	if (!rc)
		rc = bind(root, ns->devname, "nd_pmem");
	if (rc)
		goto out;
	n = sysfs_list(root, "pmem", &names, ND_DEVICES "/%s/block",
		       ns->devname);
	if (n <= 0) {
		rc = n < 0 ? n : -ENODEV;
		unbind(root, ns->devname);
		goto out;
	}
	snprintf(s->path, sizeof(s->path), "%s/dev/%s", sysroot_path(root),
		 names[0]);
	sysfs_free_names(names);
	return 0;
out:
	set_force_raw(ns, s->force_raw);
	return rc;
}

int ndctl_namespace_raw_end(struct ndctl_namespace *ns,
			    const struct ndctl_raw_session *s)
{
	int rc = unbind(ns_root(ns), ns->devname);
	int rc2 = set_force_raw(ns, s->force_raw == 1);

	return rc ? rc : rc2;
}

/* I/O on the raw capacity of a disabled, unclaimed namespace. */
int ndctl_namespace_raw_rw(struct ndctl_namespace *ns, void *buf, size_t len,
			   uint64_t off, bool write)
{
	struct ndctl_raw_session s;
	char claim[64];
	ssize_t done;
	int fd, rc;

	/*
	 * Letting a claim go deletes the claim device: refuse, changing
	 * nothing (check-namespace, which means to, uses raw_begin).
	 */
	if (!current_claim(ns, claim, sizeof(claim)))
		return -EBUSY;
	rc = ndctl_namespace_raw_begin(ns, &s);
	if (rc)
		return rc;
	fd = open(s.path, (write ? O_WRONLY | O_SYNC : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		goto out;
	}
	errno = 0;
	done = write ? pwrite(fd, buf, len, off) : pread(fd, buf, len, off);
	if (done != (ssize_t)len)
		rc = errno ? -errno : -EIO;
	if (write && fsync(fd) && !rc)
		rc = -errno;
	close(fd);
out:
	ndctl_namespace_raw_end(ns, &s);
	return rc;
}

/*
 * Both places an info block can be: a pfn/dax one or a BTT 1.1 one at
 * 4K, a BTT 2.0 one at 0, so no old claim is found there again.
 */
static int zero_info_block(struct ndctl_namespace *ns)
{
	char zeros[INFO_BLOCK_OFFSET + INFO_BLOCK_SIZE] = { 0 };

	return ndctl_namespace_raw_rw(ns, zeros, sizeof(zeros), 0, true);
}

int ndctl_namespace_clear_claim(struct ndctl_namespace *ns)
{
	struct sysroot *root = ns_root(ns);
	char claim[64];
	int rc;

	rc = ndctl_namespace_disable(ns);
	if (rc)
		return rc;
	if (!current_claim(ns, claim, sizeof(claim))) {
		rc = sysfs_write(root, "\n", ND_DEVICES "/%s/namespace", claim);
		if (rc)
			return rc;
	}
	return zero_info_block(ns);
}

int ndctl_namespace_set_label(struct ndctl_namespace *ns, const char *uuid_in,
			      const char *name, uint64_t size)
{
	struct sysroot *root = ns_root(ns);
	char uuid[40], buf[32];
	uuid_t u;
	int rc;

	/* The kernel allocates capacity (and writes labels) on "size". */
	if (uuid_in) {
		snprintf(uuid, sizeof(uuid), "%s", uuid_in);
	} else {
		uuid_generate(u);
		uuid_unparse(u, uuid);
	}
	rc = sysfs_write(root, uuid, ND_DEVICES "/%s/uuid", ns->devname);
	if (!rc && name)
		rc = sysfs_write(root, name, ND_DEVICES "/%s/alt_name",
				 ns->devname);
	if (rc)
		return rc;
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)size);
	return sysfs_write(root, buf, ND_DEVICES "/%s/size", ns->devname);
}

int ndctl_namespace_delete(struct ndctl_namespace *ns)
{
	if (!ndctl_namespace_has_label(ns))
		return 0;
	return sysfs_write(ns_root(ns), "0", ND_DEVICES "/%s/size",
			   ns->devname);
}

int ndctl_namespace_configure(struct ndctl_namespace *ns,
			      const struct ndctl_ns_config *cfg)
{
	struct sysroot *root = ns_root(ns);
	const char *seed_attr, *driver;
	char seed[64], uuid[40], align[32], ssize[16];
	int rc;

	if (cfg->sector_size)
		snprintf(ssize, sizeof(ssize), "%u", cfg->sector_size);
	/*
	 * The claim class the kernel probes for, as upstream sets it: with
	 * v1.2 labels "btt" means BTT 2.0 (its info block at 0), and a class
	 * left from an older claim would keep autodetection looking for
	 * that one.  Older kernels lack the attribute.  The class lives in
	 * the labels: a label-less namespace has none to keep, and the
	 * kernel fails the write (-ENXIO from nd_namespace_label_update()).
	 */
	rc = !ndctl_namespace_has_label(ns) ? 0 :
	     sysfs_write(root,
			 cfg->mode == NDCTL_NS_MODE_SECTOR ? "btt" :
			 cfg->mode == NDCTL_NS_MODE_FSDAX  ? "pfn" :
			 cfg->mode == NDCTL_NS_MODE_DEVDAX ? "dax" :
							     "\n",
			 ND_DEVICES "/%s/holder_class", ns->devname);
	if (rc && rc != -ENOENT)
		return rc;
	switch (cfg->mode) {
	case NDCTL_NS_MODE_RAW:
		if (cfg->sector_size) {
			rc = sysfs_write(root, ssize,
					 ND_DEVICES "/%s/sector_size",
					 ns->devname);
			if (rc)
				return rc;
		}
		return bind(root, ns->devname, "nd_pmem");
	case NDCTL_NS_MODE_SECTOR:
		seed_attr = "btt_seed";
		driver = "nd_pmem";
		break;
	case NDCTL_NS_MODE_DEVDAX:
		seed_attr = "dax_seed";
		driver = "dax_pmem";
		break;
	case NDCTL_NS_MODE_FSDAX:
		seed_attr = "pfn_seed";
		driver = "nd_pmem";
		break;
	default:
		return -EOPNOTSUPP;
	}
	rc = sysfs_read(root, seed, sizeof(seed), ND_DEVICES "/%s/%s",
			ns->region->devname, seed_attr);
	if (rc)
		return rc;
	if (!seed[0])
		return -ENODEV;

	if (cfg->uuid) {
		snprintf(uuid, sizeof(uuid), "%s", cfg->uuid);
	} else {
		uuid_t u;

		uuid_generate(u);
		uuid_unparse(u, uuid);
	}
	rc = sysfs_write(root, uuid, ND_DEVICES "/%s/uuid", seed);
	if (!rc && cfg->mode == NDCTL_NS_MODE_SECTOR) {
		/* A btt has a sector size where pfn and dax have a mode. */
		if (cfg->sector_size)
			rc = sysfs_write(root, ssize,
					 ND_DEVICES "/%s/sector_size", seed);
		goto attach;
	}
	if (!rc && cfg->align) {
		snprintf(align, sizeof(align), "%llu",
			 (unsigned long long)cfg->align);
		rc = sysfs_write(root, align, ND_DEVICES "/%s/align", seed);
	}
	if (!rc)
		rc = sysfs_write(root,
				 cfg->map == NDCTL_MAP_DEV ? "pmem" : "ram",
				 ND_DEVICES "/%s/mode", seed);
attach:
	if (!rc)
		rc = sysfs_write(root, ns->devname, ND_DEVICES "/%s/namespace",
				 seed);
	if (!rc)
		rc = bind(root, seed, driver);
	if (rc)
		/* Give the seed back so the region is as it was. */
		sysfs_write(root, "\n", ND_DEVICES "/%s/namespace", seed);
	return rc;
}
