/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The intent journal: before its first write a change records what it
 * is about to do and the state it starts from, in one small file under
 * /run (see lock.h for where), rewritten atomically (a new file, fsync,
 * rename, fsync of the directory) as the change goes.  A change that
 * finishes, or undoes itself completely, removes it.  A journal found
 * later means a change was killed part-way (SIGKILL, a crash, power
 * loss): the next command, under the lock, puts the device back to the
 * recorded state before it does anything else (context.h's
 * journal_kind says how, for each kind of change).
 *
 * A record is "key=value" lines; values are one line each, and a
 * record holds at most JOURNAL_FIELDS of them.  Larger data (a
 * namespace's first 8 KiB) goes beside it as a blob.
 */
#ifndef DEVSTATE_JOURNAL_H
#define DEVSTATE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define JOURNAL_FIELDS 40

struct journal_field {
	char key[24];
	char val[232];
};

struct journal {
	char path[512];
	struct journal_field f[JOURNAL_FIELDS];
	unsigned int count;
	bool written; /* on disk: journal_remove() has a file to remove */
};

/* An empty record of kind ("dax-reconfigure") for the root's journal. */
int journal_init(struct journal *j, const char *root_path, const char *kind);
/* Set (or replace) a field; a value is cut at its first newline. */
void journal_set(struct journal *j, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* NULL when the record has no such field. */
const char *journal_get(const struct journal *j, const char *key);
/* 0, or -ENOENT (no field) / -EINVAL (not a number). */
int journal_get_u64(const struct journal *j, const char *key, uint64_t *val);
/* The field as a flag (an absent field reads false). */
bool journal_get_bool(const struct journal *j, const char *key);

/* Write the record durably.  0 or a negative errno (printed). */
int journal_write(struct journal *j);
/* A blob beside the record ("infoblock"), durably, before it is needed. */
int journal_write_blob(struct journal *j, const char *name, const void *buf,
		       size_t len);
/* Read a blob back: its length, or a negative errno. */
ssize_t journal_read_blob(const struct journal *j, const char *name, void *buf,
			  size_t len);
/* Remove the record and its blobs (the change is complete or undone). */
void journal_remove(struct journal *j);

/* Load the root's journal: 0, -ENOENT when there is none, or -errno. */
int journal_load(struct journal *j, const char *root_path);
/* Whether the root has a journal, with one access() and no reading. */
bool journal_present(const char *root_path);

#endif
