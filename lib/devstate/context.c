// SPDX-License-Identifier: GPL-2.0
/*
 * The per-command context: one sysroot handle shared by both libraries
 * and the in-use check, and the kernel profile detected once.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <util/log.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "context.h"
#include "inuse.h"
#include "journal.h"
#include "lock.h"

static const struct journal_kind no_kinds[] = { { NULL, NULL } };
static const struct journal_kind *journal_kinds = no_kinds;

void devstate_set_journal_kinds(const struct journal_kind *kinds)
{
	journal_kinds = kinds;
}

/*
 * A killed change's record: put its device back before anything else
 * reads or changes the system.  Called with the lock held.
 */
static int recover(struct devstate_ctx *ds)
{
	const struct journal_kind *k;
	struct journal j;
	const char *kind;
	int rc;

	rc = journal_load(&j, sysroot_path(ds->root));
	if (rc == -ENOENT)
		return 0;
	kind = rc ? NULL : journal_get(&j, "kind");
	for (k = journal_kinds; kind && k->kind; k++)
		if (!strcmp(k->kind, kind))
			break;
	if (!kind || !k->kind) {
		pr_err("%s: an interrupted change of a kind this tool does "
		       "not know (%s) is pending: no change is made until "
		       "the file is removed, once the device is checked by "
		       "hand",
		       j.path, kind ? kind : "unreadable");
		return -EINVAL;
	}
	rc = k->recover(ds, &j);
	if (!rc)
		journal_remove(&j);
	devstate_refresh(ds);
	return rc;
}

int devstate_open(struct devstate_ctx *ds, const char *sysroot,
		  unsigned int want)
{
	const char *path = sysroot ? sysroot : "/";
	int rc;

	bool pending;

	*ds = (struct devstate_ctx){ .profile = &memmap_profile_linux61_x86_64,
				     .lock_fd = -1 };
	ds->root = sysroot_open(path);
	rc = ds->root ? 0 : -ENOENT;
	if (!rc && want & DEVSTATE_CHANGE) {
		ds->lock_fd = change_lock(sysroot_path(ds->root), true);
		if (ds->lock_fd < 0)
			return ds->lock_fd;
	}
	/*
	 * A read-only command finishes a leftover change only when the
	 * lock is free: a journal under a held lock is a change running.
	 */
	pending = !rc && journal_present(sysroot_path(ds->root));
	if (pending && ds->lock_fd < 0)
		ds->lock_fd = change_lock(sysroot_path(ds->root), false);
	pending = pending && ds->lock_fd >= 0;
	if (pending)
		want |= DEVSTATE_ND | DEVSTATE_DAX;
	if (!rc && want & DEVSTATE_ND)
		rc = ndctl_new(&ds->nd, ds->root);
	if (!rc && want & DEVSTATE_DAX)
		rc = daxctl_new(&ds->dax, ds->root);
	/* The backing reader (backing.h) finds the nd library through it. */
	if (!rc && ds->dax)
		daxctl_set_userdata(ds->dax, ds);
	if (rc) {
		pr_err("cannot read sysfs under '%s': %s", path, strerror(-rc));
		return rc;
	}
	ds->profile = devstate_detect_profile(ds->dax);
	if (pending) {
		rc = recover(ds);
		if (!(want & DEVSTATE_CHANGE)) {
			change_unlock(ds->lock_fd);
			ds->lock_fd = -1;
			rc = 0;
		}
		ds->profile = devstate_detect_profile(ds->dax);
	}
	return rc;
}

void devstate_close(struct devstate_ctx *ds)
{
	inuse_free(ds->iu);
	daxctl_unref(ds->dax);
	ndctl_unref(ds->nd);
	/* A context never opened is all zeroes: fd 0 is not its lock. */
	if (ds->root)
		change_unlock(ds->lock_fd);
	sysroot_close(ds->root);
	*ds = (struct devstate_ctx){ .lock_fd = -1 };
}

struct inuse *devstate_inuse(struct devstate_ctx *ds)
{
	if (!ds->iu)
		ds->iu = inuse_new(ds->root, ds->dax);
	if (!ds->iu)
		pr_err("out of memory");
	return ds->iu;
}

struct ndctl_ctx *devstate_nd(struct devstate_ctx *ds, bool current)
{
	int rc;

	if (ds->nd)
		return !current || !ndctl_refresh(ds->nd) ? ds->nd : NULL;
	rc = ndctl_new(&ds->nd, ds->root);
	if (rc) {
		pr_err("cannot read sysfs under '%s': %s",
		       sysroot_path(ds->root), strerror(-rc));
		ds->nd = NULL;
	}
	return ds->nd;
}

