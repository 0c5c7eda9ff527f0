// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl monitor: watch DIMMs' SMART health and log upstream's JSON event
 * record for each event asked for (alarm trips, a health state change,
 * an unsafe shutdown).  The kernel notifies a DIMM's nfit/flags
 * attribute on a health event: the monitor sleeps in poll() on those and
 * on a signalfd, so it neither spins nor sleeps in a loop, and exits
 * cleanly on SIGTERM, SIGINT or SIGHUP.
 *
 * Everything the user gave (options, config file, event names, the log)
 * is checked before anything is touched; the only change the monitor
 * makes is to enable the DIMMs' SMART alarms for the events it watches,
 * as upstream does, and it says so.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <ndcmd/health.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"
#include "monitor.h"

#ifndef NDCTL_CONF_DIR
#define NDCTL_CONF_DIR "/etc/ndctl.conf.d"
#endif

/* Event types, in the order upstream lists them in a record. */
enum {
	EV_SPARES = 1 << 0,
	EV_MTEMP = 1 << 1,
	EV_CTEMP = 1 << 2,
	EV_HEALTH = 1 << 3,
	EV_SHUTDOWN = 1 << 4,
	EV_ALL = (1 << 5) - 1,
};

static const char *const event_names[] = {
	"dimm-spares-remaining",       "dimm-media-temperature",
	"dimm-controller-temperature", "dimm-health-state",
	"dimm-unclean-shutdown",
};

enum log_dest { DEST_STANDARD, DEST_SYSLOG, DEST_FILE };

static struct {
	enum log_dest dest;
	FILE *file;
	int verbose;
	bool human;
} mlog;

/*
 * A message (not an event): a file gets upstream's "[time] [pid] "
 * prefix, standard output's messages go to stderr.
 */
static void mon_msg(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void mon_msg(int prio, const char *fmt, ...)
{
	struct timespec ts;
	char text[1024];
	va_list ap;

	if (prio == LOG_DEBUG && !mlog.verbose)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	switch (mlog.dest) {
	case DEST_SYSLOG:
		syslog(prio, "%s", text);
		break;
	case DEST_FILE:
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(mlog.file, "[%10ld.%09ld] [%d] %s\n", (long)ts.tv_sec,
			ts.tv_nsec, (int)getpid(), text);
		fflush(mlog.file);
		break;
	default:
		if (prio <= LOG_ERR)
			pr_err("%s", text);
		else
			pr_info("%s", text);
	}
}

/* An event record: one JSON line (pretty with -u), nothing before it. */
static void mon_event(struct json_object *jmsg)
{
	int flags =
		mlog.human ? JSON_C_TO_STRING_PRETTY : JSON_C_TO_STRING_PLAIN;
	const char *text = json_object_to_json_string_ext(jmsg, flags);

	switch (mlog.dest) {
	case DEST_SYSLOG:
		syslog(LOG_NOTICE, "%s", text);
		break;
	case DEST_FILE:
		fprintf(mlog.file, "%s\n", text);
		fflush(mlog.file);
		break;
	default:
		printf("%s\n", text);
		fflush(stdout);
	}
}

struct mon_dimm {
	struct ndctl_dimm *dimm;
	int fd;
	unsigned int state; /* the health state when monitoring began */
};

struct monitor {
	unsigned int events; /* EV_* watched */
	struct mon_dimm *dimms;
	int count;
};

static int parse_events(const char *list, unsigned int *events,
			const char *where)
{
	char *copy = strdup(list), *tok, *save;
	size_t i;

	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, " \t,", &save); tok;
	     tok = strtok_r(NULL, " \t,", &save)) {
		if (!strcmp(tok, "all")) {
			*events |= EV_ALL;
			continue;
		}
		for (i = 0; i < sizeof(event_names) / sizeof(event_names[0]);
		     i++)
			if (!strcmp(tok, event_names[i]))
				break;
		if (i == sizeof(event_names) / sizeof(event_names[0])) {
			pr_err("%s: no DIMM event named '%s' (all, %s, %s, %s, "
			       "%s or %s)",
			       where, tok, event_names[0], event_names[1],
			       event_names[2], event_names[3], event_names[4]);
			free(copy);
			return -EINVAL;
		}
		*events |= 1u << i;
	}
	free(copy);
	return 0;
}

