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
#include <sys/stat.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/parse.h>
#include <devstate/words.h>
#include <util/size.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include <format/infoblock-format.h>
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
 * The image (a namespace's first 8 KiB) out raw, or its info block
 * parsed into the JSON array; with -V the checksum and, when the
 * namespace has one, its uuid as the parent uuid.
 */
static int emit_block(struct read_run *run, const char *key, const char *name,
		      const uint8_t *image, const char *ns_uuid)
{
	const uint8_t *buf = image + INFOBLOCK_OFFSET;
	const struct read_opts *o = run->o;
	struct pfn_info info;
	char sig[17], parent[40];
	int rc;

	if (!o->json && !o->verify) {
		if (fwrite(image, INFOBLOCK_IMAGE_SIZE, 1, run->out) != 1)
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

/*
 * read- and write-infoblock over the namespaces named: within the bus
 * and region filters, seeds only by name, upstream's summary line.
 */
static int each_infoblock(const char *sysroot, const char *bus,
			  const char *region, const char *done_verb,
			  int (*fn)(struct devstate_ctx *, void *, void *),
			  void *arg, int argc, char **argv)
{
	struct devstate_each each = {
		.kind = DEVSTATE_NAMESPACE,
		.bus = bus,
		.region = region,
		.idle = DEVSTATE_IDLE_NAMED,
		.noun = "infoblock",
		.done_verb = done_verb,
		.fn = fn,
		.arg = arg,
	};

	return devstate_run_each(sysroot, DEVSTATE_ND | DEVSTATE_CHANGE, &each,
				 argc, argv);
}

static int read_ns(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct ndctl_namespace *ns = obj;
	const char *name = ndctl_namespace_get_devname(ns);
	const char *uuid = ndctl_namespace_get_uuid(ns);
	uint8_t buf[INFOBLOCK_IMAGE_SIZE];
	int rc;

	(void)ds;
	if (ndctl_namespace_is_enabled(ns)) {
		pr_err("%s is enabled: disable it first (ndctl "
		       "disable-namespace %s), the info block is read through "
		       "the raw namespace",
		       name, name);
		return -EBUSY;
	}
	rc = ndctl_namespace_raw_rw(ns, buf, sizeof(buf), 0, false);
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

/* No namespace named: one block from --input or stdin.  0 or -errno. */
static int read_file(struct read_run *run)
{
	const char *file = run->o->input;
	const char *name = file ? file : "<stdin>";
	FILE *in = file ? fopen(file, "rb") : stdin;
	uint8_t buf[INFOBLOCK_IMAGE_SIZE];
	size_t got;
	int rc;

	if (!in) {
		pr_err("cannot open %s: %s", file, strerror(errno));
		return op_failed(-errno);
	}
	got = fread(buf, 1, sizeof(buf), in);
	if (file)
		fclose(in);
	if (got != sizeof(buf)) {
		pr_err("%s: %zu bytes, a namespace's head holding an info "
		       "block is %d",
		       name, got, INFOBLOCK_IMAGE_SIZE);
		return -EIO;
	}
	rc = emit_block(run, "file", name, buf, NULL);
	if (rc)
		return op_failed(rc);
	pr_info("read 1 infoblock");
	return 0;
}

int cmd_read_infoblock(int argc, char **argv)
{
	struct read_opts o = { 0 };
	struct opt options[] = {
		OPT_NAMESPACE_FILTERS(&o.bus, &o.region),
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
		rc = exit_status(read_file(&run));
	} else {
		rc = each_infoblock(o.sysroot, o.bus, o.region, "read", read_ns,
				    &run, argc - i, argv + i);
	}
	if (o.json && json_object_array_length(run.arr))
		json_print(run.out, run.arr);
	json_object_put(run.arr);
	if (o.output && fclose(run.out) && !rc)
		rc = EXIT_FAIL;
	return rc;
}

/*
 * ndctl write-infoblock: an fsdax or devdax info block laid out as the
 * kernel's nd_pfn_init() would for a given size, written to a disabled
 * raw namespace, to a file or to stdout.  A debug facility, as upstream's:
 * the layout comes from the memmap model, so the reserve for the memmap
 * it records is the planner's.
 */
struct write_opts {
	const char *bus, *region, *output, *sysroot;
	const char *mode, *size, *align, *uuid, *map, *parent, *offset;
	bool to_stdout;
	int verbose;
};

struct write_run {
	uint64_t size, align, offset; /* size 0: the target's own */
	enum memmap_location location;
	bool devdax;
	uuid_t uuid, parent;
	bool have_uuid, have_parent;
};

/* One block for a target of size bytes; parent NULL leaves it zero. */
static int layout_block(const struct write_run *w, const char *target,
			uint64_t size, const unsigned char *parent,
			uint8_t *buf)
{
	struct pfn_info info;
	char sz[32], al[32];

	if (infoblock_layout(&memmap_profile_linux61_x86_64, w->offset, size,
			     w->align, w->location, w->devdax, &info)) {
		pr_err("%s: an info block at align %s does not fit %s at "
		       "offset %#llx: no room for data after the memmap",
		       target, size_exact(w->align, al, sizeof(al)),
		       size_exact(size, sz, sizeof(sz)),
		       (unsigned long long)w->offset);
		return -ENXIO;
	}
	if (w->have_uuid)
		memcpy(info.uuid, w->uuid, 16);
	else
		uuid_generate(info.uuid);
	if (parent)
		memcpy(info.parent_uuid, parent, 16);
	infoblock_format(&info, buf);
	return 0;
}

static int write_ns(struct devstate_ctx *ds, void *obj, void *arg)
{
	struct ndctl_namespace *ns = obj;
	const struct write_run *w = arg;
	const char *name = ndctl_namespace_get_devname(ns);
	const char *uuid = ndctl_namespace_get_uuid(ns);
	uint64_t size = w->size ? w->size : ndctl_namespace_get_size(ns);
	uint8_t buf[INFOBLOCK_SIZE];
	uuid_t parent = { 0 };
	int rc;

	(void)ds;
	if (ndctl_namespace_is_enabled(ns)) {
		pr_err("%s is enabled: disable it first (ndctl "
		       "disable-namespace %s), the info block is written "
		       "through the raw namespace",
		       name, name);
		return -EBUSY;
	}
	if (!size) {
		pr_err("%s has no capacity: nothing to lay an info block out "
		       "on",
		       name);
		return -ENXIO;
	}
	/* Upstream's default parent: the namespace's own uuid. */
	if (w->have_parent)
		memcpy(parent, w->parent, 16);
	else if (uuid && uuid[0] && strcmp(uuid, "0"))
		uuid_parse(uuid, parent);
	rc = layout_block(w, name, size, parent, buf);
	if (rc)
		return rc;
	rc = ndctl_namespace_raw_rw(ns, buf, sizeof(buf), INFOBLOCK_OFFSET,
				    true);
	if (rc == -EBUSY)
		pr_err("%s is claimed (%s): write-infoblock writes only raw "
		       "namespaces; nothing was written",
		       name, nd_mode_name(ndctl_namespace_get_mode(ns)));
	else if (rc)
		pr_err("%s: writing its info block failed: %s", name,
		       strerror(-rc));
	return rc;
}

/*
 * No namespace: an image of the namespace's first 8 KiB, the info
 * block after 4 KiB of zeros, to --output (sized from the file when
 * --size is not given) or to stdout.  0, -EINVAL for a target or size
 * it cannot use, or -errno for a failed write.
 */
static int write_image(const struct write_run *w, const char *file)
{
	const char *name = file ? file : "<stdout>";
	uint8_t image[INFOBLOCK_IMAGE_SIZE] = { 0 };
	uint64_t size = w->size;
	struct stat st;
	FILE *out;
	int rc;

	if (file && !stat(file, &st)) {
		/*
		 * A device node could be a mounted disk: namespaces are
		 * written by name, after the checks that they are idle.
		 */
		if (!S_ISREG(st.st_mode)) {
			pr_err("%s is not a regular file: --output writes "
			       "image files; name a namespace to write to it",
			       file);
			return -EINVAL;
		}
		if (!size)
			size = st.st_size;
	}
	if (!size) {
		pr_err("%s: give --size, the file does not say it", name);
		return -EINVAL;
	}
	rc = layout_block(w, name, size, w->have_parent ? w->parent : NULL,
			  image + INFOBLOCK_OFFSET);
	if (rc)
		return op_failed(rc);
	/* An existing image keeps its length: only its head is rewritten. */
	out = file ? fopen(file, access(file, F_OK) ? "wb" : "r+b") : stdout;
	if (!out) {
		pr_err("cannot open %s: %s", name, strerror(errno));
		return op_failed(-errno);
	}
	rc = fwrite(image, sizeof(image), 1, out) == 1 ? 0 : -EIO;
	if ((file ? fclose(out) : fflush(out)) && !rc)
		rc = -errno;
	if (rc) {
		pr_err("%s: writing the info block failed: %s", name,
		       strerror(-rc));
		return op_failed(rc);
	}
	pr_info("wrote 1 infoblock");
	return 0;
}

/* The options to the layout; -EINVAL after saying what is wrong. */
static int parse_write_opts(const struct write_opts *o, struct write_run *w)
{
	int mode = NDCTL_NS_MODE_FSDAX;

	w->location = MEMMAP_PMEM;
	w->align = memmap_profile_linux61_x86_64.pmd_size;
	/* Not parse_ns_mode(): its message offers sector and raw too. */
	if (o->mode &&
	    (word_value(ns_mode_words, o->mode, &mode) ||
	     (mode != NDCTL_NS_MODE_DEVDAX && mode != NDCTL_NS_MODE_FSDAX))) {
		pr_err("invalid --mode '%s': an info block is fsdax or "
		       "devdax",
		       o->mode);
		return -EINVAL;
	}
	w->devdax = mode == NDCTL_NS_MODE_DEVDAX;
	if (o->map && parse_memmap_location("map", o->map, &w->location))
		return -EINVAL;
	if (o->size && (parse_size(o->size, &w->size) || !w->size)) {
		pr_err("invalid --size '%s'", o->size);
		return -EINVAL;
	}
	if (o->align &&
	    (parse_size(o->align, &w->align) ||
	     w->align < memmap_profile_linux61_x86_64.page_size ||
	     (w->align & (w->align - 1)) || w->align > UINT32_MAX)) {
		pr_err("invalid --align '%s': a power of two from 4K to 2G "
		       "(the info block holds 32 bits)",
		       o->align);
		return -EINVAL;
	}
	if (o->offset && parse_size(o->offset, &w->offset)) {
		pr_err("invalid --offset '%s'", o->offset);
		return -EINVAL;
	}
	/*
	 * Any offset upstream takes, 2M-aligned or not: tests write such
	 * blocks to see the kernel refuse a misaligned start, so the kernel
	 * decides, as for create-namespace.
	 */
	w->have_uuid = o->uuid != NULL;
	if (o->uuid && uuid_parse(o->uuid, w->uuid)) {
		pr_err("invalid --uuid '%s'", o->uuid);
		return -EINVAL;
	}
	w->have_parent = o->parent != NULL;
	if (o->parent && uuid_parse(o->parent, w->parent)) {
		pr_err("invalid --parent-uuid '%s'", o->parent);
		return -EINVAL;
	}
	return 0;
}

int cmd_write_infoblock(int argc, char **argv)
{
	struct write_opts o = { 0 };
	struct opt options[] = {
		OPT_NAMESPACE_FILTERS(&o.bus, &o.region),
		OPT_STR('o', "output", &o.output, "FILE",
			"write an image's first 8K to FILE"),
		OPT_BOOL('c', "stdout", &o.to_stdout,
			 "write an image's first 8K to stdout"),
		OPT_STR('m', "mode", &o.mode, "fsdax|devdax",
			"the info block's mode (default fsdax)"),
		OPT_STR('s', "size", &o.size, "SIZE",
			"the namespace size to lay out for"),
		OPT_STR('a', "align", &o.align, "ALIGN",
			"the mapping align to record (default 2M)"),
		OPT_STR('u', "uuid", &o.uuid, "UUID",
			"the info block's uuid (default: a new one)"),
		OPT_STR('M', "map", &o.map, "mem|dev",
			"where the memmap goes (default dev)"),
		OPT_STR('p', "parent-uuid", &o.parent, "UUID",
			"the parent uuid (default: the namespace's, or 0)"),
		OPT_STR('O', "offset", &o.offset, "OFFSET",
			"debug: the namespace's offset in its region"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct write_run w = { 0 };
	int i, rc;

	i = parse_options(argc, argv, options,
			  "ndctl write-infoblock <namespace>...|all | "
			  "-o <file> | --stdout [<options>]");
	log_set_verbose(o.verbose);
	rc = parse_write_opts(&o, &w);
	if (rc)
		return exit_status(rc);
	if (o.output && o.to_stdout) {
		pr_err("--output and --stdout each name where the block "
		       "goes: give one");
		return EXIT_USAGE;
	}
	if ((o.output || o.to_stdout) && i < argc) {
		pr_err("%s writes an image: name no namespace with it",
		       o.output ? "--output" : "--stdout");
		return EXIT_USAGE;
	}
	if (o.output || o.to_stdout)
		return exit_status(write_image(&w, o.output));
	if (i >= argc) {
		pr_err("name a namespace, or 'all', or give --output or "
		       "--stdout");
		return EXIT_USAGE;
	}
	return each_infoblock(o.sysroot, o.bus, o.region, "wrote", write_ns, &w,
			      argc - i, argv + i);
}
