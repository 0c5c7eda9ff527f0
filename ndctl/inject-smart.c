// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl inject-smart: set a DIMM's SMART alarm thresholds, and inject
 * (or take back) SMART values through its DSM family, then print the
 * DIMM with its health as upstream does.  Every value is checked, and
 * every field checked against what the family can set, before the
 * first call: a refused request changes nothing.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <ndcmd/call.h>
#include <ndcmd/health.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"

struct smart_opts {
	const char *bus, *sysroot;
	const char *mtemp, *ctemp, *spares;
	const char *mtemp_thresh, *ctemp_thresh, *spares_thresh;
	const char *mtemp_alarm, *ctemp_alarm, *spares_alarm;
	bool fatal, unsafe;
	bool mtemp_un, ctemp_un, spares_un, fatal_un, unsafe_un, all_un;
	bool human;
	int verbose;
};

/* One field's injection, in the order upstream sends them. */
struct field {
	enum nd_inject_field field;
	const char *what; /* for messages */
	bool inject, uninject;
	unsigned int value;
};

struct smart_req {
	struct field fields[5];
	/* Threshold changes: which, and the values. */
	bool set_mtemp, set_ctemp, set_spares;
	unsigned int mtemp, ctemp, spares;
	/* Alarm changes: +1 on, -1 off, 0 as it is, per ND_ALARM_* bit. */
	int alarm[3];
	bool thresholds;
	bool all; /* --uninject-all: skip what the family cannot set */
};

static int parse_temp(const char *opt, const char *val, unsigned int *out)
{
	char *end;
	double t;

	errno = 0;
	t = strtod(val, &end);
	if (errno || end == val || *end || isnan(t) || !nd_temp_in_range(t)) {
		pr_err("invalid --%s '%s': degrees Celsius, more than -2048 "
		       "and less than 2048",
		       opt, val);
		return -EINVAL;
	}
	*out = nd_temp_encode(t);
	return 0;
}

static int parse_percent(const char *opt, const char *val, unsigned int *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(val, &end, 0);
	if (errno || end == val || *end || val[0] == '-' || v > 100) {
		pr_err("invalid --%s '%s': a percentage, 0 to 100", opt, val);
		return -EINVAL;
	}
	*out = (unsigned int)v;
	return 0;
}

static int parse_alarm(const char *opt, const char *val, int *out)
{
	if (!val)
		return 0;
	if (!strcmp(val, "on"))
		*out = 1;
	else if (!strcmp(val, "off"))
		*out = -1;
	else {
		pr_err("invalid --%s '%s': on or off", opt, val);
		return -EINVAL;
	}
	return 0;
}

/* A value and its uninject: one or the other. */
static int setup_field(struct field *f, enum nd_inject_field field,
		       const char *what, const char *opt, const char *val,
		       bool flag, bool uninject, bool temp)
{
	f->field = field;
	f->what = what;
	if ((val || flag) && uninject) {
		pr_err("--%s and --%s-uninject together: inject or take back, "
		       "not both",
		       opt, opt);
		return -EINVAL;
	}
	f->inject = val || flag;
	f->uninject = uninject;
	if (val)
		return temp ? parse_temp(opt, val, &f->value) :
			      parse_percent(opt, val, &f->value);
	return 0;
}

static int check_options(struct smart_opts *o, struct smart_req *r)
{
	if (o->all_un)
		o->mtemp_un = o->ctemp_un = o->spares_un = o->fatal_un =
			o->unsafe_un = r->all = true;
	if (setup_field(&r->fields[0], ND_INJECT_MTEMP, "a media temperature",
			"media-temperature", o->mtemp, false, o->mtemp_un,
			true) ||
	    setup_field(&r->fields[1], ND_INJECT_CTEMP,
			"a controller temperature", "ctrl-temperature",
			o->ctemp, false, o->ctemp_un, true) ||
	    setup_field(&r->fields[2], ND_INJECT_SPARES, "spares", "spares",
			o->spares, false, o->spares_un, false) ||
	    setup_field(&r->fields[3], ND_INJECT_FATAL, "a fatal health state",
			"fatal", NULL, o->fatal, o->fatal_un, false) ||
	    setup_field(&r->fields[4], ND_INJECT_SHUTDOWN, "an unsafe shutdown",
			"unsafe-shutdown", NULL, o->unsafe, o->unsafe_un,
			false))
		return -EINVAL;
	if ((o->mtemp_thresh && parse_temp("media-temperature-threshold",
					   o->mtemp_thresh, &r->mtemp)) ||
	    (o->ctemp_thresh && parse_temp("ctrl-temperature-threshold",
					   o->ctemp_thresh, &r->ctemp)) ||
	    (o->spares_thresh &&
	     parse_percent("spares-threshold", o->spares_thresh, &r->spares)) ||
	    parse_alarm("media-temperature-alarm", o->mtemp_alarm,
			&r->alarm[1]) ||
	    parse_alarm("ctrl-temperature-alarm", o->ctemp_alarm,
			&r->alarm[2]) ||
	    parse_alarm("spares-alarm", o->spares_alarm, &r->alarm[0]))
		return -EINVAL;
	r->set_mtemp = o->mtemp_thresh;
	r->set_ctemp = o->ctemp_thresh;
	r->set_spares = o->spares_thresh;
	r->thresholds = r->set_mtemp || r->set_ctemp || r->set_spares ||
			r->alarm[0] || r->alarm[1] || r->alarm[2];
	for (int i = 0; i < 5; i++)
		if (r->fields[i].inject || r->fields[i].uninject)
			return 0;
	if (!r->thresholds) {
		pr_err("nothing to do: name a value to inject, uninject or a "
		       "threshold to set (see --help)");
		return -EINVAL;
	}
	return 0;
}

