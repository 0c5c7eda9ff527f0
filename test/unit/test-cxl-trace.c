// SPDX-License-Identifier: GPL-2.0
/*
 * cxl monitor's and cxl list -L's decoding (lib/cxl/trace-event.c,
 * poison.c) on records laid by hand after the event formats a real
 * kernel gave (Debian's stock 6.12, captured by the cxl-trace QEMU
 * scenario): each field at the offset and size its format says, little
 * endian, strings as __data_loc words pointing past the fixed fields.
 *
 * Usage: test-cxl-trace FORMATS_DIR (one EVENT.format file per event)
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event-parse.h>

#include <cxl/poison.h>
#include <cxl/trace-event.h>

#include "tap.h"

#define PID 4242

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	char *buf = NULL;
	size_t cap = 0, n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	for (;;) {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);

		if (!got)
			break;
		n += got;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static struct tep_event *load(struct tep_handle *tep, const char *dir,
			      const char *name)
{
	char file[128];
	size_t len;
	char *buf;
	int rc;

	snprintf(file, sizeof(file), "%s.format", name);
	buf = slurp(dir, file, &len);
	if (!buf)
		return NULL;
	rc = tep_parse_event(tep, buf, len, "cxl");
	free(buf);
	if (rc)
		return NULL;
	return tep_find_event_by_name(tep, "cxl", name);
}

/* A record under construction: fixed part, then the dynamic data. */
struct rec {
	unsigned char data[1024];
	int end; /* where the next string goes */
	struct tep_record r;
};

