// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/sysfs.h>

#include "private.h"
#include "words.h"

static char *vdup(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		return NULL;
	return s;
}

static char *dup_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vdup(fmt, ap);
	va_end(ap);
	return s;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * An attribute as a number, or dflt when it is missing or unreadable:
 * upstream treats both the same.
 */
static uint64_t read_u64(struct cxl_ctx *ctx, uint64_t dflt, const char *dir,
			 const char *attr)
{
	uint64_t val;

	if (sysfs_read_u64(ctx->root, &val, "%s/%s", dir, attr))
		return dflt;
	return val;
}

static int read_int(struct cxl_ctx *ctx, int dflt, const char *dir,
		    const char *attr)
{
	int val;

	if (sysfs_read_int(ctx->root, &val, "%s/%s", dir, attr))
		return dflt;
	return val;
}

static unsigned int read_uint(struct cxl_ctx *ctx, const char *dir,
			      const char *attr)
{
	uint64_t val = read_u64(ctx, CXL_UINT_NONE, dir, attr);

	return val > CXL_UINT_NONE ? CXL_UINT_NONE : (unsigned int)val;
}

static bool read_flag(struct cxl_ctx *ctx, bool dflt, const char *dir,
		      const char *attr)
{
	uint64_t val;

	if (sysfs_read_u64(ctx->root, &val, "%s/%s", dir, attr))
		return dflt;
	return val != 0;
}

/* "prefix" then a number, as upstream's sscanf("prefix%d") takes it. */
static bool name_id(const char *name, const char *prefix, int *id)
{
	size_t len = strlen(prefix);

	return !strncmp(name, prefix, len) && sscanf(name + len, "%d", id) == 1;
}

/*
 * The entries of dir named prefixN in upstream's walk order (the last
 * directory entry first), or in directory order when dir_order.
 */
static int list_names(struct cxl_ctx *ctx, const char *dir, const char *prefix,
		      bool dir_order, char ***names)
{
	int n = sysfs_list_walk_order(ctx->root, prefix, names, "%s", dir);

	if (n > 0 && dir_order)
		for (int i = 0; i < n / 2; i++) {
			char *t = (*names)[i];

			(*names)[i] = (*names)[n - 1 - i];
			(*names)[n - 1 - i] = t;
		}
	return n;
}

/* Where a link under dir resolves to, root-relative; NULL if nowhere. */
static char *link_path(struct cxl_ctx *ctx, const char *dir, const char *name)
{
	return sysfs_canonical(ctx->root, "%s/%s", dir, name);
}

const char *cxl_mode_name(enum cxl_mode mode)
{
	return word_of(cxl_mode_words, mode, "none");
}

int cxl_parse_target_list(const char *text, int *ids, int max)
{
	const char *p = text;
	int n = 0;

	if (!*p)
		return 0;
	for (;;) {
		char *end;
		long id;

		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		errno = 0;
		id = strtol(p, &end, 10);
		if (errno || id > 0xffff)
			return -EINVAL;
		if (n == max)
			return -E2BIG;
		ids[n++] = (int)id;
		if (!*end)
			return n;
		if (*end != ',')
			return -EINVAL;
		p = end + 1;
	}
}

/* Freeing. */

static void free_region(struct cxl_region *region)
{
	while (region->mappings) {
		struct cxl_mapping *m = region->mappings;

		region->mappings = m->next;
		free(m->decoder_name);
		free(m);
	}
	free(region->devname);
	free(region->path);
	free(region);
}

static void free_decoder(struct cxl_decoder *decoder)
{
	while (decoder->targets) {
		struct cxl_target *t = decoder->targets;

		decoder->targets = t->next;
		free(t->path);
		free(t->alias);
		free(t->match);
		free(t);
	}
	while (decoder->regions) {
		struct cxl_region *r = decoder->regions;

		decoder->regions = r->next;
		free_region(r);
	}
	free(decoder->region_name);
	free(decoder->devname);
	free(decoder->path);
	free(decoder);
}

static void free_ports(struct cxl_port *port);

static void free_port(struct cxl_port *port)
{
	free_ports(port->ports);
	free_ports(port->endpoints);
	while (port->dports) {
		struct cxl_dport *d = port->dports;

		port->dports = d->next;
		free(d->path);
		free(d->alias);
		free(d->match);
		free(d);
	}
	while (port->decoders) {
		struct cxl_decoder *d = port->decoders;

		port->decoders = d->next;
		free_decoder(d);
	}
	free(port->devname);
	free(port->path);
	free(port->uport);
	free(port->parent_dport);
	free(port);
}

static void free_ports(struct cxl_port *port)
{
	while (port) {
		struct cxl_port *next = port->next;

		free_port(port);
		port = next;
	}
}

static void free_all(struct cxl_ctx *ctx)
{
	while (ctx->memdevs) {
		struct cxl_memdev *m = ctx->memdevs;

		ctx->memdevs = m->next;
		free(m->devname);
		free(m->path);
		free(m->host_path);
		free(m->fw_version);
		free(m);
	}
	free_ports(ctx->buses);
	ctx->buses = NULL;
}

/* Loading. */

