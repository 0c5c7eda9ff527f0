// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/dax-json.h>
#include <devstate/filter.h>
#include <memmap/memmap.h>
#include <devstate/state.h>
#include <util/json.h>
#include "json.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ZERO_UUID "00000000-0000-0000-0000-000000000000"

struct json_object *nd_bus_to_json(struct ndctl_bus *bus)
{
	struct json_object *jbus = json_object_new_object();

	json_add_str(jbus, "provider", ndctl_bus_get_provider(bus));
	json_add_str(jbus, "dev", ndctl_bus_get_devname(bus));
	/* ACPI.NFIT with address range scrub only. */
	switch (ndctl_bus_get_scrub_state(bus)) {
	case 0:
		json_add_str(jbus, "scrub_state", "idle");
		break;
	case 1:
		json_add_str(jbus, "scrub_state", "active");
		break;
	}
	return jbus;
}

/* nmemN/nfit/flags (or papr/flags) words, in upstream's key order. */
static const struct {
	unsigned int flag;
	const char *key;
} flag_keys[] = {
	{ NDCTL_DIMM_FLAG_FAILED_MAP, "flag_failed_map" },
	{ NDCTL_DIMM_FLAG_FAILED_SAVE, "flag_failed_save" },
	{ NDCTL_DIMM_FLAG_FAILED_ARM, "flag_failed_arm" },
	{ NDCTL_DIMM_FLAG_FAILED_RESTORE, "flag_failed_restore" },
	{ NDCTL_DIMM_FLAG_FAILED_FLUSH, "flag_failed_flush" },
	{ NDCTL_DIMM_FLAG_SMART_EVENT, "flag_smart_event" },
};

struct json_object *nd_dimm_to_json(struct ndctl_dimm *dimm,
				    const struct nd_json_flags *flags)
{
	struct json_object *jdimm = json_object_new_object();

	json_add_str(jdimm, "dev", ndctl_dimm_get_devname(dimm));
	if (ndctl_dimm_get_unique_id(dimm))
		json_add_str(jdimm, "id", ndctl_dimm_get_unique_id(dimm));
	if (ndctl_dimm_get_handle(dimm) >= 0)
		json_add_hex(jdimm, "handle",
			     (uint64_t)ndctl_dimm_get_handle(dimm),
			     flags->human);
	if (ndctl_dimm_get_phys_id(dimm) >= 0)
		json_add_hex(jdimm, "phys_id",
			     (uint64_t)ndctl_dimm_get_phys_id(dimm),
			     flags->human);
	size_t i;

	if (!ndctl_dimm_is_enabled(dimm))
		json_add_str(jdimm, "state", "disabled");
	for (i = 0; i < ARRAY_SIZE(flag_keys); i++)
		if (ndctl_dimm_get_flags(dimm) & flag_keys[i].flag)
			json_add_bool(jdimm, flag_keys[i].key, true);
	switch (ndctl_dimm_get_security(dimm)) {
	case NDCTL_SECURITY_DISABLED:
		json_add_str(jdimm, "security", "disabled");
		break;
	case NDCTL_SECURITY_UNLOCKED:
		json_add_str(jdimm, "security", "unlocked");
		break;
	case NDCTL_SECURITY_LOCKED:
		json_add_str(jdimm, "security", "locked");
		break;
	case NDCTL_SECURITY_FROZEN:
		json_add_str(jdimm, "security", "frozen");
		break;
	case NDCTL_SECURITY_OVERWRITE:
		json_add_str(jdimm, "security", "overwrite");
		break;
	case NDCTL_SECURITY_INVALID:
		break;
	}
	if (ndctl_dimm_security_is_frozen(dimm))
		json_add_bool(jdimm, "security_frozen", true);
	return jdimm;
}

static int dimm_number(struct ndctl_dimm *dimm)
{
	int n = 0;

	sscanf(ndctl_dimm_get_devname(dimm), "nmem%d", &n);
	return n;
}

/*
 * The DIMMs a bad run at addr falls on, as upstream finds them: one
 * lookup per 512-byte block (the region's only DIMM, or translate SPA)
 * until as many as the region interleaves are found, listed by number.
 */