static void put_le(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void rec_init(struct rec *r, struct tep_event *e)
{
	struct tep_format_field *f;

	memset(r, 0, sizeof(*r));
	/* Past the last fixed field, rounded as the ring buffer pads. */
	r->end = 0;
	for (f = e->format.fields; f; f = f->next)
		if (f->offset + f->size > r->end)
			r->end = f->offset + f->size;
	r->end = (r->end + 3) & ~3;
	if (r->end > (int)sizeof(r->data))
		abort(); /* an event larger than any of 6.12's */
	f = tep_find_common_field(e, "common_type");
	put_le(r->data + f->offset, (uint64_t)e->id, f->size);
	f = tep_find_common_field(e, "common_pid");
	put_le(r->data + f->offset, PID, f->size);
	r->r.data = r->data;
	r->r.size = r->end;
	r->r.ts = 1234567890123ULL;
}

static bool set_num(struct rec *r, struct tep_event *e, const char *name,
		    uint64_t v)
{
	struct tep_format_field *f = tep_find_field(e, name);

	if (!f || (f->flags & TEP_FIELD_IS_DYNAMIC))
		return false;
	put_le(r->data + f->offset, v, f->size);
	return true;
}

static bool set_bytes(struct rec *r, struct tep_event *e, const char *name,
		      const void *bytes, int len)
{
	struct tep_format_field *f = tep_find_field(e, name);

	if (!f || f->size < len)
		return false;
	memcpy(r->data + f->offset, bytes, len);
	return true;
}

static bool set_str(struct rec *r, struct tep_event *e, const char *name,
		    const char *s)
{
	struct tep_format_field *f = tep_find_field(e, name);
	int len = (int)strlen(s) + 1, at = r->end;

	if (!f || !(f->flags & TEP_FIELD_IS_DYNAMIC) ||
	    r->end + len > (int)sizeof(r->data))
		return false;
	/* __rel_loc counts from the end of its own word. */
	if (f->flags & TEP_FIELD_IS_RELATIVE)
		at -= f->offset + f->size;
	memcpy(r->data + r->end, s, len);
	put_le(r->data + f->offset, ((uint64_t)len << 16) | (unsigned)at, 4);
	r->end += (len + 3) & ~3;
	r->r.size = r->end;
	return true;
}

static const char *str_of(struct json_object *j, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(j, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static bool num_is(struct json_object *j, const char *key, uint64_t want)
{
	struct json_object *v;

	return json_object_object_get_ex(j, key, &v) &&
	       json_object_is_type(v, json_type_int) &&
	       json_object_get_uint64(v) == want;
}

/* The keys in order: system, event, timestamp, then the format's own. */
static bool keys_in_format_order(struct json_object *j, struct tep_event *e)
{
	struct tep_format_field **fields = tep_event_fields(e);
	const char *head[] = { "system", "event", "timestamp" };
	int i = 0, k = 0;
	bool ok = true;

	json_object_object_foreach (j, key, val) {
		(void)val;
		if (i < 3) {
			ok &= !strcmp(key, head[i++]);
			continue;
		}
		/* A field left out (none here) would only skip ahead. */
		while (fields[k] && strcmp(fields[k]->name, key))
			k++;
		ok &= fields[k] != NULL;
		if (fields[k])
			k++;
	}
	ok &= json_object_object_length(j) == 3 + e->format.nr_fields;
	free(fields);
	return ok;
}

static const unsigned char uuid_bytes[16] = { 0x00, 0x01, 0x02, 0x03,
					      0x04, 0x05, 0x06, 0x07,
					      0x08, 0x09, 0x0a, 0x0b,
					      0x0c, 0x0d, 0x0e, 0x0f };
#define UUID_TEXT "00010203-0405-0607-0809-0a0b0c0d0e0f"

/*
 * The region's uuid: its text when the format types it uuid_t, else (a
 * char[16]) its 16 bytes as numbers, as upstream prints each.
 */
static void uuid_field(struct json_object *j, struct tep_event *e)
{
	struct tep_format_field *f = tep_find_field(e, "uuid");
	struct json_object *v;
	bool ok = true;

	if (!f)
		f = tep_find_field(e, "region_uuid");
	if (!f || !json_object_object_get_ex(j, f->name, &v)) {
		tap_ok(false, "the region uuid is in the JSON");
		return;
	}
	if (strcasestr(f->type, "uuid_t")) {
		tap_ok(json_object_is_type(v, json_type_string) &&
			       !strcmp(json_object_get_string(v), UUID_TEXT),
		       "%s (%s) as its text", f->name, f->type);
		return;
	}
	ok = json_object_is_type(v, json_type_array) &&
	     json_object_array_length(v) == 16;
	for (int i = 0; ok && i < 16; i++)
		ok = json_object_get_int(json_object_array_get_idx(v, i)) == i;
	tap_ok(ok, "%s (%s) as its 16 bytes", f->name, f->type);
}

/* cxl_poison: one poison list record, as the kernel emits it. */
static void poison(struct tep_event *e)
{
	struct cxl_poison_record p;
	struct json_object *j;
	struct rec r;
	const char *text;
	bool laid;

	if (!tap_ok(e != NULL, "cxl_poison's format parses"))
		return;
	rec_init(&r, e);
	laid = set_str(&r, e, "memdev", "mem0") &&
	       set_str(&r, e, "host", "0000:0d:00.0") &&
	       set_str(&r, e, "region", "region1") &&
	       set_num(&r, e, "serial", 7) &&
	       set_num(&r, e, "hpa", 0x400001000ULL) &&
	       set_num(&r, e, "dpa", 0x1000) &&
	       set_num(&r, e, "dpa_length", 64) &&
	       set_num(&r, e, "source", 3) &&
	       set_num(&r, e, "flags",
		       CXL_POISON_FLAG_MORE | CXL_POISON_FLAG_OVERFLOW) &&
	       set_num(&r, e, "overflow_ts", 0x1234);
	tap_ok(laid, "cxl_poison has memdev, host, region, serial, hpa, dpa, "
		     "dpa_length, source, flags, overflow_ts");
	/* 6.12 names its uuid_t field uuid; newer kernels region_uuid. */
	tap_ok(set_bytes(&r, e, "uuid", uuid_bytes, 16) ||
		       set_bytes(&r, e, "region_uuid", uuid_bytes, 16),
	       "cxl_poison has a region uuid");

	j = cxl_trace_event_json(e, &r.r);
	if (!tap_ok(j != NULL, "cxl_poison record to JSON"))
		return;
	tap_ok(!strcmp(str_of(j, "system") ?: "", "cxl") &&
		       !strcmp(str_of(j, "event") ?: "", "cxl_poison") &&
		       num_is(j, "timestamp", 1234567890123ULL),
	       "system, event and the record's timestamp");
	tap_ok(keys_in_format_order(j, e),
	       "every field, after those three, in the format's order");
	tap_ok(!strcmp(str_of(j, "memdev") ?: "", "mem0") &&
		       !strcmp(str_of(j, "host") ?: "", "0000:0d:00.0") &&
		       !strcmp(str_of(j, "region") ?: "", "region1"),
	       "__string fields as strings");
	tap_ok(num_is(j, "dpa", 0x1000) && num_is(j, "hpa", 0x400001000ULL) &&
		       num_is(j, "dpa_length", 64) && num_is(j, "source", 3) &&
		       num_is(j, "serial", 7),
	       "numbers as numbers");
	uuid_field(j, e);
	json_object_put(j);
	tap_ok(cxl_trace_record_pid(e, &r.r) == PID, "the record's pid");

	cxl_poison_decode(e, &r.r, &p);
	tap_ok(!strcmp(p.region, "region1") && p.has_dpa && p.has_hpa &&
		       p.dpa == 0x1000 && p.dpa_length == 64 && p.source == 3,
	       "poison record decoded");
	j = cxl_poison_json(&p, false, 0, false);
	text = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
	tap_ok(!strcmp(text, "{\"offset\":4096,\"length\":64,\"source\":"
			     "\"Injected\",\"flags\":\"More,Overflow,\","
			     "\"overflow_t\":4660}"),
	       "by memdev: %s", text);
	json_object_put(j);
	j = cxl_poison_json(&p, true, 0x400000000ULL, true);
	text = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
	tap_ok(!strcmp(text, "{\"offset\":\"0x1000\",\"length\":64,\"source\":"
			     "\"Injected\",\"flags\":\"More,Overflow,\","
			     "\"overflow_t\":\"0x1234\"}"),
	       "by region, human: %s", text);
	json_object_put(j);

	/* No region: the kernel's hpa is ULLONG_MAX; no flags. */
	set_num(&r, e, "hpa", UINT64_MAX);
	set_num(&r, e, "flags", 0);
	set_num(&r, e, "source", 9);
	cxl_poison_decode(e, &r.r, &p);
	j = cxl_poison_json(&p, true, 0x400000000ULL, false);
	text = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
	tap_ok(!strcmp(text, "{\"length\":64,\"source\":\"Reserved\"}"),
	       "no hpa, no flags, source 9: %s", text);
	json_object_put(j);
	set_num(&r, e, "flags", CXL_POISON_FLAG_SCANNING);
	set_num(&r, e, "source", 7);
	cxl_poison_decode(e, &r.r, &p);
	j = cxl_poison_json(&p, false, 0, false);
	text = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
	tap_ok(!strcmp(text, "{\"offset\":4096,\"length\":64,\"source\":"
			     "\"Vendor Specific\",\"flags\":\"Scanning,\"}"),
	       "scanning, vendor specific: %s", text);
	json_object_put(j);

	/* A record cut before its fields: they are left out, not read. */
	r.r.size = tep_find_field(e, "memdev")->offset;
	cxl_poison_decode(e, &r.r, &p);
	tap_ok(!p.has_dpa && !p.has_hpa && p.region[0] == '\0' &&
		       p.dpa_length == UINT32_MAX,
	       "a short record decodes to nothing");
	j = cxl_trace_event_json(e, &r.r);
	tap_ok(j && json_object_object_length(j) == 3,
	       "a short record's JSON has only system, event, timestamp");
	json_object_put(j);
}

/*
 * Every other event of the capture: a record of zeros (and empty
 * strings) has each field, arrays as the number of elements the format
 * holds.
 */
static void every_event(struct tep_handle *tep, const char *dir,
			const char *name)
{
	struct tep_event *e = load(tep, dir, name);
	struct tep_format_field *f;
	struct json_object *j;
	struct rec r;
	bool ok = true;

	if (!tap_ok(e != NULL, "%s's format parses", name))
		return;
	rec_init(&r, e);
	for (f = e->format.fields; f; f = f->next)
		if (f->flags & TEP_FIELD_IS_DYNAMIC &&
		    f->flags & TEP_FIELD_IS_STRING)
			set_str(&r, e, f->name, "");
	for (f = e->format.fields; f; f = f->next)
		if (strcasestr(f->type, "uuid_t"))
			set_bytes(&r, e, f->name, uuid_bytes, 16);
	j = cxl_trace_event_json(e, &r.r);
	for (f = e->format.fields; j && f; f = f->next) {
		struct json_object *v;

		if (!json_object_object_get_ex(j, f->name, &v)) {
			/* Only a field of an odd size has no number. */
			ok &= f->elementsize != 1 && f->elementsize != 2 &&
			      f->elementsize != 4 && f->elementsize != 8;
			continue;
		}
		if (strcasestr(f->type, "uuid_t"))
			ok &= json_object_is_type(v, json_type_string) &&
			      !strcmp(json_object_get_string(v), UUID_TEXT);
		if ((f->flags & TEP_FIELD_IS_ARRAY) &&
		    !(f->flags & TEP_FIELD_IS_DYNAMIC &&
		      f->flags & TEP_FIELD_IS_STRING))
			ok &= json_object_is_type(v, json_type_array) &&
			      json_object_array_length(v) ==
				      (size_t)(f->size / f->elementsize);
	}
	tap_ok(j && ok, "%s: %d fields to JSON (uuid_t as text)", name,
	       j ? json_object_object_length(j) - 3 : -1);
	json_object_put(j);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	struct tep_handle *tep = tep_alloc();
	struct dirent **names;
	int n;

	tep_set_file_bigendian(tep, TEP_LITTLE_ENDIAN);
	tep_set_local_bigendian(tep, TEP_LITTLE_ENDIAN);
	tep_set_long_size(tep, 8);
	poison(load(tep, dir, "cxl_poison"));
	/* Then each other event the kernel had, whatever they are. */
	n = scandir(dir, &names, NULL, by_name);
	tap_ok(n > 1, "%s holds the captured formats", dir);
	for (int i = 0; i < n; i++) {
		char *name = names[i]->d_name, *dot = strrchr(name, '.');

		if (dot && !strcmp(dot, ".format") &&
		    strcmp(name, "cxl_poison.format")) {
			*dot = '\0';
			every_event(tep, dir, name);
		}
		free(names[i]);
	}
	if (n > 0)
		free(names);
	tep_free(tep);
	return tap_done();
}
