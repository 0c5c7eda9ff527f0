// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time reconfiguration: the sections of the daxctl config directory
 * (read by lib/util/config-dir.c), matched to a device by something that
 * survives a reboot (a namespace's uuid, or a dynamic device's region and
 * range), and turned into the request reconfigure-device runs.
 *
 * Every file is read whole before anything is applied: one bad key or
 * line anywhere in the directory and nothing is, so a half-understood
 * config never half-applies.  Every error names the file and the line.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <daxchange/decide.h>
#include <devstate/backing.h>
#include <devstate/context.h>
#include <devstate/parse.h>
#include <devstate/state.h>
#include <devstate/words.h>
#include <util/config-dir.h>
#include <util/log.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "config.h"
#include "reconfigure.h"

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

int config_identify(struct devstate_ctx *ds, struct daxctl_dev *dev,
		    struct config_id *id)
{
	struct daxctl_region *region = daxctl_dev_get_region(dev);
	struct dev_backing b;
	uint64_t size = daxctl_dev_get_size(dev);

	*id = (struct config_id){ .region = daxctl_region_get_id(region) };
	if (dev_backing_read(region, &b))
		b = (struct dev_backing){ 0 };
	if (b.nd) {
		/* The namespace through the command's nd library. */
		struct ndctl_ctx *nd = devstate_nd(ds, false);
		struct ndctl_namespace *ns =
			nd ? ndctl_get_namespace(nd, b.ns) : NULL;

		id->nd = true;
		snprintf(id->uuid, sizeof(id->uuid), "%s",
			 ns ? ndctl_namespace_get_uuid(ns) : "");
		if (!config_valid_uuid(id->uuid)) {
			id->uuid[0] = '\0';
			return -ENOENT;
		}
		lower(id->uuid);
		return 0;
	}
	id->start = daxctl_dev_get_resource(dev);
	if (!id->start || !size)
		return -ENOENT;
	id->end = id->start + size - 1;
	return 0;
}

bool config_same_id(const struct config_id *a, const struct config_id *b)
{
	if (a->nd || b->nd)
		return a->nd && b->nd && !strcmp(a->uuid, b->uuid);
	return a->region == b->region && a->start == b->start &&
	       a->end == b->end;
}

bool config_matches(const struct section *s, const struct config_id *id)
{
	if (id->nd)
		return s->uuid && !strcmp(s->uuid, id->uuid);
	return s->has_range && s->region == id->region &&
	       s->start == id->start && s->end == id->end;
}

const char *config_describe_id(const struct config_id *id, char *buf,
			       size_t len)
{
	if (id->nd)
		snprintf(buf, len, "namespace uuid %s", id->uuid);
	else
		snprintf(buf, len, "region %d, range %#llx-%#llx", id->region,
			 (unsigned long long)id->start,
			 (unsigned long long)id->end);
	return buf;
}

/* The file and section name a device's saved setup goes to. */
void config_id_stem(const struct config_id *id, char *buf, size_t len)
{
	if (id->nd)
		snprintf(buf, len, "%s", id->uuid);
	else
		snprintf(buf, len, "region%d-%#llx", id->region,
			 (unsigned long long)id->start);
}

const char *config_dir(const struct reconf_opts *o)
{
	return o->config_dir ? o->config_dir : DAXCTL_CONF_DIR;
}

bool config_request_usage(const struct reconf_opts *o, char **name)
{
	const char *slash = strrchr(*name, '/');

	if (o->mode || o->memmap || o->align || o->compound >= 0 ||
	    o->head_only >= 0 || o->size || o->movable >= 0 || o->no_online ||
	    o->region || o->save_config || o->input) {
		pr_err("--check-config takes the settings from %s: give no "
		       "--mode, --memmap, --[no-]compound, "
		       "--[no-]vmemmap-head-only, --align, --[no-]movable, "
		       "--no-online, --region, --input or --save-config with "
		       "it",
		       config_dir(o));
		return false;
	}
	if (slash)
		*name = (char *)slash + 1;
	if (!strcmp(*name, "all")) {
		pr_err("--check-config takes one device, as udev names it, "
		       "not 'all'");
		return false;
	}
	return true;
}

int config_request(struct devstate_ctx *ds, const struct reconf_opts *o,
		   struct dax_request *req, const char *name)
{
	const char *dir = config_dir(o);
	const struct section *hit = NULL;
	struct daxctl_dev *dev;
	struct config_id id;
	struct config cfg;
	char desc[96], b1[32];
	bool ram;
	int i, rc = -EINVAL;

	if (config_load(dir, &dax_config_words, &cfg)) {
		pr_err("%s: nothing applied: the config in %s has errors", name,
		       dir);
		config_free(&cfg);
		return -EINVAL;
	}
	dev = daxctl_get_dev(ds->dax, name);
	if (!dev) {
		pr_err("%s: no such dax device", name);
		rc = -ENODEV;
		goto out;
	}
	if (config_identify(ds, dev, &id)) {
		pr_info("%s: %s, nothing a config section can match; left as "
			"it is",
			name,
			id.nd ? "its namespace has no uuid (no label)" :
				"it has no range");
		rc = 0;
		goto out;
	}
	for (i = 0; i < cfg.count; i++) {
		if (!config_matches(&cfg.s[i], &id))
			continue;
		if (hit) {
			pr_err("%s: both [reconfigure-device %s] (%s:%d) and "
			       "[reconfigure-device %s] (%s:%d) match it; "
			       "nothing applied",
			       name, hit->name, hit->file, hit->line,
			       cfg.s[i].name, cfg.s[i].file, cfg.s[i].line);
			rc = -EEXIST;
			goto out;
		}
		hit = &cfg.s[i];
	}
	config_describe_id(&id, desc, sizeof(desc));
	if (!hit) {
		pr_info("%s: no section in %s matches it (%s); left as it is",
			name, dir, desc);
		rc = 0;
		goto out;
	}

	/* Upstream's defaults: system-ram, online, movable. */
	req->mode = hit->mode < 0 ? DAXCTL_DEV_MODE_RAM :
				    (enum daxctl_dev_mode)hit->mode;
	req->has_mode = true;
	ram = req->mode == DAXCTL_DEV_MODE_RAM;
	if (hit->memmap >= 0)
		req->location = hit->memmap;
	req->align = hit->align;
	if (ram) {
		req->no_online = hit->online == 0;
		req->movable = hit->movable;
	} else {
		req->compound = hit->compound;
		req->head_only = hit->head_only;
	}
	pr_info("%s: [reconfigure-device %s] in %s:%d matches it (%s): mode "
		"%s%s%s%s%s%s%s%s%s",
		name, hit->name, hit->file, hit->line, desc,
		dax_mode_name(req->mode),
		ram ? (req->no_online ? ", offline" : ", online") : "",
		ram && req->movable == 0 ? ", not movable" : "",
		hit->memmap >= 0 ? ", memmap " : "",
		hit->memmap >= 0 ? memmap_location_name(hit->memmap) : "",
		req->compound == 0 ? ", no compound pages" :
		req->compound == 1 ? ", compound pages" :
				     "",
		req->head_only == 0 ? ", two vmemmap pages per compound page" :
		req->head_only == 1 ? ", one vmemmap page per compound page" :
				      "",
		req->align ? ", align " : "",
		req->align ? size_exact(req->align, b1, sizeof(b1)) : "");
	rc = 1;
out:
	config_free(&cfg);
	return rc;
}
