/* SPDX-License-Identifier: GPL-2.0 */
#ifndef UTIL_LOG_H
#define UTIL_LOG_H

/* Exit statuses shared by every command. */
#define EXIT_OK 0
#define EXIT_FAIL 1
#define EXIT_USAGE 2

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

#endif
