// SPDX-License-Identifier: GPL-2.0
/*
 * cxl disable-port / enable-port: unbind switch ports (or, with
 * --endpoint, endpoints) from cxl_port, or bind them again; with
 * --enable-memdevs, enable-port then binds the memdevs below as well.
 *
 * Every name is resolved, and every port checked, before anything
 * changes.  As v81, disable-port without --force refuses a port that
 * has an enabled memdev below it.  Unlike v81, --force does not take a
 * port with a region below whose memory is in use (online, open,
 * mapped, mounted): unbinding the port would pull it from under its
 * users (the in-use rule, as disable-memdev).  An unknown name is an
 * error here, not v81's notice.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>

#include "builtin.h"
#include "filter.h"
#include "region-use.h"

struct port_params {
	const char *sysroot;
	bool debug, endpoint, force, memdevs;
};

/* Whether the memdev sits below the port (or is the endpoint's). */
static bool below(struct cxl_port *port, struct cxl_memdev *m)
{
	if (cxl_port_is_endpoint(port))
		return cxl_endpoint_get_memdev(port) == m;
	return cxl_port_get_dport_by_memdev(port, m) != NULL;
}

static void add_once(struct cxl_port **set, int *nr, int max,
		     struct cxl_port *port)
{
	for (int k = 0; k < *nr; k++)
		if (set[k] == port)
			return;
	if (*nr < max)
		set[(*nr)++] = port;
}

/*
 * The ports the name selects (switch ports, or endpoints), appended to
 * set each once; returns how many it selects.
 */
static int select_ports(struct cxl_ctx *ctx, const char *name, bool endpoint,
			struct cxl_port **set, int *nr, int max)
{
	struct cxl_port *bus, *p, *e;
	int hits = 0;

	cxl_bus_foreach (ctx, bus)
		cxl_port_foreach_all (bus, p) {
			if (!endpoint &&
			    cxl_filter_port(p, name, CXL_MATCH_SINGLE)) {
				add_once(set, nr, max, p);
				hits++;
			}
			if (!endpoint)
				continue;
			cxl_endpoint_foreach (p, e) {
				if (cxl_filter_endpoint(e, name)) {
					add_once(set, nr, max, e);
					hits++;
				}
			}
		}
	return hits;
}

/* A switch port or endpoint by its name, after a refresh. */
static struct cxl_port *port_by_name(struct cxl_ctx *ctx, const char *name)
{
	struct cxl_port *bus, *p, *e;

	cxl_bus_foreach (ctx, bus)
		cxl_port_foreach_all (bus, p) {
			if (!strcmp(cxl_port_get_devname(p), name))
				return p;
			cxl_endpoint_foreach (p, e) {
				if (!strcmp(cxl_port_get_devname(e), name))
					return e;
			}
		}
	return NULL;
}

/* --enable-memdevs: bind every memdev below; how many did not bind. */
static int enable_memdevs_below(struct cxl_ctx *ctx, struct cxl_port *port)
{
	struct cxl_memdev *m;
	int failed = 0;

	cxl_memdev_foreach (ctx, m) {
		int err;

		if (!below(port, m))
			continue;
		err = cxl_memdev_enable(m);
		if (err) {
			pr_err("%s: below %s: cannot bind cxl_mem: %s",
			       cxl_memdev_get_devname(m),
			       cxl_port_get_devname(port), strerror(-err));
			failed++;
		}
	}
	return failed;
}

static int count_ports(struct cxl_ctx *ctx)
{
	struct cxl_port *bus, *p, *e;
	int n = 0;

	cxl_bus_foreach (ctx, bus)
		cxl_port_foreach_all (bus, p) {
			n++;
			cxl_endpoint_foreach (p, e)
				n++;
		}
	return n;
}

/*
 * 0 when the port may be unbound, else EXIT_FAIL after saying why: a
 * region below in use (never, --force or not), or enabled memdevs below
 * without --force.  The memdevs' regions go down with the port.
 */
static int check_disable(struct region_guard *guard, struct cxl_ctx *ctx,
			 struct cxl_port *port, bool force)
{
	const char *name = cxl_port_get_devname(port);
	struct cxl_memdev *m, *first = NULL;
	int active = 0;

	if (!cxl_port_is_enabled(port))
		return 0;
	if (region_guard_port(guard, ctx, port, below))
		return EXIT_FAIL;
	cxl_memdev_foreach (ctx, m) {
		if (below(port, m) && cxl_memdev_is_enabled(m) && !active++)
			first = m;
	}
	if (active && !force) {
		pr_err("%s: hosts %d enabled memdev%s (%s%s): disable %s "
		       "first or use --force",
		       name, active, active > 1 ? "s" : "",
		       cxl_memdev_get_devname(first), active > 1 ? ", ..." : "",
		       active > 1 ? "them" : "it");
		return EXIT_FAIL;
	}
	return 0;
}

