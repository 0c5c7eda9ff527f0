// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl read-infoblock: the pfn or dax info block of disabled
 * namespaces, read through the raw namespace, as raw bytes or parsed to
 * JSON (-j).  The info block is where the kernel records where the data
 * starts (dataoff) and, in mode 2, the room it reserves on the device
 * for the memmap.  Also parses a block saved before (--input, or stdin).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <devstate/context.h>
#include <devstate/each.h>
#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "infoblock-format.h"
#include "json.h"

struct read_opts {
	const char *bus, *region, *output, *input, *sysroot;
	bool json, human, verify;
	int verbose;
};

struct read_run {
	const struct read_opts *o;
	struct json_object *arr; /* -j: one object per block */
	FILE *out;
};

static void add_uuid(struct json_object *j, const char *key, const uint8_t *raw)
{
	char str[40];

	uuid_unparse(raw, str);
	json_add_str(j, key, str);
}

static struct json_object *info_to_json(const char *key, const char *name,
					const struct pfn_info *in, bool human)
{
	struct json_object *j = json_object_new_object();
	char version[16];

	json_add_str(j, key, name);
	json_add_str(j, "signature", in->signature);
	add_uuid(j, "uuid", in->uuid);
	add_uuid(j, "parent_uuid", in->parent_uuid);
	json_add_int(j, "flags", in->flags);
	snprintf(version, sizeof(version), "%u.%u", in->version_major,
		 in->version_minor);
	json_add_str(j, "version", version);
	json_add_size(j, "dataoff", in->dataoff, human);
	json_add_u64(j, "npfns", in->npfns);
	json_add_int(j, "mode", in->mode);
	json_add_size(j, "start_pad", in->start_pad, human);
	json_add_size(j, "end_trunc", in->end_trunc, human);
	if (in->version_minor >= 2)
		json_add_size(j, "align", in->align, human);
	if (in->version_minor >= 4) {
		json_add_size(j, "page_size", in->page_size, human);
		json_add_int(j, "page_struct_size", in->page_struct_size);
	}
	return j;
}

/*
 * Raw bytes out, or parsed into the JSON array; with -V the checksum
 * and, when the namespace has one, its uuid as the parent uuid.
 */
static int emit_block(struct read_run *run, const char *key, const char *name,
		      const uint8_t *buf, const char *ns_uuid)
{
	const struct read_opts *o = run->o;
	struct pfn_info info;
	char sig[17], parent[40];
	int rc;

	if (!o->json && !o->verify) {
		if (fwrite(buf, INFOBLOCK_SIZE, 1, run->out) != 1)
			return -EIO;
		return 0;
	}
	rc = infoblock_parse(buf, INFOBLOCK_SIZE, &info, sig);
	if (rc) {
		pr_err("%s: no pfn or dax info block (signature '%s')", name,
		       sig);
		return -ENXIO;
	}
	if (o->verify) {
		uuid_unparse(info.parent_uuid, parent);
		if (!info.checksum_ok) {
			pr_err("%s: info block checksum %#llx does not match "
			       "its contents",
			       name, (unsigned long long)info.checksum);
			return -EINVAL;
		}
		if (ns_uuid && strcmp(ns_uuid, parent)) {
			pr_err("%s: info block parent_uuid %s is not the "
			       "namespace's uuid %s",
			       name, parent, ns_uuid);
			return -EINVAL;
		}
	}
	if (o->json)
		json_object_array_add(run->arr,
				      info_to_json(key, name, &info, o->human));
	return 0;
}

