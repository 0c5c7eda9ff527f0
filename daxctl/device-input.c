// SPDX-License-Identifier: GPL-2.0
/*
 * --input: a device's listing from daxctl list, read back.  Every key
 * is checked, by name and type, before any is used: a misspelt "sise"
 * must not become "all the capacity", nor a string size a default.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include <memmap/memmap.h>
#include <util/log.h>
#include "device-input.h"

bool is_dax_align(uint64_t align)
{
	return memmap_align_supported(&memmap_profile_linux61_x86_64, align);
}

/* The most of a --input file read: a device's listing is a few KiB. */
#define INPUT_BYTES_MAX (1 << 20)

/*
 * Every key daxctl list prints for a device.  Those --input takes
 * are checked for their values below; the others describe the device as
 * it was and are only checked for their type.  Any other key is refused:
 * a misspelt "sise" must not become "all the capacity".
 */
static const struct input_key {
	const char *key;
	enum json_type type;
} input_keys[] = {
	{ "chardev", json_type_string },
	{ "size", json_type_int },
	{ "align", json_type_int },
	{ "mappings", json_type_array },
	{ "target_node", json_type_int },
	{ "mode", json_type_string },
	{ "online_memblocks", json_type_int },
	{ "total_memblocks", json_type_int },
	{ "movable", json_type_boolean },
	{ "vmemmap_head_only", json_type_boolean },
	{ "state", json_type_string },
	{ "memmap_location", json_type_string },
	{ "memmap_compound", json_type_boolean },
	{ "memmap_dram_bytes", json_type_int },
	{ "memmap_device_bytes", json_type_int },
	{ "memmap_kernel_dram_bytes", json_type_int },
	{ "memmap_kernel_device_bytes", json_type_int },
};

