// SPDX-License-Identifier: GPL-2.0
/*
 * Our reader for the daxctl config syntax (config-parse.h).  One pass
 * over the text, line by line; each key of a section is looked up in a
 * fixed table and remembered by the line it came from, so a repeated
 * key is caught where it is.  Section names are checked for repeats
 * across the directory once, by sorting, so that loading is linear in
 * the size of the config, not quadratic as libiniparser's dictionary
 * (one linear search per entry added) made it.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <util/log.h>
#include <util/size.h>
#include "config-parse.h"

static const char *const key_names[KEY_COUNT] = {
	[KEY_UUID] = "nvdimm.uuid",
	[KEY_REGION] = "dax.region",
	[KEY_RANGE] = "dax.range",
	[KEY_MODE] = "mode",
	[KEY_ONLINE] = "online",
	[KEY_MOVABLE] = "movable",
	[KEY_MEMMAP] = "memmap",
	[KEY_COMPOUND] = "compound",
	[KEY_HEAD_ONLY] = "vmemmap_head_only",
	[KEY_ALIGN] = "align",
};

/* Where a parse is: the file, the line, the section keys go to. */
struct parser {
	struct config *cfg;
	const char *file; /* cfg's copy of the name */
	int line; /* of the (first physical line of the) current line */
	/* NULL: before any section, or in one that was refused. */
	struct section *cur;
	bool any_section; /* a [...] line was seen */
	int errors;
};

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

void config_free(struct config *cfg)
{
	int i;

	for (i = 0; i < cfg->count; i++) {
		free(cfg->s[i].name);
		free(cfg->s[i].uuid);
	}
	for (i = 0; i < cfg->nfiles; i++)
		free(cfg->files[i]);
	free(cfg->s);
	free(cfg->files);
	*cfg = (struct config){ 0 };
}

