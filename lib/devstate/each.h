/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one loop behind every command that takes NAME...|all: find what
 * each name matches within the bus and region filters, act on each
 * object, count what was done and what failed, and print upstream's
 * summary ("destroyed 1 namespace").
 */
#ifndef DEVSTATE_EACH_H
#define DEVSTATE_EACH_H

#include <stdbool.h>
#include "context.h"

enum devstate_kind {
	DEVSTATE_NAMESPACE, /* struct ndctl_namespace */
	DEVSTATE_REGION, /* struct ndctl_region */
	DEVSTATE_DIMM, /* struct ndctl_dimm */
	DEVSTATE_DAXDEV, /* struct daxctl_dev */
};

/* Seeds (size 0) wait for a size: which names still reach them. */
enum devstate_idle {
	DEVSTATE_IDLE_KEEP, /* act on them too */
	DEVSTATE_IDLE_NAMED, /* only when named, never through "all" */
	DEVSTATE_IDLE_SKIP, /* never */
};

struct devstate_each {
	enum devstate_kind kind;
	const char *bus; /* nd objects: NULL or "all" for any */
	const char *region; /* namespaces and dax devices */
	const char *region_type; /* regions: NULL, or only "pmem" or "blk" */
	enum devstate_idle idle;
	/*
	 * Every name must match before anything is done: for commands that
	 * plan a set of devices as a whole.
	 */
	bool names_first;
	/* Summary noun and verb ("namespace", "destroyed"); NULL: none. */
	const char *noun, *done_verb;
	/*
	 * Called with each object, looked up afresh by name (an action may
	 * refresh the context).  Returns 0, an exit status, or -errno.
	 */
	int (*fn)(struct devstate_ctx *ds, void *obj, void *arg);
	void *arg;
};

/*
 * Returns EXIT_OK when something was done and nothing failed, else the
 * worst status an action returned (EXIT_FAIL for -errno), or EXIT_FAIL
 * when a name matched nothing or nothing was done ("all" of nothing,
 * without a region or type filter, is EXIT_OK).
 */
int devstate_each(struct devstate_ctx *ds, const struct devstate_each *e,
		  int argc, char **argv);
/*
 * devstate_each() in a context of its own, opened under sysroot with
 * the libraries in flags and closed again: for commands that need the
 * context for nothing else.  EXIT_FAIL when it cannot be opened.
 */
int devstate_run_each(const char *sysroot, unsigned int flags,
		      const struct devstate_each *e, int argc, char **argv);

#endif