/* A dport's or target's other names, from its ACPI links. */
static int load_aliases(struct cxl_ctx *ctx, const char *link_dir,
			const char *path, char **alias, char **match)
{
	char *phys = link_path(ctx, link_dir, "physical_node");
	char *fw = link_path(ctx, link_dir, "firmware_node");

	/*
	 * Upstream prints the physical node as "alias", then the firmware
	 * node under the same key, which replaces it.  A dport with only a
	 * firmware node matches memdevs by its own path.
	 */
	*alias = NULL;
	if (fw || phys) {
		*alias = strdup(base_name(fw ? fw : phys));
		if (!*alias)
			goto nomem;
	}
	*match = strdup(phys ? phys : path);
	free(phys);
	free(fw);
	return *match ? 0 : -ENOMEM;
nomem:
	free(phys);
	free(fw);
	return -ENOMEM;
}

static int load_dports(struct cxl_ctx *ctx, struct cxl_port *port)
{
	struct cxl_dport **tail = &port->dports;
	char **names;
	int n, i, rc = 0;

	n = list_names(ctx, port->path, "dport", false, &names);
	if (n < 0)
		return n;
	for (i = 0; i < n && !rc; i++) {
		struct cxl_dport *d;
		char *dir;
		int id;

		if (!name_id(names[i], "dport", &id))
			continue;
		d = calloc(1, sizeof(*d));
		if (!d) {
			rc = -ENOMEM;
			break;
		}
		d->port = port;
		d->id = id;
		d->path = link_path(ctx, port->path, names[i]);
		if (!d->path) {
			/* Upstream leaves out a dport that resolves nowhere. */
			free(d);
			continue;
		}
		d->devname = base_name(d->path);
		dir = dup_printf("%s/%s", port->path, names[i]);
		rc = dir ? load_aliases(ctx, dir, d->path, &d->alias,
					&d->match) :
			   -ENOMEM;
		free(dir);
		*tail = d;
		tail = &d->next;
		port->nr_dports++;
	}
	sysfs_free_names(names);
	return rc;
}

static int load_targets(struct cxl_ctx *ctx, struct cxl_decoder *decoder)
{
	struct cxl_port *port = decoder->port;
	char buf[256];
	int ids[64], n, i, rc = 0;

	if (sysfs_read(ctx->root, buf, sizeof(buf), "%s/target_list",
		       decoder->path))
		buf[0] = '\0';
	n = cxl_parse_target_list(buf, ids, 64);
	if (n < 0)
		n = 0;
	for (i = 0; i < n && !rc; i++) {
		struct cxl_target *t = calloc(1, sizeof(*t));
		char *dir;

		if (!t)
			return -ENOMEM;
		t->decoder = decoder;
		t->id = ids[i];
		t->position = i;
		dir = dup_printf("%s/dport%d", port->path, ids[i]);
		if (!dir) {
			free(t);
			return -ENOMEM;
		}
		t->path = sysfs_canonical(ctx->root, "%s", dir);
		if (!t->path) {
			/* Upstream stops at the first target it cannot find. */
			free(dir);
			free(t);
			break;
		}
		t->devname = base_name(t->path);
		rc = load_aliases(ctx, dir, t->path, &t->alias, &t->match);
		free(dir);
		/* Pushed at the head: the last position comes first. */
		t->next = decoder->targets;
		decoder->targets = t;
		decoder->nr_targets++;
	}
	return rc;
}

static bool is_uuid(const char *s)
{
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return false;
	}
	return s[36] == '\0';
}

static enum cxl_mode region_mode(const char *text)
{
	if (!strcmp(text, "ram") || !strcmp(text, "volatile"))
		return CXL_MODE_RAM;
	if (!strcmp(text, "pmem"))
		return CXL_MODE_PMEM;
	return CXL_MODE_NONE;
}

static int load_mappings(struct cxl_ctx *ctx, struct cxl_region *region)
{
	char buf[64];

	if (region->ways == CXL_UINT_NONE)
		return 0;
	for (unsigned int i = 0; i < region->ways; i++) {
		struct cxl_mapping *m;

		if (sysfs_read(ctx->root, buf, sizeof(buf), "%s/target%u",
			       region->path, i))
			continue;
		m = calloc(1, sizeof(*m));
		if (!m)
			return -ENOMEM;
		m->decoder_name = strdup(buf);
		if (!m->decoder_name) {
			free(m);
			return -ENOMEM;
		}
		m->region = region;
		m->position = (int)i;
		/* Pushed at the head, as upstream lists them. */
		m->next = region->mappings;
		region->mappings = m;
	}
	return 0;
}

