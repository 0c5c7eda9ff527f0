// SPDX-License-Identifier: GPL-2.0
/*
 * The step runner (lib/devstate/steps.c) with steps that only record
 * what was called: the order of applies and undos, a failure part-way,
 * an undo that fails, and a signal that arrives during a step.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <devstate/steps.h>
#include "tap.h"

/* What the steps did, in order: "a1 a2 u1" (apply 1, apply 2, undo 1). */
struct trace {
	char log[256];
	uint64_t fail_apply; /* value of the step whose apply fails */
	uint64_t fail_undo; /* value of the step whose undo fails */
	uint64_t raise_at; /* value of the step that raises SIGTERM */
};

static void note(struct trace *t, char what, uint64_t value)
{
	size_t n = strlen(t->log);

	snprintf(t->log + n, sizeof(t->log) - n, "%s%c%llu", n ? " " : "", what,
		 (unsigned long long)value);
}

static int rec_apply(struct step *s, void *ctx)
{
	struct trace *t = ctx;

	note(t, 'a', s->value);
	if (s->value == t->raise_at)
		raise(SIGTERM);
	return s->value == t->fail_apply ? -EIO : 0;
}

static int rec_undo(struct step *s, void *ctx)
{
	struct trace *t = ctx;

	note(t, 'u', s->value);
	return s->value == t->fail_undo ? -EBUSY : 0;
}

static void rec_describe(const struct step *s, const void *ctx, char *buf,
			 size_t len)
{
	(void)ctx;
	snprintf(buf, len, "step %llu", (unsigned long long)s->value);
}

static const struct step_ops rec_ops = {
	.apply = rec_apply,
	.undo = rec_undo,
	.describe = rec_describe,
};

/* Four steps, values 1 to 4; res points into the list, which outlives it. */
static void run(struct trace *t, struct steps_result *res)
{
	static struct step_list l;
	uint64_t v;

	l.count = 0;
	for (v = 1; v <= 4; v++)
		steps_add(&l, &rec_ops, v);
	steps_run(&l, t, NULL, res);
}

int main(void)
{
	struct steps_result res;
	struct trace t;

	memset(&t, 0, sizeof(t));
	run(&t, &res);
	tap_ok(!res.rc && !strcmp(t.log, "a1 a2 a3 a4"),
	       "every step applied in order, nothing undone (%s)", t.log);

	memset(&t, 0, sizeof(t));
	t.fail_apply = 3;
	run(&t, &res);
	tap_ok(res.rc == -EIO && !strcmp(t.log, "a1 a2 a3 u2 u1"),
	       "step 3 fails: 2 and 1 undone, newest first (%s)", t.log);
	tap_ok(res.failed && res.failed->value == 3 && !res.undo_rc,
	       "the result names the failed step, and no undo failed");

	memset(&t, 0, sizeof(t));
	t.fail_apply = 4;
	t.fail_undo = 2;
	run(&t, &res);
	tap_ok(!strcmp(t.log, "a1 a2 a3 a4 u3 u2 u1"),
	       "an undo that fails does not stop the others (%s)", t.log);
	tap_ok(res.undo_rc == -EBUSY && res.stuck && res.stuck->value == 2,
	       "the result names the undo that failed");

	memset(&t, 0, sizeof(t));
	t.raise_at = 2;
	run(&t, &res);
	tap_ok(res.rc == -EINTR && res.signal == SIGTERM &&
		       !strcmp(t.log, "a1 a2 u2 u1"),
	       "SIGTERM during step 2: it finishes, then 2 and 1 are undone "
	       "(%s)",
	       t.log);
	return tap_done();
}
