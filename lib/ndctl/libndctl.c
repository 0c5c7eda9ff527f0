// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

static void free_region(struct ndctl_region *region)
{
	while (region->mappings) {
		struct ndctl_mapping *m = region->mappings;

		region->mappings = m->next;
		free(m);
	}
	while (region->namespaces) {
		struct ndctl_namespace *ns = region->namespaces;

		region->namespaces = ns->next;
		free(ns->devname);
		free(ns);
	}
	while (region->claims) {
		struct ndctl_claim *c = region->claims;

		region->claims = c->next;
		free(c->devname);
		free(c);
	}
	free(region->devname);
	free(region);
}

static void free_buses(struct ndctl_ctx *ctx)
{
	while (ctx->buses) {
		struct ndctl_bus *bus = ctx->buses;

		ctx->buses = bus->next;
		while (bus->dimms) {
			struct ndctl_dimm *d = bus->dimms;

			bus->dimms = d->next;
			free(d->devname);
			free(d);
		}
		while (bus->regions) {
			struct ndctl_region *r = bus->regions;

			bus->regions = r->next;
			free_region(r);
		}
		free(bus->devname);
		free(bus);
	}
	ctx->listed = ctx->ordered = false;
}

static bool is_bound(struct sysroot *root, const char *name)
{
	return sysfs_has_link(root, ND_DEVICES "/%s/driver", name);
}

static void read_str(struct sysroot *root, char *buf, size_t len,
		     const char *dev, const char *attr)
{
	if (sysfs_read(root, buf, len, ND_DEVICES "/%s/%s", dev, attr))
		buf[0] = '\0';
}

/* First entry of a device's child directory, e.g. block/pmem0. */
static void child_name(struct sysroot *root, char *buf, size_t len,
		       const char *dev, const char *dir, const char *prefix)
{
	char **names;
	int n;

	buf[0] = '\0';
	if (dir)
		n = sysfs_list(root, prefix, &names, ND_DEVICES "/%s/%s", dev,
			       dir);
	else
		n = sysfs_list(root, prefix, &names, ND_DEVICES "/%s", dev);
	if (n > 0 && strlen(names[0]) < len)
		strcpy(buf, names[0]);
	sysfs_free_names(names);
}

/*
 * Whether name is a device of the nd bus: a bus's or a region's
 * directory holds attributes and other objects beside its child devices
 * ("dax_seed", "ndctl0"), and ND_DEVICES tells which are devices.
 */
static bool is_nd_device(struct ndctl_ctx *ctx, const char *name)
{
	char **n;

	for (n = ctx->devices; n && *n; n++)
		if (!strcmp(*n, name))
			return true;
	return false;
}

/* A zeroed object of size whose devname is name, or NULL. */
#define NEW_OBJECT(obj, name)                                    \
	do {                                                     \
		(obj) = calloc(1, sizeof(*(obj)));               \
		if ((obj) && !((obj)->devname = strdup(name))) { \
			free(obj);                               \
			(obj) = NULL;                            \
		}                                                \
	} while (0)

/*
 * Move the objects of a list named in names to its front, in that order;
 * any other keeps its place after them.
 */
#define REORDER_BY_NAME(head, names, n)                                    \
	do {                                                               \
		__typeof__(head) _done = NULL, *_dt = &_done, _item;       \
		for (int _i = 0; _i < (n); _i++) {                         \
			__typeof__(head) *_p = &(head);                    \
			while (*_p && strcmp((*_p)->devname, (names)[_i])) \
				_p = &(*_p)->next;                         \
			if (!*_p)                                          \
				continue;                                  \
			_item = *_p;                                       \
			*_p = _item->next;                                 \
			_item->next = NULL;                                \
			*_dt = _item;                                      \
			_dt = &_item->next;                                \
		}                                                          \
		*_dt = (head);                                             \
		(head) = _done;                                            \
	} while (0)

