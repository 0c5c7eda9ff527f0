// SPDX-License-Identifier: GPL-2.0
/*
 * cxl wait-sanitize: return when the memdevs' sanitize (started by the
 * kernel's security/sanitize) has ended, or after --timeout
 * milliseconds.  A memdev that is not sanitizing, or that has no
 * security state at all (kernels before 6.6), is done at once.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>

#include "builtin.h"
#include "filter.h"
#include "mbox-cmd.h"

int cmd_wait_sanitize(int argc, char **argv)
{
	const char *bus = NULL, *sysroot = NULL, *timeout = NULL;
	bool serial = false;
	int verbose = 0;
	const struct opt options[] = {
		OPT_MEMDEV_TARGETS(&bus, &verbose, &serial),
		OPT_STR('t', "timeout", &timeout, "MS",
			"milliseconds to wait at most (default: no limit)"),
		OPT_SYSROOT(&sysroot),
		OPT_TERM,
	};
	struct mbox_targets t = { 0 };
	int i, rc, done = 0;
	long ms = -1;

	i = parse_options(argc, argv, options,
			  "cxl wait-sanitize <mem0> [<mem1>..<memN>] "
			  "[<options>]");
	if (i == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	if (timeout) {
		char *end;

		errno = 0;
		ms = strtol(timeout, &end, 0);
		if (errno || end == timeout || *end || ms < -1 ||
		    ms > INT32_MAX) {
			pr_err("--timeout '%s': not milliseconds (-1 for no "
			       "limit)",
			       timeout);
			return EXIT_USAGE;
		}
	}
	log_set_verbose(verbose);
	rc = mbox_targets_get(&t, sysroot, bus, serial, argc - i, argv + i);
	for (int k = 0; k < t.nr && !rc; k++) {
		struct cxl_memdev *m = t.memdevs[k];
		int err = cxl_memdev_wait_sanitize(m, (int)ms);

		if (err) {
			pr_err("%s: sanitize: %s", cxl_memdev_get_devname(m),
			       err == -ETIMEDOUT ?
				       "still under way at the timeout" :
				       strerror(-err));
			rc = EXIT_FAIL;
			continue;
		}
		done++;
	}
	if (t.ctx)
		pr_info("wait sanitize %s on %d mem device%s",
			rc ? "failed" : "completed", done, done > 1 ? "s" : "");
	mbox_targets_free(&t);
	return rc;
}