static void add_bb_dimms(struct json_object *jbb, struct ndctl_region *region,
			 uint64_t addr, uint64_t len)
{
	struct ndctl_bus *bus = ndctl_region_get_bus(region);
	int ways = ndctl_region_get_interleave_ways(region), found = 0, i, j;
	struct ndctl_dimm *dimms[32], *dimm;
	struct json_object *jdimms;
	uint64_t end = addr + len;

	if (ways > 32)
		ways = 32;
	for (; found < ways && addr < end; addr += 512) {
		dimm = ndctl_bus_dimm_by_address(bus, addr);
		if (!dimm)
			continue;
		for (i = 0; i < found && dimms[i] != dimm; i++)
			;
		if (i == found)
			dimms[found++] = dimm;
	}
	if (!found)
		return;
	for (i = 1; i < found; i++)
		for (j = i;
		     j > 0 && dimm_number(dimms[j - 1]) > dimm_number(dimms[j]);
		     j--) {
			dimm = dimms[j];
			dimms[j] = dimms[j - 1];
			dimms[j - 1] = dimm;
		}
	jdimms = json_object_new_array();
	for (i = 0; i < found; i++)
		json_object_array_add(
			jdimms, json_object_new_string(
					ndctl_dimm_get_devname(dimms[i])));
	json_object_object_add(jbb, "dimms", jdimms);
}

/*
 * "badblock_count" (bad sectors in all) whenever there are any, and with
 * -M the runs themselves: {offset, length} in sectors, and the DIMMs
 * each falls on when region is given (base: the address of offset 0).
 */
static void add_badblocks(struct json_object *obj,
			  const struct ndctl_badblock *bbs, int n,
			  struct ndctl_region *region, uint64_t base,
			  const struct nd_json_flags *flags)
{
	struct json_object *jbbs;
	unsigned int count = 0;
	int i;

	for (i = 0; i < n; i++)
		count += bbs[i].len;
	if (!count)
		return;
	json_add_int(obj, "badblock_count", (int)count);
	if (!flags->media_errors)
		return;
	jbbs = json_object_new_array();
	for (i = 0; i < n; i++) {
		struct json_object *jbb = json_object_new_object();

		json_add_u64(jbb, "offset", bbs[i].offset);
		json_add_int(jbb, "length", (int)bbs[i].len);
		if (region)
			add_bb_dimms(jbb, region, base + (bbs[i].offset << 9),
				     (uint64_t)bbs[i].len << 9);
		json_object_array_add(jbbs, jbb);
	}
	json_object_object_add(obj, "badblocks", jbbs);
}

/* A region's bad sectors, each with the DIMMs it is on. */
static void add_region_badblocks(struct json_object *jregion,
				 struct ndctl_region *region,
				 const struct nd_json_flags *flags)
{
	struct ndctl_badblock *bbs;
	int n = ndctl_region_get_badblocks(region, &bbs);

	if (n > 0)
		add_badblocks(jregion, bbs, n, region,
			      ndctl_region_get_resource(region), flags);
	free(bbs);
}

/*
 * The region's bad sectors that fall in [begin, begin + size), relative
 * to begin: how a claim (fsdax, devdax, sector) sees them.
 */
static int clip_badblocks(struct ndctl_region *region, uint64_t begin,
			  uint64_t size, struct ndctl_badblock **out)
{
	uint64_t base = ndctl_region_get_resource(region);
	struct ndctl_badblock *bbs;
	int n = ndctl_region_get_badblocks(region, &bbs), i, kept = 0;

	*out = bbs;
	for (i = 0; i < n; i++) {
		uint64_t first = base + (bbs[i].offset << 9);
		uint64_t last = first + ((uint64_t)bbs[i].len << 9) - 1;
		uint64_t end = begin + size - 1;

		if (last <= begin || first >= end)
			continue;
		first = first < begin ? begin : first;
		last = last > end ? end : last;
		bbs[kept].offset = (first - begin) >> 9;
		bbs[kept].len = (unsigned int)((last - first + 1) >> 9);
		kept++;
	}
	return n < 0 ? n : kept;
}