static int load_region(struct cxl_ctx *ctx, struct cxl_decoder *decoder,
		       const char *name, int id)
{
	struct cxl_region *region, **pos;
	char buf[64];
	int rc;

	region = calloc(1, sizeof(*region));
	if (!region)
		return -ENOMEM;
	region->decoder = decoder;
	region->id = id;
	region->devname = strdup(name);
	region->path = dup_printf("%s/%s", decoder->path, name);
	if (!region->devname || !region->path) {
		free_region(region);
		return -ENOMEM;
	}
	/* Upstream drops a region whose uuid does not read or parse. */
	if (sysfs_read(ctx->root, buf, sizeof(buf), "%s/uuid", region->path) ||
	    (buf[0] && !is_uuid(buf))) {
		free_region(region);
		return 0;
	}
	region->size = read_u64(ctx, CXL_U64_NONE, region->path, "size");
	region->start = read_u64(ctx, CXL_U64_NONE, region->path, "resource");
	if (region->start == CXL_U64_NONE)
		region->start = 0;
	region->granularity =
		read_uint(ctx, region->path, "interleave_granularity");
	region->ways = read_uint(ctx, region->path, "interleave_ways");
	region->decode_state =
		read_int(ctx, CXL_DECODE_UNKNOWN, region->path, "commit");
	if (sysfs_read(ctx->root, buf, sizeof(buf), "%s/mode", region->path))
		region->mode = CXL_MODE_NONE;
	else
		region->mode = region_mode(buf);
	region->enabled = sysfs_has_link(ctx->root, "%s/driver", region->path);
	rc = load_mappings(ctx, region);
	if (rc) {
		free_region(region);
		return rc;
	}
	/* By start address; a region of the same start goes after. */
	for (pos = &decoder->regions; *pos; pos = &(*pos)->next)
		if (region->start < (*pos)->start)
			break;
	region->next = *pos;
	*pos = region;
	return 0;
}

/*
 * The largest gap in a root decoder's window around the regions that
 * decode (a size, not reset), as upstream computes it: regions are
 * sorted by start and do not overlap.
 */
static uint64_t max_extent(struct cxl_decoder *decoder)
{
	uint64_t prev_end, cur, best = 0;
	struct cxl_region *r;

	if (decoder->start == CXL_U64_NONE)
		return CXL_U64_NONE;
	prev_end = decoder->start - 1;
	for (r = decoder->regions; r; r = r->next) {
		if (!r->size || r->decode_state == CXL_DECODE_RESET)
			continue;
		cur = r->start - prev_end - 1;
		if (cur > best)
			best = cur;
		prev_end = r->start + r->size - 1;
	}
	cur = decoder->start + decoder->size - 1 - prev_end;
	return cur > best ? cur : best;
}

static enum cxl_mode decoder_mode(struct cxl_ctx *ctx, const char *dir)
{
	char buf[32];

	if (sysfs_read(ctx->root, buf, sizeof(buf), "%s/mode", dir))
		return CXL_MODE_NONE;
	if (!strcmp(buf, "ram"))
		return CXL_MODE_RAM;
	if (!strcmp(buf, "pmem"))
		return CXL_MODE_PMEM;
	if (!strcmp(buf, "none"))
		return CXL_MODE_NONE;
	return CXL_MODE_MIXED;
}

static int load_root_regions(struct cxl_ctx *ctx, struct cxl_decoder *decoder)
{
	char **names;
	int n, i, id, rc = 0;

	n = list_names(ctx, decoder->path, "region", true, &names);
	if (n < 0)
		return n;
	for (i = 0; i < n && !rc; i++)
		if (name_id(names[i], "region", &id))
			rc = load_region(ctx, decoder, names[i], id);
	sysfs_free_names(names);
	return rc;
}

static int load_decoder(struct cxl_ctx *ctx, struct cxl_port *port,
			const char *name, int id)
{
	struct cxl_decoder *d, **pos;
	char buf[64];
	int rc;

	d = calloc(1, sizeof(*d));
	if (!d)
		return -ENOMEM;
	d->port = port;
	d->id = id;
	d->devname = strdup(name);
	d->path = dup_printf("%s/%s", port->path, name);
	if (!d->devname || !d->path) {
		free_decoder(d);
		return -ENOMEM;
	}
	d->start = read_u64(ctx, CXL_U64_NONE, d->path, "start");
	d->size = read_u64(ctx, CXL_U64_NONE, d->path, "size");
	d->mode = decoder_mode(ctx, d->path);
	d->granularity = read_uint(ctx, d->path, "interleave_granularity");
	d->ways = read_uint(ctx, d->path, "interleave_ways");
	d->qos_class = read_int(ctx, CXL_QOS_NONE, d->path, "qos_class");
	d->dpa_resource = d->dpa_size = d->max_extent = CXL_U64_NONE;
	if (port->type == CXL_PORT_ROOT) {
		d->accelmem_capable =
			read_flag(ctx, false, d->path, "cap_type2");
		d->mem_capable = read_flag(ctx, false, d->path, "cap_type3");
		d->volatile_capable = read_flag(ctx, false, d->path, "cap_ram");
		d->pmem_capable = read_flag(ctx, false, d->path, "cap_pmem");
		d->locked = read_flag(ctx, false, d->path, "locked");
		rc = load_root_regions(ctx, d);
		if (rc) {
			free_decoder(d);
			return rc;
		}
		d->max_extent = max_extent(d);
	} else {
		if (port->type == CXL_PORT_ENDPOINT) {
			d->dpa_resource = read_u64(ctx, CXL_U64_NONE, d->path,
						   "dpa_resource");
			d->dpa_size = read_u64(ctx, CXL_U64_NONE, d->path,
					       "dpa_size");
		}
		/* Below the root a decoder can decode any type of memory. */
		d->pmem_capable = d->volatile_capable = true;
		d->mem_capable = d->accelmem_capable = true;
		d->locked = read_flag(ctx, false, d->path, "locked");
		if (sysfs_read(ctx->root, buf, sizeof(buf), "%s/region",
			       d->path) == 0)
			d->region_name = strdup(buf);
	}
	rc = load_targets(ctx, d);
	if (rc) {
		free_decoder(d);
		return rc;
	}
	for (pos = &port->decoders; *pos; pos = &(*pos)->next)
		if (id < (*pos)->id)
			break;
	d->next = *pos;
	*pos = d;
	return 0;
}

