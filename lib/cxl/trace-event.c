// SPDX-License-Identifier: GPL-2.0
/*
 * Reading CXL trace events: a tracefs instance per user, its per-CPU raw
 * buffers consumed with libtracefs, each record decoded by its event's
 * format (events/SYSTEM/EVENT/format) with libtraceevent.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event-parse.h>
#include <tracefs.h>
#include <uuid/uuid.h>

#include <util/json.h>

#include "trace-event.h"

struct cxl_trace {
	struct tracefs_instance *inst;
	struct tep_handle *tep; /* the formats, read at the first read */
	char *system, *event; /* what cxl_trace_enable() turned on */
	int pipe_fd;
};

int cxl_trace_open(const char *name, struct cxl_trace **out)
{
	struct cxl_trace *t = calloc(1, sizeof(*t));
	char *full;

	if (!t)
		return -ENOMEM;
	t->pipe_fd = -1;
	if (asprintf(&full, "%s.%d", name, (int)getpid()) < 0) {
		free(t);
		return -ENOMEM;
	}
	/* libtracefs finds tracefs, or mounts it where the kernel says. */
	errno = 0;
	t->inst = tracefs_instance_create(full);
	free(full);
	if (!t->inst) {
		int rc = errno ? -errno : -ENOENT;

		free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* events/SYSTEM[/EVENT] of the instance: does the kernel have it? */
static bool event_exists(struct cxl_trace *t, const char *system,
			 const char *event)
{
	char *dir = tracefs_instance_get_dir(t->inst), *path;
	struct stat st;
	bool found;

	if (!dir)
		return false;
	if (asprintf(&path, "%s/events/%s%s%s", dir, system, event ? "/" : "",
		     event ? event : "") < 0) {
		tracefs_put_tracing_file(dir);
		return false;
	}
	found = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	free(path);
	tracefs_put_tracing_file(dir);
	return found;
}

int cxl_trace_enable(struct cxl_trace *t, const char *system, const char *event)
{
	if (!event_exists(t, system, event))
		return -ENOENT;
	t->system = strdup(system);
	t->event = event ? strdup(event) : NULL;
	if (!t->system || (event && !t->event))
		return -ENOMEM;
	errno = 0;
	if (tracefs_event_enable(t->inst, system, event) < 0)
		return errno ? -errno : -EIO;
	if (!tracefs_trace_is_on(t->inst) && tracefs_trace_on(t->inst) < 0)
		return errno ? -errno : -EIO;
	return 0;
}

int cxl_trace_stop(struct cxl_trace *t)
{
	errno = 0;
	if (tracefs_trace_off(t->inst) < 0)
		return errno ? -errno : -EIO;
	return 0;
}

int cxl_trace_pipe_fd(struct cxl_trace *t)
{
	if (t->pipe_fd < 0) {
		errno = 0;
		t->pipe_fd = tracefs_instance_file_open(t->inst, "trace_pipe",
							O_RDONLY | O_CLOEXEC);
		if (t->pipe_fd < 0)
			return errno ? -errno : -EIO;
	}
	return t->pipe_fd;
}

struct read_ctx {
	const struct cxl_trace_filter *f;
	cxl_trace_fn fn;
	void *arg;
	int rc;
};

static int read_one(struct tep_event *event, struct tep_record *rec, int cpu,
		    void *arg)
{
	struct read_ctx *c = arg;
	const struct cxl_trace_filter *f = c->f;

	(void)cpu;
	if (f && f->system && strcmp(event->system, f->system))
		return 0;
	if (f && f->event && strcmp(event->name, f->event))
		return 0;
	if (f && f->pid && tep_data_pid(event->tep, rec) != f->pid)
		return 0;
	c->rc = c->fn(event, rec, c->arg);
	return c->rc;
}

int cxl_trace_read(struct cxl_trace *t, const struct cxl_trace_filter *f,
		   cxl_trace_fn fn, void *arg)
{
	struct read_ctx c = { f, fn, arg, 0 };

	if (!t->tep) {
		/* Only the formats of the system asked for are parsed. */
		const char *systems[] = { t->system, NULL };

		errno = 0;
		t->tep = tracefs_local_events_system(NULL, t->system ? systems :
								       NULL);
		if (!t->tep)
			return errno ? -errno : -ENOMEM;
	}
	errno = 0;
	if (tracefs_iterate_raw_events(t->tep, t->inst, NULL, 0, read_one, &c) <
		    0 &&
	    !c.rc)
		return errno ? -errno : -EIO;
	return c.rc;
}

void cxl_trace_close(struct cxl_trace *t)
{
	if (!t)
		return;
	if (t->pipe_fd >= 0)
		close(t->pipe_fd);
	if (t->system) {
		tracefs_event_disable(t->inst, t->system, t->event);
		tracefs_trace_off(t->inst);
	}
	/* An instance that was there before (a dead pid's) stays. */
	if (tracefs_instance_is_new(t->inst))
		tracefs_instance_destroy(t->inst);
	tracefs_instance_free(t->inst);
	if (t->tep)
		tep_free(t->tep);
	free(t->system);
	free(t->event);
	free(t);
}

/*
 * A field's bytes in the record, or NULL when the event lacks it or the
 * record ends before it (a short or damaged record).
 */
static void *field_raw(struct tep_event *event, struct tep_record *rec,
		       const char *name, int *len)
{
	char *data = tep_get_field_raw(NULL, event, name, rec, len, 0);

	if (!data || *len < 0 || data < (char *)rec->data ||
	    data + *len > (char *)rec->data + rec->size)
		return NULL;
	return data;
}

int cxl_trace_field_u64(struct tep_event *event, struct tep_record *rec,
			const char *name, uint64_t *val)
{
	struct tep_format_field *f = tep_find_field(event, name);
	unsigned long long v;

	if (!f || rec->size < 0 ||
	    (long)f->offset + f->size > (long)rec->size ||
	    tep_get_field_val(NULL, event, name, rec, &v, 0))
		return -ENOENT;
	*val = v;
	return 0;
}

int cxl_trace_field_u32(struct tep_event *event, struct tep_record *rec,
			const char *name, uint32_t *val)
{
	uint64_t v;
	int rc = cxl_trace_field_u64(event, rec, name, &v);

	if (!rc)
		*val = (uint32_t)v;
	return rc;
}

int cxl_trace_field_u8(struct tep_event *event, struct tep_record *rec,
		       const char *name, uint8_t *val)
{
	uint64_t v;
	int rc = cxl_trace_field_u64(event, rec, name, &v);

	if (!rc)
		*val = (uint8_t)v;
	return rc;
}

const char *cxl_trace_field_str(struct tep_event *event, struct tep_record *rec,
				const char *name)
{
	int len;
	char *s = field_raw(event, rec, name, &len);

	/* The kernel's __string() keeps the NUL within the length. */
	if (!s || !len || !memchr(s, '\0', len))
		return NULL;
	return s;
}

int cxl_trace_record_pid(struct tep_event *event, struct tep_record *rec)
{
	return tep_data_pid(event->tep, rec);
}

/*
 * A number of elem_size bytes, signed as the format says.  Upstream
 * prints 8-byte unsigned ones as unsigned, every other as a signed
 * 64-bit number; sizes other than 1, 2, 4 and 8 have no number.
 */
static struct json_object *number_json(const void *p, unsigned int elem_size,
				       bool is_signed)
{
	union {
		int8_t s8;
		uint8_t u8;
		int16_t s16;
		uint16_t u16;
		int32_t s32;
		uint32_t u32;
		int64_t s64;
		uint64_t u64;
	} v;
	int64_t n;

	if (elem_size != 1 && elem_size != 2 && elem_size != 4 &&
	    elem_size != 8)
		return NULL;
	memcpy(&v, p, elem_size);
	switch (elem_size) {
	case 1:
		n = is_signed ? (int64_t)v.s8 : (int64_t)v.u8;
		break;
	case 2:
		n = is_signed ? (int64_t)v.s16 : (int64_t)v.u16;
		break;
	case 4:
		n = is_signed ? (int64_t)v.s32 : (int64_t)v.u32;
		break;
	default:
		if (!is_signed)
			return json_u64(v.u64);
		n = v.s64;
	}
	return json_object_new_int64(n);
}

/*
 * One field's value as upstream's monitor gives it: a __string as a
 * string; an array (fixed or __dynamic_array) as its elements, as many
 * as the format's size holds; a uuid_t as its text; else the number.
 * NULL leaves the field out.
 */
static struct json_object *field_json(struct tep_event *event,
				      struct tep_record *rec,
				      struct tep_format_field *f)
{
	bool is_signed = f->flags & TEP_FIELD_IS_SIGNED;
	struct json_object *arr;
	unsigned char *data;
	unsigned int i, n;
	int len;

	data = field_raw(event, rec, f->name, &len);
	if (!data)
		return NULL;
	if ((f->flags & TEP_FIELD_IS_STRING) &&
	    (f->flags & TEP_FIELD_IS_DYNAMIC)) {
		if (!memchr(data, '\0', len))
			return NULL;
		return json_object_new_string((char *)data);
	}
	if (f->flags & TEP_FIELD_IS_ARRAY) {
		if (!f->elementsize)
			return NULL;
		/*
		 * The format's size, as upstream counts: for a dynamic
		 * array that is its 4-byte location word, not its length.
		 */
		n = f->size / f->elementsize;
		if ((unsigned long)n * f->elementsize >
		    (unsigned long)((char *)rec->data + rec->size -
				    (char *)data))
			return NULL;
		arr = json_object_new_array();
		for (i = 0; i < n; i++) {
			struct json_object *e;

			e = number_json(data + (size_t)i * f->elementsize,
					f->elementsize, is_signed);
			if (!e) {
				json_object_put(arr);
				return NULL;
			}
			json_object_array_add(arr, e);
		}
		return arr;
	}
	if (strcasestr(f->type, "uuid_t")) {
		char text[UUID_STR_LEN];

		if (len < 16)
			return NULL;
		uuid_unparse(data, text);
		return json_object_new_string(text);
	}
	return number_json(data, f->elementsize, is_signed);
}

struct json_object *cxl_trace_event_json(struct tep_event *event,
					 struct tep_record *rec)
{
	struct tep_format_field **fields = tep_event_fields(event);
	struct json_object *j = json_object_new_object();

	if (!j || !fields) {
		json_object_put(j);
		free(fields);
		return NULL;
	}
	json_add_str(j, "system", event->system);
	json_add_str(j, "event", event->name);
	json_add_u64(j, "timestamp", rec->ts);
	for (int i = 0; fields[i]; i++) {
		struct json_object *v = field_json(event, rec, fields[i]);

		if (v)
			json_object_object_add(j, fields[i]->name, v);
	}
	free(fields);
	return j;
}