static void add_namespace_badblocks(struct json_object *jns,
				    struct ndctl_namespace *ns,
				    const struct nd_json_flags *flags)
{
	struct ndctl_region *region = ndctl_namespace_get_region(ns);
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	enum ndctl_ns_mode mode = ndctl_namespace_get_mode(ns);
	struct nd_json_flags count_only = *flags;
	struct ndctl_badblock *bbs = NULL;
	struct ndctl_region *dimms_of = region;
	uint64_t base = 0;
	int n;

	if (mode == NDCTL_NS_MODE_SECTOR) {
		/*
		 * Data and BTT metadata are not told apart: a count over
		 * the whole namespace, never the list.
		 */
		n = clip_badblocks(region, ndctl_namespace_get_resource(ns),
				   ndctl_namespace_get_size(ns), &bbs);
		count_only.media_errors = false;
		flags = &count_only;
	} else if (claim && ndctl_claim_get_resource(claim)) {
		base = ndctl_claim_get_resource(claim);
		n = clip_badblocks(region, base, ndctl_claim_get_size(claim),
				   &bbs);
	} else if (claim && mode == NDCTL_NS_MODE_FSDAX) {
		if (!flags->media_errors)
			return;
		n = ndctl_namespace_get_badblocks(ns, &bbs);
		dimms_of = NULL;
	} else if (claim) {
		return;
	} else {
		/* Raw: the region's list as the region gives it, if any. */
		n = ndctl_region_get_badblocks(region, &bbs);
		base = ndctl_region_get_resource(region);
		if (n <= 0 && flags->media_errors) {
			free(bbs);
			n = ndctl_namespace_get_badblocks(ns, &bbs);
			dimms_of = NULL;
		}
	}
	if (n > 0)
		add_badblocks(jns, bbs, n, dimms_of, base, flags);
	free(bbs);
}

/* -C: each mode the region's seeds offer, with the sizes it accepts. */
static void add_capabilities(struct json_object *jregion,
			     struct ndctl_region *region)
{
	static const struct {
		enum ndctl_ns_mode mode;
		const char *key;
	} caps[] = {
		{ NDCTL_NS_MODE_SECTOR, "sector_sizes" },
		{ NDCTL_NS_MODE_FSDAX, "alignments" },
		{ NDCTL_NS_MODE_DEVDAX, "alignments" },
	};
	struct json_object *jcaps;
	uint64_t vals[ARRAY_SIZE(caps)][16];
	int n[ARRAY_SIZE(caps)];
	size_t c;
	int i;

	/*
	 * One entry per seed the region has, as upstream: a missing seed
	 * leaves out its mode only, no seed at all the key.
	 */
	bool any = false;

	for (c = 0; c < ARRAY_SIZE(caps); c++) {
		n[c] = ndctl_region_get_seed_sizes(region, caps[c].mode,
						   vals[c], 16);
		any |= n[c] >= 0;
	}
	if (!any)
		return;
	jcaps = json_object_new_array();
	for (c = 0; c < ARRAY_SIZE(caps); c++) {
		struct json_object *jcap, *jvals;

		if (n[c] < 0)
			continue;
		jcap = json_object_new_object();
		jvals = json_object_new_array();

		for (i = 0; i < n[c]; i++)
			json_object_array_add(jvals, json_u64(vals[c][i]));
		json_add_str(jcap, "mode", nd_mode_name(caps[c].mode));
		json_object_object_add(jcap, caps[c].key, jvals);
		json_object_array_add(jcaps, jcap);
	}
	json_object_object_add(jregion, "capabilities", jcaps);
}

static struct ndctl_dimm *dimm_by_name(struct ndctl_bus *bus, const char *name)
{
	struct ndctl_dimm *dimm;

	ndctl_dimm_foreach (bus, dimm)
		if (!strcmp(ndctl_dimm_get_devname(dimm), name))
			return dimm;
	return NULL;
}

/*
 * The region's mappings as upstream lists them: the last first, only the
 * DIMMs -d names, a disabled DIMM's only with -i or -c, and no key when
 * none is left.
 */
static void add_mappings(struct json_object *jregion,
			 struct ndctl_region *region,
			 const struct nd_json_flags *flags)
{
	struct ndctl_bus *bus = ndctl_region_get_bus(region);
	struct json_object *jmaps = NULL;
	struct ndctl_mapping *m;

	ndctl_mapping_foreach (region, m) {
		struct ndctl_dimm *dimm =
			dimm_by_name(bus, ndctl_mapping_get_dimm(m));
		struct json_object *jm;

		if (!dimm || !nd_dimm_matches(dimm, flags->dimm_filter))
			continue;
		if (!flags->idle && !flags->configured &&
		    !ndctl_dimm_is_enabled(dimm))
			continue;
		jm = json_object_new_object();
		json_add_str(jm, "dimm", ndctl_mapping_get_dimm(m));
		json_add_hex(jm, "offset", ndctl_mapping_get_offset(m),
			     flags->human);
		json_add_hex(jm, "length", ndctl_mapping_get_length(m),
			     flags->human);
		json_add_int(jm, "position", ndctl_mapping_get_position(m));
		if (!jmaps)
			jmaps = json_object_new_array();
		json_object_array_add(jmaps, jm);
	}
	if (!jmaps)
		return;
	/* Upstream's library holds them last first. */
	for (size_t i = 0, n = json_object_array_length(jmaps); i < n / 2;
	     i++) {
		struct json_object *a =
			json_object_get(json_object_array_get_idx(jmaps, i));
		struct json_object *b = json_object_get(
			json_object_array_get_idx(jmaps, n - 1 - i));

		json_object_array_put_idx(jmaps, i, b);
		json_object_array_put_idx(jmaps, n - 1 - i, a);
	}
	json_object_object_add(jregion, "mappings", jmaps);
}

