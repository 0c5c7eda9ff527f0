// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl init-labels, zero-labels, read-labels, write-labels and
 * check-labels: a DIMM's namespace label storage area, through the nvdimm
 * ioctls.  The kernel reads labels only
 * when the DIMM's driver binds, and refuses label writes while a region
 * on the DIMM is enabled, so writing means: regions off, write, DIMM
 * re-bound, regions back on.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include <devstate/context.h>
#include <devstate/each.h>
#include <devstate/inuse.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include "builtin.h"
#include <devstate/filter.h>
#include <format/label-format.h>
#include "region.h"

/* -b, which every label command takes. */
#define OPT_DIMM_BUS(v) \
	OPT_STR('b', "bus", (v), "BUS", "only DIMMs of this bus")

struct label_opts {
	const char *bus, *version, *input, *output, *sysroot;
	const char *size, *offset; /* a byte range of the area */
	bool force, json, human, index_only;
	int verbose;
};

enum label_action {
	LABEL_INIT,
	LABEL_ZERO,
	LABEL_READ,
	LABEL_WRITE,
	LABEL_CHECK,
};

/* write-labels: the whole input (a file, or stdin), read once. */
struct label_input {
	void *buf;
	size_t len;
};

static int read_input(const char *path, struct label_input *in)
{
	FILE *f = path && strcmp(path, "-") ? fopen(path, "rb") : stdin;
	size_t cap = 0, n;
	char *grown;

	if (!f) {
		pr_err("%s: cannot open: %s", path, strerror(errno));
		return -errno;
	}
	in->buf = NULL;
	in->len = 0;
	errno = 0;
	do {
		if (in->len == cap) {
			cap = cap ? 2 * cap : 128 * 1024;
			grown = realloc(in->buf, cap);
			if (!grown) {
				n = 0;
				errno = ENOMEM;
				break;
			}
			in->buf = grown;
		}
		n = fread((char *)in->buf + in->len, 1, cap - in->len, f);
		in->len += n;
	} while (n);
	if (ferror(f) || errno == ENOMEM) {
		pr_err("%s: cannot read: %s", path ? path : "stdin",
		       strerror(errno ? errno : EIO));
		if (f != stdin)
			fclose(f);
		return -EIO;
	}
	if (f != stdin)
		fclose(f);
	return 0;
}

static int read_area(struct ndctl_dimm *dimm, void **area, uint32_t *size)
{
	uint32_t xfer;
	int rc;

	rc = ndctl_dimm_get_config_size(dimm, size, &xfer);
	if (rc)
		return rc;
	*area = malloc(*size);
	if (!*area)
		return -ENOMEM;
	rc = ndctl_dimm_read_config(dimm, *area, 0, *size);
	if (rc) {
		free(*area);
		*area = NULL;
	}
	return rc;
}

static void add_label(const struct label_entry *e, void *arg)
{
	struct json_object *jl = json_object_new_object();
	char uuid[40];

	uuid_unparse(e->uuid, uuid);
	json_add_str(jl, "uuid", uuid);
	json_add_str(jl, "name", e->name);
	json_add_u64(jl, "slot", e->slot);
	json_add_u64(jl, "position", e->position);
	json_add_u64(jl, "nlabel", e->nlabel);
	json_add_hex(jl, "isetcookie", e->isetcookie, false);
	json_add_u64(jl, "lbasize", e->lbasize);
	json_add_hex(jl, "dpa", e->dpa, false);
	json_add_u64(jl, "rawsize", e->rawsize);
	json_add_u64(jl, "flags", e->flags);
	json_object_array_add(arg, jl);
}

/* index_only (-I): the index blocks without the labels, as upstream. */
static struct json_object *labels_to_json(struct ndctl_dimm *dimm,
					  const void *area, uint32_t size,
					  bool index_only)
{
	struct json_object *j = json_object_new_object();
	struct json_object *jidx = json_object_new_array();
	struct json_object *jlabels = json_object_new_array();
	struct label_index idx[2];
	int i, cur;

	json_add_str(j, "dev", ndctl_dimm_get_devname(dimm));
	json_add_u64(j, "config_size", size);
	for (i = 0; i < 2; i++) {
		struct json_object *ji;

		label_read_index(area, size, i, &idx[i]);
		if (!idx[i].valid)
			continue;
		ji = json_object_new_object();
		json_add_str(ji, "signature", LABEL_INDEX_SIG);
		json_add_u64(ji, "major", idx[i].major);
		json_add_u64(ji, "minor", idx[i].minor);
		json_add_u64(ji, "labelsize", idx[i].labelsize);
		json_add_u64(ji, "seq", idx[i].seq);
		json_add_u64(ji, "nslot", idx[i].nslot);
		json_add_u64(ji, "free", idx[i].nfree);
		json_add_hex(ji, "myoff", idx[i].myoff, false);
		json_add_hex(ji, "labeloff", idx[i].labeloff, false);
		json_object_array_add(jidx, ji);
	}
	cur = label_current_index(idx);
	if (cur >= 0 && !index_only)
		label_foreach(area, &idx[cur], add_label, jlabels);
	json_object_object_add(j, "index", jidx);
	if (index_only)
		json_object_put(jlabels);
	else
		json_object_object_add(j, "label", jlabels);
	return j;
}

