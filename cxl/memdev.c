// SPDX-License-Identifier: GPL-2.0
/*
 * cxl disable-memdev / enable-memdev: unbind and bind cxl_mem.  Every
 * name is resolved, and every memdev checked, before anything changes:
 * an unknown name, or a memdev whose memory is part of a region that is
 * in use (online, open, mapped, mounted), stops the command with nothing
 * done, --force or not.  A decoding region that nothing uses needs
 * --force, as upstream's does: the region's decode goes with the memdev.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/sysfs.h>

#include "builtin.h"
#include "filter.h"
#include "region-use.h"

struct memdev_params {
	const char *bus, *sysroot;
	bool serial, force;
	int verbose;
};

/*
 * Mark the memdevs the names select in pick[] (indexed in list order);
 * 0, or EXIT_FAIL after naming the first name that selects none.
 */
static int select_memdevs(struct cxl_ctx *ctx, const struct memdev_params *p,
			  int argc, char **argv, bool *pick)
{
	for (int a = 0; a < argc; a++) {
		struct cxl_memdev *m;
		bool hit = false;
		int i = 0;

		cxl_memdev_foreach (ctx, m) {
			bool match =
				p->serial ?
					cxl_filter_memdev(m, NULL, argv[a]) :
					cxl_filter_memdev(m, argv[a], NULL);

			if (match && cxl_filter_memdev_on_bus(m, p->bus)) {
				pick[i] = true;
				hit = true;
			}
			i++;
		}
		if (!hit) {
			pr_err("%s: no such memdev%s%s", argv[a],
			       p->bus ? " on bus " : "", p->bus ? p->bus : "");
			return EXIT_FAIL;
		}
	}
	return 0;
}

static int memdev_action(int argc, char **argv, bool disable)
{
	struct memdev_params p = { 0 };
	struct region_guard guard = { 0 };
	const struct opt disable_opts[] = {
		OPT_MEMDEV_TARGETS(&p.bus, &p.verbose, &p.serial),
		OPT_BOOL('f', "force", &p.force,
			 "also under a decoding region nothing uses (never "
			 "one in use)"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	const struct opt *opts = disable_opts;
	struct opt enable_opts[6];
	struct cxl_memdev *m;
	struct cxl_ctx *ctx;
	int i, n, rc, count = 0, failed = 0;
	bool *pick;

	if (!disable) {
		/* enable-memdev takes the same but --force. */
		memcpy(enable_opts, disable_opts, 3 * sizeof(*enable_opts));
		enable_opts[3] = disable_opts[4];
		enable_opts[4] = disable_opts[5];
		opts = enable_opts;
	}
	i = parse_options(argc, argv, opts,
			  disable ?
				  "cxl disable-memdev <mem0> [<mem1>..<memN>] "
				  "[<options>]" :
				  "cxl enable-memdev <mem0> [<mem1>..<memN>] "
				  "[<options>]");
	if (i == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	log_set_verbose(p.verbose);
	if (cxl_open(p.sysroot, &ctx))
		return EXIT_FAIL;
	n = 0;
	cxl_memdev_foreach (ctx, m)
		n++;
	pick = calloc(n ? n : 1, sizeof(*pick));
	if (!pick) {
		cxl_unref(ctx);
		return EXIT_FAIL;
	}
	rc = select_memdevs(ctx, &p, argc - i, argv + i, pick);
	guard.sysroot = p.sysroot;
	/* In use is checked for all before any is touched. */
	i = 0;
	cxl_memdev_foreach (ctx, m) {
		if (rc || !disable || !pick[i++])
			continue;
		rc = region_guard_memdev(&guard, m, p.force);
	}
	i = 0;
	cxl_memdev_foreach (ctx, m) {
		int err;

		if (rc || !pick[i++])
			continue;
		err = disable ? cxl_memdev_disable(m) : cxl_memdev_enable(m);
		if (err) {
			pr_err("%s: cannot %s: %s", cxl_memdev_get_devname(m),
			       disable ? "unbind cxl_mem" : "bind cxl_mem",
			       strerror(-err));
			failed++;
			continue;
		}
		pr_debug("%s: %s", cxl_memdev_get_devname(m),
			 disable ? "disabled" : "enabled");
		count++;
	}
	region_guard_close(&guard);
	free(pick);
	cxl_unref(ctx);
	if (rc)
		return rc;
	pr_info("%s %d mem%s", disable ? "disabled" : "enabled", count,
		count > 1 ? "s" : "");
	return failed ? EXIT_FAIL : EXIT_OK;
}

int cmd_disable_memdev(int argc, char **argv)
{
	return memdev_action(argc, argv, true);
}

int cmd_enable_memdev(int argc, char **argv)
{
	return memdev_action(argc, argv, false);
}
