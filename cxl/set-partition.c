// SPDX-License-Identifier: GPL-2.0
/*
 * cxl set-partition: split a memdev's partitionable capacity between
 * volatile (ram) and persistent (pmem) with Set Partition Info, taking
 * effect at the device's next reset.  As v81: --type names the
 * partition --size is for (default pmem), the rest goes to the other;
 * without --size all of it goes to --type; --align rounds the volatile
 * size to the device's partition alignment.
 *
 * Every memdev is checked first, nothing is sent unless all pass: the
 * size against Identify's capacities and alignment, and the memdev
 * against use.  A memdev whose capacity is in use (a region that
 * decodes or is bound, or DPA allocated to an endpoint decoder) is
 * refused (set-partition has no --force to override it): a new split
 * would move the memory under what maps it at the next reset.
 */
#include <errno.h>
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

struct partition_params {
	struct mbox_sized_opts c;
	bool align;
};

/* The first endpoint decoder with DPA allocated, or NULL. */
static struct cxl_decoder *dpa_holder(struct cxl_memdev *memdev)
{
	struct cxl_port *ep = cxl_memdev_get_endpoint(memdev);
	struct cxl_decoder *d;

	if (!ep)
		return NULL;
	cxl_decoder_foreach (ep, d) {
		uint64_t size = cxl_decoder_get_dpa_size(d);

		if (size && size != CXL_U64_NONE)
			return d;
	}
	return NULL;
}

static int check_unused(struct cxl_memdev *memdev)
{
	const char *name = cxl_memdev_get_devname(memdev);
	struct cxl_region *r = cxl_memdev_get_active_region(memdev);
	struct cxl_decoder *d;

	if (r) {
		pr_err("%s: in use: part of %s, which decodes its memory "
		       "(nothing overrides in-use)",
		       name, cxl_region_get_devname(r));
		return -EBUSY;
	}
	d = dpa_holder(memdev);
	if (d) {
		pr_err("%s: in use: %s holds %#llx bytes of its capacity "
		       "(nothing overrides in-use)",
		       name, cxl_decoder_get_devname(d),
		       (unsigned long long)cxl_decoder_get_dpa_size(d));
		return -EBUSY;
	}
	return 0;
}

/*
 * The volatile capacity the request asks of this memdev, from Identify:
 * 0 with *vol set, or -errno after one line saying why not.
 */
static int volatile_size(struct cxl_memdev *memdev, bool ram, bool has_size,
			 uint64_t size, bool align, uint64_t *vol)
{
	const char *name = cxl_memdev_get_devname(memdev);
	uint64_t avail, a;
	struct cxl_identify id;
	int rc = cxl_memdev_identify(memdev, &id);

	if (rc) {
		pr_err("%s: cannot identify the device: %s", name,
		       strerror(-rc));
		return rc;
	}
	a = id.partition_align_bytes;
	if (!a) {
		pr_err("%s: no partitionable capacity (partition alignment 0)",
		       name);
		return -EINVAL;
	}
	avail = id.total_bytes - id.volatile_only_bytes -
		id.persistent_only_bytes;
	if (!has_size) {
		*vol = ram ? avail : 0;
	} else if (size > avail) {
		pr_err("%s: --size %llu: exceeds the partitionable capacity "
		       "%llu",
		       name, (unsigned long long)size,
		       (unsigned long long)avail);
		return -EINVAL;
	} else {
		*vol = ram ? size : avail - size;
	}
	if (*vol % a == 0)
		return 0;
	if (!align) {
		pr_err("%s: volatile size %llu: not a multiple of the "
		       "partition alignment %llu (--align rounds it)",
		       name, (unsigned long long)*vol, (unsigned long long)a);
		return -EINVAL;
	}
	/* Rounded so that --type gets at least what --size asked. */
	*vol = ram ? ALIGN_UP(*vol, a) : ALIGN_DOWN(*vol, a);
	if (*vol > avail) {
		pr_err("%s: aligned volatile size %llu: exceeds the "
		       "partitionable capacity %llu",
		       name, (unsigned long long)*vol,
		       (unsigned long long)avail);
		return -EINVAL;
	}
	return 0;
}

int cmd_set_partition(int argc, char **argv)
{
	struct partition_params p = { 0 };
	const struct opt options[] = {
		OPT_MEMDEV_TARGETS(&p.c.bus, &p.c.verbose, &p.c.serial),
		OPT_STR('t', "type", &p.c.type, "TYPE",
			"'pmem' or 'ram' (volatile): the partition --size "
			"is for (default pmem)"),
		OPT_STR('s', "size", &p.c.size, "SIZE",
			"bytes for --type (default: all partitionable "
			"capacity)"),
		OPT_BOOL('a', "align", &p.align,
			 "round the size to the device's partition alignment"),
		OPT_SYSROOT(&p.c.sysroot),
		OPT_TERM,
	};
	struct json_object *jdevs;
	struct cxl_json_flags f = { .partition = true };
	struct mbox_targets t = { 0 };
	uint64_t size = 0, *vols;
	enum cxl_mode mode = CXL_MODE_PMEM; /* v81: pmem unless --type */
	bool ram, refused;
	int i, rc = 0, done = 0;

	i = parse_options(argc, argv, options,
			  "cxl set-partition <mem0> [<mem1>..<memN>] "
			  "[<options>]");
	rc = mbox_sized_start(&p.c, argc, argv, i, &mode, &size, &t);
	if (rc)
		return rc;
	ram = mode == CXL_MODE_RAM;
	vols = calloc(t.nr ? t.nr : 1, sizeof(*vols));
	if (!vols) {
		mbox_targets_free(&t);
		return EXIT_FAIL;
	}
	/* In use first, for all, then the sizes: nothing sent on a refusal. */
	for (int k = 0; k < t.nr && !rc; k++)
		rc = check_unused(t.memdevs[k]);
	if (rc) {
		free(vols);
		mbox_targets_free(&t);
		return EXIT_FAIL;
	}
	/*
	 * The size checks are v81's, and as v81 a request that fails them
	 * still prints the (empty) array of the memdevs it was sent to.
	 */
	for (int k = 0; k < t.nr && !rc; k++)
		rc = volatile_size(t.memdevs[k], ram, p.c.size != NULL, size,
				   p.align, &vols[k]);
	refused = rc != 0;
	f.human = mbox_human();
	jdevs = json_object_new_array();
	for (int k = 0; k < t.nr && !rc; k++) {
		struct cxl_memdev *m = t.memdevs[k];
		int err = cxl_memdev_set_partition(m, vols[k]);

		if (err) {
			pr_err("%s: Set Partition Info (volatile %llu): %s",
			       cxl_memdev_get_devname(m),
			       (unsigned long long)vols[k],
			       err == -EIO ? "the device refused it" :
					     strerror(-err));
			rc = err;
		} else {
			pr_debug("%s: volatile %llu from the next reset",
				 cxl_memdev_get_devname(m),
				 (unsigned long long)vols[k]);
			done++;
		}
		/* As v81: the memdev's partitions after the attempt. */
		json_object_array_add(jdevs, cxl_memdev_json(m, &f));
	}
	mbox_print_memdevs(jdevs);
	/*
	 * v81 also says "set_partition 0 mem" after a memdev it refused
	 * before sending (size, Identify, no partitionable capacity); here
	 * the refusal's own line is the whole story when nothing was sent.
	 */
	if (!refused)
		pr_info("set_partition %d mem%s", done, done > 1 ? "s" : "");
	free(vols);
	mbox_targets_free(&t);
	return rc ? EXIT_FAIL : EXIT_OK;
}
