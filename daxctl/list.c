// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl list: regions and devices as a JSON array, as upstream v81 prints
 * them.  The top level is the regions with -R, else the devices; -u
 * prints a lone object bare, and an empty result prints nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/dax-json.h>

static void add_to(struct json_object **arr, struct json_object *obj)
{
	if (!*arr)
		*arr = json_object_new_array();
	json_object_array_add(*arr, obj);
}

struct list_opts {
	const char *region, *dev, *sysroot;
	bool regions, devs, mappings, idle, human;
};

int cmd_list(int argc, char **argv)
{
	struct list_opts o = { 0 };
	const struct opt options[] = {
		OPT_REGION_ID('r', "region", &o.region, "REGION",
			      "only this region (id, regionN or all)"),
		OPT_STR('d', "dev", &o.dev, "DEV",
			"only this device (daxX.Y or all)"),
		OPT_BOOL('R', "regions", &o.regions, "list regions"),
		OPT_BOOL('D', "devices", &o.devs, "list devices"),
		OPT_BOOL('M', "mappings", &o.mappings,
			 "include each device's physical ranges"),
		OPT_BOOL('i', "idle", &o.idle, "include idle (size 0) devices"),
		OPT_BOOL('u', "human", &o.human,
			 "sizes and addresses in human-readable form"),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct dax_json_flags flags;
	struct json_object *jout, *jdevs, *jregions = NULL, *jall = NULL;
	struct daxctl_region *region;
	struct devstate_ctx ds;
	int i;

	i = parse_options(argc, argv, options, "daxctl list [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (devstate_open(&ds, o.sysroot, DEVSTATE_DAX)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	/*
	 * As upstream: with neither -R nor -D, -r lists regions and -d
	 * devices, and with neither filter, devices.  -M and -d add no
	 * kind of their own to -R.
	 */
	if (!o.regions && !o.devs) {
		o.regions = o.region != NULL;
		o.devs = o.dev != NULL;
	}
	if (!o.regions && !o.devs)
		o.devs = true;
	flags = (struct dax_json_flags){ .profile = ds.profile,
					 .human = o.human,
					 .mappings = o.mappings,
					 .idle = o.idle };

	daxctl_region_foreach (ds.dax, region) {
		if (!dax_region_matches(region, o.region))
			continue;
		if (o.regions) {
			struct json_object *jregion;

			jregion = dax_region_to_json(region, &flags);
			/* -D: the region's devices; no key when none match. */
			if (o.devs) {
				jdevs = dax_region_devs_to_json(region, o.dev,
								&flags);
				if (json_object_array_length(jdevs))
					json_object_object_add(
						jregion, "devices", jdevs);
				else
					json_object_put(jdevs);
			}
			add_to(&jregions, jregion);
			continue;
		}
		jdevs = dax_region_devs_to_json(region, o.dev, &flags);
		for (size_t k = 0; k < json_object_array_length(jdevs); k++)
			add_to(&jall, json_object_get(json_object_array_get_idx(
					      jdevs, k)));
		json_object_put(jdevs);
	}
	/* Nothing matched: upstream prints nothing, and so do we. */
	jout = jregions ? jregions : jall;
	if (jout) {
		if (o.human && json_object_array_length(jout) == 1)
			json_print(stdout, json_object_array_get_idx(jout, 0));
		else
			json_print(stdout, jout);
		json_object_put(jout);
	}
	devstate_close(&ds);
	return EXIT_OK;
}
