// SPDX-License-Identifier: GPL-2.0
#include <assert.h>
#include <json-c/json.h>

#include <util/log.h>
#include "steps.h"

void steps_add(struct step_list *l, const struct step_ops *ops, uint64_t value)
{
	assert(l->count < STEPS_MAX);
	l->steps[l->count++] = (struct step){ .ops = ops, .value = value };
}

int steps_run(struct step_list *l, void *ctx, struct steps_result *res)
{
	unsigned int i, n;
	char buf[128];
	int rc;

	*res = (struct steps_result){ 0 };
	for (n = 0; n < l->count; n++) {
		if (log_verbose()) {
			steps_describe(&l->steps[n], ctx, buf, sizeof(buf));
			pr_debug("step %u of %u: %s", n + 1, l->count, buf);
		}
		rc = l->steps[n].ops->apply(&l->steps[n], ctx);
		if (rc) {
			res->rc = rc;
			res->failed = &l->steps[n];
			break;
		}
		l->steps[n].applied = true;
	}
	if (!res->rc)
		return 0;
	for (i = n; i-- > 0;) {
		struct step *s = &l->steps[i];

		if (!s->ops->undo)
			continue;
		if (log_verbose()) {
			steps_describe(s, ctx, buf, sizeof(buf));
			pr_debug("undo: %s", buf);
		}
		rc = s->ops->undo(s, ctx);
		if (rc && !res->undo_rc) {
			res->undo_rc = rc;
			res->stuck = s;
		}
		s->applied = false;
	}
	return res->rc;
}

void steps_describe(const struct step *s, const void *ctx, char *buf,
		    size_t len)
{
	s->ops->describe(s, ctx, buf, len);
}

struct json_object *steps_to_json(const struct step_list *l, const void *ctx)
{
	struct json_object *arr = json_object_new_array();
	unsigned int i;
	char buf[128];

	for (i = 0; i < l->count; i++) {
		steps_describe(&l->steps[i], ctx, buf, sizeof(buf));
		json_object_array_add(arr, json_object_new_string(buf));
	}
	return arr;
}

void steps_release(struct step_list *l)
{
	unsigned int i;

	for (i = 0; i < l->count; i++)
		if (l->steps[i].ops->release)
			l->steps[i].ops->release(&l->steps[i]);
	l->count = 0;
}