void devstate_refresh(struct devstate_ctx *ds)
{
	if (ds->nd)
		ndctl_refresh(ds->nd);
	if (ds->dax)
		daxctl_refresh(ds->dax);
}

const struct memmap_profile *devstate_detect_profile(struct daxctl_ctx *dax)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;

	if (dax) {
		daxctl_region_foreach (dax, region)
			daxctl_dev_foreach (region, dev) {
				/* vmemmap_head_only implies the other controls. */
				if (daxctl_dev_has_control(dev,
							   "vmemmap_head_only"))
					return &memmap_profile_linux61_patched_head_only;
				if (daxctl_dev_has_control(dev, "memmap"))
					return &memmap_profile_linux61_patched;
			}
	}
	return devstate_stock_profile(dax);
}

/* The meminfo file of a node (node 0 when node < 0), under the root. */
static void meminfo_path(int node, char *buf, size_t len)
{
	snprintf(buf, len, "sys/devices/system/node/node%d/meminfo",
		 node < 0 ? 0 : node);
}

/*
 * Free pages of the node's ZONE_MOVABLE, from proc/zoneinfo; 0 when the
 * file is missing (a captured tree has no proc/) or has no such zone.
 */
static uint64_t movable_free_bytes(struct sysroot *root, int node)
{
	unsigned long long pages = 0, n;
	bool in_zone = false;
	char *line = NULL, zone[16];
	size_t cap = 0;
	int at;
	FILE *f;

	f = sysfs_open_lines(root, "proc/zoneinfo");
	if (!f)
		return 0;
	/* "Node 0, zone  Movable", then its "  pages free     1234". */
	while (getline(&line, &cap, f) > 0) {
		if (sscanf(line, "Node %d, zone %15s", &at, zone) == 2) {
			in_zone = at == (node < 0 ? 0 : node) &&
				  !strcmp(zone, "Movable");
			continue;
		}
		if (in_zone && sscanf(line, " pages free %llu", &n) == 1) {
			pages = n;
			break;
		}
	}
	free(line);
	fclose(f);
	return pages * (uint64_t)sysconf(_SC_PAGESIZE);
}

int node_free_read(struct sysroot *root, int node, uint64_t *bytes)
{
	char path[64], buf[4096], *line, *end;
	unsigned long long kb;
	uint64_t movable;
	int rc;

	meminfo_path(node, path, sizeof(path));
	rc = sysfs_read(root, buf, sizeof(buf), "%s", path);
	if (rc)
		return rc;
	/* "Node 0 MemFree:   123456 kB" */
	line = strstr(buf, "MemFree:");
	if (!line)
		return -EBADMSG;
	line += strlen("MemFree:");
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line < '0' || *line > '9')
		return -EBADMSG;
	errno = 0;
	kb = strtoull(line, &end, 10);
	if (errno || strncmp(end, " kB", 3))
		return -EBADMSG;
	if (kb > UINT64_MAX / 1024)
		return -ERANGE;
	/*
	 * A memmap comes from the kernel's own zones, never from
	 * ZONE_MOVABLE: memory another device put online movable is free
	 * but no room for one.
	 */
	movable = movable_free_bytes(root, node);
	*bytes = kb * 1024 > movable ? kb * 1024 - movable : 0;
	return 0;
}

void node_free_perror(struct sysroot *root, const char *name, int node, int err,
		      const char *consequence)
{
	const char *top = root ? sysroot_path(root) : "/";
	char path[64];

	meminfo_path(node, path, sizeof(path));
	pr_err("%s: cannot read the free memory of node %d from %s%s%s: %s; %s",
	       name, node < 0 ? 0 : node, top,
	       top[0] && top[strlen(top) - 1] == '/' ? "" : "/", path,
	       err == -EBADMSG ? "no 'MemFree: N kB' line" :
	       err == -ERANGE  ? "MemFree is past 2^64 bytes" :
				 strerror(-err),
	       consequence);
}

void node_free_refuse(struct sysroot *root, const char *name, int node, int err,
		      uint64_t dram_bytes)
{
	char size[32], why[96];

	snprintf(why, sizeof(why),
		 "the change needs %s of DRAM there and --force skips the "
		 "check",
		 size_exact(dram_bytes, size, sizeof(size)));
	node_free_perror(root, name, node, err, why);
}