/* Whether any name of a space-separated list matches; NULL: all do. */
static bool listed(const char *list, void *obj,
		   bool (*match)(void *obj, const char *name))
{
	char *copy, *tok, *save;
	bool found = false;

	if (!list)
		return true;
	copy = strdup(list);
	if (!copy)
		return false;
	for (tok = strtok_r(copy, " \t", &save); tok && !found;
	     tok = strtok_r(NULL, " \t", &save))
		found = match(obj, tok);
	free(copy);
	return found;
}

static bool match_bus(void *obj, const char *name)
{
	return nd_bus_matches(obj, name);
}

static bool match_dimm(void *obj, const char *name)
{
	return nd_dimm_matches(obj, name);
}

static bool match_region(void *obj, const char *name)
{
	return nd_region_matches(obj, name);
}

static bool match_ns(void *obj, const char *name)
{
	return nd_namespace_matches(obj, name);
}

struct filters {
	const char *bus, *dimm, *region, *ns;
};

static bool region_has_ns(struct ndctl_region *region, const char *list)
{
	struct ndctl_namespace *ns;

	if (!list)
		return true;
	ndctl_namespace_foreach (region, ns)
		if (listed(list, ns, match_ns))
			return true;
	return false;
}

static bool dimm_selected(struct ndctl_dimm *dimm, const struct filters *f)
{
	struct ndctl_region *region;

	if (!listed(f->dimm, dimm, match_dimm))
		return false;
	if (!f->region && !f->ns)
		return true;
	ndctl_region_foreach (ndctl_dimm_get_bus(dimm), region)
		if (ndctl_region_uses_dimm(region, dimm) &&
		    listed(f->region, region, match_region) &&
		    region_has_ns(region, f->ns))
			return true;
	return false;
}

/* Every name given must match something of its kind. */
static int check_names(struct ndctl_ctx *ctx, const char *list,
		       const char *kind, bool (*match)(void *, const char *))
{
	char *copy, *tok, *save;
	int rc = 0;

	if (!list)
		return 0;
	copy = strdup(list);
	for (tok = copy ? strtok_r(copy, " \t", &save) : NULL; tok && !rc;
	     tok = strtok_r(NULL, " \t", &save)) {
		struct ndctl_namespace *ns;
		struct ndctl_region *region;
		struct ndctl_dimm *dimm;
		struct ndctl_bus *bus;
		bool found = !strcmp(tok, "all");

		ndctl_bus_foreach (ctx, bus) {
			if (match == match_bus)
				found |= match(bus, tok);
			ndctl_dimm_foreach (bus, dimm)
				found |=
					match == match_dimm && match(dimm, tok);
			ndctl_region_foreach (bus, region) {
				found |= match == match_region &&
					 match(region, tok);
				ndctl_namespace_foreach (region, ns)
					found |= match == match_ns &&
						 match(ns, tok);
			}
		}
		if (!found) {
			pr_err("no %s matches '%s'", kind, tok);
			rc = -ENODEV;
		}
	}
	free(copy);
	return rc;
}

static unsigned int event_flags(const struct nd_health *h)
{
	return (h->alarm & ND_ALARM_SPARES ? EV_SPARES : 0) |
	       (h->alarm & ND_ALARM_MTEMP ? EV_MTEMP : 0) |
	       (h->alarm & ND_ALARM_CTEMP ? EV_CTEMP : 0) |
	       (h->shutdown_state ? EV_SHUTDOWN : 0);
}

static void notify(struct monitor *m, struct mon_dimm *md, unsigned int flags)
{
	struct nd_json_flags jflags = { 0 };
	struct json_object *jmsg, *jevent, *jdimm, *jhealth;
	struct timespec ts;
	char stamp[48];
	size_t i;
	bool failed;

	jmsg = json_object_new_object();
	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(stamp, sizeof(stamp), "%10ld.%09ld", (long)ts.tv_sec,
		 ts.tv_nsec);
	json_add_str(jmsg, "timestamp", stamp);
	json_add_int(jmsg, "pid", (int)getpid());
	jevent = json_object_new_object();
	for (i = 0; i < sizeof(event_names) / sizeof(event_names[0]); i++)
		if (m->events & (1u << i))
			json_add_bool(jevent, event_names[i],
				      flags & (1u << i));
	json_object_object_add(jmsg, "event", jevent);
	jdimm = nd_dimm_to_json(md->dimm, &jflags);
	jhealth = nd_dimm_health_to_json(md->dimm, &failed);
	if (jhealth)
		json_object_object_add(jdimm, "health", jhealth);
	json_object_object_add(jmsg, "dimm", jdimm);
	mon_event(jmsg);
	json_object_put(jmsg);
}

