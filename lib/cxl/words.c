// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include "words.h"

const struct word cxl_mode_words[] = {
	{ "none", CXL_MODE_NONE, WORD_PRINT },
	{ "mixed", CXL_MODE_MIXED, WORD_PRINT },
	{ "pmem", CXL_MODE_PMEM, WORD_PRINT | WORD_TAKE },
	{ "ram", CXL_MODE_RAM, WORD_PRINT | WORD_TAKE },
	{ "volatile", CXL_MODE_RAM, WORD_TAKE },
	{ NULL, 0, 0 },
};

int cxl_mode_parse(const char *word, enum cxl_mode *mode)
{
	int value;

	if (word_value(cxl_mode_words, word, &value))
		return -EINVAL;
	*mode = value;
	return 0;
}
