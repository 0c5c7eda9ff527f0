// SPDX-License-Identifier: GPL-2.0
/*
 * cxl monitor: every trace event of the kernel's "cxl" system (AER
 * errors, event records, poison, ...) logged as one JSON record, as
 * upstream v81's monitor prints them, until SIGINT, SIGTERM or SIGHUP.
 *
 * The events are enabled in a tracefs instance of the monitor's own, so
 * the top-level buffer and other tracers are left as they are, and the
 * instance is removed when the monitor stops.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <cxl/trace-event.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>

#include "builtin.h"

/* Where upstream's daemon logs unless told otherwise. */
#define CXL_MONITOR_DEFAULT_LOG "/var/log/cxl-monitor.log"

struct monitor_log {
	FILE *file; /* NULL: standard output and error */
	bool detached; /* a daemon's errors are in the file only */
	bool human;
	int verbose;
};

/*
 * A message, not a record: in a file with upstream's "[time] [pid] "
 * prefix, else one line on stderr.  An error before detaching goes to
 * stderr as well: whoever started the monitor sees why it did not run.
 */
static void mon_msg(const struct monitor_log *log, int prio, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));
static void mon_msg(const struct monitor_log *log, int prio, const char *fmt,
		    ...)
{
	struct timespec ts;
	char text[512];
	va_list ap;

	if (prio == LOG_DEBUG && !log->verbose)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (log->file) {
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(log->file, "[%10ld.%09ld] [%d] %s\n", (long)ts.tv_sec,
			ts.tv_nsec, (int)getpid(), text);
		fflush(log->file);
	}
	if (log->file && (log->detached || prio > LOG_ERR))
		return;
	if (prio <= LOG_ERR) {
		pr_err("%s", text);
	} else {
		pr_info("%s", text);
	}
}

/* A record: one line of JSON (indented with -u), nothing before it. */
static int log_event(struct tep_event *event, struct tep_record *rec, void *arg)
{
	const struct monitor_log *log = arg;
	int flags =
		log->human ? JSON_C_TO_STRING_PRETTY : JSON_C_TO_STRING_PLAIN;
	struct json_object *j = cxl_trace_event_json(event, rec);

	if (!j)
		return -ENOMEM;
	fprintf(log->file ? log->file : stdout, "%s\n",
		json_object_to_json_string_ext(j, flags));
	fflush(log->file ? log->file : stdout);
	json_object_put(j);
	return 0;
}

/*
 * Wait on the instance's trace_pipe (readable once a buffer holds a
 * record) and on the stop signals, blocked and read through a signalfd
 * so that one arriving between two waits is not lost.
 */
static int watch(struct cxl_trace *t, struct monitor_log *log,
		 const sigset_t *stop)
{
	const struct cxl_trace_filter filter = { .system = "cxl" };
	struct epoll_event ev = { .events = EPOLLIN };
	int pipe_fd, sig_fd, ep, rc = 0;

	pipe_fd = cxl_trace_pipe_fd(t);
	if (pipe_fd < 0) {
		mon_msg(log, LOG_ERR, "cannot open the trace_pipe: %s",
			strerror(-pipe_fd));
		return pipe_fd;
	}
	sig_fd = signalfd(-1, stop, SFD_CLOEXEC);
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (sig_fd < 0 || ep < 0) {
		rc = -errno;
		mon_msg(log, LOG_ERR, "cannot wait for events: %s",
			strerror(errno));
		goto out;
	}
	ev.data.fd = pipe_fd;
	if (epoll_ctl(ep, EPOLL_CTL_ADD, pipe_fd, &ev) == 0) {
		ev.data.fd = sig_fd;
		rc = epoll_ctl(ep, EPOLL_CTL_ADD, sig_fd, &ev);
	} else {
		rc = -1;
	}
	if (rc) {
		rc = -errno;
		mon_msg(log, LOG_ERR, "cannot wait for events: %s",
			strerror(errno));
		goto out;
	}
	for (;;) {
		struct epoll_event got;
		int n = epoll_wait(ep, &got, 1, -1);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = -errno;
			mon_msg(log, LOG_ERR, "waiting for events: %s",
				strerror(errno));
			break;
		}
		if (got.data.fd == sig_fd) {
			struct signalfd_siginfo si;

			if (read(sig_fd, &si, sizeof(si)) == sizeof(si))
				mon_msg(log, LOG_DEBUG, "%s: stopping",
					strsignal((int)si.ssi_signo));
			break;
		}
		rc = cxl_trace_read(t, &filter, log_event, log);
		if (rc) {
			mon_msg(log, LOG_ERR, "cannot read the trace: %s",
				strerror(-rc));
			break;
		}
	}
out:
	if (ep >= 0)
		close(ep);
	if (sig_fd >= 0)
		close(sig_fd);
	return rc;
}

int cmd_monitor(int argc, char **argv)
{
	const char *log_path = NULL;
	bool daemonize = false;
	struct monitor_log log = { 0 };
	const struct opt options[] = {
		OPT_STR('l', "log", &log_path, "FILE|standard",
			"where records go (standard: standard output)"),
		OPT_BOOL(0, "daemon", &daemonize,
			 "run in the background (log: " CXL_MONITOR_DEFAULT_LOG
			 ")"),
		OPT_BOOL('u', "human", &log.human, "records as indented JSON"),
		OPT_VERBOSE(&log.verbose),
		OPT_TERM,
	};
	struct cxl_trace *t = NULL;
	sigset_t stop;
	int i, rc;

	i = parse_options(argc, argv, options, "cxl monitor [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s': the monitor takes options "
		       "only",
		       argv[i]);
		return EXIT_USAGE;
	}
	if (!log_path)
		log_path = daemonize ? CXL_MONITOR_DEFAULT_LOG : "standard";
	/* A daemon runs in "/" with no terminal: as upstream, refused. */
	if (daemonize && log_path[0] != '/') {
		pr_err("--log=%s: a daemon logs to a file named by its "
		       "absolute path",
		       log_path);
		return EXIT_USAGE;
	}
	/*
	 * Tracing is set up first, before the log file is made and before
	 * detaching: a kernel without CXL trace events fails here, on
	 * stderr and with a status, having created nothing.
	 */
	rc = cxl_trace_open("cxl_monitor", &t);
	if (rc) {
		mon_msg(&log, LOG_ERR, "no tracefs: %s", strerror(-rc));
		goto out;
	}
	rc = cxl_trace_enable(t, "cxl", NULL);
	if (rc) {
		mon_msg(&log, LOG_ERR, "cannot enable the cxl trace events: %s",
			rc == -ENOENT ? "the kernel has none (no events/cxl "
					"in tracefs)" :
					strerror(-rc));
		goto out;
	}
	if (strcmp(log_path, "standard")) {
		log.file = fopen(log_path, "ae");
		if (!log.file) {
			rc = -errno;
			pr_err("cannot open log '%s': %s", log_path,
			       strerror(errno));
			goto out;
		}
	}
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	if (daemonize) {
		if (daemon(0, 0)) {
			rc = -errno;
			mon_msg(&log, LOG_ERR, "cannot start the daemon: %s",
				strerror(errno));
			goto out;
		}
		log.detached = true;
		mon_msg(&log, LOG_INFO, "cxl monitor daemon started");
	}
	mon_msg(&log, LOG_DEBUG, "watching the cxl trace events");
	rc = watch(t, &log, &stop);
out:
	cxl_trace_close(t);
	if (log.file)
		fclose(log.file);
	return rc ? EXIT_FAIL : EXIT_OK;
}
