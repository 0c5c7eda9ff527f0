// SPDX-License-Identifier: GPL-2.0
#include <assert.h>
#include <errno.h>
#include <json-c/json.h>
#include <signal.h>
#include <time.h>

#include <util/log.h>
#include "journal.h"
#include "steps.h"

static void stop_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
}

const char *steps_signal_name(int sig)
{
	switch (sig) {
	case SIGINT:
		return "SIGINT";
	case SIGTERM:
		return "SIGTERM";
	case SIGHUP:
		return "SIGHUP";
	default:
		return "a signal";
	}
}

void steps_add(struct step_list *l, const struct step_ops *ops, uint64_t value)
{
	assert(l->count < STEPS_MAX);
	l->steps[l->count++] = (struct step){ .ops = ops, .value = value };
}

int steps_run(struct step_list *l, void *ctx, struct journal *j,
	      struct steps_result *res)
{
	const struct timespec now = { 0 };
	unsigned int i, n;
	sigset_t stop;
	char buf[128];
	int rc, sig;

	*res = (struct steps_result){ 0 };
	/* Held until the command exits: a change is not torn half-way. */
	stop_signals(&stop);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	for (n = 0; n < l->count; n++) {
		sig = sigtimedwait(&stop, NULL, &now);
		if (sig > 0) {
			res->rc = -EINTR;
			res->signal = sig;
			res->failed = &l->steps[n];
			break;
		}
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
		if (!j)
			continue;
		journal_set(j, "done", "%u", n + 1);
		rc = journal_write(j);
		if (rc) {
			/* Unrecorded, so not made: undo this one as well. */
			res->rc = rc;
			res->failed = &l->steps[n++];
			break;
		}
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
	/* The device is as it was: nothing left to finish. */
	if (j && !res->undo_rc)
		journal_remove(j);
	/*
	 * Pending again (it is held off): a command with more devices
	 * stops before the next one's first step.
	 */
	if (res->signal)
		raise(res->signal);
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