/* The buses in name order; without memory the list stops short. */
static void list_buses(struct ndctl_ctx *ctx)
{
	struct ndctl_bus **tail = &ctx->buses, *bus;
	char **n;

	if (ctx->listed)
		return;
	ctx->listed = true;
	for (n = ctx->devices; n && *n; n++) {
		if (strncmp(*n, "ndbus", strlen("ndbus")))
			continue;
		NEW_OBJECT(bus, *n);
		if (!bus)
			break;
		bus->ctx = ctx;
		*tail = bus;
		tail = &bus->next;
	}
}

/*
 * The buses in the order upstream's libndctl walks the kernel's
 * directories (see sysfs_list_walk_order()): as /sys/class/nd holds
 * their control devices (ndctlN is the control device of ndbusN), any
 * other after them in name order.  Only a walk needs it: a lookup by
 * name finds the same device in any order.
 */
static void order_buses(struct ndctl_ctx *ctx)
{
	char **order;
	int count, i;

	list_buses(ctx);
	if (ctx->ordered)
		return;
	ctx->ordered = true;
	count = sysfs_list_walk_order(ctx->root, "ndctl", &order,
				      "sys/class/nd");
	for (i = 0; i < count; i++) {
		char *bus_name;

		if (asprintf(&bus_name, "ndbus%s", order[i] + strlen("ndctl")) <
		    0)
			break;
		free(order[i]);
		order[i] = bus_name;
	}
	if (count > 0)
		REORDER_BY_NAME(ctx->buses, order, count);
	sysfs_free_names(order);
}

/*
 * A bus's DIMMs and regions, by name, as its directory holds them (the
 * order upstream lists them in).  Their attributes wait for a getter.
 */
static void list_bus(struct ndctl_bus *bus)
{
	struct ndctl_dimm **dimm_tail = &bus->dimms, *dimm;
	struct ndctl_region **region_tail = &bus->regions, *region;
	struct ndctl_ctx *ctx = bus->ctx;
	char **names, **n;

	if (bus->listed)
		return;
	bus->listed = true;
	if (sysfs_list_walk_order(ctx->root, "", &names, ND_DEVICES "/%s",
				  bus->devname) <= 0)
		return;
	for (n = names; *n; n++) {
		if (!is_nd_device(ctx, *n))
			continue;
		if (!strncmp(*n, "nmem", strlen("nmem"))) {
			NEW_OBJECT(dimm, *n);
			if (!dimm)
				break;
			dimm->bus = bus;
			*dimm_tail = dimm;
			dimm_tail = &dimm->next;
		} else if (!strncmp(*n, "region", strlen("region"))) {
			NEW_OBJECT(region, *n);
			if (!region)
				break;
			region->bus = bus;
			sscanf(*n, "region%d", &region->id);
			*region_tail = region;
			region_tail = &region->next;
		}
	}
	sysfs_free_names(names);
}

/* Sorted as sysfs_list() sorts ("dax0.10" after "dax0.9"). */
static int devname_order(const void *a, const void *b)
{
	return devname_cmp(*(char *const *)a, *(char *const *)b);
}

/*
 * A region's namespaces as its directory holds them (upstream's order),
 * and the devices that may claim one: pfn, then dax, then btt, each kind
 * in name order.  Their attributes wait for a getter.
 */
static void list_region(struct ndctl_region *region)
{
	static const char *const kinds[] = { "pfn", "dax", "btt" };
	struct ndctl_namespace **ns_tail = &region->namespaces, *ns;
	struct ndctl_claim **claim_tail = &region->claims, *claim;
	struct ndctl_ctx *ctx = region->bus->ctx;
	char **names, **n;
	size_t k, count;

	if (region->listed)
		return;
	region->listed = true;
	if (sysfs_list_walk_order(ctx->root, "", &names, ND_DEVICES "/%s",
				  region->devname) <= 0)
		return;
	for (n = names; *n; n++) {
		if (strncmp(*n, "namespace", strlen("namespace")) ||
		    !is_nd_device(ctx, *n))
			continue;
		NEW_OBJECT(ns, *n);
		if (!ns)
			goto out;
		ns->region = region;
		*ns_tail = ns;
		ns_tail = &ns->next;
	}
	for (count = 0; names[count];)
		count++;
	qsort(names, count, sizeof(*names), devname_order);
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (n = names; *n; n++) {
			if (strncmp(*n, kinds[k], strlen(kinds[k])) ||
			    !is_nd_device(ctx, *n))
				continue;
			NEW_OBJECT(claim, *n);
			if (!claim)
				goto out;
			claim->region = region;
			*claim_tail = claim;
			claim_tail = &claim->next;
		}
out:
	sysfs_free_names(names);
}

