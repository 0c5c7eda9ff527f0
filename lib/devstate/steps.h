/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A change to a device as a list of steps, each able to put back what it
 * did.  A command works out the current state and the target, lists the
 * steps between them, and either prints them (--dry-run) or runs them:
 * on the first failure the steps already applied are undone, newest
 * first, so a failed command leaves the device as it found it, or says
 * exactly which step could not be put back.
 */
#ifndef DEVSTATE_STEPS_H
#define DEVSTATE_STEPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct json_object;
struct step;

struct step_ops {
	/*
	 * Apply the step.  It either succeeds or leaves nothing changed
	 * (a step that changes several things, such as memory blocks,
	 * puts back its own part-way changes before it returns).  Returns
	 * 0 or a negative errno, after printing what failed.
	 */
	int (*apply)(struct step *s, void *ctx);
	/* Put back what apply did; NULL when there is nothing to undo. */
	int (*undo)(struct step *s, void *ctx);
	/* "unbind dax0.0", "write compound=0": for --dry-run and errors. */
	void (*describe)(const struct step *s, const void *ctx, char *buf,
			 size_t len);
	/* Free what apply kept for undo; may be NULL. */
	void (*release)(struct step *s);
};

struct step {
	const struct step_ops *ops;
	uint64_t value; /* what the step writes */
	uint64_t aux; /* which attribute, or a second value */
	uint64_t old; /* what was there before, kept by apply */
	void *saved; /* anything else apply keeps for undo */
	bool applied;
};

#define STEPS_MAX 16

struct step_list {
	struct step steps[STEPS_MAX];
	unsigned int count;
};

/* Append a step; a list is never longer than STEPS_MAX (a bug if so). */
void steps_add(struct step_list *l, const struct step_ops *ops, uint64_t value);

/* The outcome of steps_run(), for the caller's message. */
struct steps_result {
	int rc; /* 0, or the failed step's errno (-EINTR: a signal) */
	int signal; /* SIGINT, SIGTERM or SIGHUP that stopped the run */
	int undo_rc; /* 0, or the first failed undo's errno */
	const struct step *failed; /* the step that failed */
	const struct step *stuck; /* the undo that failed */
};

struct journal;

/*
 * Run the steps in order.  On a failure, undo every applied step newest
 * first, carrying on past an undo that fails (each later undo may still
 * help) and reporting the first such.  Returns res->rc.
 *
 * SIGINT, SIGTERM and SIGHUP are held off from the first step to the
 * end of the command: one that arrives lets the current step finish,
 * then the run stops and undoes what it did, as after a failure.  With
 * a journal (already written by the caller), the record's "done" field
 * follows each step, so a killed run can be put back by the next
 * command.
 */
int steps_run(struct step_list *l, void *ctx, struct journal *j,
	      struct steps_result *res);

/* The name of the signal that stopped a run ("SIGTERM"). */
const char *steps_signal_name(int sig);

/* The steps as a JSON array of their descriptions. */
struct json_object *steps_to_json(const struct step_list *l, const void *ctx);

void steps_describe(const struct step *s, const void *ctx, char *buf,
		    size_t len);

/* Release what every step kept; the list can then be reused. */
void steps_release(struct step_list *l);

#endif
