// SPDX-License-Identifier: GPL-2.0
/*
 * cxl disable-bus: unbind a bus's platform device (ACPI0017, or
 * cxl_test's cxl_acpi.0) from cxl_acpi, which removes the bus and
 * every port, decoder and region below it.  v81 has no enable-bus: the
 * bus comes back when cxl_acpi binds the device again.
 *
 * Every name is checked before anything changes.  As v81, a bus that
 * has memdevs on it is refused without --force.  Unlike v81, --force
 * does not take a bus with a region below whose memory is in use
 * (online, open, mapped, mounted: the in-use rule).  A name that is
 * neither rootN nor N is a usage error, and one that names no bus an
 * error, as for the other commands.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>

#include "builtin.h"
#include "filter.h"
#include "region-use.h"

static bool valid_bus_name(const char *name)
{
	unsigned long id;
	char tail;

	return !strcmp(name, "all") ||
	       sscanf(name, "root%lu%c", &id, &tail) == 1 ||
	       sscanf(name, "%lu%c", &id, &tail) == 1;
}

static bool on_bus(struct cxl_port *bus, struct cxl_memdev *memdev)
{
	return cxl_memdev_get_bus(memdev) == bus;
}

/*
 * 0 when the bus may go, else EXIT_FAIL after saying why: a region
 * below one of its root decoders, or of a memdev on it, in use (never,
 * --force or not), or memdevs on it without --force.
 */
static int check_disable(struct region_guard *guard, struct cxl_ctx *ctx,
			 struct cxl_port *bus, bool force)
{
	const char *name = cxl_port_get_devname(bus);
	struct cxl_memdev *m, *first = NULL;
	struct cxl_decoder *d;
	struct cxl_region *r;
	int n = 0;

	cxl_decoder_foreach (bus, d) {
		cxl_region_foreach (d, r) {
			if (region_guard_region(guard, r))
				return EXIT_FAIL;
		}
	}
	if (region_guard_port(guard, ctx, bus, on_bus))
		return EXIT_FAIL;
	cxl_memdev_foreach (ctx, m) {
		if (on_bus(bus, m) && !n++)
			first = m;
	}
	if (n && !force) {
		pr_err("%s: hosts %d enabled memdev%s (%s%s): disable %s "
		       "first or use --force",
		       name, n, n > 1 ? "s" : "", cxl_memdev_get_devname(first),
		       n > 1 ? ", ..." : "", n > 1 ? "them" : "it");
		return EXIT_FAIL;
	}
	return 0;
}

int cmd_disable_bus(int argc, char **argv)
{
	const char *sysroot = NULL;
	bool debug = false, force = false;
	const struct opt opts[] = {
		OPT_BOOL(0, "debug", &debug, "debug messages"),
		OPT_BOOL('f', "force", &force,
			 "disable buses with enabled memdevs (never one in "
			 "use)"),
		OPT_SYSROOT(&sysroot),
		OPT_TERM,
	};
	struct region_guard guard = { 0 };
	struct cxl_port **set, *bus;
	struct cxl_ctx *ctx;
	int i, n = 0, nr = 0, rc = 0, count = 0, failed = 0;

	i = parse_options(argc, argv, opts,
			  "cxl disable-bus <bus0> [<bus1>..<busN>] "
			  "[<options>]");
	if (i == argc) {
		pr_err("name at least one bus (rootN, N or all)");
		return EXIT_USAGE;
	}
	for (int a = i; a < argc; a++) {
		if (!valid_bus_name(argv[a])) {
			pr_err("%s: not a bus name (rootN, N or all)", argv[a]);
			return EXIT_USAGE;
		}
	}
	if (debug)
		log_set_verbose(2);
	guard.sysroot = sysroot;
	if (cxl_open(sysroot, &ctx))
		return EXIT_FAIL;
	cxl_bus_foreach (ctx, bus)
		n++;
	set = calloc(n ? n : 1, sizeof(*set));
	if (!set) {
		cxl_unref(ctx);
		return EXIT_FAIL;
	}
	for (int a = i; a < argc && !rc; a++) {
		bool hit = false;

		cxl_bus_foreach (ctx, bus) {
			bool seen = false;

			if (!cxl_filter_bus(bus, argv[a]))
				continue;
			hit = true;
			for (int k = 0; k < nr; k++)
				seen |= set[k] == bus;
			if (!seen)
				set[nr++] = bus;
		}
		if (!hit) {
			pr_err("%s: no such bus", argv[a]);
			rc = EXIT_FAIL;
		}
	}
	for (int k = 0; k < nr && !rc; k++)
		rc = check_disable(&guard, ctx, set[k], force);
	for (int k = 0; k < nr && !rc; k++) {
		const char *name = cxl_port_get_devname(set[k]);
		int err = cxl_bus_disable(set[k]);

		if (err) {
			pr_err("%s: cannot unbind %s from its driver: %s", name,
			       cxl_port_get_host(set[k]), strerror(-err));
			failed++;
			continue;
		}
		pr_debug("%s: disabled", name);
		count++;
	}
	if (!rc) {
		pr_info("disabled %d bus%s", count, count > 1 ? "s" : "");
		rc = failed ? EXIT_FAIL : EXIT_OK;
	}
	region_guard_close(&guard);
	free(set);
	cxl_unref(ctx);
	return rc;
}
