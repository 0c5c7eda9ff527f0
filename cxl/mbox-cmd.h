/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What cxl's memdev mailbox commands (set-partition, set-alert-config,
 * update-firmware, wait-sanitize) share: the memdevs their arguments
 * name, and the array of memdev objects some of them print after.
 */
#ifndef CXL_MBOX_CMD_H
#define CXL_MBOX_CMD_H

#include <stdbool.h>
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

/*
 * Print the memdev objects as v81 prints them after its command: the
 * array, or the lone object when stdout is a terminal (v81's human
 * form then); an empty array is still printed.  Frees jdevs.
 */
void mbox_print_memdevs(struct json_object *jdevs);
/* Sizes in human form, as v81 does on a terminal. */
bool mbox_human(void);

#endif