struct json_object *nd_region_to_json(struct ndctl_region *region,
				      bool mappings,
				      const struct nd_json_flags *flags)
{
	struct json_object *jregion = json_object_new_object();
	bool human = flags->human;

	json_add_str(jregion, "dev", ndctl_region_get_devname(region));
	json_add_size(jregion, "size", ndctl_region_get_size(region), human);
	/* Keys of attributes the kernel did not give are left out. */
	if (ndctl_region_has_align(region))
		json_add_size(jregion, "align", ndctl_region_get_align(region),
			      human);
	json_add_size(jregion, "available_size",
		      ndctl_region_get_available_size(region), human);
	if (ndctl_region_has_max_available_extent(region))
		json_add_size(jregion, "max_available_extent",
			      ndctl_region_get_max_available_extent(region),
			      human);
	json_add_str(jregion, "type", ndctl_region_get_type(region));
	if (flags->verbose) {
		if (ndctl_region_get_numa_node(region) >= 0)
			json_add_int(jregion, "numa_node",
				     ndctl_region_get_numa_node(region));
		if (ndctl_region_get_target_node(region) >= 0)
			json_add_int(jregion, "target_node",
				     ndctl_region_get_target_node(region));
	}
	if (ndctl_region_get_iset_id(region))
		json_add_hex(jregion, "iset_id",
			     ndctl_region_get_iset_id(region), human);
	if (mappings)
		add_mappings(jregion, region, flags);
	if (!ndctl_region_is_enabled(region))
		json_add_str(jregion, "state", "disabled");
	add_region_badblocks(jregion, region, flags);
	if (flags->capabilities)
		add_capabilities(jregion, region);
	json_add_str(jregion, "persistence_domain",
		     ndctl_region_get_persistence_domain(region));
	return jregion;
}

/* The dax region living under an nd dax device ("dax0.0"). */
static struct daxctl_region *claim_dax_region(struct daxctl_ctx *dax_ctx,
					      struct ndctl_claim *claim)
{
	const char *name = ndctl_claim_get_devname(claim);
	struct daxctl_region *region;
	size_t len = strlen(name);

	daxctl_region_foreach (dax_ctx, region) {
		const char *path = daxctl_region_get_path(region);
		size_t plen = strlen(path);

		if (plen > len && path[plen - len - 1] == '/' &&
		    !strcmp(path + plen - len, name))
			return region;
	}
	return NULL;
}

static void add_dax_details(struct json_object *jns, struct ndctl_claim *claim,
			    const struct nd_json_flags *flags)
{
	struct daxctl_region *region = NULL;

	if (flags->dax_ctx)
		region = claim_dax_region(flags->dax_ctx, claim);
	if (flags->dax && region) {
		struct dax_json_flags dflags = { .profile = flags->profile,
						 .human = flags->human,
						 .idle = flags->idle ||
							 flags->configured,
						 .no_path = true };
		struct json_object *jregion, *jdevs;

		jregion = dax_region_to_json(region, &dflags);
		/* No "devices" key when none is listed, as upstream. */
		jdevs = dax_region_devs_to_json(region, NULL, &dflags);
		if (json_object_array_length(jdevs))
			json_object_object_add(jregion, "devices", jdevs);
		else
			json_object_put(jdevs);
		json_object_object_add(jns, "daxregion", jregion);
	} else if (ndctl_claim_get_chardev(claim)[0]) {
		json_add_str(jns, "chardev", ndctl_claim_get_chardev(claim));
	}
}

/*
 * The model's figures for a devdax or fsdax namespace as configured now,
 * under this project's own keys (see daxctl-plan(1)).  A devdax claim's
 * device tells what the kernel really does (a patched kernel may keep the
 * memmap in DRAM over a pmem reserve, or turn compound pages off).
 */