/* The DIMM's events now; false when its health cannot be read. */
static bool current_events(struct mon_dimm *md, unsigned int *flags)
{
	struct nd_health h;
	uint32_t status;
	int rc = ndctl_dimm_get_health(md->dimm, &h, &status);

	if (rc && status) {
		mon_msg(LOG_ERR,
			"%s: reading SMART health failed: firmware "
			"status %#x",
			ndctl_dimm_get_devname(md->dimm), status);
		return false;
	}
	if (rc) {
		mon_msg(LOG_ERR, "%s: reading SMART health failed: %s",
			ndctl_dimm_get_devname(md->dimm), strerror(-rc));
		return false;
	}
	*flags = event_flags(&h);
	if (h.state != md->state)
		*flags |= EV_HEALTH;
	return true;
}

static void check_dimm(struct monitor *m, struct mon_dimm *md)
{
	unsigned int flags;

	if (current_events(md, &flags) && (flags & m->events))
		notify(m, md, flags);
}

/*
 * The alarms the watched events need, enabled in the DIMM's thresholds
 * (upstream's read-modify-write); false when the DIMM cannot be watched.
 */
static bool enable_alarms(struct monitor *m, struct ndctl_dimm *dimm,
			  const struct nd_health *h)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	const char *name = ndctl_dimm_get_devname(dimm);
	unsigned int want = 0;
	struct nd_thresholds t;
	uint32_t status;
	int rc;

	/* A family without thresholds reports its own alarms as it will. */
	if (!f->thresh.func || !f->set_thresh.func)
		return true;
	rc = ndctl_dimm_get_thresholds(dimm, &t, &status);
	if (rc == -EOPNOTSUPP)
		return true;
	if (!(h->valid & ND_HEALTH_V_ALARM)) {
		mon_msg(LOG_ERR,
			"%s: its SMART alarms are not valid, not "
			"monitored",
			name);
		return false;
	}
	if (rc) {
		mon_msg(LOG_ERR,
			"%s: reading the SMART thresholds failed "
			"(firmware status %#x), not monitored",
			name, status);
		return false;
	}
	if (m->events & EV_SPARES)
		want |= ND_ALARM_SPARES;
	if (m->events & EV_MTEMP)
		want |= ND_ALARM_MTEMP;
	if (m->events & EV_CTEMP)
		want |= ND_ALARM_CTEMP;
	if ((t.alarm_control & want) == want)
		return true;
	mon_msg(LOG_INFO,
		"%s: enabling SMART alarms %#x (were %#x) for the "
		"events watched",
		name, want, t.alarm_control);
	t.alarm_control |= want;
	rc = ndctl_dimm_set_thresholds(dimm, &t, &status);
	if (rc) {
		mon_msg(LOG_ERR,
			"%s: enabling the SMART alarms failed "
			"(firmware status %#x), not monitored",
			name, status);
		return false;
	}
	return true;
}

static void add_dimm(struct monitor *m, struct ndctl_dimm *dimm)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	struct mon_dimm md = { .dimm = dimm, .fd = -1 };
	struct mon_dimm *grown;
	struct nd_health h;
	unsigned int flags;
	uint32_t status;

	if (!ndctl_dimm_health_family(dimm)) {
		mon_msg(LOG_ERR, "%s: no SMART health support, not monitored",
			name);
		return;
	}
	if (ndctl_dimm_get_health(dimm, &h, &status)) {
		mon_msg(LOG_ERR,
			"%s: reading SMART health failed (firmware "
			"status %#x), not monitored",
			name, status);
		return;
	}
	if (!enable_alarms(m, dimm, &h))
		return;
	md.fd = ndctl_dimm_open_health_event(dimm);
	if (md.fd < 0) {
		mon_msg(LOG_ERR, "%s: cannot watch its health events: %s", name,
			strerror(-md.fd));
		return;
	}
	md.state = h.state;
	grown = realloc(m->dimms, (m->count + 1) * sizeof(*grown));
	if (!grown) {
		close(md.fd);
		return;
	}
	m->dimms = grown;
	m->dimms[m->count++] = md;
	mon_msg(LOG_DEBUG, "%s: monitored", name);
	/* An event already raised is reported at once, as upstream. */
	if (current_events(&m->dimms[m->count - 1], &flags) && flags &&
	    (flags & m->events))
		notify(m, &m->dimms[m->count - 1], flags);
}

