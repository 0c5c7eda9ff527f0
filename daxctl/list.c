// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl list: regions and devices as a JSON array.  The top level is the
 * regions with -R, else the devices; an empty result prints "[]".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/dax-json.h>

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
	struct json_object *jout;
	struct daxctl_region *region;
	struct devstate ds;
	bool matched = false;
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
	/* -M alone means devices with their mappings. */
	if (o.mappings || o.dev)
		o.devs = true;
	if (!o.regions)
		o.devs = true;
	flags = (struct dax_json_flags){ .profile = ds.profile,
					 .human = o.human,
					 .mappings = o.mappings,
					 .idle = o.idle };

	jout = json_object_new_array();
	daxctl_region_foreach (ds.dax, region) {
		struct json_object *jdevs = NULL;

		if (!dax_region_matches(region, o.region))
			continue;
		if (o.devs)
			jdevs = dax_region_devs_to_json(region, o.dev, &flags);
		if (o.regions) {
			struct json_object *jregion;

			/* A device filter hides regions without a match. */
			if (o.dev && !json_object_array_length(jdevs)) {
				json_object_put(jdevs);
				continue;
			}
			jregion = dax_region_to_json(region, &flags);
			if (jdevs)
				json_object_object_add(jregion, "devices",
						       jdevs);
			json_object_array_add(jout, jregion);
			matched = true;
			continue;
		}
		for (size_t k = 0; k < json_object_array_length(jdevs); k++) {
			json_object_array_add(
				jout, json_object_get(json_object_array_get_idx(
					      jdevs, k)));
			matched = true;
		}
		json_object_put(jdevs);
	}
	json_print(stdout, jout);
	json_object_put(jout);
	devstate_close(&ds);

	/* A named object that matches nothing is an error, not "[]". */
	if (!matched && ((o.dev && strcmp(o.dev, "all")) ||
			 (o.region && strcmp(o.region, "all")))) {
		pr_err("no dax %s matches '%s'", o.dev ? "device" : "region",
		       o.dev ? o.dev : o.region);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
