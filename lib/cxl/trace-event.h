/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's CXL trace events through tracefs (libtracefs) and their
 * records decoded with libtraceevent, for cxl monitor and cxl list -L.
 *
 * Each user gets a tracefs instance of its own: its ring buffers are
 * separate from the top-level one and from any other tool's, so reading
 * (which consumes) takes nothing from anyone else, and closing it puts
 * tracefs back as it was.
 */
#ifndef CXL_TRACE_EVENT_H
#define CXL_TRACE_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <json-c/json.h>

struct tep_event;
struct tep_record;
struct cxl_trace;

/*
 * A new instance NAME (with the pid appended: two tools never share
 * one).  0, or -errno when tracefs cannot be found or mounted.
 */
int cxl_trace_open(const char *name, struct cxl_trace **out);
/*
 * Enable SYSTEM's EVENT (NULL: all of SYSTEM's events) in the instance
 * and turn its tracing on.  -ENOENT when the kernel has no such event.
 */
int cxl_trace_enable(struct cxl_trace *t, const char *system,
		     const char *event);
/* Stop recording; what is in the buffers stays to be read. */
int cxl_trace_stop(struct cxl_trace *t);
/* The instance's trace_pipe, opened for poll()/epoll: readable on data. */
int cxl_trace_pipe_fd(struct cxl_trace *t);

/* Which records cxl_trace_read() hands over (NULL/0: any). */
struct cxl_trace_filter {
	const char *system;
	const char *event;
	int pid;
};

/*
 * Called for each record; a non-zero return stops the read and is
 * returned by it.
 */
typedef int (*cxl_trace_fn)(struct tep_event *event, struct tep_record *rec,
			    void *arg);

/*
 * Consume every record now in the instance's per-CPU buffers, handing
 * the ones the filter passes to fn.  0, fn's non-zero return, or -errno.
 */
int cxl_trace_read(struct cxl_trace *t, const struct cxl_trace_filter *f,
		   cxl_trace_fn fn, void *arg);
/*
 * Turn off what cxl_trace_enable() turned on, remove the instance when
 * cxl_trace_open() made it, and free t.
 */
void cxl_trace_close(struct cxl_trace *t);

/*
 * One record as upstream v81's monitor prints it: "system", "event",
 * "timestamp" (nanoseconds), then each of the event's own fields by its
 * name in the format's order.  NULL when out of memory.
 */
struct json_object *cxl_trace_event_json(struct tep_event *event,
					 struct tep_record *rec);

/*
 * A field's value: 0, or -ENOENT when the event has no such field (or
 * the record is too short for it).
 */
int cxl_trace_field_u64(struct tep_event *event, struct tep_record *rec,
			const char *name, uint64_t *val);
/* A field's first bytes (u32, u8), read as upstream reads them. */
int cxl_trace_field_u32(struct tep_event *event, struct tep_record *rec,
			const char *name, uint32_t *val);
int cxl_trace_field_u8(struct tep_event *event, struct tep_record *rec,
		       const char *name, uint8_t *val);
/* A __string field, NUL-terminated in the record; NULL without it. */
const char *cxl_trace_field_str(struct tep_event *event, struct tep_record *rec,
				const char *name);
/* The pid that emitted the record. */
int cxl_trace_record_pid(struct tep_event *event, struct tep_record *rec);

#endif