/*
 * Whether the DIMM's family can do all that is asked: 0, or -EOPNOTSUPP
 * after saying what it cannot.
 */
static int check_dimm(struct ndctl_dimm *dimm, struct smart_req *r)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	const char *name = ndctl_dimm_get_devname(dimm);
	unsigned int can = ndctl_dimm_inject_fields(dimm);
	int i;

	if (!f) {
		pr_err("%s: no SMART health is decoded for its DSM family; "
		       "nothing was changed",
		       name);
		return -EOPNOTSUPP;
	}
	for (i = 0; i < 5; i++) {
		struct field *fl = &r->fields[i];

		if (!(fl->inject || fl->uninject) || (can & fl->field))
			continue;
		/* --uninject-all takes back what the family can set. */
		if (r->all && !fl->inject) {
			fl->uninject = false;
			continue;
		}
		pr_err("%s: its %s DSM family cannot inject %s; nothing was "
		       "changed",
		       name, f->name, fl->what);
		return -EOPNOTSUPP;
	}
	if (r->thresholds && (!f->set_thresh.func || !f->thresh.func)) {
		pr_err("%s: its %s DSM family cannot set SMART thresholds; "
		       "nothing was changed",
		       name, f->name);
		return -EOPNOTSUPP;
	}
	return 0;
}

static void apply_alarm(unsigned int *ctl, int change, unsigned int bit)
{
	if (change > 0)
		*ctl |= bit;
	else if (change < 0)
		*ctl &= ~bit;
}

static int set_thresholds(struct ndctl_dimm *dimm, const struct smart_req *r,
			  struct nd_thresholds *old)
{
	struct nd_thresholds t;
	uint32_t status;
	int rc = ndctl_dimm_get_thresholds(dimm, &t, &status);

	*old = t;

	if (rc) {
		nd_health_say_failed(dimm, "reading the SMART thresholds", rc,
				     status);
		return rc;
	}
	if (r->set_mtemp)
		t.media_temp = r->mtemp;
	if (r->set_ctemp)
		t.ctrl_temp = r->ctemp;
	if (r->set_spares)
		t.spares = r->spares;
	apply_alarm(&t.alarm_control, r->alarm[0], ND_ALARM_SPARES);
	apply_alarm(&t.alarm_control, r->alarm[1], ND_ALARM_MTEMP);
	apply_alarm(&t.alarm_control, r->alarm[2], ND_ALARM_CTEMP);
	rc = ndctl_dimm_set_thresholds(dimm, &t, &status);
	if (rc)
		nd_health_say_failed(dimm, "setting the SMART thresholds", rc,
				     status);
	return rc;
}

static int inject_fields(struct ndctl_dimm *dimm, const struct smart_req *r)
{
	int i, rc;

	for (i = 0; i < 5; i++) {
		const struct field *fl = &r->fields[i];
		struct nd_inject inj = { fl->field, fl->inject, fl->value };
		char what[64];
		uint32_t status;

		if (!fl->inject && !fl->uninject)
			continue;
		rc = ndctl_dimm_inject_smart(dimm, &inj, &status);
		if (!rc)
			continue;
		snprintf(what, sizeof(what), "%s %s",
			 fl->inject ? "injecting" : "taking back", fl->what);
		nd_health_say_failed(dimm, what, rc, status);
		return rc;
	}
	return 0;
}

static void print_dimm(struct devstate_ctx *ds, const char *name, bool human)
{
	struct nd_json_flags flags = { .human = human };
	struct json_object *jdimms, *jdimm, *jhealth;
	struct ndctl_dimm *dimm, *found = NULL;
	struct ndctl_bus *bus;
	bool failed;

	devstate_refresh(ds);
	ndctl_bus_foreach (ds->nd, bus)
		ndctl_dimm_foreach (bus, dimm)
			if (!strcmp(ndctl_dimm_get_devname(dimm), name))
				found = dimm;
	if (!found)
		return;
	jdimm = nd_dimm_to_json(found, &flags);
	jhealth = nd_dimm_health_to_json(found, &failed);
	if (jhealth)
		json_object_object_add(jdimm, "health", jhealth);
	/* Upstream's -u form: the lone DIMM bare, else in an array. */
	if (human) {
		json_print(stdout, jdimm);
		json_object_put(jdimm);
		return;
	}
	jdimms = json_object_new_array();
	json_object_array_add(jdimms, jdimm);
	json_print(stdout, jdimms);
	json_object_put(jdimms);
}

