// SPDX-License-Identifier: GPL-2.0
/*
 * The monitor's config file (upstream's monitor.conf): "key = value"
 * lines, '#' comments, blank lines and [section] headers, with the keys
 * bus, dimm, region, namespace, dimm-event and log.  Upstream skips what
 * it does not understand; here an unknown key or a line that is neither
 * is an error naming the file and line, so a typo is not a monitor
 * that silently watches everything.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <util/log.h>
#include "monitor.h"

#define CONF_MAX (1 << 20)

static const char *const keys[MON_KEY_COUNT] = {
	[MON_KEY_BUS] = "bus",
	[MON_KEY_DIMM] = "dimm",
	[MON_KEY_REGION] = "region",
	[MON_KEY_NAMESPACE] = "namespace",
	[MON_KEY_DIMM_EVENT] = "dimm-event",
	[MON_KEY_LOG] = "log",
};

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\r' || end[-1] == '\n'))
		*--end = '\0';
	return s;
}

/* Append value to *slot, space-separated, as upstream joins them. */
static int append(char **slot, const char *value)
{
	size_t old = *slot ? strlen(*slot) + 1 : 0;
	char *grown = realloc(*slot, old + strlen(value) + 1);

	if (!grown)
		return -ENOMEM;
	if (old)
		grown[old - 1] = ' ';
	strcpy(grown + old, value);
	*slot = grown;
	return 0;
}

int mon_conf_parse(struct mon_conf *conf, const char *file, char *text,
		   size_t len)
{
	char *line, *next;
	int lineno = 0, errors = 0;

	if (memchr(text, '\0', len)) {
		pr_err("%s: holds a NUL byte: not a text file", file);
		return 1;
	}
	text[len] = '\0';
	for (line = text; line; line = next) {
		char *eq, *key, *value;
		int k;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		line = trim(line);
		if (!*line || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			if (line[strlen(line) - 1] != ']') {
				pr_err("%s:%d: '%s': a section header ends "
				       "with ']'",
				       file, lineno, line);
				errors++;
			}
			continue;
		}
		eq = strchr(line, '=');
		if (!eq) {
			pr_err("%s:%d: '%s': expected key = value", file,
			       lineno, line);
			errors++;
			continue;
		}
		*eq = '\0';
		key = trim(line);
		value = trim(eq + 1);
		for (k = 0; k < MON_KEY_COUNT; k++)
			if (!strcmp(key, keys[k]))
				break;
		if (k == MON_KEY_COUNT) {
			pr_err("%s:%d: unknown key '%s' (the monitor takes bus, "
			       "dimm, region, namespace, dimm-event and log)",
			       file, lineno, key);
			errors++;
			continue;
		}
		/* An empty value says nothing, as upstream reads it. */
		if (!*value)
			continue;
		if (k == MON_KEY_LOG && conf->v[k]) {
			pr_err("%s:%d: log given twice", file, lineno);
			errors++;
			continue;
		}
		if (append(&conf->v[k], value))
			return errors + 1;
		conf->line[k] = lineno;
	}
	return errors;
}

int mon_conf_load(struct mon_conf *conf, const char *path, bool named)
{
	char file[4096];
	struct stat st;
	size_t len = 0;
	char *text;
	FILE *f;
	int rc;

	if (stat(path, &st)) {
		if (!named && errno == ENOENT)
			return 0;
		pr_err("config '%s': %s", path, strerror(errno));
		return 1;
	}
	/* A directory is a config directory: its monitor.conf, if any. */
	if (S_ISDIR(st.st_mode)) {
		snprintf(file, sizeof(file), "%s/monitor.conf", path);
		if (stat(file, &st))
			return 0;
		path = file;
	}
	if (!S_ISREG(st.st_mode)) {
		pr_err("config '%s': not a regular file", path);
		return 1;
	}
	if (st.st_size > CONF_MAX) {
		pr_err("config '%s': %lld bytes, more than a config file holds",
		       path, (long long)st.st_size);
		return 1;
	}
	f = fopen(path, "re");
	if (!f) {
		pr_err("config '%s': %s", path, strerror(errno));
		return 1;
	}
	text = malloc((size_t)st.st_size + 1);
	if (text)
		len = fread(text, 1, (size_t)st.st_size, f);
	if (!text || ferror(f)) {
		pr_err("config '%s': %s", path,
		       text ? "read error" : strerror(ENOMEM));
		fclose(f);
		free(text);
		return 1;
	}
	fclose(f);
	snprintf(conf->file, sizeof(conf->file), "%s", path);
	rc = mon_conf_parse(conf, path, text, len);
	free(text);
	return rc;
}

void mon_conf_free(struct mon_conf *conf)
{
	int k;

	for (k = 0; k < MON_KEY_COUNT; k++)
		free(conf->v[k]);
}