/*
 * Write len bytes of the area from start (buf holds all of it) with the
 * DIMM's regions off, then make the kernel read it (re-bind the DIMM)
 * and bring the regions back.
 */
static int write_area(struct ndctl_dimm *dimm, const void *buf, uint32_t start,
		      uint32_t len, struct inuse *iu, bool force)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	struct ndctl_bus *bus = ndctl_dimm_get_bus(dimm);
	struct ndctl_region *region, *off[16];
	int n = 0, rc = 0, i;

	if (inuse_check_dimm(iu, dimm))
		return -EBUSY;
	region = dimm_active_region(dimm);
	if (region && !force) {
		pr_err("%s: %s is enabled; writing labels would pull its "
		       "namespaces away: disable it (ndctl disable-region %s) "
		       "or use --force",
		       name, ndctl_region_get_devname(region),
		       ndctl_region_get_devname(region));
		return -EBUSY;
	}
	ndctl_region_foreach (bus, region) {
		if (!ndctl_region_is_enabled(region) ||
		    !ndctl_region_uses_dimm(region, dimm))
			continue;
		if (n < 16)
			off[n++] = region;
	}
	for (i = 0; i < n && !rc; i++)
		rc = ndctl_region_disable(off[i]);
	if (!rc)
		rc = ndctl_dimm_write_config(dimm, (const char *)buf + start,
					     start, len);
	if (rc)
		pr_err("%s: writing the label area failed: %s", name,
		       strerror(-rc));
	/* The kernel caches labels from the DIMM's probe. */
	if (!rc && ndctl_dimm_is_enabled(dimm)) {
		rc = ndctl_dimm_disable(dimm);
		if (!rc)
			rc = ndctl_dimm_enable(dimm);
		if (rc)
			pr_err("%s: re-reading the labels failed: %s", name,
			       strerror(-rc));
	}
	for (i = 0; i < n; i++)
		if (ndctl_region_enable(off[i]))
			pr_err("%s: could not enable %s again", name,
			       ndctl_region_get_devname(off[i]));
	return rc;
}

/* What label_action() is asked to do, for every DIMM named. */
struct label_request {
	enum label_action action;
	const struct label_opts *o;
	struct json_object *out;
	FILE *raw; /* read-labels without --json: the bytes go here */
	uint64_t offset, len; /* -O/-s; len 0: to the end of the area */
	bool ranged;
	const struct label_input *in;
};

/*
 * The byte range -O/-s (or -I: the two index blocks) pick out of an area
 * of size bytes; an error names the DIMM and the range.
 */
static int label_range(const struct label_request *req, const char *name,
		       const void *area, uint32_t size, uint64_t *off,
		       uint64_t *len)
{
	struct label_index idx[2];
	struct label_geometry g;
	char version[16];
	int cur;

	*off = req->offset;
	*len = req->len ? req->len : size > *off ? size - *off : 0;
	if (req->o->index_only) {
		label_read_index(area, size, 0, &idx[0]);
		label_read_index(area, size, 1, &idx[1]);
		cur = label_current_index(idx);
		if (cur < 0) {
			pr_err("%s: no valid label index to limit the read to",
			       name);
			return -ENXIO;
		}
		snprintf(version, sizeof(version), "%u.%u", idx[cur].major,
			 idx[cur].minor);
		if (label_geometry(size, version, &g))
			return -ENXIO;
		*off = 0;
		*len = 2 * (uint64_t)g.index_size;
	}
	if (*off >= size || !*len || *len > size - *off) {
		pr_err("%s: offset %llu and size %llu reach past its %u-byte "
		       "label area",
		       name, (unsigned long long)*off, (unsigned long long)*len,
		       size);
		return -EINVAL;
	}
	return 0;
}

