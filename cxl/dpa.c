// SPDX-License-Identifier: GPL-2.0
/*
 * cxl reserve-dpa / free-dpa: allocate a span of a memdev's device
 * physical address space on one of its endpoint decoders, or release
 * the last such span, the steps create-region and destroy-region take
 * for each member, one at a time for tests and debugging.
 *
 * As v81: --type (ram, volatile or pmem; default ram) is the partition
 * reserve-dpa allocates from, and the mode free-dpa leaves the freed
 * decoder in; reserve-dpa takes the first decoder with nothing
 * allocated, free-dpa the last one with DPA but no address range (a
 * committed decoder cannot be freed, nor any before it); --decoder
 * (decoderP.N, or N of the memdev's endpoint) must name that same
 * decoder; the memdevs are printed with the decoder after the change.
 *
 * Unlike v81, every memdev is checked before any is written, and a
 * request the kernel would refuse is refused here, --force or not
 * (v81's --force sends it anyway, after changing the decoder's mode):
 * a size past the free capacity or not of whole 256 MiB units (the
 * kernel's), a decoder out of order, a mode whose
 * partition is empty, and a decoder that a region holds, which is in
 * use whether or not the region's memory is online.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <cxl/words.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>

#include "builtin.h"
#include "filter.h"
#include "json.h"
#include "mbox-cmd.h"

#define DPA_GRANULE (256ULL << 20)

struct dpa_params {
	struct mbox_sized_opts c;
	const char *decoder;
	bool force;
};

/* What one memdev gets: the decoder and the size written to it. */
struct dpa_change {
	struct cxl_decoder *decoder;
	uint64_t size;
};

/* The decoder --decoder names on this endpoint, or NULL. */
static struct cxl_decoder *named_decoder(struct cxl_port *ep, const char *ident)
{
	struct cxl_decoder *d;
	char name[64];
	char *end;
	unsigned long id = strtoul(ident, &end, 0);

	if (*ident && !*end)
		snprintf(name, sizeof(name), "decoder%d.%lu",
			 cxl_port_get_id(ep), id);
	else
		snprintf(name, sizeof(name), "%s", ident);
	cxl_decoder_foreach (ep, d) {
		if (!strcmp(cxl_decoder_get_devname(d), name))
			return d;
	}
	return NULL;
}

/* The first decoder with nothing allocated, as the kernel fills them. */
static struct cxl_decoder *next_free(struct cxl_port *ep)
{
	struct cxl_decoder *d;

	cxl_decoder_foreach (ep, d) {
		if (cxl_decoder_get_dpa_size(d) == 0)
			return d;
	}
	return NULL;
}

/*
 * The last decoder with DPA allocated: the only one the kernel frees,
 * once it has no address range (not committed).
 */
static struct cxl_decoder *last_allocated(struct cxl_port *ep)
{
	struct cxl_decoder *d, *last = NULL;

	cxl_decoder_foreach (ep, d) {
		uint64_t dpa = cxl_decoder_get_dpa_size(d);

		if (dpa && dpa != CXL_U64_NONE)
			last = d;
	}
	return last;
}

static bool committed(struct cxl_decoder *d)
{
	uint64_t size = cxl_decoder_get_size(d);

	return size && size != CXL_U64_NONE;
}

/*
 * Every check for one memdev: 0 with *c set, or EXIT_FAIL after one
 * line naming the memdev, the value and why not.
 */
static int plan_change(struct cxl_memdev *m, const struct dpa_params *p,
		       bool reserve, enum cxl_mode mode, uint64_t size,
		       struct dpa_change *c)
{
	const char *name = cxl_memdev_get_devname(m);
	const char *type = cxl_mode_name(mode);
	struct cxl_port *ep = cxl_memdev_get_endpoint(m);
	struct cxl_decoder *pick, *want;
	struct cxl_region *r;
	uint64_t avail;
	int rc;

