// SPDX-License-Identifier: GPL-2.0
#include <inttypes.h>

#include "json.h"
#include "size.h"

struct json_object *json_u64(uint64_t val)
{
	/* Sizes and addresses are unsigned: 2^63 and up print as such. */
	return json_object_new_uint64(val);
}

struct json_object *json_size(uint64_t bytes, bool human)
{
	char buf[64];

	/* Upstream leaves small sizes numbers even with -u. */
	if (!human || bytes < HUMAN_PLAIN_BELOW)
		return json_u64(bytes);
	return json_object_new_string(size_human(bytes, buf, sizeof(buf)));
}

struct json_object *json_hex(uint64_t val, bool human)
{
	char buf[32];

	if (!human)
		return json_u64(val);
	snprintf(buf, sizeof(buf), "%#" PRIx64, val);
	return json_object_new_string(buf);
}

void json_add_size(struct json_object *obj, const char *key, uint64_t bytes,
		   bool human)
{
	json_object_object_add(obj, key, json_size(bytes, human));
}

void json_add_hex(struct json_object *obj, const char *key, uint64_t val,
		  bool human)
{
	json_object_object_add(obj, key, json_hex(val, human));
}

void json_add_u64(struct json_object *obj, const char *key, uint64_t val)
{
	json_object_object_add(obj, key, json_u64(val));
}

void json_add_int(struct json_object *obj, const char *key, int val)
{
	json_object_object_add(obj, key, json_object_new_int(val));
}

void json_add_str(struct json_object *obj, const char *key, const char *val)
{
	json_object_object_add(obj, key, json_object_new_string(val));
}

void json_add_bool(struct json_object *obj, const char *key, bool val)
{
	json_object_object_add(obj, key, json_object_new_boolean(val));
}

void json_print(FILE *out, struct json_object *obj)
{
	/* json-c's default escaping, "\/" included, as upstream prints. */
	int flags = JSON_C_TO_STRING_PRETTY;

	fprintf(out, "%s\n", json_object_to_json_string_ext(obj, flags));
}
