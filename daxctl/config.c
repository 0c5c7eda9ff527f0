// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time reconfiguration: the sections of the daxctl config directory,
 * matched to a device by something that survives a reboot (a namespace's
 * uuid, or a dynamic device's region and range), turned into the request
 * reconfigure-device runs, and written back by --save-config.
 *
 * A file is read whole before anything is applied: one bad key or line
 * anywhere in the directory and nothing is, so a half-understood config
 * never half-applies.  Every error names the file and the line.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include <devstate/context.h>
#include <devstate/state.h>
#include <util/log.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "config.h"
#include "reconfigure.h"

#define SECTION_PREFIX "reconfigure-device "

/* One [reconfigure-device NAME] section. */
struct section {
	char *name; /* NAME, lower case as iniparser keeps it */
	char *file;
	int line;
	/* What it matches. */
	char *uuid;
	int region; /* -1: no dax.region */
	bool has_range;
	uint64_t start, end;
	/* What it asks for; -1 and NULL: not given. */
	const char *mode, *memmap;
	uint64_t align;
	int online, movable, compound, head_only;
};

struct config {
	struct section *s;
	int count;
};

static void config_free(struct config *cfg)
{
	int i;

	for (i = 0; i < cfg->count; i++) {
		free(cfg->s[i].name);
		free(cfg->s[i].file);
		free(cfg->s[i].uuid);
	}
	free(cfg->s);
	*cfg = (struct config){ 0 };
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/*
 * iniparser keeps no line numbers: find the line of section's header
 * (key NULL) or of key within it, comparing as iniparser does (trimmed,
 * lower case).  A key outside any section has section "".  0: not found.
 */
static int find_line(const char *path, const char *section, const char *key)
{
	char buf[1024], cur[1024] = "", *s, *end;
	int n = 0, found = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return 0;
	while (!found && fgets(buf, sizeof(buf), f)) {
		n++;
		s = trim(buf);
		if (*s == '[' && (end = strchr(s, ']'))) {
			*end = '\0';
			snprintf(cur, sizeof(cur), "%s", trim(s + 1));
			lower(cur);
			found = !key && !strcmp(cur, section) ? n : 0;
			continue;
		}
		if (!key || strcmp(cur, section) || !(end = strchr(s, '=')))
			continue;
		*end = '\0';
		s = trim(s);
		lower(s);
		if (!strcmp(s, key))
			found = n;
	}
	fclose(f);
	return found;
}

/*
 * iniparser reports each syntax error through this callback, then
 * returns no dictionary at all.  Its messages become our one-line form.
 */
static int ini_error(const char *fmt, ...)
{
	static const char syntax[] = "iniparser: syntax error in %s (%d)";
	static const char toolong[] =
		"iniparser: input line too long in %s (%d)";
	char buf[512], *p;
	const char *file, *text;
	va_list ap;
	int line;

	va_start(ap, fmt);
	if (!strncmp(fmt, syntax, strlen(syntax))) {
		file = va_arg(ap, const char *);
		line = va_arg(ap, int);
		text = va_arg(ap, const char *);
		snprintf(buf, sizeof(buf), "%s", text);
		pr_err("%s:%d: not an INI line (a [section], key = value, or "
		       "# comment): '%s'",
		       file, line, trim(buf));
	} else if (!strncmp(fmt, toolong, strlen(toolong))) {
		file = va_arg(ap, const char *);
		line = va_arg(ap, int);
		pr_err("%s:%d: line too long", file, line);
	} else {
		vsnprintf(buf, sizeof(buf), fmt, ap);
		for (p = buf; *p; p++)
			if (*p == '\n')
				*p = ' ';
		pr_err("%s", trim(buf));
	}
	va_end(ap);
	return 0;
}

static int parse_bool(const char *v, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1", NULL };
	static const char *const no[] = { "false", "no", "off", "0", NULL };
	int i;

	for (i = 0; yes[i]; i++)
		if (!strcasecmp(v, yes[i]))
			return *out = 1, 0;
	for (i = 0; no[i]; i++)
		if (!strcasecmp(v, no[i]))
			return *out = 0, 0;
	return -EINVAL;
}

static bool valid_uuid(const char *v)
{
	int i;

	if (strlen(v) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (v[i] != '-')
				return false;
		} else if (!isxdigit((unsigned char)v[i])) {
			return false;
		}
	}
	return true;
}

static int parse_range(const char *v, uint64_t *start, uint64_t *end)
{
	char *p;

	errno = 0;
	*start = strtoull(v, &p, 0);
	if (errno || p == v || *p != '-')
		return -EINVAL;
	v = p + 1;
	*end = strtoull(v, &p, 0);
	if (errno || p == v || *p || *end <= *start)
		return -EINVAL;
	return 0;
}

/* One key = value of section s; prints file:line and returns 1 if bad. */
static int set_key(struct section *s, const char *full, const char *key,
		   const char *val)
{
	const char *why = NULL;
	int line;

	if (!strcmp(key, "nvdimm.uuid")) {
		if (valid_uuid(val)) {
			free(s->uuid);
			s->uuid = strdup(val);
			if (s->uuid)
				lower(s->uuid);
		} else {
			why = "expected a uuid such as "
			      "ed93e918-e165-49d8-921d-383d7b9660c5";
		}
	} else if (!strcmp(key, "dax.region")) {
		char *p;

		errno = 0;
		s->region = (int)strtol(val, &p, 10);
		if (errno || p == val || *p || s->region < 0) {
			s->region = -1;
			why = "expected a dax region id (0, 1, ...)";
		}
	} else if (!strcmp(key, "dax.range")) {
		s->has_range = !parse_range(val, &s->start, &s->end);
		if (!s->has_range)
			why = "expected START-END, such as "
			      "0x140000000-0x17fffffff";
	} else if (!strcmp(key, "mode")) {
		if (!strcmp(val, "system-ram"))
			s->mode = "system-ram";
		else if (!strcmp(val, "devdax"))
			s->mode = "devdax";
		else
			why = "expected system-ram or devdax";
	} else if (!strcmp(key, "memmap")) {
		if (!strcmp(val, "dram"))
			s->memmap = "dram";
		else if (!strcmp(val, "pmem"))
			s->memmap = "pmem";
		else
			why = "expected dram or pmem";
	} else if (!strcmp(key, "align")) {
		if (parse_size(val, &s->align) || !s->align)
			why = "expected a size such as 4K, 2M or 1G";
	} else if (!strcmp(key, "online") || !strcmp(key, "movable") ||
		   !strcmp(key, "compound") ||
		   !strcmp(key, "vmemmap_head_only")) {
		int *out = key[0] == 'o' ? &s->online :
			   key[0] == 'm' ? &s->movable :
			   key[0] == 'c' ? &s->compound :
					   &s->head_only;

		if (parse_bool(val, out))
			why = "expected true or false";
	} else {
		line = find_line(s->file, full, key);
		pr_err("%s:%d: unknown key '%s' in [%s] (known: nvdimm.uuid, "
		       "dax.region, dax.range, mode, online, movable, memmap, "
		       "compound, vmemmap_head_only, align)",
		       s->file, line, key, full);
		return 1;
	}
	if (!why)
		return 0;
	line = find_line(s->file, full, key);
	pr_err("%s:%d: %s = '%s': %s", s->file, line, key, val, why);
	return 1;
}

/* What a whole section must say; 1 (and a message) when it does not. */
static int check_section(const struct section *s)
{
	const char *why = NULL;
	bool ram = !s->mode || !strcmp(s->mode, "system-ram");

	if (!s->uuid && s->region < 0 && !s->has_range)
		why = "matches no device: give nvdimm.uuid, or dax.region "
		      "and dax.range";
	else if (s->uuid && (s->region >= 0 || s->has_range))
		why = "give nvdimm.uuid or dax.region and dax.range, not both";
	else if (!s->uuid && (s->region < 0 || !s->has_range))
		why = "dax.region and dax.range go together";
	else if (ram && s->compound >= 0)
		why = "compound applies to devdax, and mode is system-ram";
	else if (ram && s->head_only >= 0)
		why = "vmemmap_head_only applies to devdax, and mode is "
		      "system-ram";
	else if (!ram && (s->online >= 0 || s->movable >= 0))
		why = "online and movable apply to system-ram, and mode is "
		      "devdax";
	if (!why)
		return 0;
	pr_err("%s:%d: [reconfigure-device %s] %s", s->file, s->line, s->name,
	       why);
	return 1;
}

static struct section *add_section(struct config *cfg, const char *path,
				   const char *full)
{
	struct section *grown, *s;

	grown = realloc(cfg->s, (cfg->count + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	cfg->s = grown;
	s = &cfg->s[cfg->count];
	*s = (struct section){ .region = -1,
			       .online = -1,
			       .movable = -1,
			       .compound = -1,
			       .head_only = -1,
			       .line = find_line(path, full, NULL) };
	s->name = strdup(full + strlen(SECTION_PREFIX));
	s->file = strdup(path);
	if (!s->name || !s->file) {
		free(s->name);
		free(s->file);
		return NULL;
	}
	cfg->count++;
	return s;
}

/* One file into cfg; returns the number of errors it printed. */
static int load_file(struct config *cfg, const char *path)
{
	int i, first = cfg->count, errors = 0;
	struct section *s = NULL;
	dictionary *d;

	iniparser_set_error_callback(ini_error);
	d = iniparser_load(path);
	if (!d)
		return 1;
	/* Entries are kept in the order read: a section, then its keys. */
	for (i = 0; i < d->size; i++) {
		const char *full = d->key[i], *val = d->val[i];
		size_t len = strlen(SECTION_PREFIX);
		char *colon;

		if (!full)
			continue;
		if (!val) {
			s = NULL;
			if (strncmp(full, SECTION_PREFIX, len) ||
			    !*trim((char *)full + len)) {
				pr_err("%s:%d: section [%s] is not "
				       "[reconfigure-device NAME]",
				       path, find_line(path, full, NULL), full);
				errors++;
				continue;
			}
			s = add_section(cfg, path, full);
			if (!s) {
				pr_err("%s: out of memory", path);
				errors++;
				break;
			}
			continue;
		}
		colon = strchr(full, ':');
		if (!colon) {
			pr_err("%s:%d: key '%s' is outside any section", path,
			       find_line(path, "", full), full);
			errors++;
			continue;
		}
		/* The keys of a section that was refused are not read. */
		if (!s || strncmp(full, SECTION_PREFIX, len) ||
		    strncmp(full + len, s->name, strlen(s->name)) ||
		    full + len + strlen(s->name) != colon)
			continue;
		*colon = '\0';
		errors += set_key(s, full, colon + 1, trim((char *)val));
		*colon = ':';
	}
	iniparser_freedict(d);
	for (i = first; i < cfg->count; i++)
		errors += check_section(&cfg->s[i]);
	return errors;
}

static int conf_file(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	/* Hidden files include the ones --save-config is writing. */
	return e->d_name[0] != '.' && len > 5 &&
	       !strcmp(e->d_name + len - 5, ".conf");
}

/*
 * Every *.conf in dir, in name order.  A missing directory is an empty
 * config.  Returns 0, or -EINVAL after naming every error.
 */
static int config_load(const char *dir, struct config *cfg)
{
	struct dirent **ents;
	int n, i, j, errors = 0;
	char *path;

	*cfg = (struct config){ 0 };
	n = scandir(dir, &ents, conf_file, alphasort);
	if (n < 0) {
		if (errno == ENOENT)
			return 0;
		pr_err("%s: cannot read the config directory: %s", dir,
		       strerror(errno));
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (asprintf(&path, "%s/%s", dir, ents[i]->d_name) < 0) {
			errors++;
			path = NULL;
		} else {
			errors += load_file(cfg, path);
		}
		free(path);
		free(ents[i]);
	}
	free(ents);
	/* Upstream's rule: a section name is unique across all files. */
	for (i = 0; i < cfg->count; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(cfg->s[i].name, cfg->s[j].name)) {
				pr_err("%s:%d: [reconfigure-device %s] is "
				       "already in %s:%d",
				       cfg->s[i].file, cfg->s[i].line,
				       cfg->s[i].name, cfg->s[j].file,
				       cfg->s[j].line);
				errors++;
			}
	return errors ? -EINVAL : 0;
}

static int identify(struct devstate *ds, struct daxctl_dev *dev,
		    struct config_id *id)
{
	struct daxctl_region *region = daxctl_dev_get_region(dev);
	struct daxctl_backing b;
	uint64_t size = daxctl_dev_get_size(dev);

	*id = (struct config_id){ .region = daxctl_region_get_id(region) };
	if (daxctl_region_get_backing(region, &b))
		b = (struct daxctl_backing){ 0 };
	if (b.nd) {
		id->nd = true;
		if (sysfs_read(ds->root, id->uuid, sizeof(id->uuid),
			       "sys/bus/nd/devices/%s/uuid", b.ns) ||
		    !valid_uuid(id->uuid)) {
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

static bool same_id(const struct config_id *a, const struct config_id *b)
{
	if (a->nd || b->nd)
		return a->nd && b->nd && !strcmp(a->uuid, b->uuid);
	return a->region == b->region && a->start == b->start &&
	       a->end == b->end;
}

static bool matches(const struct section *s, const struct config_id *id)
{
	if (id->nd)
		return s->uuid && !strcmp(s->uuid, id->uuid);
	return s->has_range && s->region == id->region &&
	       s->start == id->start && s->end == id->end;
}

static const char *describe_id(const struct config_id *id, char *buf,
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
static void id_stem(const struct config_id *id, char *buf, size_t len)
{
	if (id->nd)
		snprintf(buf, len, "%s", id->uuid);
	else
		snprintf(buf, len, "region%d-%#llx", id->region,
			 (unsigned long long)id->start);
}

static const char *conf_dir(const struct reconf_opts *o)
{
	return o->config_dir ? o->config_dir : DAXCTL_CONF_DIR;
}

bool config_request(struct reconf_opts *o, char **name, int *status)
{
	const char *dir = conf_dir(o), *slash = strrchr(*name, '/');
	const struct section *hit = NULL;
	struct daxctl_dev *dev;
	struct config_id id;
	struct config cfg;
	struct devstate ds;
	char desc[96], b1[32];
	bool ram, ok = false;
	int i;

	*status = EXIT_USAGE;
	if (o->mode || o->memmap || o->align || o->compound >= 0 ||
	    o->head_only >= 0 || o->size || o->movable >= 0 || o->no_online ||
	    o->region || o->save_config) {
		pr_err("--check-config takes the settings from %s: give no "
		       "--mode, --memmap, --[no-]compound, "
		       "--[no-]vmemmap-head-only, --align, --[no-]movable, "
		       "--no-online, --region or --save-config with it",
		       dir);
		return false;
	}
	if (slash)
		*name = (char *)slash + 1;
	if (!strcmp(*name, "all")) {
		pr_err("--check-config takes one device, as udev names it, "
		       "not 'all'");
		return false;
	}

	*status = EXIT_FAIL;
	if (config_load(dir, &cfg)) {
		pr_err("%s: nothing applied: the config in %s has errors",
		       *name, dir);
		config_free(&cfg);
		return false;
	}
	if (devstate_open(&ds, o->sysroot, DEVSTATE_DAX))
		goto out;
	dev = daxctl_get_dev(ds.dax, *name);
	if (!dev) {
		pr_err("%s: no such dax device", *name);
		goto out;
	}
	if (identify(&ds, dev, &id)) {
		pr_info("%s: %s, nothing a config section can match; left as "
			"it is",
			*name,
			id.nd ? "its namespace has no uuid (no label)" :
				"it has no range");
		*status = EXIT_OK;
		goto out;
	}
	for (i = 0; i < cfg.count; i++) {
		if (!matches(&cfg.s[i], &id))
			continue;
		if (hit) {
			pr_err("%s: both [reconfigure-device %s] (%s:%d) and "
			       "[reconfigure-device %s] (%s:%d) match it; "
			       "nothing applied",
			       *name, hit->name, hit->file, hit->line,
			       cfg.s[i].name, cfg.s[i].file, cfg.s[i].line);
			goto out;
		}
		hit = &cfg.s[i];
	}
	describe_id(&id, desc, sizeof(desc));
	if (!hit) {
		pr_info("%s: no section in %s matches it (%s); left as it is",
			*name, dir, desc);
		*status = EXIT_OK;
		goto out;
	}

	/* Upstream's defaults: system-ram, online, movable. */
	o->mode = hit->mode ? hit->mode : "system-ram";
	ram = !strcmp(o->mode, "system-ram");
	o->memmap = hit->memmap;
	if (hit->align)
		o->align = size_exact(hit->align, o->align_buf,
				      sizeof(o->align_buf));
	if (ram) {
		o->no_online = hit->online == 0;
		o->movable = hit->movable;
	} else {
		o->compound = hit->compound;
		o->head_only = hit->head_only;
	}
	pr_info("%s: [reconfigure-device %s] in %s:%d matches it (%s): mode "
		"%s%s%s%s%s%s%s%s%s",
		*name, hit->name, hit->file, hit->line, desc, o->mode,
		ram ? (o->no_online ? ", offline" : ", online") : "",
		ram && o->movable == 0 ? ", not movable" : "",
		o->memmap ? ", memmap " : "", o->memmap ? o->memmap : "",
		o->compound == 0 ? ", no compound pages" :
		o->compound == 1 ? ", compound pages" :
				   "",
		o->head_only == 0 ? ", two vmemmap pages per compound page" :
		o->head_only == 1 ? ", one vmemmap page per compound page" :
				    "",
		o->align ? ", align " : "",
		o->align ? size_exact(hit->align, b1, sizeof(b1)) : "");
	*status = EXIT_OK;
	ok = true;
out:
	devstate_close(&ds);
	config_free(&cfg);
	return ok;
}

static int save_path(const char *dir, const struct config_id *id, char *buf,
		     size_t len)
{
	char stem[64];

	id_stem(id, stem, sizeof(stem));
	return snprintf(buf, len, "%s/%s.conf", dir, stem) >= (int)len ?
		       -ENAMETOOLONG :
		       0;
}

int config_save_prepare(struct devstate *ds, struct daxctl_dev *dev,
			const char *dir, struct config_id *id)
{
	const char *name = daxctl_dev_get_devname(dev);
	char path[4096];
	struct config cfg;
	int i, rc = EXIT_OK;

	if (!dir)
		dir = DAXCTL_CONF_DIR;
	if (identify(ds, dev, id)) {
		pr_err("%s: --save-config: %s, nothing to key the saved "
		       "setup by%s; not changed",
		       name,
		       id->nd ? "its namespace has no uuid" : "it has no range",
		       id->nd ? " (ndctl init-labels, then create-namespace, "
				"gives it one)" :
				"");
		return EXIT_FAIL;
	}
	if (save_path(dir, id, path, sizeof(path))) {
		pr_err("%s: --save-config: %s: path too long", name, dir);
		return EXIT_FAIL;
	}
	if (config_load(dir, &cfg)) {
		pr_err("%s: --save-config: the config in %s has errors; not "
		       "changed",
		       name, dir);
		rc = EXIT_FAIL;
	}
	for (i = 0; i < cfg.count && rc == EXIT_OK; i++) {
		if (!matches(&cfg.s[i], id) || !strcmp(cfg.s[i].file, path))
			continue;
		pr_err("%s: --save-config: [reconfigure-device %s] in %s:%d "
		       "already matches it (remove it, or reconfigure without "
		       "--save-config); not changed",
		       name, cfg.s[i].name, cfg.s[i].file, cfg.s[i].line);
		rc = EXIT_FAIL;
	}
	config_free(&cfg);
	return rc;
}

static struct daxctl_dev *find_dev(struct devstate *ds,
				   const struct config_id *id)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	struct config_id cur;

	daxctl_region_foreach (ds->dax, region)
		daxctl_dev_foreach (region, dev)
			if (!identify(ds, dev, &cur) && same_id(&cur, id))
				return dev;
	return NULL;
}

static int write_setup(FILE *f, struct daxctl_dev *dev,
		       const struct config_id *id)
{
	struct dev_state st;
	char stem[64], buf[32];
	bool ram;

	dev_state_from_dax(dev, &st);
	ram = st.dax_mode == DAXCTL_DEV_MODE_RAM;
	id_stem(id, stem, sizeof(stem));
	fprintf(f,
		"# Written by daxctl reconfigure-device --save-config for %s%s%s%s.\n"
		"# daxdev-reconfigure@.service reapplies it when the device "
		"appears.\n",
		st.dev, st.backing.nd ? " (" : "", st.backing.ns,
		st.backing.nd ? ")" : "");
	fprintf(f, "[reconfigure-device %s]\n", stem);
	if (id->nd)
		fprintf(f, "nvdimm.uuid = %s\n", id->uuid);
	else
		fprintf(f, "dax.region = %d\ndax.range = %#llx-%#llx\n",
			id->region, (unsigned long long)id->start,
			(unsigned long long)id->end);
	fprintf(f, "mode = %s\n", ram ? "system-ram" : "devdax");
	if (ram) {
		fprintf(f, "online = %s\n",
			st.blocks.online ? "true" : "false");
		fprintf(f, "movable = %s\n",
			!st.blocks.online || st.blocks.online_movable ==
						     st.blocks.online ?
				"true" :
				"false");
		fprintf(f, "memmap = %s\n",
			st.memmap_on_memory ? "pmem" : "dram");
	} else {
		fprintf(f, "memmap = %s\n",
			st.dax_memmap_pmem ? "pmem" : "dram");
		fprintf(f, "compound = %s\n",
			st.cfg.compound ? "true" : "false");
		/* Only a patched kernel has the setting; a stock one, none. */
		if (daxctl_dev_has_control(dev, "vmemmap_head_only"))
			fprintf(f, "vmemmap_head_only = %s\n",
				st.cfg.head_only ? "true" : "false");
	}
	fprintf(f, "align = %s\n", size_exact(st.cfg.align, buf, sizeof(buf)));
	return ferror(f) ? -EIO : 0;
}

int config_save(struct devstate *ds, const struct config_id *id,
		const char *dir)
{
	char path[4096], tmp[4200], desc[96];
	struct daxctl_dev *dev;
	FILE *f;
	int rc;

	if (!dir)
		dir = DAXCTL_CONF_DIR;
	describe_id(id, desc, sizeof(desc));
	daxctl_refresh(ds->dax);
	dev = find_dev(ds, id);
	if (!dev) {
		pr_err("%s: --save-config: no dax device has it now; nothing "
		       "saved",
		       desc);
		return EXIT_FAIL;
	}
	if (save_path(dir, id, path, sizeof(path)))
		return EXIT_FAIL;
	/* A hidden name, so a half-written file is never read. */
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, strrchr(path, '/') + 1);
	if (mkdir(dir, 0755) && errno != EEXIST) {
		pr_err("%s: --save-config: cannot create %s: %s",
		       daxctl_dev_get_devname(dev), dir, strerror(errno));
		return EXIT_FAIL;
	}
	f = fopen(tmp, "w");
	if (!f) {
		pr_err("%s: --save-config: cannot write %s: %s",
		       daxctl_dev_get_devname(dev), tmp, strerror(errno));
		return EXIT_FAIL;
	}
	rc = write_setup(f, dev, id);
	if (fflush(f) || fsync(fileno(f)))
		rc = -errno;
	if (fclose(f) && !rc)
		rc = -errno;
	if (!rc && rename(tmp, path))
		rc = -errno;
	if (rc) {
		unlink(tmp);
		pr_err("%s: --save-config: cannot write %s: %s",
		       daxctl_dev_get_devname(dev), path, strerror(-rc));
		return EXIT_FAIL;
	}
	pr_info("%s: saved its setup to %s (%s)", daxctl_dev_get_devname(dev),
		path, desc);
	return EXIT_OK;
}
