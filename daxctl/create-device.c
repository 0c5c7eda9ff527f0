// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl create-device: carve a device out of a dynamic region's free
 * space, align and size it (or give it the ranges an --input file names,
 * to re-create a device listed before), and bind it.  The steps run
 * through the step list: a failure removes the new device again.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include <devstate/context.h>
#include <devstate/journal.h>
#include <devstate/dax-json.h>
#include <devstate/filter.h>
#include <devstate/modules.h>
#include <devstate/parse.h>
#include <devstate/steps.h>
#include <memmap/memmap.h>
#include <memmap/planner.h>
#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include "builtin.h"
#include <daxchange/decide.h>

/* More ranges than a device is ever split into by hand. */
#define INPUT_RANGES_MAX 64

struct create_request {
	const char *region; /* -r, or from the input's chardev */
	char region_id[16];
	uint64_t size, align;
	struct dax_range ranges[INPUT_RANGES_MAX];
	unsigned int nr_ranges;
};

/* What the dax bus takes as a device align on x86_64. */
static bool is_dax_align(uint64_t align)
{
	return memmap_align_supported(&memmap_profile_linux61_x86_64, align);
}

/* The most of a --input file read: a device's listing is a few KiB. */
#define INPUT_BYTES_MAX (1 << 20)

/*
 * Every key daxctl list prints for a device.  Those create-device takes
 * are checked for their values below; the others describe the device as
 * it was and are only checked for their type.  Any other key is refused:
 * a misspelt "sise" must not become "all the capacity".
 */
static const struct input_key {
	const char *key;
	enum json_type type;
} input_keys[] = {
	{ "chardev", json_type_string },
	{ "size", json_type_int },
	{ "align", json_type_int },
	{ "mappings", json_type_array },
	{ "target_node", json_type_int },
	{ "mode", json_type_string },
	{ "online_memblocks", json_type_int },
	{ "total_memblocks", json_type_int },
	{ "movable", json_type_boolean },
	{ "vmemmap_head_only", json_type_boolean },
	{ "state", json_type_string },
	{ "memmap_location", json_type_string },
	{ "memmap_compound", json_type_boolean },
	{ "memmap_dram_bytes", json_type_int },
	{ "memmap_device_bytes", json_type_int },
	{ "memmap_kernel_dram_bytes", json_type_int },
	{ "memmap_kernel_device_bytes", json_type_int },
};