/*
 * The kernel ends every flag word with a space (nfit's and papr_scm's
 * flags_show()); upstream takes only words so ended, and so do we.  The
 * papr words are fewer and have no map_fail.
 */
static void read_dimm_flags(struct sysroot *root, struct ndctl_dimm *dimm)
{
	static const struct {
		const char *word;
		unsigned int flag;
		bool papr;
	} words[] = {
		{ "not_armed", NDCTL_DIMM_FLAG_FAILED_ARM, true },
		{ "save_fail", NDCTL_DIMM_FLAG_FAILED_SAVE, true },
		{ "flush_fail", NDCTL_DIMM_FLAG_FAILED_FLUSH, true },
		{ "restore_fail", NDCTL_DIMM_FLAG_FAILED_RESTORE, true },
		{ "map_fail", NDCTL_DIMM_FLAG_FAILED_MAP, false },
		{ "smart_event", NDCTL_DIMM_FLAG_SMART_EVENT, false },
	};
	char buf[256], *word, *space;
	bool papr = false;
	size_t i;

	if (sysfs_read_words(root, buf, sizeof(buf),
			     ND_DEVICES "/%s/nfit/flags", dimm->devname)) {
		if (sysfs_read_words(root, buf, sizeof(buf),
				     ND_DEVICES "/%s/papr/flags",
				     dimm->devname))
			return;
		papr = true;
	}
	for (word = buf; (space = strchr(word, ' ')); word = space + 1) {
		*space = '\0';
		if (papr && !strcmp(word, "smart_notify")) {
			dimm->flags |= NDCTL_DIMM_FLAG_SMART_EVENT;
			continue;
		}
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (!strcmp(word, words[i].word) &&
			    (!papr || words[i].papr))
				dimm->flags |= words[i].flag;
	}
}

static void load_dimm(struct ndctl_dimm *dimm)
{
	struct sysroot *root = dimm->bus->ctx->root;
	const char *name = dimm->devname;
	uint64_t v;

	if (dimm->loaded)
		return;
	dimm->loaded = true;
	dimm->handle = dimm->phys_id = -1;
	if (!sysfs_read_u64(root, &v, ND_DEVICES "/%s/nfit/handle", name))
		dimm->handle = (int64_t)v;
	if (!sysfs_read_u64(root, &v, ND_DEVICES "/%s/nfit/phys_id", name))
		dimm->phys_id = (int64_t)v;
	read_str(root, dimm->unique_id, sizeof(dimm->unique_id), name,
		 "nfit/id");
	/* A CXL memdev's nvdimm (cxl_nvdimm) keeps its id under cxl/. */
	if (!dimm->unique_id[0])
		read_str(root, dimm->unique_id, sizeof(dimm->unique_id), name,
			 "cxl/id");
	dimm->enabled = is_bound(root, name);
	read_dimm_flags(root, dimm);
}

/*
 * The kernel shows at most 32 mappingN attributes (region_devs.c), so a
 * larger mappings count is not one to loop over.
 */
#define REGION_MAPPINGS_MAX 32

/* "nmem0,0,4294967296,0": dimm, offset, length and position (optional). */
static int parse_region_mapping(char *buf, struct ndctl_mapping *m)
{
	char *save, *dimm = strtok_r(buf, ",", &save);
	char *off = strtok_r(NULL, ",", &save);
	char *len = strtok_r(NULL, ",", &save);
	char *pos = strtok_r(NULL, ",", &save);

	if (!dimm || strlen(dimm) >= sizeof(m->dimm) || !off || !len ||
	    sysfs_parse_u64(off, &m->offset) ||
	    sysfs_parse_u64(len, &m->length) ||
	    (pos && sysfs_parse_int(pos, &m->position)) ||
	    strtok_r(NULL, ",", &save))
		return -EINVAL;
	strcpy(m->dimm, dimm);
	return 0;
}

