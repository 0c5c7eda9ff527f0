// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: config_parse() and config_check_names() on any
 * bytes, as the text of one file.  Besides the sanitizers' checks:
 *
 *  - every error is one line that starts with the file's name, and the
 *    count returned is the number of messages printed;
 *  - every section has a trimmed, lower-case name and a line within the
 *    text;
 *  - a text that parses without error, written back out in our own
 *    form, parses again to the same sections.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/words.h>
#include <util/config-parse.h>
#include <util/log.h>
#include <util/size.h>

#define FILE_NAME "fuzz.conf"

static int messages;

/* config-parse.c's only output: checked, counted, not printed. */
void pr_err(const char *fmt, ...)
{
	char msg[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (strncmp(msg, FILE_NAME ":", strlen(FILE_NAME ":")) ||
	    strchr(msg, '\n'))
		abort();
	messages++;
}

static void check_sections(const struct config *cfg, int lines)
{
	const struct section *s;
	const char *c;
	size_t len;
	int i;

	for (i = 0; i < cfg->count; i++) {
		s = &cfg->s[i];
		len = strlen(s->name);
		if (!len || isspace((unsigned char)s->name[0]) ||
		    isspace((unsigned char)s->name[len - 1]) ||
		    strcmp(s->file, FILE_NAME) || s->line < 1 ||
		    s->line > lines)
			abort();
		for (c = s->name; *c; c++)
			if (isupper((unsigned char)*c))
				abort();
	}
}

static void put_bool(FILE *f, const char *key, int val)
{
	if (val >= 0)
		fprintf(f, "%s = %s\n", key, val ? "true" : "false");
}

/* cfg's sections in the form --save-config writes. */
static char *write_back(const struct config *cfg, size_t *len)
{
	const struct section *s;
	char *text = NULL, size[32];
	FILE *f = open_memstream(&text, len);
	int i;

	if (!f)
		abort();
	for (i = 0; i < cfg->count; i++) {
		s = &cfg->s[i];
		fprintf(f, "[reconfigure-device %s]\n", s->name);
		if (s->uuid)
			fprintf(f, "nvdimm.uuid = %s\n", s->uuid);
		if (s->region >= 0)
			fprintf(f, "dax.region = %d\n", s->region);
		if (s->has_range)
			fprintf(f, "dax.range = %#llx-%#llx\n",
				(unsigned long long)s->start,
				(unsigned long long)s->end);
		if (s->mode >= 0)
			fprintf(f, "mode = %s\n",
				word_of(dax_mode_words, s->mode, "?"));
		if (s->memmap >= 0)
			fprintf(f, "memmap = %s\n",
				word_of(memmap_location_words, s->memmap, "?"));
		if (s->align)
			fprintf(f, "align = %s\n",
				size_exact(s->align, size, sizeof(size)));
		put_bool(f, "online", s->online);
		put_bool(f, "movable", s->movable);
		put_bool(f, "compound", s->compound);
		put_bool(f, "vmemmap_head_only", s->head_only);
	}
	if (fclose(f))
		abort();
	return text;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void check_same(const struct section *a, const struct section *b)
{
	if (strcmp(a->name, b->name) || !same_str(a->uuid, b->uuid) ||
	    a->region != b->region || a->has_range != b->has_range ||
	    a->start != b->start || a->end != b->end || a->mode != b->mode ||
	    a->memmap != b->memmap || a->align != b->align ||
	    a->online != b->online || a->movable != b->movable ||
	    a->compound != b->compound || a->head_only != b->head_only)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct config cfg = { .words = &dax_config_words },
		      again = { .words = &dax_config_words };
	int errors, lines = 1, i;
	size_t back_len;
	char *back;

	for (i = 0; i < (int)len; i++)
		lines += data[i] == '\n';
	messages = 0;
	errors = config_parse(&cfg, FILE_NAME, (const char *)data, len);
	errors += config_check_names(&cfg);
	if (errors != messages)
		abort();
	check_sections(&cfg, lines);
	if (!errors) {
		back = write_back(&cfg, &back_len);
		if (config_parse(&again, FILE_NAME, back, back_len) ||
		    config_check_names(&again) || again.count != cfg.count)
			abort();
		for (i = 0; i < cfg.count; i++)
			check_same(&cfg.s[i], &again.s[i]);
		free(back);
		config_free(&again);
	}
	config_free(&cfg);
	return 0;
}