/* "FILE: KEY is VALUE: WHY", VALUE as JSON and cut short if long. */
static int input_bad(const char *file, const char *key, struct json_object *j,
		     const char *why)
{
	const char *text = json_object_to_json_string_ext(
		j, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	int len = (int)strlen(text);

	pr_err("%s: \"%s\" is %.*s%s: %s", file, key, len > 64 ? 60 : len, text,
	       len > 64 ? "..." : "", why);
	return EXIT_USAGE;
}

/*
 * A byte count or address as daxctl list prints it: a JSON integer, or
 * for addresses with -u a "0x..." string.  json-c clamps an integer past
 * 2^64 to UINT64_MAX without saying so, and no size or address here can
 * be that, so UINT64_MAX is refused as out of range.
 */
static int input_u64(const char *file, const char *key, struct json_object *j,
		     bool hex_string, uint64_t *val)
{
	const char *str;
	char *end;

	if (json_object_is_type(j, json_type_int)) {
		if (json_object_get_int64(j) < 0)
			return input_bad(file, key, j, "negative");
		*val = json_object_get_uint64(j);
		if (*val == UINT64_MAX)
			return input_bad(file, key, j, "out of range");
		return 0;
	}
	if (!hex_string || !json_object_is_type(j, json_type_string))
		return input_bad(file, key, j,
				 hex_string ?
					 "expected an integer or a \"0x...\" "
					 "string" :
					 "expected an integer, as daxctl list "
					 "prints it (without -u)");
	str = json_object_get_string(j);
	if (strncmp(str, "0x", 2) || !isxdigit((unsigned char)str[2]))
		return input_bad(file, key, j,
				 "expected \"0x\" and hex digits");
	errno = 0;
	*val = strtoull(str + 2, &end, 16);
	if (*end)
		return input_bad(file, key, j,
				 "expected \"0x\" and hex digits");
	if (errno || *val == UINT64_MAX)
		return input_bad(file, key, j, "out of range");
	return 0;
}

/* "daxN.M", digits only: the region is N. */
static bool parse_chardev(const char *name, char *region, size_t len)
{
	size_t n = strspn(name + 3, "0123456789"), m;

	if (strncmp(name, "dax", 3) || !n || n >= len || name[3 + n] != '.')
		return false;
	m = strspn(name + 4 + n, "0123456789");
	if (!m || name[4 + n + m])
		return false;
	memcpy(region, name + 3, n);
	region[n] = '\0';
	return true;
}

static int by_page_offset(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* One entry of "mappings": page_offset, start, end and maybe size. */
static int input_mapping(const char *file, size_t i, struct json_object *m,
			 uint64_t r[3])
{
	static const char *const need[] = { "page_offset", "start", "end" };
	struct json_object *j;
	char key[48];
	uint64_t size;
	int k, rc;

	snprintf(key, sizeof(key), "mappings[%zu]", i);
	if (!json_object_is_type(m, json_type_object))
		return input_bad(file, key, m, "expected an object");
	json_object_object_foreach (m, name, val) {
		snprintf(key, sizeof(key), "mappings[%zu].%s", i, name);
		if (strcmp(name, "page_offset") && strcmp(name, "start") &&
		    strcmp(name, "end") && strcmp(name, "size"))
			return input_bad(file, key, val,
					 "not a key of a mapping (page_offset, "
					 "start, end, size)");
	}
	for (k = 0; k < 3; k++) {
		snprintf(key, sizeof(key), "mappings[%zu].%s", i, need[k]);
		if (!json_object_object_get_ex(m, need[k], &j)) {
			pr_err("%s: \"%s\" is missing", file, key);
			return EXIT_USAGE;
		}
		rc = input_u64(file, key, j, true, &r[k]);
		if (rc)
			return rc;
	}
	snprintf(key, sizeof(key), "mappings[%zu].end", i);
	if (r[2] < r[1])
		return input_bad(file, key, json_object_object_get(m, "end"),
				 "before the mapping's start");
	if (json_object_object_get_ex(m, "size", &j)) {
		snprintf(key, sizeof(key), "mappings[%zu].size", i);
		rc = input_u64(file, key, j, false, &size);
		if (rc)
			return rc;
		if (size != r[2] - r[1] + 1)
			return input_bad(file, key, j,
					 "not end - start + 1 of the mapping");
	}
	return 0;
}

/* The "mappings" of the input, in page_offset order. */
static int input_ranges(const char *file, struct json_object *maps,
			struct create_request *req, uint64_t *total)
{
	uint64_t sorted[INPUT_RANGES_MAX][3];
	size_t i, n = json_object_array_length(maps);
	int rc;

	if (!n || n > INPUT_RANGES_MAX) {
		pr_err("%s: \"mappings\" has %zu ranges: expected 1 to %d",
		       file, n, INPUT_RANGES_MAX);
		return EXIT_USAGE;
	}
	for (i = 0; i < n; i++) {
		rc = input_mapping(file, i, json_object_array_get_idx(maps, i),
				   sorted[i]);
		if (rc)
			return rc;
	}
	qsort(sorted, n, sizeof(sorted[0]), by_page_offset);
	*total = 0;
	for (i = 0; i < n; i++) {
		if (i && sorted[i][0] == sorted[i - 1][0]) {
			pr_err("%s: two mappings at page_offset %#llx", file,
			       (unsigned long long)sorted[i][0]);
			return EXIT_USAGE;
		}
		req->ranges[i] = (struct dax_range){ .start = sorted[i][1],
						     .end = sorted[i][2] };
		*total += sorted[i][2] - sorted[i][1] + 1;
	}
	req->nr_ranges = n;
	return 0;
}

/* The whole file, parsed: one JSON value and nothing after it. */
static int input_parse(const char *file, struct json_object **obj)
{
	struct json_tokener *tok;
	size_t len, rest;
	char *buf;
	FILE *f;

	*obj = NULL;
	f = fopen(file, "r");
	if (!f) {
		pr_err("%s: cannot open: %s", file, strerror(errno));
		return EXIT_FAIL;
	}
	buf = malloc(INPUT_BYTES_MAX + 1);
	len = buf ? fread(buf, 1, INPUT_BYTES_MAX + 1, f) : 0;
	if (!buf || ferror(f)) {
		pr_err("%s: cannot read: %s", file,
		       buf ? strerror(errno) : "out of memory");
		fclose(f);
		free(buf);
		return EXIT_FAIL;
	}
	fclose(f);
	if (len > INPUT_BYTES_MAX) {
		pr_err("%s: more than %d bytes: not one device's listing", file,
		       INPUT_BYTES_MAX);
		free(buf);
		return EXIT_USAGE;
	}
	tok = json_tokener_new();
	if (tok) {
		*obj = json_tokener_parse_ex(tok, buf, (int)len);
		rest = json_tokener_get_parse_end(tok);
		while (*obj && rest < len && isspace((unsigned char)buf[rest]))
			rest++;
		if (*obj && rest < len) {
			json_object_put(*obj);
			*obj = NULL;
		}
		json_tokener_free(tok);
	}
	free(buf);
	if (!*obj || !json_object_is_type(*obj, json_type_object)) {
		pr_err("%s: not a JSON object (one device, as daxctl list "
		       "prints it, without the enclosing array)",
		       file);
		json_object_put(*obj);
		*obj = NULL;
		return EXIT_USAGE;
	}
	return 0;
}

/*
 * --input: one device object as daxctl list prints it.  Its chardev
 * names the region ("dax1.2": region 1; the device gets a new name),
 * size and align are taken unless the options give them, and its
 * mappings, when present, are the ranges the new device gets.  Every
 * key is checked before anything is used: a value that is not what
 * daxctl list prints is a usage error naming the file, key and value.
 */
static int read_input(const char *file, struct create_request *req)
{
	struct json_object *obj, *j;
	uint64_t size = 0, align = 0, total = 0;
	char region_id[sizeof(req->region_id)];
	bool has_size, has_align;
	size_t k;
	int rc;

	rc = input_parse(file, &obj);
	if (rc)
		return rc;
	rc = EXIT_USAGE;
	json_object_object_foreach (obj, key, val) {
		for (k = 0; k < sizeof(input_keys) / sizeof(input_keys[0]); k++)
			if (!strcmp(key, input_keys[k].key))
				break;
		if (k == sizeof(input_keys) / sizeof(input_keys[0])) {
			input_bad(file, key, val,
				  "not a key daxctl list prints for a device");
			goto out;
		}
		if (!json_object_is_type(val, input_keys[k].type)) {
			input_bad(file, key, val,
				  input_keys[k].type == json_type_int ?
					  "expected an integer, as daxctl "
					  "list prints it (without -u)" :
				  input_keys[k].type == json_type_string ?
					  "expected a string" :
				  input_keys[k].type == json_type_boolean ?
					  "expected true or false" :
					  "expected an array");
			goto out;
		}
	}
	if (json_object_object_get_ex(obj, "chardev", &j)) {
		if (!parse_chardev(json_object_get_string(j), region_id,
				   sizeof(region_id))) {
			input_bad(file, "chardev", j, "expected daxN.M");
			goto out;
		}
		/* -r names the region itself; the chardev still must parse. */
		if (!req->region) {
			memcpy(req->region_id, region_id, sizeof(region_id));
			req->region = req->region_id;
		}
	}
	has_size = json_object_object_get_ex(obj, "size", &j);
	if (has_size) {
		if (input_u64(file, "size", j, false, &size))
			goto out;
		if (!size) {
			input_bad(file, "size", j,
				  "a device of no capacity is not re-created");
			goto out;
		}
	}
	has_align = json_object_object_get_ex(obj, "align", &j);
	if (has_align) {
		if (input_u64(file, "align", j, false, &align))
			goto out;
		if (!is_dax_align(align)) {
			input_bad(file, "align", j, "expected 4K, 2M or 1G");
			goto out;
		}
	}
	if (json_object_object_get_ex(obj, "mappings", &j)) {
		if (input_ranges(file, j, req, &total))
			goto out;
		if (has_size && size != total) {
			input_bad(file, "size",
				  json_object_object_get(obj, "size"),
				  "not the total of its mappings");
			goto out;
		}
		/* The ranges fix the size: -s may only repeat it. */
		if (req->size && req->size != total) {
			char b1[32], b2[32];

			pr_err("%s: --size %s is not the %s its mappings cover",
			       file, size_exact(req->size, b1, sizeof(b1)),
			       size_exact(total, b2, sizeof(b2)));
			goto out;
		}
		size = total;
		has_size = true;
	}
	if (!req->align && has_align)
		req->align = align;
	if (!req->size && has_size)
		req->size = size;
	rc = EXIT_OK;
out:
	json_object_put(obj);
	return rc;
}

static struct daxctl_region *find_dynamic(struct daxctl_ctx *ctx,
					  const char *filter)
{
	struct daxctl_region *region;

	daxctl_region_foreach (ctx, region)
		if (dax_region_matches(region, filter) &&
		    daxctl_region_is_dynamic(region))
			return region;
	return NULL;
}

/* The request against the region: EXIT_OK, or why not (printed). */
static int check_request(struct daxctl_region *region,
			 struct create_request *req)
{
	uint64_t avail = daxctl_region_get_available_size(region);
	uint64_t ralign = daxctl_region_get_align(region);
	int id = daxctl_region_get_id(region);
	char b1[32], b2[32], b3[32];

	/* Every size below is divided by these: never trust them blindly. */
	if (!is_dax_align(ralign)) {
		pr_err("region%d: the kernel reports align %s, which is not "
		       "4K, 2M or 1G; not creating a device",
		       id, size_exact(ralign, b1, sizeof(b1)));
		return EXIT_FAIL;
	}
	if (!req->size)
		req->size = avail;
	if (!req->align)
		req->align = ralign;
	if (!is_dax_align(req->align)) {
		pr_err("region%d: align %s: expected 4K, 2M or 1G", id,
		       size_exact(req->align, b1, sizeof(b1)));
		return EXIT_USAGE;
	}
	if (req->size % req->align || req->size % ralign) {
		pr_err("region%d: --size %s is not a multiple of the align %s: "
		       "use %s",
		       id, size_exact(req->size, b1, sizeof(b1)),
		       size_exact(req->align, b2, sizeof(b2)),
		       size_exact(ALIGN_DOWN(req->size, req->align), b3,
				  sizeof(b3)));
		return EXIT_USAGE;
	}
	if (!req->size || req->size > avail) {
		pr_err("region%d: --size %s exceeds the %s available", id,
		       size_exact(req->size, b1, sizeof(b1)),
		       size_exact(avail, b2, sizeof(b2)));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/*
 * The DRAM budget, as reconfigure-device checks it: the memmap the model
 * plans for the new device in DRAM must fit the free memory of the node
 * new devices of the region get, keeping reserve free.  The kernel
 * places the device only when it is created, so the plan starts it at
 * the first --input range, or else at an aligned address; that moves
 * the count of page-table pages by one at either end at most.
 */
static int create_budget(struct devstate *ds, struct daxctl_region *region,
			 const struct create_request *req,
			 enum daxctl_dev_mode mode, uint64_t reserve)
{
	int id = daxctl_region_get_id(region);
	int node = daxctl_region_get_numa_node(region);
	struct plan_filter f = { .aligns = { req->align },
				 .location = MEMMAP_DRAM,
				 .compound = 1,
				 .head_only = 0 };
	struct plan_target t = {
		.start = req->nr_ranges ? req->ranges[0].start : 0,
		.size = req->size,
		.mode = mode == DAXCTL_DEV_MODE_RAM ? MEMMAP_MODE_SYSTEM_RAM :
						      MEMMAP_MODE_DEVDAX,
		.reserve = reserve,
	};
	const struct plan_candidate *c;
	char name[32], b1[32], b2[32], b3[32];
	struct plan plan;
	int rc;

	snprintf(name, sizeof(name), "region%d", id);
	rc = node_free_read(ds->root, node, &t.node_free);
	t.node_free_known = !rc;
	/*
	 * A new device gets the kernel's defaults: compound pages above
	 * 4K and two vmemmap pages per compound page for devdax, the
	 * memmap in DRAM for both modes (memmap_on_memory is off).
	 */
	plan_build(ds->profile, &t, &f, &plan);
	if (!plan.count) {
		pr_err("%s: a %s device of %s with align %s cannot be laid out "
		       "by this kernel's memmap",
		       name, dax_mode_name(mode),
		       size_exact(req->size, b1, sizeof(b1)),
		       size_exact(req->align, b2, sizeof(b2)));
		return EXIT_USAGE;
	}
	c = &plan.c[0];
	if (!c->cost.dram_total)
		return EXIT_OK;
	if (rc) {
		node_free_refuse(ds->root, name, node, rc, c->cost.dram_total);
		return EXIT_FAIL;
	}
	if (!c->fits) {
		pr_err("%s: the new device's memmap needs %s of DRAM on node "
		       "%d, which has %s free outside ZONE_MOVABLE (keeping "
		       "%s): nothing was created; use a smaller --size, or "
		       "--force",
		       name, size_exact(c->cost.dram_total, b1, sizeof(b1)),
		       node < 0 ? 0 : node,
		       size_exact(t.node_free, b2, sizeof(b2)),
		       size_exact(reserve, b3, sizeof(b3)));
		return EXIT_FAIL;
	}
	pr_debug("%s: the new device's memmap: %s of DRAM on node %d", name,
		 size_exact(c->cost.dram_total, b1, sizeof(b1)),
		 node < 0 ? 0 : node);
	return EXIT_OK;
}

/*
 * What failed, and what the region holds now: re-read, so the message
 * says only what is true.
 */
static void report_failure(struct reconf_run *run, struct journal *j,
			   const struct steps_result *res)
{
	const char *before = run->before ? run->before : "";
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	char what[128], left[64] = "";

	steps_describe(res->failed, run, what, sizeof(what));
	daxctl_refresh(run->ds->dax);
	daxctl_region_foreach (run->ds->dax, region) {
		if (daxctl_region_get_id(region) != run->region_id)
			continue;
		daxctl_dev_foreach (region, dev)
			if (!dax_name_listed(before,
					     daxctl_dev_get_devname(dev)))
				snprintf(left, sizeof(left), "%s",
					 daxctl_dev_get_devname(dev));
	}
	if (res->signal && !left[0])
		pr_err("region%d: %s before '%s'; no new device is left",
		       run->region_id, steps_signal_name(res->signal), what);
	else if (!left[0])
		pr_err("region%d: %s failed (%s); no new device is left",
		       run->region_id, what, strerror(-res->rc));
	else
		pr_err("region%d: %s failed (%s), and %s could not be removed "
		       "(%s); the next daxctl command tries again (%s)",
		       run->region_id, what, strerror(-res->rc), left,
		       strerror(-res->undo_rc), j->path);
}

int cmd_create_device(int argc, char **argv)
{
	const char *region = NULL, *size = NULL, *align = NULL,
		   *mode_arg = NULL;
	const char *input = NULL, *sysroot = NULL, *reserve_arg = NULL;
	uint64_t reserve = 256ULL << 20;
	bool human = false, force = false;
	int verbose = 0;
	struct opt options[] = {
		OPT_REGION_ID(
			'r', "region", &region, "REGION",
			"dynamic region to create in (default: the first)"),
		OPT_STR('s', "size", &size, "SIZE",
			"device size (default: all available)"),
		OPT_STR('a', "align", &align, "SIZE", "4K, 2M or 1G"),
		OPT_STR('m', "mode", &mode_arg, "MODE",
			"devdax (default) or system-ram"),
		OPT_STR(0, "input", &input, "FILE",
			"a device as daxctl list prints it: re-create its "
			"size, align and ranges"),
		OPT_STR(0, "reserve", &reserve_arg, "SIZE",
			"DRAM to keep free on the node (default 256M)"),
		OPT_BOOL('f', "force", &force, "skip the DRAM budget check"),
		OPT_BOOL('u', "human", &human, "human-readable sizes"),
		OPT_VERBOSE(&verbose),
		OPT_SYSROOT(&sysroot),
		OPT_TERM,
	};
	struct create_request req = { 0 };
	enum daxctl_dev_mode mode = DAXCTL_DEV_MODE_DEVDAX;
	struct reconf_run run = { .name = "the new device" };
	struct dax_json_flags flags = { 0 };
	struct steps_result res;
	struct step_list steps;
	struct journal j;
	char what[64];
	struct devstate ds;
	int i, rc = EXIT_USAGE;

	i = parse_options(argc, argv, options,
			  "daxctl create-device [<options>]");
	log_set_verbose(verbose);
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (size && (parse_size(size, &req.size) || !req.size)) {
		pr_err("invalid --size '%s'", size);
		return EXIT_USAGE;
	}
	if (align &&
	    (parse_size(align, &req.align) || !is_dax_align(req.align))) {
		pr_err("invalid --align '%s': expected 4K, 2M or 1G", align);
		return EXIT_USAGE;
	}
	if (mode_arg && parse_dax_mode(mode_arg, &mode))
		return EXIT_USAGE;
	if (reserve_arg && parse_size(reserve_arg, &reserve)) {
		pr_err("invalid --reserve '%s'", reserve_arg);
		return EXIT_USAGE;
	}
	req.region = region;
	if (input) {
		rc = read_input(input, &req);
		if (rc)
			return rc;
	}
	if (devstate_open(&ds, sysroot, DEVSTATE_DAX | DEVSTATE_CHANGE)) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	run.ds = &ds;
	run.region = find_dynamic(ds.dax, req.region);
	if (!run.region) {
		pr_err("no dynamic dax region%s%s: only hmem and CXL regions "
		       "can create devices",
		       req.region ? " matches " : "",
		       req.region ? req.region : "");
		rc = EXIT_FAIL;
		goto out;
	}
	rc = check_request(run.region, &req);
	if (!rc && !force)
		rc = create_budget(&ds, run.region, &req, mode, reserve);
	if (rc)
		goto out;
	rc = EXIT_FAIL;
	if (devstate_need_driver(&ds, "dax",
				 mode == DAXCTL_DEV_MODE_RAM ? "kmem" :
							       "device_dax"))
		goto out;
	dax_plan_create(req.align, req.size, req.ranges, req.nr_ranges, mode,
			&steps);
	run.region_id = daxctl_region_get_id(run.region);
	snprintf(what, sizeof(what), "daxctl create-device in region%d",
		 run.region_id);
	if (dax_journal_create(&j, &run, what))
		goto out;
	if (steps_run(&steps, &run, &j, &res)) {
		report_failure(&run, &j, &res);
		steps_release(&steps);
		goto out;
	}
	steps_release(&steps);
	journal_remove(&j);
	{
		struct json_object *arr = json_object_new_array();

		flags.profile = ds.profile;
		flags.human = human;
		json_object_array_add(arr, dax_dev_to_json(run.dev, &flags));
		json_print(stdout, arr);
		json_object_put(arr);
	}
	rc = EXIT_OK;
out:
	free(run.before);
	devstate_close(&ds);
	return rc;
}
