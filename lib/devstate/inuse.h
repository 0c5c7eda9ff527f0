/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one "is it in use?" check.  Every command that takes a namespace,
 * region, DIMM or dax device away asks here before it writes anything,
 * and --force never overrides the answer.
 *
 * Something uses a device when its block device cannot be opened
 * exclusively (the disk or a partition is mounted, held by device-mapper
 * or md, used as swap, or opened O_EXCL by another program; a plain open
 * or mapping of the block device does not count, see inuse.c); when a
 * process has its dax character device open or mapped; or when its
 * memory is online as system RAM.
 *
 * A check that finds a block device free keeps it open with O_EXCL until
 * inuse_free(), so nobody can mount or claim it while the command changes
 * it: the same guard upstream ndctl takes before disabling a namespace.
 */
#ifndef DEVSTATE_INUSE_H
#define DEVSTATE_INUSE_H

#include <stdbool.h>
#include <daxctl/libdaxctl.h>
#include <ndctl/libndctl.h>

struct inuse;
struct sysroot;

/*
 * One per command (devstate_inuse() makes it).  The processes are read
 * only for a dax device, or to name a block device's exclusive opener,
 * in one walk that the command's later checks resume.
 */
struct inuse *inuse_new(struct sysroot *root, struct daxctl_ctx *dax);
/* Drops the exclusive opens: call after the change is made. */
void inuse_free(struct inuse *iu);

/*
 * Each check returns 0 when nothing uses the object, or -EBUSY after
 * printing one line that names the object and its holder.
 */
int inuse_check_namespace(struct inuse *iu, struct ndctl_namespace *ns);
/*
 * What uses the namespace ("mounted on /mnt ..."), or NULL, without a
 * refusal: for the few commands upstream lets act on a namespace in use
 * (inject-error), so they can say so.  Valid until the next check.
 */
const char *inuse_namespace_user(struct inuse *iu, struct ndctl_namespace *ns);
int inuse_check_region(struct inuse *iu, struct ndctl_region *region);
int inuse_check_dimm(struct inuse *iu, struct ndctl_dimm *dimm);

/*
 * A dax device: its character device open or mapped, or its memory
 * online.  Offlining through the kernel migrates the contents, so the
 * commands that offline memory themselves (offline-memory, reconfigure
 * to devdax with --force) pass memory_ok to leave that part to them.
 */
int inuse_check_daxdev(struct inuse *iu, struct daxctl_dev *dev,
		       bool memory_ok);

#endif
