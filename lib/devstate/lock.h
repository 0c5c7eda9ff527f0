/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One lock for every change.  A command that writes anything under a
 * root (both tools, any device) holds an exclusive flock on one file
 * from before it reads the current state until it has verified the
 * result, so two changes never interleave: two create-namespace runs
 * cannot pick the same idle namespace, two reconfigure runs cannot undo
 * each other, and the boot service's instances check the DRAM budget
 * one after the other.  Read-only commands (list, plan, --dry-run) take
 * no lock.
 *
 * The lock of the live system ("/") is /run/lock/memmap-tools.lock; a
 * --sysroot tree gets its own (/run/lock/memmap-tools@<tree>.lock), so
 * tests on copied trees never touch the tree or the host's lock.  The
 * holder writes its pid and command into the file, so a command that
 * gives up waiting names who has it.
 */
#ifndef DEVSTATE_LOCK_H
#define DEVSTATE_LOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* How long a change waits for the lock by default, in seconds. */
#define CHANGE_LOCK_WAIT 120

/*
 * Where the lock and the intent journal of root_path (the sysroot's real
 * path, "/" on the live system) live.  Returns 0 or -ENAMETOOLONG.
 */
int change_lock_path(const char *root_path, char *buf, size_t len);
int change_journal_path(const char *root_path, char *buf, size_t len);

/* Make dir (in /run) with mode, and /run when missing.  0 or -errno. */
int change_make_dir(const char *dir, mode_t mode);

/*
 * Take the lock, waiting up to MEMMAP_LOCK_WAIT seconds (environment;
 * default CHANGE_LOCK_WAIT).  Returns the open lock file (keep it until
 * the change is verified, then change_unlock()) or a negative errno
 * after printing one line: who holds it, or why it cannot be taken.
 * With wait false, a lock someone holds is -EWOULDBLOCK, silently.
 */
int change_lock(const char *root_path, bool wait);
void change_unlock(int fd);

#endif