static int read_ns(struct devstate *ds, void *obj, void *arg)
{
	struct ndctl_namespace *ns = obj;
	const char *name = ndctl_namespace_get_devname(ns);
	const char *uuid = ndctl_namespace_get_uuid(ns);
	uint8_t buf[INFOBLOCK_SIZE];
	int rc;

	(void)ds;
	if (ndctl_namespace_is_enabled(ns)) {
		pr_err("%s is enabled: disable it first (ndctl "
		       "disable-namespace %s), the info block is read through "
		       "the raw namespace",
		       name, name);
		return -EBUSY;
	}
	rc = ndctl_namespace_raw_rw(ns, buf, sizeof(buf), INFOBLOCK_OFFSET,
				    false);
	if (rc == -EBUSY) {
		pr_err("%s is claimed (%s): the kernel hides a claimed "
		       "namespace's info block, and letting the claim go "
		       "would delete it; nothing was read",
		       name, nd_mode_name(ndctl_namespace_get_mode(ns)));
		return rc;
	}
	if (rc) {
		pr_err("%s: reading its info block failed: %s", name,
		       strerror(-rc));
		return rc;
	}
	return emit_block(arg, "dev", name, buf,
			  uuid && uuid[0] && strcmp(uuid, "0") ? uuid : NULL);
}

/* No namespace named: one block from --input or stdin. */
static int read_file(struct read_run *run)
{
	const char *file = run->o->input;
	const char *name = file ? file : "<stdin>";
	FILE *in = file ? fopen(file, "rb") : stdin;
	uint8_t buf[INFOBLOCK_SIZE];
	size_t got;
	int rc;

	if (!in) {
		pr_err("cannot open %s: %s", file, strerror(errno));
		return EXIT_FAIL;
	}
	got = fread(buf, 1, sizeof(buf), in);
	if (file)
		fclose(in);
	if (got != sizeof(buf)) {
		pr_err("%s: %zu bytes, an info block is %d", name, got,
		       INFOBLOCK_SIZE);
		return EXIT_FAIL;
	}
	rc = emit_block(run, "file", name, buf, NULL);
	if (!rc)
		pr_info("read 1 infoblock");
	return rc ? EXIT_FAIL : EXIT_OK;
}

int cmd_read_infoblock(int argc, char **argv)
{
	struct read_opts o = { 0 };
	struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "only this bus"),
		OPT_STR('r', "region", &o.region, "REGION",
			"only namespaces of this region"),
		OPT_STR('o', "output", &o.output, "FILE",
			"write to FILE instead of stdout"),
		OPT_STR('i', "input", &o.input, "FILE",
			"parse a saved info block instead of a namespace"),
		OPT_BOOL('j', "json", &o.json, "parse the info block to JSON"),
		OPT_BOOL('u', "human", &o.human,
			 "human-readable numbers (implies --json)"),
		OPT_BOOL('V', "verify", &o.verify,
			 "check the checksum and the parent uuid"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct read_run run = { .o = &o };
	struct devstate_each each = {
		.kind = DEVSTATE_NAMESPACE,
		.idle = DEVSTATE_IDLE_NAMED,
		.noun = "infoblock",
		.done_verb = "read",
		.fn = read_ns,
		.arg = &run,
	};
	struct devstate ds;
	int i, rc;

	i = parse_options(argc, argv, options,
			  "ndctl read-infoblock <namespace>...|all "
			  "[<options>]");
	log_set_verbose(o.verbose);
	o.json |= o.human;
	if (o.input && i < argc) {
		pr_err("--input parses a file: name no namespace with it");
		return EXIT_USAGE;
	}
	run.out = o.output ? fopen(o.output, o.json ? "w" : "wb") : stdout;
	if (!run.out) {
		pr_err("cannot create %s: %s", o.output, strerror(errno));
		return EXIT_FAIL;
	}
	run.arr = json_object_new_array();
	if (i >= argc && !o.input && isatty(STDIN_FILENO)) {
		pr_err("name a namespace, or 'all', or give --input");
		rc = EXIT_USAGE;
	} else if (i >= argc) {
		rc = read_file(&run);
	} else {
		each.bus = o.bus;
		each.region = o.region;
		rc = devstate_open(&ds, o.sysroot, DEVSTATE_ND) ?
			     EXIT_FAIL :
			     devstate_each(&ds, &each, argc - i, argv + i);
		devstate_close(&ds);
	}
	if (o.json && json_object_array_length(run.arr))
		json_print(run.out, run.arr);
	json_object_put(run.arr);
	if (o.output && fclose(run.out) && !rc)
		rc = EXIT_FAIL;
	return rc;
}
