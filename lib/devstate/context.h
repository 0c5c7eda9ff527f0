/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every command works in: one sysfs root, both libraries' contexts
 * over it, the kernel profile detected once, and the in-use checker.  A
 * command opens one, hands it to whatever needs it and closes it once.
 */
#ifndef DEVSTATE_CONTEXT_H
#define DEVSTATE_CONTEXT_H

#include <stdbool.h>
#include <daxctl/libdaxctl.h>
#include <memmap/memmap.h>
#include <ndctl/libndctl.h>

struct inuse;
struct journal;
struct sysroot;

struct devstate_ctx {
	struct sysroot *root;
	/* NULL unless DEVSTATE_ND was asked for, or devstate_nd() ran. */
	struct ndctl_ctx *nd;
	struct daxctl_ctx *dax;
	/* linux-6.1-patched when the kernel shows the series' controls. */
	const struct memmap_profile *profile;
	struct inuse *iu; /* made on first use: devstate_inuse() */
	int lock_fd; /* the change lock (lock.h), or -1 */
};

/* Bitmask of what devstate_open() reads. */
#define DEVSTATE_DAX 1u
#define DEVSTATE_ND 2u
/*
 * The command changes something: take the change lock (lock.h) before
 * anything is read, and finish any change a killed command left in the
 * journal (journal.h) first.
 */
#define DEVSTATE_CHANGE 4u

/*
 * Open sysroot ("/" when NULL) with the wanted contexts.  Prints
 * "cannot read sysfs under ..." and returns a negative errno on failure;
 * devstate_close() is safe either way.  A journal left by a killed
 * change is finished first, under the lock, by any command that can
 * take the lock at once (a read-only one does not wait for it).
 */
int devstate_open(struct devstate_ctx *ds, const char *sysroot,
		  unsigned int want);

/*
 * What a tool does with a leftover journal record (journal.h) of a
 * kind: put the device back to the recorded state, printing one line
 * that says what it found and re-read.  0 when done (the record is then
 * removed), or a negative errno after a line saying what is left and
 * how to finish by hand.
 */
struct journal_kind {
	const char *kind;
	int (*recover)(struct devstate_ctx *ds, struct journal *j);
};
/*
 * The kinds this tool knows (NULL-ended), given once by its main()
 * before any command runs: the recovery lives with the change it
 * undoes, above this layer.  Until then every record is of a kind
 * this tool does not know.
 */
void devstate_set_journal_kinds(const struct journal_kind *kinds);
void devstate_close(struct devstate_ctx *ds);
/* The context's in-use checker, or NULL (and a message) without memory. */
struct inuse *devstate_inuse(struct devstate_ctx *ds);
/*
 * The context's nd library, opened on first use (a daxctl command needs
 * it only for a namespace behind a device); with current, re-read when
 * it was open already, so that it shows what a change did.  NULL after
 * one line naming the failure.
 */
struct ndctl_ctx *devstate_nd(struct devstate_ctx *ds, bool current);
/* Re-read both libraries' contexts after a change. */
void devstate_refresh(struct devstate_ctx *ds);

/*
 * Kernel features are detected, never assumed from a version: a dax
 * device with the memmap attribute means the kernel-patches series.
 */
const struct memmap_profile *devstate_detect_profile(struct daxctl_ctx *dax);
/*
 * The unpatched kernels (kernel-profile.c): a dax device with upstream's
 * memmap_on_memory attribute (6.8) means linux-6.12, split by whether
 * memory_hotplug.memmap_on_memory is on; otherwise linux-6.1.
 */
const struct memmap_profile *devstate_stock_profile(struct daxctl_ctx *dax);
/*
 * MemFree of a NUMA node (node 0 when node < 0) less the free pages of
 * its ZONE_MOVABLE, the DRAM budget of a memmap there.  Returns 0, or a negative errno when the node's meminfo
 * cannot be read (-EBADMSG: it has no MemFree line; -ERANGE: past 2^64
 * bytes), leaving *bytes alone: an unknown budget is never "no limit".
 */
int node_free_read(struct sysroot *root, int node, uint64_t *bytes);
/*
 * The one line for a node_free_read() failure: "NAME: cannot read the
 * free memory of node N from FILE: REASON; CONSEQUENCE".
 */
void node_free_perror(struct sysroot *root, const char *name, int node,
		      int err, const char *consequence);
/*
 * A change needs dram_bytes of DRAM on node and node_free_read() failed
 * with err: the refusal, naming the file, the reason and --force (which
 * skips the budget, as the man pages say).
 */
void node_free_refuse(struct sysroot *root, const char *name, int node,
		      int err, uint64_t dram_bytes);

#endif