static int label_action(struct devstate_ctx *ds, void *obj, void *arg)
{
	const struct label_request *req = arg;
	enum label_action action = req->action;
	const struct label_opts *o = req->o;
	struct ndctl_dimm *dimm = obj;
	const char *name = ndctl_dimm_get_devname(dimm);
	struct inuse *iu = devstate_inuse(ds);
	struct label_geometry g;
	struct label_index idx[2];
	uint32_t size;
	void *area;
	int rc;

	if (!iu)
		return -ENOMEM;
	rc = read_area(dimm, &area, &size);
	if (rc) {
		pr_err("%s: cannot read its label area: %s", name,
		       strerror(-rc));
		return rc;
	}
	if (action == LABEL_CHECK) {
		label_read_index(area, size, 0, &idx[0]);
		label_read_index(area, size, 1, &idx[1]);
		rc = label_current_index(idx) < 0 ? -ENXIO : 0;
		if (rc)
			pr_err("%s: no valid namespace label index (neither "
			       "index block checks out)",
			       name);
		else
			pr_debug("%s: index %d is current, sequence %u", name,
				 label_current_index(idx),
				 idx[label_current_index(idx)].seq);
		free(area);
		return rc;
	}
	if (action == LABEL_READ && (o->json || o->human)) {
		json_object_array_add(req->out, labels_to_json(dimm, area, size,
							       o->index_only));
		free(area);
		return 0;
	}
	if (action == LABEL_READ || (action == LABEL_ZERO && req->ranged)) {
		uint64_t off, len;

		rc = label_range(req, name, area, size, &off, &len);
		if (!rc && action == LABEL_READ &&
		    fwrite((char *)area + off, len, 1, req->raw) != 1)
			rc = -EIO;
		if (!rc && action == LABEL_ZERO) {
			memset((char *)area + off, 0, len);
			rc = write_area(dimm, area, 0, size, iu, o->force);
		}
		free(area);
		return rc;
	}
	if (action == LABEL_WRITE && req->ranged) {
		uint64_t off, len;

		/*
		 * As upstream: the input's first bytes, up to the range's
		 * length, at the offset; the rest of the area as it is.
		 */
		rc = label_range(req, name, area, size, &off, &len);
		if (!rc) {
			if (req->in->len < len)
				len = req->in->len;
			memcpy((char *)area + off, req->in->buf, len);
			rc = len ? write_area(dimm, area, off, len, iu,
					      o->force) :
				   0;
		}
		free(area);
		return rc;
	}
	if (action == LABEL_WRITE) {
		if (req->in->len > size) {
			pr_err("%s: the input has %zu bytes but the label area "
			       "holds %u",
			       name, req->in->len, size);
			free(area);
			return -EINVAL;
		}
		/* The input from offset 0; the rest of the area zeroed. */
		memset(area, 0, size);
		memcpy(area, req->in->buf, req->in->len);
		rc = write_area(dimm, area, 0, size, iu, o->force);
		free(area);
		return rc;
	}
	label_read_index(area, size, 0, &idx[0]);
	label_read_index(area, size, 1, &idx[1]);
	if (action == LABEL_INIT && label_current_index(idx) >= 0 &&
	    !o->force) {
		pr_err("%s: already has a valid label index; --force "
		       "re-initialises it and forgets its namespaces",
		       name);
		free(area);
		return -EEXIST;
	}
	if (action == LABEL_INIT) {
		rc = label_geometry(size, o->version ? o->version : "1.1", &g);
		if (rc) {
			pr_err("%s: a %u-byte label area cannot hold v%s "
			       "labels",
			       name, size, o->version ? o->version : "1.1");
			free(area);
			return rc;
		}
		label_init_area(area, &g);
		/* Only the two index blocks matter; every slot is free. */
		rc = write_area(dimm, area, 0, 2 * g.index_size, iu, o->force);
	} else {
		memset(area, 0, size);
		rc = write_area(dimm, area, 0, size, iu, o->force);
	}
	free(area);
	return rc;
}