static int load_decoders(struct cxl_ctx *ctx, struct cxl_port *port)
{
	char prefix[32], **names;
	int n, i, id, rc = 0;

	snprintf(prefix, sizeof(prefix), "decoder%d.", port->id);
	n = list_names(ctx, port->path, prefix, true, &names);
	if (n < 0)
		return n;
	for (i = 0; i < n && !rc; i++)
		if (name_id(names[i], prefix, &id))
			rc = load_decoder(ctx, port, names[i], id);
	sysfs_free_names(names);
	return rc;
}

static int load_children(struct cxl_ctx *ctx, struct cxl_port *port);

/*
 * One port, its dports and decoders and everything below it.  Returns
 * 0 with *out NULL for a port upstream leaves out (no uport).
 */
static int load_port(struct cxl_ctx *ctx, struct cxl_port *parent,
		     enum cxl_port_type type, const char *path, int id,
		     struct cxl_port **out)
{
	struct cxl_port *port;
	int rc = -ENOMEM;

	*out = NULL;
	port = calloc(1, sizeof(*port));
	if (!port)
		return -ENOMEM;
	port->ctx = ctx;
	port->parent = parent;
	port->type = type;
	port->id = id;
	port->depth = parent ? parent->depth + 1 : 0;
	port->path = strdup(path);
	port->devname = strdup(base_name(path));
	if (!port->path || !port->devname)
		goto err;
	port->uport = link_path(ctx, path, "uport");
	if (!port->uport) {
		free_port(port);
		return 0;
	}
	port->host = base_name(port->uport);
	/* At depth 1 the parent dport is the uport itself. */
	if (port->depth > 1) {
		char *p = link_path(ctx, path, "parent_dport");

		if (p) {
			port->parent_dport = strdup(base_name(p));
			free(p);
			if (!port->parent_dport)
				goto err;
		}
	}
	port->decoders_committed = read_int(ctx, 0, path, "decoders_committed");
	port->enabled = sysfs_has_link(ctx->root, "%s/driver", path);
	rc = load_dports(ctx, port);
	if (!rc)
		rc = load_decoders(ctx, port);
	if (!rc && type != CXL_PORT_ENDPOINT)
		rc = load_children(ctx, port);
	if (rc)
		goto err;
	*out = port;
	return 0;
err:
	free_port(port);
	return rc;
}

/* Child ports (portN) and endpoints (endpointN), last entry first. */
static int load_kind(struct cxl_ctx *ctx, struct cxl_port *parent,
		     const char *dir, const char *prefix,
		     enum cxl_port_type type, struct cxl_port **list)
{
	struct cxl_port **tail = list;
	char **names;
	int n, i, id, rc = 0;

	n = list_names(ctx, dir, prefix, false, &names);
	if (n < 0)
		return n;
	for (i = 0; i < n && !rc; i++) {
		struct cxl_port *port;
		char *path;

		if (!name_id(names[i], prefix, &id))
			continue;
		path = dup_printf("%s/%s", dir, names[i]);
		if (!path) {
			rc = -ENOMEM;
			break;
		}
		rc = load_port(ctx, parent, type, path, id, &port);
		free(path);
		if (port) {
			*tail = port;
			tail = &port->next;
		}
	}
	sysfs_free_names(names);
	return rc;
}

static int load_children(struct cxl_ctx *ctx, struct cxl_port *port)
{
	int rc = load_kind(ctx, port, port->path, "port", CXL_PORT_SWITCH,
			   &port->ports);

	if (rc)
		return rc;
	return load_kind(ctx, port, port->path, "endpoint", CXL_PORT_ENDPOINT,
			 &port->endpoints);
}

static bool nvdimm_active(struct cxl_ctx *ctx, const char *path)
{
	bool active = false;
	char **names;
	int n, i, id;

	n = list_names(ctx, path, "pmem", false, &names);
	for (i = 0; i < n && !active; i++)
		active = name_id(names[i], "pmem", &id) &&
			 sysfs_has_link(ctx->root, "%s/%s/driver", path,
					names[i]);
	if (n > 0)
		sysfs_free_names(names);
	return active;
}

static int load_memdev(struct cxl_ctx *ctx, const char *name, int id,
		       struct cxl_memdev **out)
{
	struct cxl_memdev *m;
	char buf[128], *slash;