/* Our figures for the claim's memmap, from the same reader as daxctl's. */
static void add_memmap_figures(struct json_object *jns,
			       struct ndctl_namespace *ns,
			       const struct nd_json_flags *flags)
{
	const struct memmap_profile *p = flags->profile ?
						 flags->profile :
						 &memmap_profile_linux61_x86_64;
	struct dev_state st;

	dev_state_from_ns(ns, flags->dax_ctx, &st);
	dev_state_memmap_json(jns, p, &st);
}

struct json_object *nd_namespace_to_json(struct ndctl_namespace *ns,
					 const struct nd_json_flags *flags)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	enum ndctl_ns_mode mode = ndctl_namespace_get_mode(ns);
	struct json_object *jns = json_object_new_object();
	const char *blockdev = NULL, *uuid = NULL;
	unsigned int sector_size = 0;
	uint64_t size = 0;
	bool has_size = true;

	json_add_str(jns, "dev", ndctl_namespace_get_devname(ns));
	json_add_str(jns, "mode", nd_mode_name(mode));
	if (claim && mode != NDCTL_NS_MODE_SECTOR)
		json_add_str(jns, "map",
			     nd_map_name(ndctl_claim_get_map(claim)));

	if (claim) {
		/* The usable size is only known while the claim is bound. */
		size = ndctl_claim_get_size(claim);
		has_size = ndctl_claim_is_enabled(claim);
		uuid = ndctl_claim_get_uuid(claim);
		blockdev = ndctl_claim_get_blockdev(claim);
	} else {
		size = ndctl_namespace_get_size(ns);
		if (ndctl_namespace_has_label(ns))
			uuid = ndctl_namespace_get_uuid(ns);
		blockdev = ndctl_namespace_get_blockdev(ns);
	}
	if (has_size)
		json_add_size(jns, "size", size, flags->human);
	if (uuid)
		json_add_str(jns, "uuid", uuid[0] ? uuid : ZERO_UUID);
	/* -v: a claimed namespace's own uuid, under the claim's. */
	if (claim && flags->verbose && ndctl_namespace_get_uuid(ns)[0] &&
	    strcmp(ndctl_namespace_get_uuid(ns), ZERO_UUID))
		json_add_str(jns, "raw_uuid", ndctl_namespace_get_uuid(ns));
	if (claim && mode == NDCTL_NS_MODE_DEVDAX)
		add_dax_details(jns, claim, flags);
	if (mode != NDCTL_NS_MODE_DEVDAX) {
		sector_size = mode == NDCTL_NS_MODE_SECTOR ?
				      ndctl_claim_get_sector_size(claim) :
				      ndctl_namespace_get_sector_size(ns);
		json_add_int(jns, "sector_size",
			     sector_size ? (int)sector_size : 512);
	}
	if (claim && ndctl_claim_get_align(claim))
		json_add_u64(jns, "align", ndctl_claim_get_align(claim));
	if (blockdev && blockdev[0])
		json_add_str(jns, "blockdev", blockdev);
	if (!ndctl_namespace_is_active(ns))
		json_add_str(jns, "state", "disabled");
	if (claim &&
	    (mode == NDCTL_NS_MODE_DEVDAX || mode == NDCTL_NS_MODE_FSDAX))
		add_memmap_figures(jns, ns, flags);
	if (ndctl_namespace_get_alt_name(ns)[0])
		json_add_str(jns, "name", ndctl_namespace_get_alt_name(ns));
	if (flags->verbose) {
		if (ndctl_namespace_get_numa_node(ns) >= 0)
			json_add_int(jns, "numa_node",
				     ndctl_namespace_get_numa_node(ns));
		if (ndctl_namespace_get_target_node(ns) >= 0)
			json_add_int(jns, "target_node",
				     ndctl_namespace_get_target_node(ns));
	}
	add_namespace_badblocks(jns, ns, flags);
	return jns;
}

void nd_print_namespace(struct devstate_ctx *ds, const char *name, bool human,
			bool media_errors)
{
	struct nd_json_flags flags = { .human = human,
				       .media_errors = media_errors,
				       .dax_ctx = ds->dax,
				       .profile = ds->profile };
	struct ndctl_namespace *ns;
	struct json_object *j;

	devstate_refresh(ds);
	ns = ndctl_get_namespace(ds->nd, name);
	if (!ns)
		return;
	j = nd_namespace_to_json(ns, &flags);
	json_print(stdout, j);
	json_object_put(j);
}
