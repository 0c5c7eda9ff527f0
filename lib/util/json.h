/* SPDX-License-Identifier: GPL-2.0 */
#ifndef UTIL_JSON_H
#define UTIL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <json-c/json.h>

/* Sizes print as numbers, or as "4.00 GiB (4.29 GB)" when human. */
struct json_object *json_size(uint64_t bytes, bool human);
/* Addresses print as numbers, or as "0x100000000" when human. */
struct json_object *json_hex(uint64_t val, bool human);
struct json_object *json_u64(uint64_t val);

void json_add_size(struct json_object *obj, const char *key, uint64_t bytes,
		   bool human);
void json_add_hex(struct json_object *obj, const char *key, uint64_t val,
		  bool human);
void json_add_u64(struct json_object *obj, const char *key, uint64_t val);
void json_add_int(struct json_object *obj, const char *key, int val);
void json_add_str(struct json_object *obj, const char *key, const char *val);
void json_add_bool(struct json_object *obj, const char *key, bool val);

/* Pretty-print with a trailing newline; consumes nothing. */
void json_print(FILE *out, struct json_object *obj);

#endif