	*out = NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->ctx = ctx;
	m->id = id;
	m->devname = strdup(name);
	m->path = dup_printf(CXL_DEVICES "/%s", name);
	m->host_path = sysfs_canonical(ctx->root, CXL_DEVICES "/%s", name);
	if (!m->devname || !m->path)
		goto nomem;
	slash = m->host_path ? strrchr(m->host_path, '/') : NULL;
	if (!slash) {
		/* Upstream leaves out a memdev it cannot place. */
		free(m->devname);
		free(m->path);
		free(m->host_path);
		free(m);
		return 0;
	}
	*slash = '\0';
	m->host = base_name(m->host_path);
	m->pmem_size = read_u64(ctx, 0, m->path, "pmem/size");
	m->ram_size = read_u64(ctx, 0, m->path, "ram/size");
	m->pmem_qos = read_int(ctx, CXL_QOS_NONE, m->path, "pmem/qos_class");
	m->ram_qos = read_int(ctx, CXL_QOS_NONE, m->path, "ram/qos_class");
	m->payload_max = read_u64(ctx, 0, m->path, "payload_max");
	m->lsa_size =
		read_u64(ctx, CXL_U64_NONE, m->path, "label_storage_size");
	m->serial = read_u64(ctx, CXL_U64_NONE, m->path, "serial");
	m->numa_node = read_int(ctx, -1, m->path, "numa_node");
	m->major = m->minor = -1;
	if (!sysfs_read(ctx->root, buf, sizeof(buf), "%s/dev", m->path) &&
	    sscanf(buf, "%d:%d", &m->major, &m->minor) != 2)
		m->major = m->minor = -1;
	/* As the device gives it: a trailing space is part of the version. */
	if (!sysfs_read_words(ctx->root, buf, sizeof(buf),
			      "%s/firmware_version", m->path)) {
		m->fw_version = strdup(buf);
		if (!m->fw_version)
			goto nomem;
	}
	m->enabled = sysfs_has_link(ctx->root, "%s/driver", m->path);
	m->nvdimm_active = nvdimm_active(ctx, m->path);
	*out = m;
	return 0;
nomem:
	free(m->devname);
	free(m->path);
	free(m->host_path);
	free(m);
	return -ENOMEM;
}

static int load_all(struct cxl_ctx *ctx)
{
	struct cxl_memdev **tail = &ctx->memdevs;
	char **names;
	int n, i, id, rc = 0;

	n = list_names(ctx, CXL_DEVICES, "mem", false, &names);
	if (n < 0)
		return n;
	for (i = 0; i < n && !rc; i++) {
		struct cxl_memdev *m;

		if (!name_id(names[i], "mem", &id))
			continue;
		rc = load_memdev(ctx, names[i], id, &m);
		if (m) {
			*tail = m;
			tail = &m->next;
		}
	}
	sysfs_free_names(names);
	if (rc)
		return rc;
	return load_kind(ctx, NULL, CXL_DEVICES, "root", CXL_PORT_ROOT,
			 &ctx->buses);
}