	if (!ep) {
		pr_err("%s: disabled: no endpoint to %s DPA on "
		       "(enable-memdev first)",
		       name, reserve ? "reserve" : "free");
		return EXIT_FAIL;
	}
	rc = cxl_memdev_dpa_available(m, mode, &avail);
	if (rc == -EUCLEAN) {
		pr_err("%s: its %s decoders hold more than its %s partition",
		       name, type, type);
		return EXIT_FAIL;
	}
	if (reserve && !p->c.size && !avail) {
		pr_err("%s: --type %s: no %s capacity left to reserve", name,
		       type, type);
		return EXIT_FAIL;
	}
	if (reserve && p->c.size && size > avail) {
		pr_err("%s: --size %s: exceeds the %llu bytes of %s capacity "
		       "left",
		       name, p->c.size, (unsigned long long)avail, type);
		return EXIT_FAIL;
	}
	c->size = reserve ? (p->c.size ? size : avail) : 0;
	/* The kernel allocates DPA in 256 MiB units (dpa_size_store()). */
	if (c->size % DPA_GRANULE) {
		pr_err("%s: size %llu: not a multiple of 256 MiB, the kernel's "
		       "DPA allocation unit",
		       name, (unsigned long long)c->size);
		return EXIT_FAIL;
	}
	pick = reserve ? next_free(ep) : last_allocated(ep);
	if (p->decoder) {
		want = named_decoder(ep, p->decoder);
		if (!want) {
			pr_err("%s: --decoder %s: no such decoder on %s", name,
			       p->decoder, cxl_port_get_devname(ep));
			return EXIT_FAIL;
		}
		if (want != pick) {
			if (pick)
				pr_err("%s: --decoder %s: out of order, the "
				       "kernel %s %s next (--force does not "
				       "override)",
				       name, cxl_decoder_get_devname(want),
				       reserve ? "allocates on" : "frees",
				       cxl_decoder_get_devname(pick));
			else
				pr_err("%s: --decoder %s: out of order, the "
				       "kernel %s none of %s (--force does "
				       "not override)",
				       name, cxl_decoder_get_devname(want),
				       reserve ? "allocates on" : "frees",
				       cxl_port_get_devname(ep));
			return EXIT_FAIL;
		}
	}
	if (!pick) {
		pr_err("%s: no decoder of %s to %s", name,
		       cxl_port_get_devname(ep),
		       reserve ? "reserve on (all hold DPA)" :
				 "free (none holds DPA)");
		return EXIT_FAIL;
	}
	r = cxl_decoder_get_region(pick);
	if (r) {
		pr_err("%s: in use: %s is attached to %s (destroy-region "
		       "first; --force does not override in-use)",
		       name, cxl_decoder_get_devname(pick),
		       cxl_region_get_devname(r));
		return EXIT_FAIL;
	}
	if (!reserve && committed(pick)) {
		pr_err("%s: %s: committed, the kernel frees no DPA of a "
		       "decoder that decodes (destroy-region first)",
		       name, cxl_decoder_get_devname(pick));
		return EXIT_FAIL;
	}
	/* The kernel takes no mode whose partition is empty. */
	if (cxl_decoder_get_mode(pick) != mode &&
	    !(mode == CXL_MODE_RAM ? cxl_memdev_get_ram_size(m) :
				     cxl_memdev_get_pmem_size(m))) {
		pr_err("%s: --type %s: %s has no %s capacity for %s's mode",
		       name, type, name, type, cxl_decoder_get_devname(pick));
		return EXIT_FAIL;
	}
	c->decoder = pick;
	return 0;
}

/* The writes: the mode first when it changes, with nothing allocated. */
static int apply_change(struct cxl_memdev *m, enum cxl_mode mode,
			const struct dpa_change *c)
{
	const char *name = cxl_memdev_get_devname(m);
	const char *dname = cxl_decoder_get_devname(c->decoder);
	int rc = 0;

	if (cxl_decoder_get_mode(c->decoder) != mode) {
		rc = cxl_decoder_set_dpa_size(c->decoder, 0);
		if (rc) {
			pr_err("%s: %s: cannot clear its DPA to set its mode: "
			       "%s",
			       name, dname, strerror(-rc));
			return rc;
		}
		rc = cxl_decoder_set_mode(c->decoder, mode);
		if (rc) {
			pr_err("%s: %s: cannot set mode %s: %s", name, dname,
			       cxl_mode_name(mode), strerror(-rc));
			return rc;
		}
	}
	rc = cxl_decoder_set_dpa_size(c->decoder, c->size);
	if (rc)
		pr_err("%s: %s: cannot set dpa_size %#llx: %s", name, dname,
		       (unsigned long long)c->size, strerror(-rc));
	return rc;
}