/* Room for one more of *count items of size each in *items (doubling). */
static int grow(void **items, int *alloc, int count, size_t size)
{
	void *grown;
	int want;

	if (count < *alloc)
		return 0;
	if (*alloc > INT_MAX / 2)
		return -ENOMEM;
	want = *alloc ? *alloc * 2 : 16;
	grown = realloc(*items, (size_t)want * size);
	if (!grown)
		return -ENOMEM;
	*items = grown;
	*alloc = want;
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

bool config_valid_uuid(const char *v)
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

/*
 * An unsigned number, decimal or 0x hex, starting at *v and ending at a
 * stop character; no sign, no space (strtoull would take "-1" as
 * 2^64 - 1).  *v is left after it.
 */
static int parse_u64(const char **v, uint64_t *out)
{
	unsigned long long val;
	char *end;

	if (!isdigit((unsigned char)**v))
		return -EINVAL;
	errno = 0;
	val = strtoull(*v, &end, 0);
	if (errno)
		return -ERANGE;
	*out = val;
	*v = end;
	return 0;
}

static int parse_range(const char *v, uint64_t *start, uint64_t *end)
{
	if (parse_u64(&v, start) || *v != '-')
		return -EINVAL;
	v++;
	if (parse_u64(&v, end) || *v || *end <= *start)
		return -EINVAL;
	return 0;
}

static int parse_region(const char *v, int *out)
{
	uint64_t id;

	if (parse_u64(&v, &id) || *v || id > INT_MAX)
		return -EINVAL;
	*out = (int)id;
	return 0;
}

/* val for key k of s; the reason it is refused, or NULL. */
static const char *set_value(const struct config_words *w, struct section *s,
			     enum config_key k, const char *val)
{
	switch (k) {
	case KEY_UUID:
		if (!config_valid_uuid(val))
			return "expected a uuid such as "
			       "ed93e918-e165-49d8-921d-383d7b9660c5";
		s->uuid = strdup(val);
		if (!s->uuid)
			return "out of memory";
		lower(s->uuid);
		return NULL;
	case KEY_REGION:
		if (parse_region(val, &s->region))
			return "expected a dax region id from 0 to 2147483647";
		return NULL;
	case KEY_RANGE:
		s->has_range = !parse_range(val, &s->start, &s->end);
		return s->has_range ? NULL :
				      "expected START-END, two numbers below "
				      "2^64 in order, such as "
				      "0x140000000-0x17fffffff";
	case KEY_MODE:
		return word_value_printed(w->mode, val, &s->mode) ?
			       "expected system-ram or devdax" :
			       NULL;
	case KEY_MEMMAP:
		return word_value_printed(w->memmap, val, &s->memmap) ?
			       "expected dram or pmem" :
			       NULL;
	case KEY_ALIGN:
		if (parse_size(val, &s->align) || !s->align)
			return "expected a size such as 4K, 2M or 1G";
		return NULL;
	case KEY_ONLINE:
		return parse_bool(val, &s->online) ? "expected true or false" :
						     NULL;
	case KEY_MOVABLE:
		return parse_bool(val, &s->movable) ? "expected true or false" :
						      NULL;
	case KEY_COMPOUND:
		return parse_bool(val, &s->compound) ?
			       "expected true or false" :
			       NULL;
	case KEY_HEAD_ONLY:
		return parse_bool(val, &s->head_only) ?
			       "expected true or false" :
			       NULL;
	default:
		return "not a key";
	}
}

static void set_key(struct parser *p, const char *key, const char *val)
{
	struct section *s = p->cur;
	const char *why;
	int k;

	for (k = 0; k < KEY_COUNT; k++)
		if (!strcmp(key, key_names[k]))
			break;
	if (k == KEY_COUNT) {
		pr_err("%s:%d: unknown key '%s' in [" SECTION_PREFIX " %s] "
		       "(known: nvdimm.uuid, dax.region, dax.range, mode, "
		       "online, movable, memmap, compound, vmemmap_head_only, "
		       "align)",
		       p->file, p->line, key, s->name);
		p->errors++;
		return;
	}
	if (s->key_line[k]) {
		pr_err("%s:%d: %s is already set in [" SECTION_PREFIX " %s] "
		       "at line %d; give each key once",
		       p->file, p->line, key, s->name, s->key_line[k]);
		p->errors++;
		return;
	}
	s->key_line[k] = p->line;
	why = set_value(p->cfg->words, s, (enum config_key)k, val);
	if (why) {
		pr_err("%s:%d: %s = '%s': %s", p->file, p->line, key, val, why);
		p->errors++;
	}
}

/* What a whole section must say; 1 (and a message) when it does not. */
static int check_section(const struct config_words *w, const struct section *s)
{
	const char *why = NULL;
	bool ram = s->mode < 0 || s->mode == w->ram_mode;

	/* A key that was given but refused has been named already. */
	if (s->key_line[KEY_UUID] && !s->uuid)
		return 0;
	if ((s->key_line[KEY_REGION] && s->region < 0) ||
	    (s->key_line[KEY_RANGE] && !s->has_range))
		return 0;
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
	pr_err("%s:%d: [" SECTION_PREFIX " %s] %s", s->file, s->line, s->name,
	       why);
	return 1;
}

/* A [...] line; s is trimmed and runs from '[' to its last char, ']'. */
static void section_line(struct parser *p, char *s)
{
	size_t len = strlen(SECTION_PREFIX);
	struct section *sec;
	char *full, *name;

	p->cur = NULL;
	p->any_section = true;
	/* As libiniparser: the name ends at the first ']'. */
	full = s + 1;
	*strchr(full, ']') = '\0';
	full = trim(full);
	lower(full);
	if (strncmp(full, SECTION_PREFIX, len) ||
	    !isspace((unsigned char)full[len]) || !*trim(full + len)) {
		/* Its keys are not read: the section is the error. */
		pr_err("%s:%d: section [%s] is not [" SECTION_PREFIX " NAME]",
		       p->file, p->line, full);
		p->errors++;
		return;
	}
	name = trim(full + len);
	if (grow((void **)&p->cfg->s, &p->cfg->alloc, p->cfg->count,
		 sizeof(*sec)))
		goto oom;
	sec = &p->cfg->s[p->cfg->count];
	*sec = (struct section){ .file = p->file,
				 .line = p->line,
				 .region = -1,
				 .mode = -1,
				 .memmap = -1,
				 .online = -1,
				 .movable = -1,
				 .compound = -1,
				 .head_only = -1 };
	sec->name = strdup(name);
	if (!sec->name)
		goto oom;
	p->cfg->count++;
	p->cur = sec;
	return;
oom:
	pr_err("%s:%d: out of memory", p->file, p->line);
	p->errors++;
}

/*
 * The value after '=': quoted, what is between the quotes, as it is;
 * otherwise up to a ';' or '#' (an inline comment), trimmed.  As
 * libiniparser, "" and '' are empty.
 */
static char *value_of(char *v)
{
	char *close;

	v = trim(v);
	if ((*v == '"' || *v == '\'') && (close = strchr(v + 1, *v))) {
		*close = '\0';
		return v + 1;
	}
	v[strcspn(v, ";#")] = '\0';
	return trim(v);
}

/* One logical line, NUL-terminated (continuations joined). */
static void parse_line(struct parser *p, char *line)
{
	char *s = trim(line), *eq, *key;
	size_t len = strlen(s);

	if (!len || *s == '#' || *s == ';')
		return;
	if (*s == '[' && s[len - 1] == ']') {
		section_line(p, s);
		return;
	}
	eq = strchr(s, '=');
	if (eq) {
		*eq = '\0';
		key = trim(s);
		if (*key) {
			lower(key);
			if (p->cur) {
				set_key(p, key, value_of(eq + 1));
			} else if (!p->any_section) {
				pr_err("%s:%d: key '%s' is outside any section "
				       "(a [" SECTION_PREFIX " NAME] line "
				       "goes first)",
				       p->file, p->line, key);
				p->errors++;
			}
			return;
		}
		*eq = '=';
	}
	pr_err("%s:%d: not an INI line (a [section], key = value, or # "
	       "comment): '%s'",
	       p->file, p->line, s);
	p->errors++;
}

static int add_file(struct config *cfg, const char *file, const char **copy)
{
	if (grow((void **)&cfg->files, &cfg->files_alloc, cfg->nfiles,
		 sizeof(*cfg->files)))
		return -ENOMEM;
	cfg->files[cfg->nfiles] = strdup(file);
	if (!cfg->files[cfg->nfiles])
		return -ENOMEM;
	*copy = cfg->files[cfg->nfiles++];
	return 0;
}

int config_parse(struct config *cfg, const char *file, const char *text,
		 size_t len)
{
	struct parser p = { .cfg = cfg };
	const char *at = text, *stop = text + len, *nl, *nul;
	int first = cfg->count, i, phys = 0;
	size_t used, n;
	char *line;

	if (add_file(cfg, file, &p.file)) {
		pr_err("%s: out of memory", file);
		return 1;
	}
	nul = memchr(text, '\0', len);
	if (nul) {
		for (nl = text; nl < nul; nl++)
			phys += *nl == '\n';
		pr_err("%s:%d: a NUL byte: not a text file", file, phys + 1);
		return 1;
	}
	/* No logical line is longer than the text. */
	line = malloc(len + 1);
	if (!line) {
		pr_err("%s: out of memory", file);
		return 1;
	}
	while (at < stop) {
		p.line = ++phys;
		used = 0;
		for (;;) {
			nl = memchr(at, '\n', (size_t)(stop - at));
			n = (size_t)((nl ? nl : stop) - at);
			memcpy(line + used, at, n);
			used += n;
			at += n + (nl ? 1 : 0);
			while (used && isspace((unsigned char)line[used - 1]))
				used--;
			/* A trailing '\' joins the next line, as upstream. */
			if (!used || line[used - 1] != '\\' || at >= stop)
				break;
			used--;
			phys++;
		}
		line[used] = '\0';
		parse_line(&p, line);
	}
	free(line);
	for (i = first; i < cfg->count; i++)
		p.errors += check_section(cfg->words, &cfg->s[i]);
	return p.errors;
}

/* By name, then in the order read, so the first of a name leads. */
static int by_name(const void *a, const void *b, void *arg)
{
	const struct config *cfg = arg;
	int i = *(const int *)a, j = *(const int *)b;
	int c = strcmp(cfg->s[i].name, cfg->s[j].name);

	return c ? c : (i > j) - (i < j);
}

int config_check_names(struct config *cfg)
{
	int *order, *first, i, errors = 0;

	if (cfg->count < 2)
		return 0;
	order = calloc((size_t)cfg->count, sizeof(*order));
	first = calloc((size_t)cfg->count, sizeof(*first));
	if (!order || !first) {
		free(order);
		free(first);
		pr_err("%s: out of memory", cfg->s[0].file);
		return 1;
	}
	for (i = 0; i < cfg->count; i++)
		order[i] = i;
	qsort_r(order, (size_t)cfg->count, sizeof(*order), by_name, cfg);
	/* first[k]: the section k repeats, or k itself. */
	for (i = 0; i < cfg->count; i++)
		first[order[i]] = i && !strcmp(cfg->s[order[i]].name,
					       cfg->s[order[i - 1]].name) ?
					  first[order[i - 1]] :
					  order[i];
	/* Named in the order read, as every other error. */
	for (i = 0; i < cfg->count; i++) {
		const struct section *s = &cfg->s[i], *was = &cfg->s[first[i]];

		if (first[i] == i)
			continue;
		pr_err("%s:%d: [" SECTION_PREFIX " %s] is already in %s:%d; "
		       "a section name is used once across the directory",
		       s->file, s->line, s->name, was->file, was->line);
		errors++;
	}
	free(order);
	free(first);
	return errors;
}
