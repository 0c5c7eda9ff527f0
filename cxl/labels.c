// SPDX-License-Identifier: GPL-2.0
/*
 * cxl read-labels: each memdev's label area, or a range of it, through
 * the mailbox, to standard output or one file, one memdev after the
 * other.  The range is checked against every memdev's label area before
 * anything is read or the file is made.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/log.h>
#include <util/options.h>
#include <util/sysfs.h>

#include "builtin.h"
#include "filter.h"

struct label_params {
	const char *bus, *size, *offset, *output, *sysroot;
	bool serial;
	int verbose;
};

static int parse_count(const char *opt, const char *text, uint64_t *val)
{
	if (!text) {
		*val = 0;
		return 0;
	}
	if (sysfs_parse_u64(text, val) || *val > UINT32_MAX) {
		pr_err("%s '%s': not a byte count (decimal or 0x hex, "
		       "below 4 GiB)",
		       opt, text);
		return EXIT_USAGE;
	}
	return 0;
}

int cmd_read_labels(int argc, char **argv)
{
	struct label_params p = { 0 };
	const struct opt opts[] = {
		OPT_STR('b', "bus", &p.bus, "BUS", "only memdevs on this bus"),
		{ 'v', "verbose", OPT_COUNT, &p.verbose, NULL,
		  "more messages" },
		OPT_BOOL('S', "serial", &p.serial,
			 "the arguments are serial numbers"),
		OPT_STR('s', "size", &p.size, "BYTES",
			"bytes to read (default: the label area from -O)"),
		OPT_STR('O', "offset", &p.offset, "BYTES",
			"where in the label area to start"),
		OPT_STR('o', "output", &p.output, "FILE",
			"write to FILE instead of standard output"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	uint64_t size, offset;
	struct cxl_memdev *m, **pick;
	struct sysroot *root;
	struct cxl_ctx *ctx;
	int i, n = 0, rc, count = 0;
	FILE *out = stdout;

	i = parse_options(argc, argv, opts,
			  "cxl read-labels <mem0> [<mem1>..<memN>] "
			  "[<options>]");
	if (i == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	rc = parse_count("-s/--size", p.size, &size);
	if (!rc)
		rc = parse_count("-O/--offset", p.offset, &offset);
	if (rc)
		return rc;
	log_set_verbose(p.verbose);
	root = sysroot_open(p.sysroot ? p.sysroot : "/");
	if (!root) {
		pr_err("%s: cannot open the sysfs root", p.sysroot);
		return EXIT_FAIL;
	}
	rc = cxl_new(&ctx, root);
	sysroot_close(root);
	if (rc) {
		pr_err("cannot read /sys/bus/cxl: %s", strerror(-rc));
		return EXIT_FAIL;
	}
	cxl_memdev_foreach(ctx, m) n++;
	pick = calloc(n + 1, sizeof(*pick));
	if (!pick) {
		cxl_unref(ctx);
		return EXIT_FAIL;
	}
	/* Each memdev once, in the order the names give them. */
	n = 0;
	for (int a = i; a < argc && !rc; a++) {
		bool hit = false;

		cxl_memdev_foreach(ctx, m)
		{
			struct cxl_port *bus = cxl_memdev_get_bus(m);
			bool dup = false;

			if (!(p.serial ? cxl_filter_memdev(m, NULL, argv[a]) :
					 cxl_filter_memdev(m, argv[a], NULL)) ||
			    (p.bus && !(bus && cxl_filter_bus(bus, p.bus))))
				continue;
			hit = true;
			for (int k = 0; k < n; k++)
				dup |= pick[k] == m;
			if (!dup)
				pick[n++] = m;
		}
		if (!hit) {
			pr_err("%s: no such memdev", argv[a]);
			rc = EXIT_FAIL;
		}
	}
	for (int k = 0; k < n && !rc; k++) {
		uint64_t lsa = cxl_memdev_get_label_size(pick[k]);
		const char *name = cxl_memdev_get_devname(pick[k]);

		if (lsa == CXL_U64_NONE) {
			pr_err("%s: has no label area", name);
			rc = EXIT_FAIL;
		} else if (offset > lsa || (p.size && size > lsa - offset)) {
			pr_err("%s: %llu bytes at %llu: past its %llu-byte label "
			       "area",
			       name,
			       (unsigned long long)(p.size ? size :
							     lsa - offset),
			       (unsigned long long)offset,
			       (unsigned long long)lsa);
			rc = EXIT_FAIL;
		}
	}
	if (!rc && p.output) {
		out = fopen(p.output, "w");
		if (!out) {
			pr_err("%s: cannot create: %s", p.output,
			       strerror(errno));
			rc = EXIT_FAIL;
		}
	}
	for (int k = 0; k < n && !rc; k++) {
		uint64_t len =
			p.size ? size :
				 cxl_memdev_get_label_size(pick[k]) - offset;
		const char *name = cxl_memdev_get_devname(pick[k]);
		char *buf = calloc(1, len ? len : 1);
		int err =
			buf ? cxl_memdev_read_label(pick[k], buf, len, offset) :
			      -ENOMEM;

		if (err) {
			pr_err("%s: label read failed: %s", name,
			       strerror(-err));
			rc = EXIT_FAIL;
		} else if (fwrite(buf, 1, len, out) != len || fflush(out)) {
			pr_err("%s: cannot write: %s",
			       p.output ? p.output : "standard output",
			       strerror(errno));
			rc = EXIT_FAIL;
		} else {
			count++;
		}
		free(buf);
	}
	if (out != stdout && out && fclose(out) && !rc) {
		pr_err("%s: cannot write: %s", p.output, strerror(errno));
		rc = EXIT_FAIL;
	}
	free(pick);
	cxl_unref(ctx);
	if (rc)
		return rc;
	pr_info("read %d mem%s", count, count > 1 ? "s" : "");
	return EXIT_OK;
}
