/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What cxl's memdev mailbox commands (set-partition, set-alert-config,
 * update-firmware, wait-sanitize) share: the memdevs their arguments
 * name, and the array of memdev objects some of them print after.
 */
#ifndef CXL_MBOX_CMD_H
#define CXL_MBOX_CMD_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

#include <cxl/libcxl.h>

struct mbox_targets {
	struct cxl_ctx *ctx;
	struct cxl_memdev **memdevs; /* in list order, each once */
	int nr;
};

/*
 * The memdevs the names (memN, N, all; serial numbers with serial)
 * select, on bus when given: 0, or EXIT_FAIL after one line naming the
 * first name that selects none (nothing is then done at all), or after
 * the context could not be read, with t then already freed.
 * mbox_targets_free() after a success (and again is harmless).
 */
int mbox_targets_get(struct mbox_targets *t, const char *sysroot,
		     const char *bus, bool serial, int argc, char **argv);
void mbox_targets_free(struct mbox_targets *t);

/* The options reserve-dpa, free-dpa and set-partition share. */
struct mbox_sized_opts {
	const char *bus, *sysroot, *type, *size;
	bool serial;
	int verbose;
};

/*
 * What those three do once their options are parsed, with the memdev
 * names at argv[first]: --type into *mode (the caller's default kept
 * without it), --size into *size (0 without it), the verbosity, then
 * the targets.  0, or EXIT_USAGE or EXIT_FAIL after one line (then
 * nothing is held).
 */
int mbox_sized_start(const struct mbox_sized_opts *o, int argc, char **argv,
		     int first, enum cxl_mode *mode, uint64_t *size,
		     struct mbox_targets *t);

/*
 * Print the memdev objects as v81 prints them after its command: the
 * array, or the lone object when stdout is a terminal (v81's human
 * form then); an empty array is still printed.  Frees jdevs.
 */
void mbox_print_memdevs(struct json_object *jdevs);
/* Sizes in human form, as v81 does on a terminal. */
bool mbox_human(void);

#endif