int cxl_new(struct cxl_ctx **out, struct sysroot *root)
{
	struct cxl_ctx *ctx;
	int rc;

	*out = NULL;
	ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return -ENOMEM;
	ctx->refcount = 1;
	ctx->root = sysroot_ref(root);
	rc = load_all(ctx);
	if (rc) {
		cxl_unref(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

struct cxl_ctx *cxl_ref(struct cxl_ctx *ctx)
{
	ctx->refcount++;
	return ctx;
}

void cxl_unref(struct cxl_ctx *ctx)
{
	if (!ctx || --ctx->refcount > 0)
		return;
	free_all(ctx);
	sysroot_close(ctx->root);
	free(ctx);
}

int cxl_refresh(struct cxl_ctx *ctx)
{
	free_all(ctx);
	return load_all(ctx);
}

struct sysroot *cxl_get_root(struct cxl_ctx *ctx)
{
	return ctx->root;
}

/* Memdevs. */

struct cxl_memdev *cxl_memdev_get_first(struct cxl_ctx *ctx)
{
	return ctx->memdevs;
}

struct cxl_memdev *cxl_memdev_get_next(struct cxl_memdev *memdev)
{
	return memdev->next;
}

const char *cxl_memdev_get_devname(struct cxl_memdev *memdev)
{
	return memdev->devname;
}

int cxl_memdev_get_id(struct cxl_memdev *memdev)
{
	return memdev->id;
}

const char *cxl_memdev_get_host(struct cxl_memdev *memdev)
{
	return memdev->host;
}

uint64_t cxl_memdev_get_pmem_size(struct cxl_memdev *memdev)
{
	return memdev->pmem_size;
}

uint64_t cxl_memdev_get_ram_size(struct cxl_memdev *memdev)
{
	return memdev->ram_size;
}

int cxl_memdev_get_pmem_qos_class(struct cxl_memdev *memdev)
{
	return memdev->pmem_qos;
}

int cxl_memdev_get_ram_qos_class(struct cxl_memdev *memdev)
{
	return memdev->ram_qos;
}

uint64_t cxl_memdev_get_serial(struct cxl_memdev *memdev)
{
	return memdev->serial;
}

int cxl_memdev_get_numa_node(struct cxl_memdev *memdev)
{
	return memdev->numa_node;
}

const char *cxl_memdev_get_firmware_version(struct cxl_memdev *memdev)
{
	return memdev->fw_version;
}

uint64_t cxl_memdev_get_label_size(struct cxl_memdev *memdev)
{
	return memdev->lsa_size;
}

uint64_t cxl_memdev_get_payload_max(struct cxl_memdev *memdev)
{
	return memdev->payload_max;
}

int cxl_memdev_get_devnum(struct cxl_memdev *memdev, unsigned int *major,
			  unsigned int *minor)
{
	if (memdev->major < 0)
		return -ENOENT;
	*major = (unsigned int)memdev->major;
	*minor = (unsigned int)memdev->minor;
	return 0;
}

bool cxl_memdev_is_enabled(struct cxl_memdev *memdev)
{
	return memdev->enabled;
}

static struct cxl_port *find_endpoint(struct cxl_port *port, const char *host)
{
	struct cxl_port *p, *found;

	for (p = port->endpoints; p; p = p->next)
		if (!strcmp(p->host, host))
			return p;
	for (p = port->ports; p; p = p->next) {
		found = find_endpoint(p, host);
		if (found)
			return found;
	}
	return NULL;
}

struct cxl_port *cxl_memdev_get_endpoint(struct cxl_memdev *memdev)
{
	struct cxl_port *bus, *ep;

	if (!memdev->enabled)
		return NULL;
	for (bus = memdev->ctx->buses; bus; bus = bus->next) {
		ep = find_endpoint(bus, memdev->devname);
		if (ep)
			return ep;
	}
	return NULL;
}

struct cxl_port *cxl_memdev_get_bus(struct cxl_memdev *memdev)
{
	struct cxl_port *ep = cxl_memdev_get_endpoint(memdev);

	return ep ? cxl_port_get_bus(ep) : NULL;
}

struct cxl_memdev *cxl_memdev_get_by_name(struct cxl_ctx *ctx, const char *name)
{
	struct cxl_memdev *m;

	for (m = ctx->memdevs; m; m = m->next)
		if (!strcmp(m->devname, name))
			return m;
	return NULL;
}

/* Ports. */

struct cxl_port *cxl_bus_get_first(struct cxl_ctx *ctx)
{
	return ctx->buses;
}

struct cxl_port *cxl_bus_get_next(struct cxl_port *bus)
{
	return bus->next;
}

const char *cxl_bus_get_provider(struct cxl_port *bus)
{
	if (!strcmp(bus->host, "ACPI0017:00"))
		return "ACPI.CXL";
	if (!strcmp(bus->host, "cxl_acpi.0"))
		return "cxl_test";
	return bus->host;
}

struct cxl_port *cxl_port_get_first(struct cxl_port *parent)
{
	return parent->ports;
}

struct cxl_port *cxl_port_get_next(struct cxl_port *port)
{
	return port->next;
}

struct cxl_port *cxl_endpoint_get_first(struct cxl_port *parent)
{
	return parent->endpoints;
}

struct cxl_port *cxl_endpoint_get_next(struct cxl_port *endpoint)
{
	return endpoint->next;
}

struct cxl_port *cxl_port_get_next_all(struct cxl_port *port,
				       const struct cxl_port *top)
{
	struct cxl_port *iter = port;

	if (port->ports)
		return port->ports;
	while (!iter->next && iter->parent && iter->parent != top)
		iter = iter->parent;
	return iter->next;
}

struct cxl_ctx *cxl_port_get_ctx(struct cxl_port *port)
{
	return port->ctx;
}

const char *cxl_port_get_devname(struct cxl_port *port)
{
	return port->devname;
}

int cxl_port_get_id(struct cxl_port *port)
{
	return port->id;
}

enum cxl_port_type cxl_port_get_type(struct cxl_port *port)
{
	return port->type;
}

bool cxl_port_is_root(struct cxl_port *port)
{
	return port->type == CXL_PORT_ROOT;
}

bool cxl_port_is_switch(struct cxl_port *port)
{
	return port->type == CXL_PORT_SWITCH;
}

bool cxl_port_is_endpoint(struct cxl_port *port)
{
	return port->type == CXL_PORT_ENDPOINT;
}

int cxl_port_get_depth(struct cxl_port *port)
{
	return port->depth;
}

struct cxl_port *cxl_port_get_parent(struct cxl_port *port)
{
	return port->parent;
}

struct cxl_port *cxl_port_get_bus(struct cxl_port *port)
{
	if (!port->enabled)
		return NULL;
	while (port->parent)
		port = port->parent;
	return port;
}

const char *cxl_port_get_host(struct cxl_port *port)
{
	return port->host;
}

struct cxl_dport *cxl_port_get_parent_dport(struct cxl_port *port)
{
	struct cxl_dport *d;

	if (!port->parent_dport || !port->parent)
		return NULL;
	for (d = port->parent->dports; d; d = d->next)
		if (!strcmp(d->devname, port->parent_dport))
			return d;
	return NULL;
}

int cxl_port_get_decoders_committed(struct cxl_port *port)
{
	return port->decoders_committed;
}

bool cxl_port_is_enabled(struct cxl_port *port)
{
	return port->enabled;
}

bool cxl_port_hosts_memdev(struct cxl_port *port, struct cxl_memdev *memdev)
{
	struct cxl_port *iter = cxl_memdev_get_endpoint(memdev);

	while (iter && iter != port)
		iter = iter->parent;
	return iter != NULL;
}

struct cxl_memdev *cxl_endpoint_get_memdev(struct cxl_port *endpoint)
{
	if (endpoint->type != CXL_PORT_ENDPOINT || !endpoint->enabled)
		return NULL;
	return cxl_memdev_get_by_name(endpoint->ctx, endpoint->host);
}

/* Dports. */

int cxl_port_get_nr_dports(struct cxl_port *port)
{
	return port->nr_dports;
}

struct cxl_dport *cxl_dport_get_first(struct cxl_port *port)
{
	return port->dports;
}

struct cxl_dport *cxl_dport_get_next(struct cxl_dport *dport)
{
	return dport->next;
}

const char *cxl_dport_get_devname(struct cxl_dport *dport)
{
	return dport->devname;
}

int cxl_dport_get_id(struct cxl_dport *dport)
{
	return dport->id;
}

struct cxl_port *cxl_dport_get_port(struct cxl_dport *dport)
{
	return dport->port;
}

const char *cxl_dport_get_alias(struct cxl_dport *dport)
{
	return dport->alias;
}

bool cxl_dport_maps_memdev(struct cxl_dport *dport, struct cxl_memdev *memdev)
{
	return strstr(memdev->host_path, dport->match) != NULL;
}

struct cxl_dport *cxl_port_get_dport_by_memdev(struct cxl_port *port,
					       struct cxl_memdev *memdev)
{
	struct cxl_dport *d;

	for (d = port->dports; d; d = d->next)
		if (cxl_dport_maps_memdev(d, memdev))
			return d;
	return NULL;
}

/* Decoders. */

struct cxl_decoder *cxl_decoder_get_first(struct cxl_port *port)
{
	return port->decoders;
}

struct cxl_decoder *cxl_decoder_get_next(struct cxl_decoder *decoder)
{
	return decoder->next;
}

static struct cxl_decoder *find_decoder(struct cxl_port *port, const char *name)
{
	struct cxl_decoder *d;
	struct cxl_port *p;

	for (d = port->decoders; d; d = d->next)
		if (!strcmp(d->devname, name))
			return d;
	for (p = port->endpoints; p; p = p->next) {
		d = find_decoder(p, name);
		if (d)
			return d;
	}
	for (p = port->ports; p; p = p->next) {
		d = find_decoder(p, name);
		if (d)
			return d;
	}
	return NULL;
}

struct cxl_decoder *cxl_decoder_get_by_name(struct cxl_ctx *ctx,
					    const char *name)
{
	struct cxl_decoder *d;
	struct cxl_port *bus;

	for (bus = ctx->buses; bus; bus = bus->next) {
		d = find_decoder(bus, name);
		if (d)
			return d;
	}
	return NULL;
}

const char *cxl_decoder_get_devname(struct cxl_decoder *decoder)
{
	return decoder->devname;
}

int cxl_decoder_get_id(struct cxl_decoder *decoder)
{
	return decoder->id;
}

struct cxl_port *cxl_decoder_get_port(struct cxl_decoder *decoder)
{
	return decoder->port;
}

uint64_t cxl_decoder_get_resource(struct cxl_decoder *decoder)
{
	return decoder->start;
}

uint64_t cxl_decoder_get_size(struct cxl_decoder *decoder)
{
	return decoder->size;
}

uint64_t cxl_decoder_get_dpa_resource(struct cxl_decoder *decoder)
{
	return decoder->dpa_resource;
}

uint64_t cxl_decoder_get_dpa_size(struct cxl_decoder *decoder)
{
	return decoder->dpa_size;
}

enum cxl_mode cxl_decoder_get_mode(struct cxl_decoder *decoder)
{
	return decoder->mode;
}

unsigned int cxl_decoder_get_interleave_ways(struct cxl_decoder *decoder)
{
	return decoder->ways;
}

unsigned int cxl_decoder_get_interleave_granularity(struct cxl_decoder *decoder)
{
	return decoder->granularity;
}

int cxl_decoder_get_qos_class(struct cxl_decoder *decoder)
{
	return decoder->qos_class;
}

bool cxl_decoder_is_pmem_capable(struct cxl_decoder *decoder)
{
	return decoder->pmem_capable;
}

bool cxl_decoder_is_volatile_capable(struct cxl_decoder *decoder)
{
	return decoder->volatile_capable;
}

bool cxl_decoder_is_mem_capable(struct cxl_decoder *decoder)
{
	return decoder->mem_capable;
}

bool cxl_decoder_is_accelmem_capable(struct cxl_decoder *decoder)
{
	return decoder->accelmem_capable;
}

bool cxl_decoder_is_locked(struct cxl_decoder *decoder)
{
	return decoder->locked;
}

uint64_t cxl_decoder_get_max_available_extent(struct cxl_decoder *decoder)
{
	return decoder->max_extent;
}

struct cxl_region *cxl_decoder_get_region(struct cxl_decoder *decoder)
{
	struct cxl_port *port = decoder->port;
	struct cxl_decoder *d;
	struct cxl_region *r;

	if (!decoder->region_name || !decoder->region_name[0])
		return NULL;
	while (port->parent)
		port = port->parent;
	for (d = port->decoders; d; d = d->next)
		for (r = d->regions; r; r = r->next)
			if (!strcmp(r->devname, decoder->region_name))
				return r;
	return NULL;
}

struct cxl_memdev *cxl_decoder_get_memdev(struct cxl_decoder *decoder)
{
	return cxl_endpoint_get_memdev(decoder->port);
}

/* Targets. */

int cxl_decoder_get_nr_targets(struct cxl_decoder *decoder)
{
	return decoder->nr_targets;
}

struct cxl_target *cxl_target_get_first(struct cxl_decoder *decoder)
{
	return decoder->targets;
}

struct cxl_target *cxl_target_get_next(struct cxl_target *target)
{
	return target->next;
}

const char *cxl_target_get_devname(struct cxl_target *target)
{
	return target->devname;
}

int cxl_target_get_id(struct cxl_target *target)
{
	return target->id;
}

int cxl_target_get_position(struct cxl_target *target)
{
	return target->position;
}

const char *cxl_target_get_alias(struct cxl_target *target)
{
	return target->alias;
}

bool cxl_target_maps_memdev(struct cxl_target *target,
			    struct cxl_memdev *memdev)
{
	return strstr(memdev->host_path, target->match) != NULL;
}

struct cxl_target *cxl_decoder_get_target_by_memdev(struct cxl_decoder *d,
						    struct cxl_memdev *m)
{
	struct cxl_target *t;

	for (t = d->targets; t; t = t->next)
		if (cxl_target_maps_memdev(t, m))
			return t;
	return NULL;
}

/* Regions. */

struct cxl_region *cxl_region_get_first(struct cxl_decoder *decoder)
{
	return decoder->regions;
}

struct cxl_region *cxl_region_get_next(struct cxl_region *region)
{
	return region->next;
}

const char *cxl_region_get_devname(struct cxl_region *region)
{
	return region->devname;
}

int cxl_region_get_id(struct cxl_region *region)
{
	return region->id;
}

struct cxl_decoder *cxl_region_get_decoder(struct cxl_region *region)
{
	return region->decoder;
}

uint64_t cxl_region_get_resource(struct cxl_region *region)
{
	return region->start;
}

uint64_t cxl_region_get_size(struct cxl_region *region)
{
	return region->size;
}

enum cxl_mode cxl_region_get_mode(struct cxl_region *region)
{
	return region->mode;
}

unsigned int cxl_region_get_interleave_ways(struct cxl_region *region)
{
	return region->ways;
}

unsigned int cxl_region_get_interleave_granularity(struct cxl_region *region)
{
	return region->granularity;
}

enum cxl_decode_state cxl_region_get_decode_state(struct cxl_region *region)
{
	return region->decode_state;
}

bool cxl_region_is_enabled(struct cxl_region *region)
{
	return region->enabled;
}

bool cxl_region_is_active(struct cxl_region *region)
{
	return region->decode_state == CXL_DECODE_COMMIT || region->enabled;
}

bool cxl_region_qos_class_mismatch(struct cxl_region *region)
{
	int want = region->decoder->qos_class;
	struct cxl_mapping *m;

	for (m = region->mappings; m; m = m->next) {
		struct cxl_decoder *d = cxl_mapping_get_decoder(m);
		struct cxl_memdev *memdev =
			d ? cxl_decoder_get_memdev(d) : NULL;

		if (!memdev)
			continue;
		if (region->mode == CXL_MODE_RAM && want != memdev->ram_qos)
			return true;
		if (region->mode == CXL_MODE_PMEM && want != memdev->pmem_qos)
			return true;
	}
	return false;
}

struct cxl_mapping *cxl_mapping_get_first(struct cxl_region *region)
{
	struct cxl_mapping *m = region->mappings;

	/* Upstream leaves out a mapping whose decoder it cannot find. */
	while (m && !cxl_mapping_get_decoder(m))
		m = m->next;
	return m;
}

struct cxl_mapping *cxl_mapping_get_next(struct cxl_mapping *mapping)
{
	struct cxl_mapping *m = mapping->next;

	while (m && !cxl_mapping_get_decoder(m))
		m = m->next;
	return m;
}

int cxl_mapping_get_position(struct cxl_mapping *mapping)
{
	return mapping->position;
}

struct cxl_decoder *cxl_mapping_get_decoder(struct cxl_mapping *mapping)
{
	struct cxl_port *port = mapping->region->decoder->port;

	return cxl_decoder_get_by_name(port->ctx, mapping->decoder_name);
}

struct cxl_region *cxl_memdev_get_active_region(struct cxl_memdev *memdev)
{
	struct cxl_port *ep = cxl_memdev_get_endpoint(memdev);
	struct cxl_decoder *d;
	struct cxl_region *r;

	if (!ep)
		return NULL;
	for (d = ep->decoders; d; d = d->next) {
		r = cxl_decoder_get_region(d);
		if (r && cxl_region_is_active(r))
			return r;
	}
	return NULL;
}

static int set_binding(struct cxl_memdev *memdev, bool bind)
{
	struct cxl_ctx *ctx = memdev->ctx;
	int rc;

	if (memdev->enabled == bind)
		return 0;
	rc = sysfs_write(ctx->root, memdev->devname,
			 "sys/bus/cxl/drivers/cxl_mem/%s",
			 bind ? "bind" : "unbind");
	memdev->enabled = sysfs_has_link(ctx->root, "%s/driver", memdev->path);
	if (memdev->enabled != bind)
		return rc ? rc : bind ? -ENXIO : -EBUSY;
	return 0;
}

int cxl_memdev_disable(struct cxl_memdev *memdev)
{
	return set_binding(memdev, false);
}

int cxl_memdev_enable(struct cxl_memdev *memdev)
{
	return set_binding(memdev, true);
}

bool cxl_memdev_labels_in_use(struct cxl_memdev *memdev)
{
	return memdev->nvdimm_active;
}