/* "FILE: KEY is VALUE: WHY", VALUE as JSON and cut short if long. */
static int input_bad(const char *file, const char *key, struct json_object *j,
		     const char *why)
{
	const char *text = json_object_to_json_string_ext(
		j, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	int len = (int)strlen(text);

	pr_err("%s: \"%s\" is %.*s%s: %s", file, key, len > 64 ? 60 : len, text,
	       len > 64 ? "..." : "", why);
	return -EINVAL;
}

/*
 * A byte count or address as daxctl list prints it: a JSON integer, or
 * for addresses with -u a "0x..." string.  json-c clamps an integer past
 * 2^64 to UINT64_MAX without saying so, and no size or address here can
 * be that, so UINT64_MAX is refused as out of range.
 */
static int input_u64(const char *file, const char *key, struct json_object *j,
		     bool hex_string, uint64_t *val)
{
	const char *str;
	char *end;

	if (json_object_is_type(j, json_type_int)) {
		if (json_object_get_int64(j) < 0)
			return input_bad(file, key, j, "negative");
		*val = json_object_get_uint64(j);
		if (*val == UINT64_MAX)
			return input_bad(file, key, j, "out of range");
		return 0;
	}
	if (!hex_string || !json_object_is_type(j, json_type_string))
		return input_bad(file, key, j,
				 hex_string ?
					 "expected an integer or a \"0x...\" "
					 "string" :
					 "expected an integer, as daxctl list "
					 "prints it (without -u)");
	str = json_object_get_string(j);
	if (strncmp(str, "0x", 2) || !isxdigit((unsigned char)str[2]))
		return input_bad(file, key, j,
				 "expected \"0x\" and hex digits");
	errno = 0;
	*val = strtoull(str + 2, &end, 16);
	if (*end)
		return input_bad(file, key, j,
				 "expected \"0x\" and hex digits");
	if (errno || *val == UINT64_MAX)
		return input_bad(file, key, j, "out of range");
	return 0;
}

/* "daxN.M", digits only: the region is N. */
static bool parse_chardev(const char *name, char *region, size_t len)
{
	size_t n = strspn(name + 3, "0123456789"), m;

	if (strncmp(name, "dax", 3) || !n || n >= len || name[3 + n] != '.')
		return false;
	m = strspn(name + 4 + n, "0123456789");
	if (!m || name[4 + n + m])
		return false;
	memcpy(region, name + 3, n);
	region[n] = '\0';
	return true;
}

static int by_page_offset(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* One entry of "mappings": page_offset, start, end and maybe size. */
static int input_mapping(const char *file, size_t i, struct json_object *m,
			 uint64_t r[3])
{
	static const char *const need[] = { "page_offset", "start", "end" };
	struct json_object *j;
	char key[48];
	uint64_t size;
	int k, rc;

	snprintf(key, sizeof(key), "mappings[%zu]", i);
	if (!json_object_is_type(m, json_type_object))
		return input_bad(file, key, m, "expected an object");
	json_object_object_foreach (m, name, val) {
		snprintf(key, sizeof(key), "mappings[%zu].%s", i, name);
		if (strcmp(name, "page_offset") && strcmp(name, "start") &&
		    strcmp(name, "end") && strcmp(name, "size"))
			return input_bad(file, key, val,
					 "not a key of a mapping (page_offset, "
					 "start, end, size)");
	}
	for (k = 0; k < 3; k++) {
		snprintf(key, sizeof(key), "mappings[%zu].%s", i, need[k]);
		if (!json_object_object_get_ex(m, need[k], &j)) {
			pr_err("%s: \"%s\" is missing", file, key);
			return -EINVAL;
		}
		rc = input_u64(file, key, j, true, &r[k]);
		if (rc)
			return rc;
	}
	snprintf(key, sizeof(key), "mappings[%zu].end", i);
	if (r[2] < r[1])
		return input_bad(file, key, json_object_object_get(m, "end"),
				 "before the mapping's start");
	if (json_object_object_get_ex(m, "size", &j)) {
		snprintf(key, sizeof(key), "mappings[%zu].size", i);
		rc = input_u64(file, key, j, false, &size);
		if (rc)
			return rc;
		if (size != r[2] - r[1] + 1)
			return input_bad(file, key, j,
					 "not end - start + 1 of the mapping");
	}
	return 0;
}

/* The "mappings" of the input, in page_offset order. */
static int input_ranges(const char *file, struct json_object *maps,
			struct device_input *in, uint64_t *total)
{
	uint64_t sorted[INPUT_RANGES_MAX][3];
	size_t i, n = json_object_array_length(maps);
	int rc;

	if (!n || n > INPUT_RANGES_MAX) {
		pr_err("%s: \"mappings\" has %zu ranges: expected 1 to %d",
		       file, n, INPUT_RANGES_MAX);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		rc = input_mapping(file, i, json_object_array_get_idx(maps, i),
				   sorted[i]);
		if (rc)
			return rc;
	}
	qsort(sorted, n, sizeof(sorted[0]), by_page_offset);
	*total = 0;
	for (i = 0; i < n; i++) {
		if (i && sorted[i][0] == sorted[i - 1][0]) {
			pr_err("%s: two mappings at page_offset %#llx", file,
			       (unsigned long long)sorted[i][0]);
			return -EINVAL;
		}
		in->ranges[i] = (struct dax_range){ .start = sorted[i][1],
						    .end = sorted[i][2] };
		*total += sorted[i][2] - sorted[i][1] + 1;
	}
	in->nr_ranges = n;
	return 0;
}

/* The whole file, parsed: one JSON value and nothing after it. */
static int input_parse(const char *file, struct json_object **obj)
{
	struct json_tokener *tok;
	size_t len, rest;
	char *buf;
	FILE *f;

	*obj = NULL;
	f = fopen(file, "r");
	if (!f) {
		pr_err("%s: cannot open: %s", file, strerror(errno));
		return -EIO;
	}
	buf = malloc(INPUT_BYTES_MAX + 1);
	len = buf ? fread(buf, 1, INPUT_BYTES_MAX + 1, f) : 0;
	if (!buf || ferror(f)) {
		pr_err("%s: cannot read: %s", file,
		       buf ? strerror(errno) : "out of memory");
		fclose(f);
		free(buf);
		return -EIO;
	}
	fclose(f);
	if (len > INPUT_BYTES_MAX) {
		pr_err("%s: more than %d bytes: not one device's listing", file,
		       INPUT_BYTES_MAX);
		free(buf);
		return -EINVAL;
	}
	tok = json_tokener_new();
	if (tok) {
		*obj = json_tokener_parse_ex(tok, buf, (int)len);
		rest = json_tokener_get_parse_end(tok);
		while (*obj && rest < len && isspace((unsigned char)buf[rest]))
			rest++;
		if (*obj && rest < len) {
			json_object_put(*obj);
			*obj = NULL;
		}
		json_tokener_free(tok);
	}
	free(buf);
	if (!*obj || !json_object_is_type(*obj, json_type_object)) {
		pr_err("%s: not a JSON object (one device, as daxctl list "
		       "prints it, without the enclosing array)",
		       file);
		json_object_put(*obj);
		*obj = NULL;
		return -EINVAL;
	}
	return 0;
}

/*
 * Its chardev names the region ("dax1.2": region 1), size and align are
 * what the device had, and its mappings, when present, the ranges it
 * had, which fix its size.
 */
int device_input_read(const char *file, struct device_input *in)
{
	struct json_object *obj, *j;
	uint64_t total = 0;
	size_t k;
	int rc;

	*in = (struct device_input){ .region_id = "" };
	rc = input_parse(file, &obj);
	if (rc)
		return rc;
	rc = -EINVAL;
	json_object_object_foreach (obj, key, val) {
		for (k = 0; k < sizeof(input_keys) / sizeof(input_keys[0]); k++)
			if (!strcmp(key, input_keys[k].key))
				break;
		if (k == sizeof(input_keys) / sizeof(input_keys[0])) {
			input_bad(file, key, val,
				  "not a key daxctl list prints for a device");
			goto out;
		}
		if (!json_object_is_type(val, input_keys[k].type)) {
			input_bad(file, key, val,
				  input_keys[k].type == json_type_int ?
					  "expected an integer, as daxctl "
					  "list prints it (without -u)" :
				  input_keys[k].type == json_type_string ?
					  "expected a string" :
				  input_keys[k].type == json_type_boolean ?
					  "expected true or false" :
					  "expected an array");
			goto out;
		}
	}
	if (json_object_object_get_ex(obj, "chardev", &j) &&
	    !parse_chardev(json_object_get_string(j), in->region_id,
			   sizeof(in->region_id))) {
		input_bad(file, "chardev", j, "expected daxN.M");
		goto out;
	}
	in->has_size = json_object_object_get_ex(obj, "size", &j);
	if (in->has_size) {
		if (input_u64(file, "size", j, false, &in->size))
			goto out;
		if (!in->size) {
			input_bad(file, "size", j,
				  "a device of no capacity is not re-created");
			goto out;
		}
	}
	in->has_align = json_object_object_get_ex(obj, "align", &j);
	if (in->has_align) {
		if (input_u64(file, "align", j, false, &in->align))
			goto out;
		if (!is_dax_align(in->align)) {
			input_bad(file, "align", j, "expected 4K, 2M or 1G");
			goto out;
		}
	}
	if (json_object_object_get_ex(obj, "mappings", &j)) {
		if (input_ranges(file, j, in, &total))
			goto out;
		if (in->has_size && in->size != total) {
			input_bad(file, "size",
				  json_object_object_get(obj, "size"),
				  "not the total of its mappings");
			goto out;
		}
		in->size = total;
		in->has_size = true;
	}
	rc = 0;
out:
	json_object_put(obj);
	return rc;
}
