/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The steps daxctl takes a dax device through (devstate's
 * step list): memory blocks offline or online, unbind and bind, one
 * attribute written, a namespace's info block rewritten.  Each step
 * knows how to put back what it did.
 */
#ifndef DAXCTL_DAX_STEPS_H
#define DAXCTL_DAX_STEPS_H

#include <daxctl/libdaxctl.h>
#include <devstate/backing.h>
#include <devstate/context.h>
#include <devstate/state.h>
#include <devstate/steps.h>
#include <devstate/words.h>

/* What the steps act on; a rewritten info block brings a new device. */
struct reconf_run {
	struct devstate_ctx *ds;
	/*
	 * create-device: where.  region is valid only until a step
	 * re-reads the context; region_id finds it again.
	 */
	struct daxctl_region *region;
	int region_id;
	struct journal *j; /* the change's intent record, or NULL */
	/* create-device: the region's devices before it (its to free) */
	char *before;
	struct daxctl_dev *dev;
	char name[32]; /* the device's name, for messages */
	const char *ns; /* the namespace behind it, or NULL */
};

/* The device as it is now, and what backs it. */
void dax_read_setup(struct daxctl_dev *dev, struct dev_backing *b,
		    struct dax_setup *s);
bool dax_same_setup(const struct dax_setup *a, const struct dax_setup *b);
/*
 * Re-read the device: true when it is as t says, its memory online in
 * the zone t asks for included.
 */
bool dax_verify_setup(struct daxctl_dev *dev, const struct dax_setup *t);

/*
 * The per-device attributes a step writes (value: the new value, aux:
 * which attribute).
 */
enum dax_attr {
	ATTR_COMPOUND,
	ATTR_MEMMAP,
	ATTR_MEMMAP_ON_MEMORY,
	ATTR_ALIGN,
	ATTR_SIZE,
	ATTR_HEAD_ONLY,
};
extern const struct step_ops dax_attr_step;
/* Bind to the driver of mode value (unbind for DAXCTL_DEV_MODE_UNBOUND). */
extern const struct step_ops dax_driver_step;
/* Rewrite the namespace's info block: value the align, aux memmap pmem. */
extern const struct step_ops dax_rewrite_step;
/* A physical range of a dynamic region, end inclusive. */
struct dax_range {
	uint64_t start, end;
};

/* create-device: a new device, and its ranges (saved: the array). */
extern const struct step_ops dax_create_step;
extern const struct step_ops dax_ranges_step;

/*
 * Every memory block of a system-ram device online (value 1, aux 1 for
 * ZONE_MOVABLE) or offline (value 0); undo puts each block back.
 */
extern const struct step_ops dax_blocks_step;

/*
 * Unbind run->dev, give its capacity back and delete it from its
 * region; run->dev is NULL after.  0 or a negative errno.
 */
int dax_destroy_run_dev(struct reconf_run *run);
/* Whether name is one of list's comma-separated names. */
bool dax_name_listed(const char *list, const char *name);
/*
 * Remove every device of region run->region_id that is not in before
 * (comma-separated names): what a failed or killed create-device made.
 */
int dax_remove_new_devices(struct reconf_run *run, const char *before);

/*
 * Write the intent record of a reconfigure of run->dev (from cur) or a
 * create-device in run->region (journal.h), and point run->j at it.
 * what is the command, for the message a later recovery prints.
 */
int dax_journal_reconfigure(struct journal *j, struct reconf_run *run,
			    const struct dax_setup *cur, const char *what);
int dax_journal_create(struct journal *j, struct reconf_run *run,
		       const char *what);
/*
 * Put the device of a reconfigure record back to the recorded setup
 * (what recovery does with a leftover one); why ends "as before ..."
 * in the message.  0 or a negative errno, after one line saying where
 * it is.
 */
int dax_journal_undo(struct devstate_ctx *ds, struct journal *j,
		     const char *why);
/*
 * Every kind of record daxctl and ndctl finish (a dax reconfigure, a
 * create-device, a namespace's claim), for devstate_set_journal_kinds().
 */
extern const struct journal_kind dax_journal_kinds[];

#endif
