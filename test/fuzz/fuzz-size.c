// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: parse_size() on any string, and every size it
 * accepts printed back by size_exact() parses to the same number.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <util/size.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *str = malloc(len + 1), exact[32], human[64], shrt[32];
	uint64_t bytes, again;

	if (!str)
		return 0;
	memcpy(str, data, len);
	str[len] = '\0';
	if (!parse_size(str, &bytes)) {
		size_exact(bytes, exact, sizeof(exact));
		size_human(bytes, human, sizeof(human));
		size_short(bytes, shrt, sizeof(shrt));
		if (parse_size(exact, &again) || again != bytes)
			abort();
	}
	free(str);
	return 0;
}
