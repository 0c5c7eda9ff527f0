// SPDX-License-Identifier: GPL-2.0
/*
 * NAME...|all over namespaces, regions, DIMMs and dax devices.  Names are
 * collected first and each object is looked up again just before its
 * action, so an action that re-reads the context leaves the rest valid.
 */
#include <stdlib.h>
#include <string.h>

#include <util/command.h>
#include <util/log.h>
#include "each.h"
#include "filter.h"

struct name_list {
	char **names;
	int count;
};

static const char *const kind_names[] = {
	[DEVSTATE_NAMESPACE] = "namespace",
	[DEVSTATE_REGION] = "region",
	[DEVSTATE_DIMM] = "DIMM",
	[DEVSTATE_DAXDEV] = "dax device",
};

static int add_name(struct name_list *l, const char *name)
{
	char **grown;
	int i;

	/* "all dax0.0" acts on dax0.0 once. */
	for (i = 0; i < l->count; i++)
		if (!strcmp(l->names[i], name))
			return 0;
	grown = realloc(l->names, (l->count + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	l->names = grown;
	l->names[l->count] = strdup(name);
	return l->names[l->count++] ? 0 : -1;
}

static bool idle_skipped(const struct devstate_each *e, const char *arg,
			 uint64_t size)
{
	if (size || e->idle == DEVSTATE_IDLE_KEEP)
		return false;
	return e->idle == DEVSTATE_IDLE_SKIP || !strcmp(arg, "all");
}

/* The names arg matches, appended to l; returns how many matched. */
static int collect(struct devstate_ctx *ds, const struct devstate_each *e,
		   const char *arg, struct name_list *l)
{
	struct ndctl_namespace *ns;
	struct ndctl_region *region;
	struct daxctl_region *dregion;
	struct ndctl_dimm *dimm;
	struct daxctl_dev *dev;
	struct ndctl_bus *bus;
	int n = 0;

	if (e->kind == DEVSTATE_DAXDEV) {
		daxctl_region_foreach (ds->dax, dregion) {
			if (!dax_region_matches(dregion, e->region))
				continue;
			daxctl_dev_foreach (dregion, dev)
				if (dax_dev_matches(dev, arg) &&
				    !idle_skipped(e, arg,
						  daxctl_dev_get_size(dev)) &&
				    !add_name(l, daxctl_dev_get_devname(dev)))
					n++;
		}
		return n;
	}
	ndctl_bus_foreach (ds->nd, bus) {
		if (!nd_bus_matches(bus, e->bus))
			continue;
		if (e->kind == DEVSTATE_DIMM) {
			ndctl_dimm_foreach (bus, dimm)
				if (nd_dimm_matches(dimm, arg) &&
				    !add_name(l, ndctl_dimm_get_devname(dimm)))
					n++;
			continue;
		}
		ndctl_region_foreach (bus, region) {
			if (e->kind == DEVSTATE_REGION) {
				if (nd_region_matches(region, arg) &&
				    (!e->region_type ||
				     !strcmp(e->region_type,
					     ndctl_region_get_type(region))) &&
				    !add_name(l,
					      ndctl_region_get_devname(region)))
					n++;
				continue;
			}
			if (!nd_region_matches(region, e->region))
				continue;
			ndctl_namespace_foreach (region, ns)
				if (nd_namespace_matches(ns, arg) &&
				    !idle_skipped(
					    e, arg,
					    ndctl_namespace_get_size(ns)) &&
				    !add_name(l,
					      ndctl_namespace_get_devname(ns)))
					n++;
		}
	}
	return n;
}

static void *lookup(struct devstate_ctx *ds, enum devstate_kind kind,
		    const char *name)
{
	struct ndctl_region *region;
	struct ndctl_dimm *dimm;
	struct ndctl_bus *bus;

	switch (kind) {
	case DEVSTATE_DAXDEV:
		return daxctl_get_dev(ds->dax, name);
	case DEVSTATE_NAMESPACE:
		return ndctl_get_namespace(ds->nd, name);
	case DEVSTATE_REGION:
		ndctl_bus_foreach (ds->nd, bus)
			ndctl_region_foreach (bus, region)
				if (!strcmp(ndctl_region_get_devname(region),
					    name))
					return region;
		return NULL;
	case DEVSTATE_DIMM:
		ndctl_bus_foreach (ds->nd, bus)
			ndctl_dimm_foreach (bus, dimm)
				if (!strcmp(ndctl_dimm_get_devname(dimm), name))
					return dimm;
		return NULL;
	}
	return NULL;
}

int devstate_each(struct devstate_ctx *ds, const struct devstate_each *e,
		  int argc, char **argv)
{
	struct name_list l = { 0 };
	int i, rc, done = 0, failed = 0, worst = EXIT_OK;
	bool all_empty = false;
	void *obj;

	if (e->kind != DEVSTATE_DAXDEV &&
	    nd_check_filters_matched(ds->nd, e->bus,
				     e->kind == DEVSTATE_NAMESPACE ? e->region :
								     NULL,
				     NULL, NULL))
		return EXIT_FAIL;
	for (i = 0; i < argc; i++) {
		if (collect(ds, e, argv[i], &l))
			continue;
		/*
		 * "all" of nothing is not a mistake in the name: nothing
		 * to do, as upstream says ("disabled 0 regions", status 0),
		 * which scripts that tidy up before they start rely on.  A
		 * region or type filter that selects nothing still is.
		 */
		if (!strcmp(argv[i], "all") && !e->region && !e->region_type) {
			all_empty = true;
			continue;
		}
		pr_err("%s: no such %s%s%s", argv[i], kind_names[e->kind],
		       e->region ? " in region " : "",
		       e->region ? e->region : "");
		failed++;
		worst = EXIT_FAIL;
	}
	for (i = 0; i < l.count && !(failed && e->names_first); i++) {
		obj = lookup(ds, e->kind, l.names[i]);
		/* Gone since it was named: an action took it along. */
		if (!obj)
			continue;
		rc = e->fn(ds, obj, e->arg);
		if (!rc) {
			done++;
			continue;
		}
		failed++;
		rc = rc < 0 ? EXIT_FAIL : rc;
		if (rc > worst)
			worst = rc;
	}
	if (e->done_verb)
		pr_info("%s %d %s%s%s", e->done_verb, done, e->noun,
			done == 1 ? "" : "s", failed ? "; some failed" : "");
	for (i = 0; i < l.count; i++)
		free(l.names[i]);
	free(l.names);
	if (!failed && !done && !all_empty)
		return EXIT_FAIL;
	return worst;
}

int devstate_run_each(const char *sysroot, unsigned int flags,
		      const struct devstate_each *e, int argc, char **argv)
{
	struct devstate_ctx ds;
	int rc = EXIT_FAIL;

	if (!devstate_open(&ds, sysroot, flags))
		rc = devstate_each(&ds, e, argc, argv);
	devstate_close(&ds);
	return rc;
}