static int run(struct monitor *m, unsigned int interval)
{
	struct pollfd *pfds = calloc(m->count + 1, sizeof(*pfds));
	struct signalfd_siginfo si;
	char buf[64];
	sigset_t set;
	int i, n, rc = 0;

	if (!pfds)
		return -ENOMEM;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pfds[0].fd = signalfd(-1, &set, SFD_CLOEXEC);
	pfds[0].events = POLLIN;
	if (pfds[0].fd < 0) {
		free(pfds);
		return -errno;
	}
	/* Read once: poll() then wakes on the next notification. */
	for (i = 0; i < m->count; i++) {
		pfds[i + 1].fd = m->dimms[i].fd;
		pfds[i + 1].events = POLLPRI | POLLERR;
		if (pread(m->dimms[i].fd, buf, sizeof(buf), 0) < 0)
			mon_msg(LOG_ERR, "%s: reading its flags: %s",
				ndctl_dimm_get_devname(m->dimms[i].dimm),
				strerror(errno));
	}
	for (;;) {
		n = poll(pfds, m->count + 1,
			 interval ? (int)interval * 1000 : -1);
		if (n < 0 && errno != EINTR) {
			rc = -errno;
			mon_msg(LOG_ERR, "poll: %s", strerror(errno));
			break;
		}
		if (n > 0 && (pfds[0].revents & POLLIN)) {
			if (read(pfds[0].fd, &si, sizeof(si)) == sizeof(si))
				mon_msg(LOG_INFO, "signal %u: exiting",
					si.ssi_signo);
			break;
		}
		for (i = 0; i < m->count; i++) {
			/* A timeout (--poll) looks at every DIMM. */
			if (n > 0 && !pfds[i + 1].revents)
				continue;
			check_dimm(m, &m->dimms[i]);
			if (pread(m->dimms[i].fd, buf, sizeof(buf), 0) < 0)
				mon_msg(LOG_ERR, "%s: reading its flags: %s",
					ndctl_dimm_get_devname(
						m->dimms[i].dimm),
					strerror(errno));
			pfds[i + 1].revents = 0;
		}
	}
	close(pfds[0].fd);
	free(pfds);
	return rc;
}

/* "syslog", "standard", or a file opened to append. */
static int open_log(const char *log)
{
	if (!log || !strcmp(log, "standard")) {
		mlog.dest = DEST_STANDARD;
		return 0;
	}
	if (!strcmp(log, "syslog")) {
		mlog.dest = DEST_SYSLOG;
		return 0;
	}
	/* Appending: a log truncated under the monitor stays plain text. */
	mlog.file = fopen(log, "ae");
	if (!mlog.file) {
		pr_err("cannot open log '%s': %s", log, strerror(errno));
		return -errno;
	}
	mlog.dest = DEST_FILE;
	return 0;
}

struct mon_opts {
	const char *bus, *region, *dimm, *ns, *events, *log, *config;
	const char *poll, *sysroot;
	bool daemon, human;
	int verbose;
};

/* The command line's value, then the config file's, space-joined. */
static char *joined(const char *opt, const char *conf)
{
	char *out;

	if (!opt && !conf)
		return NULL;
	if (!opt || !conf)
		return strdup(opt ? opt : conf);
	if (asprintf(&out, "%s %s", opt, conf) < 0)
		return NULL;
	return out;
}