static int load_region_mappings(struct sysroot *root,
				struct ndctl_region *region)
{
	int count = 0, i;

	sysfs_read_int(root, &count, ND_DEVICES "/%s/mappings",
		       region->devname);
	if (count > REGION_MAPPINGS_MAX)
		count = REGION_MAPPINGS_MAX;
	for (i = 0; i < count; i++) {
		struct ndctl_mapping *m = calloc(1, sizeof(*m));
		char buf[128];

		if (!m)
			return -ENOMEM;
		if (sysfs_read(root, buf, sizeof(buf),
			       ND_DEVICES "/%s/mapping%d", region->devname,
			       i) ||
		    parse_region_mapping(buf, m)) {
			free(m);
			continue;
		}
		LIST_APPEND(region->mappings, m);
	}
	return 0;
}

void nd_region_load(struct ndctl_region *region)
{
	struct sysroot *root = region->bus->ctx->root;
	const char *name = region->devname;
	char devtype[32];
	int nstype;

	if (region->loaded)
		return;
	region->loaded = true;
	sysfs_read_u64(root, &region->size, ND_DEVICES "/%s/size", name);
	region->has_align = !sysfs_read_align(root, &region->align,
					      ND_DEVICES "/%s/align", name);
	sysfs_read_u64(root, &region->available_size,
		       ND_DEVICES "/%s/available_size", name);
	region->has_max_available_extent =
		!sysfs_read_u64(root, &region->max_available_extent,
				ND_DEVICES "/%s/max_available_extent", name);
	sysfs_read_u64(root, &region->resource, ND_DEVICES "/%s/resource",
		       name);
	sysfs_read_u64(root, &region->iset_id, ND_DEVICES "/%s/set_cookie",
		       name);
	region->numa_node = region->target_node = -1;
	sysfs_read_node(root, &region->numa_node, ND_DEVICES "/%s/numa_node",
			name);
	sysfs_read_node(root, &region->target_node,
			ND_DEVICES "/%s/target_node", name);
	read_str(root, devtype, sizeof(devtype), name, "devtype");
	strcpy(region->type, strcmp(devtype, "nd_blk") ? "pmem" : "blk");
	read_str(root, region->persistence_domain,
		 sizeof(region->persistence_domain), name,
		 "persistence_domain");
	if (!region->persistence_domain[0])
		strcpy(region->persistence_domain, "unknown");
	read_str(root, region->namespace_seed, sizeof(region->namespace_seed),
		 name, "namespace_seed");
	read_str(root, region->dax_seed, sizeof(region->dax_seed), name,
		 "dax_seed");
	read_str(root, region->pfn_seed, sizeof(region->pfn_seed), name,
		 "pfn_seed");
	read_str(root, region->btt_seed, sizeof(region->btt_seed), name,
		 "btt_seed");
	region->has_numa = sysfs_exists(root, ND_DEVICES "/%s/numa_node", name);
	/*
	 * A label-less region (its namespace type is nd_namespace_io) has one
	 * namespace fixed over all of it: nothing is available to allocate,
	 * whatever available_size says.
	 */
	if (!sysfs_read_int(root, &nstype, ND_DEVICES "/%s/nstype", name) &&
	    nstype == ND_NSTYPE_IO) {
		region->available_size = region->max_available_extent = 0;
		region->has_max_available_extent = true;
		/* ...and no interleave set is described for it. */
		region->iset_id = 0;
	}
	region->enabled = is_bound(root, name);
	load_region_mappings(root, region);
}

/* "[512] 4096": the bracketed entry is the one in use. */
static unsigned int current_sector_size(const char *list)
{
	const char *open = strchr(list, '['), *close;
	char num[24];
	uint64_t v;

	if (!open)
		return 0;
	close = strchr(open, ']');
	if (!close || (size_t)(close - open - 1) >= sizeof(num))
		return 0;
	memcpy(num, open + 1, close - open - 1);
	num[close - open - 1] = '\0';
	/* Sector sizes go up to 4096 (plus metadata): anything else is not. */
	if (sysfs_parse_u64(num, &v) || !v || v > 65536)
		return 0;
	return (unsigned int)v;
}