static int dpa_action(int argc, char **argv, bool reserve)
{
	struct dpa_params p = { 0 };
	const struct opt reserve_opts[] = {
		OPT_MEMDEV_TARGETS(&p.c.bus, &p.c.verbose, &p.c.serial),
		OPT_STR('s', "size", &p.c.size, "SIZE",
			"bytes to reserve (default: all the free capacity "
			"of --type)"),
		OPT_STR('d', "decoder", &p.decoder, "DECODER",
			"the endpoint decoder (decoderP.N or N): the one the "
			"kernel takes next"),
		OPT_STR('t', "type", &p.c.type, "TYPE",
			"'ram' (volatile) or 'pmem' (default ram)"),
		OPT_BOOL('f', "force", &p.force,
			 "accepted as upstream's; never sends what the "
			 "kernel refuses"),
		OPT_SYSROOT(&p.c.sysroot),
		OPT_TERM,
	};
	struct opt free_opts[8];
	const struct opt *opts = reserve_opts;
	struct cxl_json_flags f = { 0 };
	struct mbox_targets t = { 0 };
	struct dpa_change *plan;
	struct json_object *jdevs;
	enum cxl_mode mode = CXL_MODE_RAM;
	uint64_t size = 0;
	int i, rc = 0, done = 0;

	if (!reserve) {
		/* free-dpa takes the same but --size. */
		memcpy(free_opts, reserve_opts, 3 * sizeof(*free_opts));
		memcpy(free_opts + 3, reserve_opts + 4, 5 * sizeof(*free_opts));
		opts = free_opts;
	}
	i = parse_options(argc, argv, opts,
			  reserve ? "cxl reserve-dpa <mem0> [<mem1>..<memn>] "
				    "[<options>]" :
				    "cxl free-dpa <mem0> [<mem1>..<memn>] "
				    "[<options>]");
	rc = mbox_sized_start(&p.c, argc, argv, i, &mode, &size, &t);
	if (rc)
		return rc;
	plan = calloc(t.nr ? t.nr : 1, sizeof(*plan));
	if (!plan) {
		mbox_targets_free(&t);
		return EXIT_FAIL;
	}
	for (int k = 0; k < t.nr && !rc; k++)
		rc = plan_change(t.memdevs[k], &p, reserve, mode, size,
				 &plan[k]);
	if (rc) {
		/* As v81, which prints the (empty) array after a refusal. */
		mbox_print_memdevs(json_object_new_array());
		free(plan);
		mbox_targets_free(&t);
		return rc;
	}
	f.human = mbox_human();
	jdevs = json_object_new_array();
	for (int k = 0; k < t.nr; k++) {
		struct cxl_memdev *m = t.memdevs[k];
		struct json_object *jdev;

		if (apply_change(m, mode, &plan[k])) {
			rc = EXIT_FAIL;
			continue;
		}
		done++;
		pr_debug("%s: %s: dpa_size %#llx", cxl_memdev_get_devname(m),
			 cxl_decoder_get_devname(plan[k].decoder),
			 (unsigned long long)plan[k].size);
		/* As v81: the memdev, and the decoder as written. */
		jdev = cxl_memdev_json(m, &f);
		json_object_object_add(jdev, "decoder",
				       cxl_decoder_json(plan[k].decoder, &f));
		json_object_array_add(jdevs, jdev);
	}
	mbox_print_memdevs(jdevs);
	pr_info("%s completed on %d mem device%s",
		reserve ? "reservation" : "reservation release", done,
		done > 1 ? "s" : "");
	free(plan);
	mbox_targets_free(&t);
	return rc;
}

int cmd_reserve_dpa(int argc, char **argv)
{
	return dpa_action(argc, argv, true);
}

int cmd_free_dpa(int argc, char **argv)
{
	return dpa_action(argc, argv, false);
}