int cmd_monitor(int argc, char **argv)
{
	struct mon_opts o = { 0 };
	const struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "only DIMMs of this bus"),
		OPT_STR('r', "region", &o.region, "REGION",
			"only DIMMs of this region"),
		OPT_STR('d', "dimm", &o.dimm, "DIMM", "only this DIMM"),
		OPT_STR('n', "namespace", &o.ns, "NAMESPACE",
			"only DIMMs of this namespace's region"),
		OPT_STR('D', "dimm-event", &o.events, "EVENT",
			"only these events (all, dimm-spares-remaining, ...)"),
		OPT_STR('l', "log", &o.log, "FILE|syslog|standard",
			"where event records go"),
		OPT_STR('c', "config-file", &o.config, "FILE",
			"read this config file (or DIR/monitor.conf)"),
		OPT_BOOL(0, "daemon", &o.daemon, "run in the background"),
		OPT_BOOL('u', "human", &o.human, "records as indented JSON"),
		OPT_STR('p', "poll", &o.poll, "SECONDS",
			"also look at every DIMM this often"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct mon_conf conf = { 0 };
	struct monitor m = { 0 };
	struct filters f = { 0 };
	char *bus = NULL, *region = NULL, *dimm_list = NULL, *ns = NULL;
	const char *log;
	unsigned int interval = 0;
	struct ndctl_dimm *dimm;
	struct ndctl_bus *nbus;
	struct devstate_ctx ds = { 0 };
	bool ds_open = false;
	int i, rc = EXIT_FAIL;

	i = parse_options(argc, argv, options, "ndctl monitor [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s': the monitor takes options "
		       "only",
		       argv[i]);
		return EXIT_USAGE;
	}
	if (o.poll && parse_poll_seconds(o.poll, &interval))
		return EXIT_USAGE;
	if (o.events && parse_events(o.events, &m.events, "--dimm-event"))
		return EXIT_USAGE;
	/* The config: -c, or the default one when it is there. */
	if (mon_conf_load(&conf,
			  o.config ? o.config : NDCTL_CONF_DIR "/monitor.conf",
			  o.config != NULL))
		goto out;
	if (conf.v[MON_KEY_DIMM_EVENT] &&
	    parse_events(conf.v[MON_KEY_DIMM_EVENT], &m.events, conf.file))
		goto out;
	if (!m.events)
		m.events = EV_ALL;
	bus = joined(o.bus, conf.v[MON_KEY_BUS]);
	region = joined(o.region, conf.v[MON_KEY_REGION]);
	dimm_list = joined(o.dimm, conf.v[MON_KEY_DIMM]);
	ns = joined(o.ns, conf.v[MON_KEY_NAMESPACE]);
	f = (struct filters){ bus, dimm_list, region, ns };
	/* The command line's log wins over the config's, as upstream. */
	log = o.log ? o.log : conf.v[MON_KEY_LOG];
	mlog.verbose = o.verbose;
	mlog.human = o.human;
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND))
		goto out;
	ds_open = true;
	if (check_names(ds.nd, bus, "bus", match_bus) ||
	    check_names(ds.nd, dimm_list, "DIMM", match_dimm) ||
	    check_names(ds.nd, region, "region", match_region) ||
	    check_names(ds.nd, ns, "namespace", match_ns))
		goto out;
	if (open_log(log))
		goto out;
	if (o.daemon) {
		/* A daemon has no terminal: its messages go to syslog. */
		if (mlog.dest == DEST_STANDARD)
			mlog.dest = DEST_SYSLOG;
		if (daemon(0, 0)) {
			pr_err("cannot start the daemon: %s", strerror(errno));
			goto out;
		}
	}
	if (mlog.dest == DEST_SYSLOG)
		openlog("ndctl/monitor", LOG_PID, LOG_DAEMON);
	if (o.daemon)
		mon_msg(LOG_INFO, "ndctl monitor daemon started");
	ndctl_bus_foreach (ds.nd, nbus) {
		if (!listed(bus, nbus, match_bus))
			continue;
		ndctl_dimm_foreach (nbus, dimm)
			if (dimm_selected(dimm, &f))
				add_dimm(&m, dimm);
	}
	if (!m.count) {
		mon_msg(LOG_ERR, "no DIMMs to monitor, exiting");
		rc = o.daemon ? EXIT_OK : EXIT_FAIL;
		goto out;
	}
	mon_msg(LOG_DEBUG, "monitoring %d DIMM%s", m.count,
		m.count == 1 ? "" : "s");
	rc = run(&m, interval) ? EXIT_FAIL : EXIT_OK;
out:
	for (i = 0; i < m.count; i++)
		close(m.dimms[i].fd);
	free(m.dimms);
	free(bus);
	free(region);
	free(dimm_list);
	free(ns);
	mon_conf_free(&conf);
	if (mlog.file)
		fclose(mlog.file);
	if (ds_open)
		devstate_close(&ds);
	return rc;
}
