// SPDX-License-Identifier: GPL-2.0
/*
 * cxl set-alert-config: turn a memdev's programmable warning alerts on
 * (with a threshold) or off, with Set Alert Configuration.  Each alert
 * is --NAME-alert=on|off; "on" needs the alert's --NAME-threshold, "off"
 * takes none.  The request is checked whole before any memdev is sent
 * it; a bad one is a usage error.  Afterwards each memdev's alert
 * configuration is printed, as v81 does.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>

#include "builtin.h"
#include "filter.h"
#include "json.h"
#include "mbox-cmd.h"

struct alert_arg {
	const char *threshold, *action;
};

struct alert_params {
	const char *bus, *sysroot;
	bool serial;
	int verbose;
	struct alert_arg arg[CXL_ALERT_NR];
};

/* The option names, by enum cxl_alert. */
static const char *const alert_opt[CXL_ALERT_NR] = {
	"life-used",	    "over-temperature", "under-temperature",
	"volatile-mem-err", "pmem-err",
};

/* One alert's part of the request: 0, or EXIT_USAGE after one line. */
static int add_alert(struct cxl_alert_request *r, enum cxl_alert a,
		     const struct alert_arg *arg)
{
	const char *name = alert_opt[a];
	long v, min, max;
	char *end;

	if (!arg->action) {
		if (!arg->threshold)
			return 0;
		pr_err("--%s-threshold %s: needs --%s-alert=on", name,
		       arg->threshold, name);
		return EXIT_USAGE;
	}
	if (!strcmp(arg->action, "off")) {
		if (arg->threshold) {
			pr_err("--%s-threshold %s: --%s-alert=off takes no "
			       "threshold",
			       name, arg->threshold, name);
			return EXIT_USAGE;
		}
		r->valid |= 1u << a;
		r->enable &= (uint8_t) ~(1u << a);
		return 0;
	}
	if (strcmp(arg->action, "on")) {
		pr_err("--%s-alert '%s': not on or off", name, arg->action);
		return EXIT_USAGE;
	}
	if (!arg->threshold) {
		pr_err("--%s-alert=on: needs --%s-threshold", name, name);
		return EXIT_USAGE;
	}
	errno = 0;
	v = strtol(arg->threshold, &end, 10);
	cxl_alert_threshold_range(a, &min, &max);
	if (errno || end == arg->threshold || *end || v < min || v > max) {
		pr_err("--%s-threshold '%s': not a number from %ld to %ld",
		       name, arg->threshold, min, max);
		return EXIT_USAGE;
	}
	r->valid |= 1u << a;
	r->enable |= 1u << a;
	r->warn[a] = (int32_t)v;
	return 0;
}

int cmd_set_alert_config(int argc, char **argv)
{
	struct alert_params p = { 0 };
	struct alert_arg *g = p.arg;
	const struct opt options[] = {
		OPT_MEMDEV_TARGETS(&p.bus, &p.verbose, &p.serial),
		OPT_STR('L', "life-used-threshold",
			&g[CXL_ALERT_LIFE_USED].threshold, "THRESHOLD",
			"life used warning threshold (percent)"),
		OPT_STR(0, "life-used-alert", &g[CXL_ALERT_LIFE_USED].action,
			"on|off", "the life used warning alert on or off"),
		OPT_STR('O', "over-temperature-threshold",
			&g[CXL_ALERT_OVER_TEMP].threshold, "THRESHOLD",
			"over temperature warning threshold (Celsius)"),
		OPT_STR(0, "over-temperature-alert",
			&g[CXL_ALERT_OVER_TEMP].action, "on|off",
			"the over temperature warning alert on or off"),
		OPT_STR('U', "under-temperature-threshold",
			&g[CXL_ALERT_UNDER_TEMP].threshold, "THRESHOLD",
			"under temperature warning threshold (Celsius)"),
		OPT_STR(0, "under-temperature-alert",
			&g[CXL_ALERT_UNDER_TEMP].action, "on|off",
			"the under temperature warning alert on or off"),
		OPT_STR('V', "volatile-mem-err-threshold",
			&g[CXL_ALERT_VOLATILE_ERR].threshold, "THRESHOLD",
			"corrected volatile memory error warning threshold"),
		OPT_STR(0, "volatile-mem-err-alert",
			&g[CXL_ALERT_VOLATILE_ERR].action, "on|off",
			"the corrected volatile memory error alert on or off"),
		OPT_STR('P', "pmem-err-threshold",
			&g[CXL_ALERT_PMEM_ERR].threshold, "THRESHOLD",
			"corrected pmem error warning threshold"),
		OPT_STR(0, "pmem-err-alert", &g[CXL_ALERT_PMEM_ERR].action,
			"on|off", "the corrected pmem error alert on or off"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	struct cxl_json_flags f = { .alert_config = true };
	struct cxl_alert_request r = { 0 };
	struct mbox_targets t = { 0 };
	struct json_object *jdevs;
	int i, rc, done = 0;

	i = parse_options(argc, argv, options,
			  "cxl set-alert-config <mem0> [<mem1>..<memN>] "
			  "[<options>]");
	if (i == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	for (int a = 0; a < CXL_ALERT_NR; a++) {
		rc = add_alert(&r, a, &p.arg[a]);
		if (rc)
			return rc;
	}
	if (!r.valid) {
		pr_err("no alert to change: give --NAME-alert=on|off");
		return EXIT_USAGE;
	}
	log_set_verbose(p.verbose);
	rc = mbox_targets_get(&t, p.sysroot, p.bus, p.serial, argc - i,
			      argv + i);
	if (rc)
		return rc;
	f.human = mbox_human();
	jdevs = json_object_new_array();
	for (int k = 0; k < t.nr; k++) {
		struct cxl_memdev *m = t.memdevs[k];
		int err = cxl_memdev_set_alert_config(m, &r);

		if (err) {
			pr_err("%s: Set Alert Configuration: %s",
			       cxl_memdev_get_devname(m),
			       err == -EIO ? "the device refused it" :
					     strerror(-err));
			rc = EXIT_FAIL;
		} else {
			done++;
		}
		/* As v81: the memdev's alert configuration after. */
		json_object_array_add(jdevs, cxl_memdev_json(m, &f));
	}
	mbox_print_memdevs(jdevs);
	pr_info("set alert configuration for %d mem%s", done,
		done > 1 ? "s" : "");
	mbox_targets_free(&t);
	return rc;
}
