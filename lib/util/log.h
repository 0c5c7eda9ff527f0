/* SPDX-License-Identifier: GPL-2.0 */
#ifndef UTIL_LOG_H
#define UTIL_LOG_H

#include <stddef.h>

/* "daxctl reconfigure-device": prefixes every message. */
void log_set_prog(const char *tool, const char *cmd);
const char *log_prog(void);

/* One line on stderr: "daxctl list: <message>". */
void pr_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Informational line on stderr (plans, progress), never on stdout. */
void pr_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Quiet pr_info() for --quiet. */
void log_set_quiet(int quiet);
/* -v: pr_debug() prints from level 1 up. */
void log_set_verbose(int level);
int log_verbose(void);
/* A line on stderr only with -v ("daxctl X: <message>"). */
void pr_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * in, safe to print on a terminal: newline, CR and tab as \n, \r, \t,
 * other control characters (C0, DEL, C1) and bytes that are not UTF-8
 * as \xNN; other text as it is.  Writes at most size bytes with the NUL
 * and returns the escaped length (without it), so log_escape(NULL, 0, s)
 * measures.  pr_err(), pr_info() and pr_debug() escape every message
 * with it; anything else that echoes a user's string to stderr must too.
 */
size_t log_escape(char *out, size_t size, const char *in);

#endif