static void load_namespace_extent(struct ndctl_namespace *ns)
{
	struct sysroot *root = ns->region->bus->ctx->root;

	if (ns->extent_read)
		return;
	ns->extent_read = true;
	ns->size_err = sysfs_read_u64(root, &ns->size, ND_DEVICES "/%s/size",
				      ns->devname);
	sysfs_read_u64(root, &ns->resource, ND_DEVICES "/%s/resource",
		       ns->devname);
}

static void load_namespace(struct ndctl_namespace *ns)
{
	struct sysroot *root = ns->region->bus->ctx->root;
	const char *name = ns->devname;
	char buf[128];

	if (ns->loaded)
		return;
	ns->loaded = true;
	read_str(root, ns->mode, sizeof(ns->mode), name, "mode");
	load_namespace_extent(ns);
	/* Label-less (nd_namespace_io) namespaces have no uuid at all. */
	ns->has_label = sysfs_exists(root, ND_DEVICES "/%s/uuid", name);
	read_str(root, ns->uuid, sizeof(ns->uuid), name, "uuid");
	read_str(root, ns->alt_name, sizeof(ns->alt_name), name, "alt_name");
	read_str(root, buf, sizeof(buf), name, "sector_size");
	ns->sector_size = current_sector_size(buf);
	child_name(root, ns->blockdev, sizeof(ns->blockdev), name, "block", "");
	ns->numa_node = ns->target_node = -1;
	sysfs_read_node(root, &ns->numa_node, ND_DEVICES "/%s/numa_node", name);
	sysfs_read_node(root, &ns->target_node, ND_DEVICES "/%s/target_node",
			name);
	ns->enabled = is_bound(root, name);
}

static void load_claim_target(struct ndctl_claim *claim)
{
	struct sysroot *root = claim->region->bus->ctx->root;
	const char *name = claim->devname;

	if (claim->target_read)
		return;
	claim->target_read = true;
	read_str(root, claim->namespace, sizeof(claim->namespace), name,
		 "namespace");
	read_str(root, claim->mode, sizeof(claim->mode), name, "mode");
	read_str(root, claim->supported, sizeof(claim->supported), name,
		 "supported_alignments");
	sysfs_read_align(root, &claim->align, ND_DEVICES "/%s/align", name);
}

static void load_claim(struct ndctl_claim *claim)
{
	struct sysroot *root = claim->region->bus->ctx->root;
	const char *name = claim->devname;

	if (claim->loaded)
		return;
	claim->loaded = true;
	load_claim_target(claim);
	read_str(root, claim->uuid, sizeof(claim->uuid), name, "uuid");
	if (!strncmp(name, "btt", 3)) {
		char buf[128];

		read_str(root, buf, sizeof(buf), name, "sector_size");
		claim->sector_size = current_sector_size(buf);
	}
	claim->enabled = is_bound(root, name);
	/* size and resource only read while the claim is enabled. */
	if (claim->enabled) {
		sysfs_read_u64(root, &claim->size, ND_DEVICES "/%s/size", name);
		sysfs_read_u64(root, &claim->resource,
			       ND_DEVICES "/%s/resource", name);
	}
	child_name(root, claim->blockdev, sizeof(claim->blockdev), name,
		   "block", "");
	if (!strncmp(name, "dax", 3))
		child_name(root, claim->chardev, sizeof(claim->chardev), name,
			   NULL, "dax");
	/* The child list includes dax_region; a device is daxN.M. */
	if (!strcmp(claim->chardev, "dax_region"))
		claim->chardev[0] = '\0';
}

void nd_region_link(struct ndctl_region *region)
{
	struct ndctl_namespace *ns;
	struct ndctl_claim *c;

	if (region->linked)
		return;
	region->linked = true;
	list_region(region);
	for (c = region->claims; c; c = c->next)
		load_claim_target(c);
	for (ns = region->namespaces; ns; ns = ns->next)
		for (c = region->claims; c; c = c->next)
			if (!strcmp(c->namespace, ns->devname))
				ns->claim = c;
}