static int port_action(int argc, char **argv, bool disable)
{
	struct port_params p = { 0 };
	struct region_guard guard = { 0 };
	const struct opt disable_opts[] = {
		OPT_BOOL(0, "debug", &p.debug, "debug messages"),
		OPT_BOOL('e', "endpoint", &p.endpoint,
			 "the arguments are endpoints, not switch ports"),
		OPT_BOOL('f', "force", &p.force,
			 "disable ports with enabled memdevs below (never "
			 "one in use)"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	const struct opt enable_opts[] = {
		OPT_BOOL(0, "debug", &p.debug, "debug messages"),
		OPT_BOOL('e', "endpoint", &p.endpoint,
			 "the arguments are endpoints, not switch ports"),
		OPT_BOOL('m', "enable-memdevs", &p.memdevs,
			 "also enable the memdevs below"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	struct cxl_port **set;
	char **names;
	struct cxl_ctx *ctx;
	int i, n, nr = 0, rc = 0, count = 0, failed = 0;

	i = parse_options(argc, argv, disable ? disable_opts : enable_opts,
			  disable ? "cxl disable-port <port0> "
				    "[<port1>..<portN>] [<options>]" :
				    "cxl enable-port <port0> "
				    "[<port1>..<portN>] [<options>]");
	if (i == argc) {
		pr_err("name at least one %s (%sN, N or all)",
		       p.endpoint ? "endpoint" : "port",
		       p.endpoint ? "endpoint" : "port");
		return EXIT_USAGE;
	}
	if (p.debug)
		log_set_verbose(2);
	if (cxl_open(p.sysroot, &ctx))
		return EXIT_FAIL;
	n = count_ports(ctx);
	set = calloc(n ? n : 1, sizeof(*set));
	if (!set) {
		cxl_unref(ctx);
		return EXIT_FAIL;
	}
	for (int a = i; a < argc && !rc; a++) {
		if (select_ports(ctx, argv[a], p.endpoint, set, &nr, n))
			continue;
		pr_err("%s: no such %s%s", argv[a],
		       p.endpoint ? "endpoint" : "port",
		       p.endpoint ? "" :
				    " (a bus is taken by disable-bus, an "
				    "endpoint with --endpoint)");
		rc = EXIT_FAIL;
	}
	guard.sysroot = p.sysroot;
	for (int k = 0; k < nr && !rc && disable; k++)
		rc = check_disable(&guard, ctx, set[k], p.force);
	if (rc)
		goto out;
	/* Names, since a refresh after the writes drops the objects. */
	names = calloc(nr ? nr : 1, sizeof(*names));
	if (!names) {
		rc = EXIT_FAIL;
		goto out;
	}
	for (int k = 0; k < nr; k++) {
		const char *name = cxl_port_get_devname(set[k]);
		int err = disable ? cxl_port_disable(set[k]) :
				    cxl_port_enable(set[k]);

		names[k] = strdup(name);
		if (err) {
			pr_err("%s: cannot %s cxl_port: %s", name,
			       disable ? "unbind" : "bind", strerror(-err));
			failed++;
			continue;
		}
		pr_debug("%s: %s", name, disable ? "disabled" : "enabled");
		count++;
	}
	if (!disable && p.memdevs && count) {
		/* The dports below a port are there once it is bound. */
		if (cxl_refresh(ctx)) {
			pr_err("cannot read /sys/bus/cxl again");
			failed++;
		}
		for (int k = 0; k < nr; k++) {
			struct cxl_port *port =
				names[k] ? port_by_name(ctx, names[k]) : NULL;

			if (port)
				failed += enable_memdevs_below(ctx, port);
		}
	}
	for (int k = 0; k < nr; k++)
		free(names[k]);
	free(names);
	pr_info("%s %d port%s", disable ? "disabled" : "enabled", count,
		count > 1 ? "s" : "");
	rc = failed ? EXIT_FAIL : EXIT_OK;
out:
	region_guard_close(&guard);
	free(set);
	cxl_unref(ctx);
	return rc;
}

int cmd_disable_port(int argc, char **argv)
{
	return port_action(argc, argv, true);
}

int cmd_enable_port(int argc, char **argv)
{
	return port_action(argc, argv, false);
}