int cmd_inject_smart(int argc, char **argv)
{
	struct smart_opts o = { 0 };
	const struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "the DIMM is on this bus"),
		OPT_STR('m', "media-temperature", &o.mtemp, "CELSIUS",
			"inject a media temperature"),
		OPT_STR('M', "media-temperature-threshold", &o.mtemp_thresh,
			"CELSIUS", "set the media temperature threshold"),
		OPT_STR(0, "media-temperature-alarm", &o.mtemp_alarm, "on|off",
			"enable or disable the media temperature alarm"),
		OPT_BOOL(0, "media-temperature-uninject", &o.mtemp_un,
			 "take back an injected media temperature"),
		OPT_STR('c', "ctrl-temperature", &o.ctemp, "CELSIUS",
			"inject a controller temperature"),
		OPT_STR('C', "ctrl-temperature-threshold", &o.ctemp_thresh,
			"CELSIUS", "set the controller temperature threshold"),
		OPT_STR(0, "ctrl-temperature-alarm", &o.ctemp_alarm, "on|off",
			"enable or disable the controller temperature alarm"),
		OPT_BOOL(0, "ctrl-temperature-uninject", &o.ctemp_un,
			 "take back an injected controller temperature"),
		OPT_STR('s', "spares", &o.spares, "PERCENT",
			"inject a spares percentage"),
		OPT_STR('S', "spares-threshold", &o.spares_thresh, "PERCENT",
			"set the spares threshold"),
		OPT_STR(0, "spares-alarm", &o.spares_alarm, "on|off",
			"enable or disable the spares alarm"),
		OPT_BOOL(0, "spares-uninject", &o.spares_un,
			 "take back injected spares"),
		OPT_BOOL('f', "fatal", &o.fatal, "inject a fatal health state"),
		OPT_BOOL('F', "fatal-uninject", &o.fatal_un,
			 "take back a fatal health state"),
		OPT_BOOL('U', "unsafe-shutdown", &o.unsafe,
			 "inject an unsafe shutdown"),
		OPT_BOOL(0, "unsafe-shutdown-uninject", &o.unsafe_un,
			 "take back an unsafe shutdown"),
		OPT_BOOL('N', "uninject-all", &o.all_un,
			 "take back every injected value"),
		OPT_BOOL('u', "human", &o.human,
			 "numbers in human-readable form"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct smart_req req = { 0 };
	struct nd_thresholds old;
	struct ndctl_dimm *dimm, *found = NULL;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;
	char name[64];
	int i, rc;

	i = parse_options(argc, argv, options,
			  "ndctl inject-smart <dimm> [<options>]");
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name the DIMM to inject into");
		return EXIT_USAGE;
	}
	if (i + 1 < argc) {
		pr_err("unexpected argument '%s': one DIMM at a time",
		       argv[i + 1]);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[i], "all")) {
		pr_err("name one DIMM: inject-smart does not take 'all'");
		return EXIT_USAGE;
	}
	rc = check_options(&o, &req);
	if (rc)
		return exit_status(rc);
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (nd_check_filters_matched(ds.nd, o.bus, NULL, NULL, NULL)) {
		rc = EXIT_FAIL;
		goto out;
	}
	ndctl_bus_foreach (ds.nd, bus) {
		if (!nd_bus_matches(bus, o.bus))
			continue;
		ndctl_dimm_foreach (bus, dimm)
			if (!found && nd_dimm_matches(dimm, argv[i]))
				found = dimm;
	}
	if (!found) {
		pr_err("%s: no such DIMM%s", argv[i],
		       o.bus ? " on that bus" : "");
		rc = EXIT_FAIL;
		goto out;
	}
	snprintf(name, sizeof(name), "%s", ndctl_dimm_get_devname(found));
	rc = check_dimm(found, &req);
	if (rc) {
		rc = exit_status(rc);
		goto out;
	}
	if (req.thresholds && set_thresholds(found, &req, &old)) {
		rc = EXIT_FAIL;
		goto out;
	}
	if (inject_fields(found, &req)) {
		uint32_t status;

		/* The thresholds go back as they were: only what failed. */
		if (req.thresholds &&
		    !ndctl_dimm_set_thresholds(found, &old, &status))
			pr_info("%s: the SMART thresholds are put back as they "
				"were",
				name);
		rc = EXIT_FAIL;
		goto out;
	}
	print_dimm(&ds, name, o.human);
out:
	devstate_close(&ds);
	return rc;
}