static int label_command(int argc, char **argv, enum label_action action)
{
	struct label_opts o = { 0 };
	struct opt init_options[] = {
		OPT_DIMM_BUS(&o.bus),
		OPT_BOOL('f', "force", &o.force,
			 "overwrite a valid index; disable active regions"),
		OPT_STR('V', "label-version", &o.version, "1.1|1.2",
			"label format version (default 1.1)"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt zero_options[] = {
		OPT_DIMM_BUS(&o.bus),
		OPT_BOOL('f', "force", &o.force, "disable active regions"),
		OPT_STR('s', "size", &o.size, "SIZE",
			"zero this many bytes (default: to the end)"),
		OPT_STR('O', "offset", &o.offset, "OFFSET",
			"zero from this offset in the area (default 0)"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt read_options[] = {
		OPT_DIMM_BUS(&o.bus),
		OPT_BOOL('j', "json", &o.json,
			 "parse the index and labels to JSON"),
		OPT_BOOL('u', "human", &o.human,
			 "human-readable numbers (implies --json)"),
		OPT_STR('o', "output", &o.output, "FILE",
			"write to FILE instead of stdout"),
		OPT_STR('s', "size", &o.size, "SIZE",
			"raw: this many bytes (default: to the end)"),
		OPT_STR('O', "offset", &o.offset, "OFFSET",
			"raw: from this offset in the area (default 0)"),
		OPT_BOOL('I', "index", &o.index_only,
			 "raw: only the two index blocks"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt write_options[] = {
		OPT_DIMM_BUS(&o.bus),
		OPT_STR('i', "input", &o.input, "FILE",
			"the label area to write (default: stdin)"),
		OPT_STR('s', "size", &o.size, "SIZE",
			"write only this many bytes (default: to the end)"),
		OPT_STR('O', "offset", &o.offset, "OFFSET",
			"write at this offset in the area (default 0)"),
		OPT_BOOL('f', "force", &o.force, "disable active regions"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt check_options[] = {
		OPT_DIMM_BUS(&o.bus),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	static const char *const verbs[] = { "init", "zero", "read", "write",
					     "check" };
	const struct opt *table = action == LABEL_INIT	? init_options :
				  action == LABEL_ZERO	? zero_options :
				  action == LABEL_READ	? read_options :
				  action == LABEL_WRITE ? write_options :
							  check_options;
	struct json_object *out = json_object_new_array();
	struct label_input in = { 0 };
	struct label_request req = {
		.action = action, .o = &o, .out = out, .in = &in
	};
	static const char *const done[] = { "initialized", "zeroed", "read",
					    "wrote", "successfully verified" };
	struct devstate_each each = {
		.kind = DEVSTATE_DIMM,
		.noun = "nmem",
		.done_verb = done[action],
		.fn = label_action,
		.arg = &req,
	};
	struct devstate_ctx ds = { 0 };
	char usage[80];
	int i, rc = EXIT_USAGE;

	snprintf(usage, sizeof(usage), "ndctl %s-labels <nmem>|all [<options>]",
		 verbs[action]);
	i = parse_options(argc, argv, table, usage);
	log_set_verbose(o.verbose);
	if (i >= argc) {
		pr_err("name a DIMM (nmemN), or 'all'");
		goto out;
	}
	if (o.version && strcmp(o.version, "1.1") && strcmp(o.version, "1.2")) {
		pr_err("invalid --label-version '%s': expected 1.1 or 1.2",
		       o.version);
		goto out;
	}
	if (o.offset && parse_size(o.offset, &req.offset)) {
		pr_err("invalid --offset '%s'", o.offset);
		goto out;
	}
	/* -s 0, as upstream has it: to the end of the area. */
	if (o.size && parse_size(o.size, &req.len)) {
		pr_err("invalid --size '%s'", o.size);
		goto out;
	}
	req.ranged = req.offset || req.len;
	if ((o.json || o.human) && req.ranged) {
		pr_err("--%s picks raw bytes: not with --json",
		       req.len ? "size" : "offset");
		goto out;
	}
	if (o.index_only && req.ranged) {
		pr_err("--index reads the index blocks: not with --%s",
		       req.len ? "size" : "offset");
		goto out;
	}
	if (action == LABEL_WRITE && argc - i != 1) {
		pr_err("write-labels takes one DIMM (nmemN)");
		goto out;
	}
	rc = EXIT_FAIL;
	if (action == LABEL_WRITE && read_input(o.input, &in))
		goto out;
	req.raw = stdout;
	if (o.output) {
		req.raw = fopen(o.output, "wb");
		if (!req.raw) {
			pr_err("%s: cannot create: %s", o.output,
			       strerror(errno));
			goto out;
		}
	}
	each.bus = o.bus;
	if (devstate_open(
		    &ds, o.sysroot,
		    DEVSTATE_ND | DEVSTATE_DAX |
			    (action == LABEL_READ || action == LABEL_CHECK ?
				     0 :
				     DEVSTATE_CHANGE)))
		goto out;
	rc = devstate_each(&ds, &each, argc - i, argv + i);
	if (action == LABEL_READ && (o.json || o.human))
		json_print(req.raw, out);
out:
	if (req.raw && req.raw != stdout && fclose(req.raw) && !rc) {
		pr_err("%s: cannot write: %s", o.output, strerror(errno));
		rc = EXIT_FAIL;
	}
	json_object_put(out);
	free(in.buf);
	devstate_close(&ds);
	return rc;
}

int cmd_init_labels(int argc, char **argv)
{
	return label_command(argc, argv, LABEL_INIT);
}

int cmd_zero_labels(int argc, char **argv)
{
	return label_command(argc, argv, LABEL_ZERO);
}

int cmd_read_labels(int argc, char **argv)
{
	return label_command(argc, argv, LABEL_READ);
}

int cmd_write_labels(int argc, char **argv)
{
	return label_command(argc, argv, LABEL_WRITE);
}

int cmd_check_labels(int argc, char **argv)
{
	return label_command(argc, argv, LABEL_CHECK);
}