int ndctl_refresh(struct ndctl_ctx *ctx)
{
	int n;

	free_buses(ctx);
	sysfs_free_names(ctx->devices);
	n = sysfs_list(ctx->root, "", &ctx->devices, ND_DEVICES);
	return n < 0 ? n : 0;
}

int ndctl_new(struct ndctl_ctx **out, struct sysroot *root)
{
	struct ndctl_ctx *ctx = calloc(1, sizeof(*ctx));
	int rc;

	*out = NULL;
	if (!ctx)
		return -ENOMEM;
	ctx->refcount = 1;
	ctx->root = sysroot_ref(root);
	rc = ndctl_refresh(ctx);
	if (rc) {
		ndctl_unref(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

struct ndctl_ctx *ndctl_ref(struct ndctl_ctx *ctx)
{
	if (ctx)
		ctx->refcount++;
	return ctx;
}

void ndctl_unref(struct ndctl_ctx *ctx)
{
	if (!ctx || --ctx->refcount > 0)
		return;
	free_buses(ctx);
	sysfs_free_names(ctx->devices);
	sysroot_close(ctx->root);
	free(ctx);
}

struct sysroot *ndctl_get_root(struct ndctl_ctx *ctx)
{
	return ctx->root;
}

struct ndctl_bus *ndctl_bus_get_first(struct ndctl_ctx *ctx)
{
	order_buses(ctx);
	return ctx->buses;
}

struct ndctl_bus *ndctl_bus_get_next(struct ndctl_bus *bus)
{
	return bus->next;
}

const char *ndctl_bus_get_devname(struct ndctl_bus *bus)
{
	return bus->devname;
}

const char *ndctl_bus_get_provider(struct ndctl_bus *bus)
{
	if (!bus->provider[0])
		read_str(bus->ctx->root, bus->provider, sizeof(bus->provider),
			 bus->devname, "provider");
	return bus->provider;
}

/*
 * A caller that walks a list sees it as one reading: the first step
 * reads every object on it, before anything the caller does in the walk
 * can change them.  Lookups by name (ndctl_get_namespace(),
 * ndctl_get_claim()) read only what they find.
 */
struct ndctl_dimm *ndctl_dimm_get_first(struct ndctl_bus *bus)
{
	struct ndctl_dimm *dimm;

	list_bus(bus);
	for (dimm = bus->dimms; dimm; dimm = dimm->next)
		load_dimm(dimm);
	return bus->dimms;
}

struct ndctl_dimm *ndctl_dimm_get_next(struct ndctl_dimm *dimm)
{
	return dimm->next;
}

const char *ndctl_dimm_get_devname(struct ndctl_dimm *dimm)
{
	return dimm->devname;
}

const char *ndctl_dimm_get_unique_id(struct ndctl_dimm *dimm)
{
	load_dimm(dimm);
	return dimm->unique_id[0] ? dimm->unique_id : NULL;
}

int64_t ndctl_dimm_get_handle(struct ndctl_dimm *dimm)
{
	load_dimm(dimm);
	return dimm->handle;
}

int64_t ndctl_dimm_get_phys_id(struct ndctl_dimm *dimm)
{
	load_dimm(dimm);
	return dimm->phys_id;
}

unsigned int ndctl_dimm_get_flags(struct ndctl_dimm *dimm)
{
	load_dimm(dimm);
	return dimm->flags;
}

bool ndctl_dimm_is_enabled(struct ndctl_dimm *dimm)
{
	load_dimm(dimm);
	return dimm->enabled;
}

struct ndctl_region *ndctl_region_get_first(struct ndctl_bus *bus)
{
	struct ndctl_region *region;

	list_bus(bus);
	for (region = bus->regions; region; region = region->next)
		nd_region_load(region);
	return bus->regions;
}

struct ndctl_region *ndctl_region_get_next(struct ndctl_region *region)
{
	return region->next;
}

struct ndctl_bus *ndctl_region_get_bus(struct ndctl_region *region)
{
	return region->bus;
}

struct ndctl_ctx *ndctl_bus_get_ctx(struct ndctl_bus *bus)
{
	return bus->ctx;
}

const char *ndctl_region_get_devname(struct ndctl_region *region)
{
	return region->devname;
}

int ndctl_region_get_id(struct ndctl_region *region)
{
	return region->id;
}

uint64_t ndctl_region_get_size(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->size;
}

uint64_t ndctl_region_get_align(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->align;
}

uint64_t ndctl_region_get_available_size(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->available_size;
}

bool ndctl_region_has_align(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->has_align;
}

bool ndctl_region_has_max_available_extent(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->has_max_available_extent;
}

uint64_t ndctl_region_get_max_available_extent(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->max_available_extent;
}

uint64_t ndctl_region_get_resource(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->resource;
}

const char *ndctl_region_get_type(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->type;
}

uint64_t ndctl_region_get_iset_id(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->iset_id;
}

const char *ndctl_region_get_persistence_domain(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->persistence_domain;
}

int ndctl_region_get_numa_node(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->numa_node;
}

bool ndctl_region_has_numa(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->has_numa;
}

int ndctl_region_get_target_node(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->target_node;
}

bool ndctl_region_is_enabled(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->enabled;
}

const char *ndctl_region_get_namespace_seed(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->namespace_seed;
}

const char *ndctl_region_get_dax_seed(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->dax_seed;
}

const char *ndctl_region_get_pfn_seed(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->pfn_seed;
}

struct ndctl_mapping *ndctl_mapping_get_first(struct ndctl_region *region)
{
	nd_region_load(region);
	return region->mappings;
}

struct ndctl_mapping *ndctl_mapping_get_next(struct ndctl_mapping *m)
{
	return m->next;
}

const char *ndctl_mapping_get_dimm(struct ndctl_mapping *m)
{
	return m->dimm;
}

uint64_t ndctl_mapping_get_offset(struct ndctl_mapping *m)
{
	return m->offset;
}

uint64_t ndctl_mapping_get_length(struct ndctl_mapping *m)
{
	return m->length;
}

int ndctl_mapping_get_position(struct ndctl_mapping *m)
{
	return m->position;
}

struct ndctl_namespace *ndctl_namespace_get_first(struct ndctl_region *region)
{
	struct ndctl_namespace *ns;
	struct ndctl_claim *claim;

	list_region(region);
	for (ns = region->namespaces; ns; ns = ns->next)
		load_namespace(ns);
	for (claim = region->claims; claim; claim = claim->next)
		load_claim(claim);
	nd_region_link(region);
	return region->namespaces;
}

struct ndctl_namespace *ndctl_namespace_get_next(struct ndctl_namespace *ns)
{
	return ns->next;
}

/*
 * Named devices are found by walking down the lists in their order,
 * listing a bus or region (one directory each) only until the device
 * turns up: no attribute of anything else is read.
 */
struct ndctl_namespace *ndctl_get_namespace(struct ndctl_ctx *ctx,
					    const char *devname)
{
	struct ndctl_namespace *ns;
	struct ndctl_region *region;
	struct ndctl_bus *bus;

	if (!is_nd_device(ctx, devname))
		return NULL;
	list_buses(ctx);
	for (bus = ctx->buses; bus; bus = bus->next) {
		list_bus(bus);
		for (region = bus->regions; region; region = region->next) {
			list_region(region);
			for (ns = region->namespaces; ns; ns = ns->next)
				if (!strcmp(ns->devname, devname))
					return ns;
		}
	}
	return NULL;
}

struct ndctl_claim *ndctl_get_claim(struct ndctl_ctx *ctx, const char *devname)
{
	struct ndctl_region *region;
	struct ndctl_claim *claim;
	struct ndctl_bus *bus;

	if (!is_nd_device(ctx, devname))
		return NULL;
	list_buses(ctx);
	for (bus = ctx->buses; bus; bus = bus->next) {
		list_bus(bus);
		for (region = bus->regions; region; region = region->next) {
			list_region(region);
			for (claim = region->claims; claim; claim = claim->next)
				if (!strcmp(claim->devname, devname))
					return claim;
		}
	}
	return NULL;
}

struct ndctl_region *ndctl_namespace_get_region(struct ndctl_namespace *ns)
{
	return ns->region;
}

const char *ndctl_namespace_get_devname(struct ndctl_namespace *ns)
{
	return ns->devname;
}

enum ndctl_ns_mode ndctl_namespace_get_mode(struct ndctl_namespace *ns)
{
	nd_region_link(ns->region);
	if (ns->claim) {
		switch (ns->claim->devname[0]) {
		case 'p':
			return NDCTL_NS_MODE_FSDAX;
		case 'd':
			return NDCTL_NS_MODE_DEVDAX;
		case 'b':
			return NDCTL_NS_MODE_SECTOR;
		}
	}
	return NDCTL_NS_MODE_RAW;
}

uint64_t ndctl_namespace_get_size(struct ndctl_namespace *ns)
{
	load_namespace_extent(ns);
	return ns->size;
}

int ndctl_namespace_get_size_err(struct ndctl_namespace *ns)
{
	load_namespace_extent(ns);
	return ns->size_err;
}

uint64_t ndctl_namespace_get_resource(struct ndctl_namespace *ns)
{
	load_namespace_extent(ns);
	return ns->resource;
}

const char *ndctl_namespace_get_uuid(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->uuid;
}

bool ndctl_namespace_has_label(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->has_label;
}

const char *ndctl_namespace_get_alt_name(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->alt_name;
}

unsigned int ndctl_namespace_get_sector_size(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->sector_size;
}

const char *ndctl_namespace_get_blockdev(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->blockdev;
}

int ndctl_namespace_get_numa_node(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->numa_node;
}

int ndctl_namespace_get_target_node(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->target_node;
}

bool ndctl_namespace_is_enabled(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	return ns->enabled;
}

bool ndctl_namespace_is_active(struct ndctl_namespace *ns)
{
	load_namespace(ns);
	nd_region_link(ns->region);
	return ns->enabled || (ns->claim && ndctl_claim_is_enabled(ns->claim));
}

struct ndctl_claim *ndctl_namespace_get_claim(struct ndctl_namespace *ns)
{
	nd_region_link(ns->region);
	return ns->claim;
}

const char *ndctl_claim_get_devname(struct ndctl_claim *claim)
{
	return claim->devname;
}

const char *ndctl_claim_get_namespace(struct ndctl_claim *claim)
{
	load_claim_target(claim);
	return claim->namespace;
}

enum ndctl_map ndctl_claim_get_map(struct ndctl_claim *claim)
{
	load_claim_target(claim);
	if (!strcmp(claim->mode, "ram"))
		return NDCTL_MAP_MEM;
	if (!strcmp(claim->mode, "pmem"))
		return NDCTL_MAP_DEV;
	return NDCTL_MAP_NONE;
}

uint64_t ndctl_claim_get_align(struct ndctl_claim *claim)
{
	load_claim_target(claim);
	return claim->align;
}

uint64_t ndctl_claim_get_size(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->size;
}

uint64_t ndctl_claim_get_resource(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->resource;
}

const char *ndctl_claim_get_uuid(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->uuid;
}

unsigned int ndctl_claim_get_sector_size(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->sector_size;
}

bool ndctl_claim_is_enabled(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->enabled;
}

int ndctl_claim_get_supported_alignments(struct ndctl_claim *claim,
					 uint64_t *aligns, int max)
{
	char list[sizeof(claim->supported)], *tok, *save;
	int n = 0;

	load_claim_target(claim);
	strcpy(list, claim->supported);
	for (tok = strtok_r(list, " ", &save); tok && n < max;
	     tok = strtok_r(NULL, " ", &save))
		/* What is not an alignment is not offered as one. */
		if (!sysfs_parse_u64(tok, &aligns[n]) &&
		    sysfs_valid_align(aligns[n]))
			n++;
	return n;
}

const char *ndctl_claim_get_blockdev(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->blockdev;
}

const char *ndctl_claim_get_chardev(struct ndctl_claim *claim)
{
	load_claim(claim);
	return claim->chardev;
}
