// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <util/json.h>
#include "tap.h"

static char *print_to_string(struct json_object *obj)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	json_print(f, obj);
	fclose(f);
	return buf;
}

int main(void)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *arr = json_object_new_array();
	char *text;

	json_add_size(obj, "size", 4294967296ULL, false);
	json_add_size(obj, "hsize", 4294967296ULL, true);
	json_add_hex(obj, "start", 0x100000000ULL, true);
	json_add_hex(obj, "nstart", 0x100000000ULL, false);
	json_add_str(obj, "path", "/a/b");
	json_add_bool(obj, "movable", true);
	json_add_u64(obj, "big", 6ULL << 40);
	json_add_u64(obj, "top", (1ULL << 63) + 4096);

	tap_ok(json_object_get_int64(json_object_object_get(obj, "size")) ==
		       4294967296LL,
	       "sizes are numbers by default");
	tap_ok(!strcmp(json_object_get_string(
			       json_object_object_get(obj, "hsize")),
		       "4.00 GiB (4.29 GB)"),
	       "sizes are upstream's human strings with -u");
	tap_ok(!strcmp(json_object_get_string(
			       json_object_object_get(obj, "start")),
		       "0x100000000"),
	       "addresses are hex strings with -u");
	tap_ok(json_object_get_int64(json_object_object_get(obj, "big")) ==
		       (int64_t)(6ULL << 40),
	       "6 TiB survives as an integer");

	text = print_to_string(obj);
	tap_ok(strstr(text, "\"top\":9223372036854779904") != NULL,
	       "2^63 + 4096 prints unsigned, not negative");
	tap_ok(strstr(text, "\"path\":\"\\/a\\/b\"") != NULL,
	       "slashes escaped as json-c and upstream do (\"\\/a\\/b\")");
	tap_ok(text[strlen(text) - 1] == '\n', "output ends in a newline");
	free(text);

	text = print_to_string(arr);
	tap_ok(!strcmp(text, "[\n]\n") || !strcmp(text, "[]\n"),
	       "an empty list prints as []");
	free(text);

	json_object_put(obj);
	json_object_put(arr);
	return tap_done();
}
