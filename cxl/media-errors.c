// SPDX-License-Identifier: GPL-2.0
/*
 * Media errors for cxl list -L, as upstream v81 reads them: cxl_poison
 * events enabled in a tracefs instance of our own, the poison list
 * triggered (the kernel emits one event per record from our task, before
 * the write returns), recording stopped, then our pid's records read
 * back.  The instance goes away afterwards.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <cxl/poison.h>
#include <cxl/trace-event.h>
#include <util/log.h>

#include "media-errors.h"

struct collect {
	struct json_object *arr;
	struct cxl_region *region; /* NULL: by memdev */
	bool human;
};

static int collect_one(struct tep_event *event, struct tep_record *rec,
		       void *arg)
{
	struct collect *c = arg;
	struct cxl_poison_record p;
	struct json_object *j;

	cxl_poison_decode(event, rec, &p);
	/* A region's memdev may hold poison of other regions too. */
	if (c->region && strcmp(p.region, cxl_region_get_devname(c->region)))
		return 0;
	j = cxl_poison_json(&p, c->region != NULL,
			    c->region ? cxl_region_get_resource(c->region) : 0,
			    c->human);
	if (!j)
		return -ENOMEM;
	json_object_array_add(c->arr, j);
	return 0;
}

struct json_object *cxl_media_errors_json(struct cxl_memdev *memdev,
					  struct cxl_region *region, bool human)
{
	const struct cxl_trace_filter filter = { "cxl", "cxl_poison",
						 (int)getpid() };
	const char *name = region ? cxl_region_get_devname(region) :
				    cxl_memdev_get_devname(memdev);
	struct collect c = { NULL, region, human };
	struct cxl_memdev *failed = memdev;
	struct cxl_trace *t;
	int rc;

	rc = cxl_trace_open("cxl list", &t);
	if (rc) {
		pr_err("%s: media errors not listed: no tracefs: %s", name,
		       strerror(-rc));
		return NULL;
	}
	rc = cxl_trace_enable(t, "cxl", "cxl_poison");
	if (rc) {
		pr_err("%s: media errors not listed: %s", name,
		       rc == -ENOENT ? "the kernel has no cxl_poison event" :
				       strerror(-rc));
		goto out;
	}
	rc = region ? cxl_region_trigger_poison_list(region, &failed) :
		      cxl_memdev_trigger_poison_list(memdev);
	if (rc) {
		pr_err("%s: media errors not listed: %s/trigger_poison_list: "
		       "%s",
		       name, cxl_memdev_get_devname(failed),
		       rc == -EOPNOTSUPP ? "not offered by the kernel" :
					   strerror(-rc));
		goto out;
	}
	rc = cxl_trace_stop(t);
	if (rc) {
		pr_err("%s: media errors not listed: cannot stop tracing: %s",
		       name, strerror(-rc));
		goto out;
	}
	c.arr = json_object_new_array();
	rc = c.arr ? cxl_trace_read(t, &filter, collect_one, &c) : -ENOMEM;
	if (rc)
		pr_err("%s: media errors not listed: cannot read the trace: %s",
		       name, strerror(-rc));
out:
	cxl_trace_close(t);
	if (rc || !c.arr || !json_object_array_length(c.arr)) {
		json_object_put(c.arr);
		return NULL;
	}
	return c.arr;
}
