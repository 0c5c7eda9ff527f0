/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words of cxl's enums, one table per enum (as devstate/words.h does
 * for daxctl and ndctl): the word printed for a value and the words an
 * option takes for it.
 */
#ifndef CXL_WORDS_H
#define CXL_WORDS_H

#include <cxl/libcxl.h>
#include <util/words.h>

/*
 * Partition and decoder modes: none and mixed are only printed; --type
 * takes ram (alias volatile) and pmem.  Ends with a NULL name.
 */
extern const struct word cxl_mode_words[];

/* The --type word of reserve-dpa and set-partition: 0, or -EINVAL. */
int cxl_mode_parse(const char *word, enum cxl_mode *mode);

/* What --type takes, for the one message every command prints. */
#define CXL_TYPE_EXPECTED "ram, volatile or pmem"

#endif
