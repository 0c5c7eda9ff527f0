// SPDX-License-Identifier: GPL-2.0
/*
 * cxl read-labels, zero-labels, write-labels: each memdev's label area,
 * or a range of it, through the mailbox.  read-labels writes them to
 * standard output or one file, one memdev after the other; zero-labels
 * clears them; write-labels writes a file (or standard input) to one.
 * Names, the range, and (for the writes) whether the nvdimm side owns
 * the labels are checked for every memdev before anything is read or
 * written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include <util/sysfs.h>

#include "builtin.h"
#include "filter.h"

enum label_op { LABEL_READ, LABEL_ZERO, LABEL_WRITE };

struct label_params {
	const char *bus, *size, *offset, *output, *input, *sysroot;
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
		return -EINVAL;
	}
	return 0;
}

/*
 * The bytes write-labels writes: size bytes of the input (all of it
 * without -s), which must fit the label area from offset.  0, or
 * -errno after its message.
 */
static int read_input(const struct label_params *p, struct cxl_memdev *m,
		      uint64_t size, uint64_t offset, char **data, size_t *len)
{
	uint64_t room = cxl_memdev_get_label_size(m) - offset;
	FILE *in = p->input ? fopen(p->input, "r") : stdin;
	size_t cap = size ? size : room, got;
	char *buf;
	int c;

	if (!in) {
		pr_err("%s: cannot open: %s", p->input, strerror(errno));
		return op_failed(-errno);
	}
	buf = malloc(cap ? cap : 1);
	if (!buf) {
		if (in != stdin)
			fclose(in);
		return -ENOMEM;
	}
	got = fread(buf, 1, cap, in);
	/* Without -s the whole input must fit: one byte more is too much. */
	c = !size && got == cap ? fgetc(in) : EOF;
	if (in != stdin)
		fclose(in);
	if (c != EOF) {
		pr_err("%s: %s is larger than the %llu bytes of label area "
		       "from %llu",
		       cxl_memdev_get_devname(m),
		       p->input ? p->input : "standard input",
		       (unsigned long long)room, (unsigned long long)offset);
		free(buf);
		return -EFBIG;
	}
	if (size && got != size) {
		pr_err("%s: %zu bytes, not the %llu of -s",
		       p->input ? p->input : "standard input", got,
		       (unsigned long long)size);
		free(buf);
		return -EIO;
	}
	*data = buf;
	*len = got;
	return 0;
}

/*
 * The one body of cmd_read_labels, cmd_zero_labels and cmd_write_labels:
 * like them, it returns an exit status.
 */
static int label_action(int argc, char **argv, enum label_op op)
{
	struct label_params p = { 0 };
	const struct opt all_opts[] = {
		OPT_MEMDEV_TARGETS(&p.bus, &p.verbose, &p.serial),
		OPT_STR('s', "size", &p.size, "BYTES",
			"bytes to read (default: the label area from -O)"),
		OPT_STR('O', "offset", &p.offset, "BYTES",
			"where in the label area to start"),
		OPT_STR('o', "output", &p.output, "FILE",
			"write to FILE instead of standard output"),
		OPT_STR('i', "input", &p.input, "FILE",
			"read the labels from FILE instead of standard input"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	static const char *const usage[] = {
		[LABEL_READ] = "cxl read-labels <mem0> [<mem1>..<memN>] "
			       "[<options>]",
		[LABEL_ZERO] = "cxl zero-labels <mem0> [<mem1>..<memN>] "
			       "[<options>]",
		[LABEL_WRITE] = "cxl write-labels <memdev> [-i <filename>]",
	};
	static const char *const verb[] = { "read", "zeroed", "wrote" };
	struct opt opts[9];
	char *data = NULL;
	size_t data_len = 0;
	int o = 0;
	uint64_t size, offset;
	struct cxl_memdev *m, **pick;
	struct cxl_ctx *ctx;
	int i, n = 0, rc, count = 0;
	FILE *out = stdout;

	/* -o for read-labels, -i for write-labels, neither for zero. */
	for (int k = 0; all_opts[k].kind != OPT_END; k++) {
		if ((all_opts[k].short_name == 'o' && op != LABEL_READ) ||
		    (all_opts[k].short_name == 'i' && op != LABEL_WRITE))
			continue;
		opts[o++] = all_opts[k];
	}
	opts[o] = (struct opt)OPT_TERM;
	i = parse_options(argc, argv, opts, usage[op]);
	if (i == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	if (op == LABEL_WRITE && argc - i > 1) {
		pr_err("write-labels takes one memdev, not %d", argc - i);
		return EXIT_USAGE;
	}
	rc = parse_count("-s/--size", p.size, &size);
	if (!rc)
		rc = parse_count("-O/--offset", p.offset, &offset);
	if (rc)
		return exit_status(rc);
	log_set_verbose(p.verbose);
	if (cxl_open(p.sysroot, &ctx))
		return EXIT_FAIL;
	cxl_memdev_foreach (ctx, m)
		n++;
	pick = calloc(n + 1, sizeof(*pick));
	if (!pick) {
		cxl_unref(ctx);
		return EXIT_FAIL;
	}
	/* Each memdev once, in the order the names give them. */
	n = 0;
	for (int a = i; a < argc && !rc; a++) {
		bool hit = false;

		cxl_memdev_foreach (ctx, m) {
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
	for (int k = 0; k < n && !rc && op != LABEL_READ; k++)
		if (cxl_memdev_labels_in_use(pick[k])) {
			pr_err("%s: in use: its nvdimm is active (cxl_nvdimm "
			       "owns the labels); not writing them",
			       cxl_memdev_get_devname(pick[k]));
			rc = EXIT_FAIL;
		}
	if (!rc && op == LABEL_WRITE)
		rc = exit_status(read_input(&p, pick[0], p.size ? size : 0,
					    offset, &data, &data_len));
	if (!rc && p.output) {
		out = fopen(p.output, "w");
		if (!out) {
			pr_err("%s: cannot create: %s", p.output,
			       strerror(errno));
			rc = EXIT_FAIL;
		}
	}
	for (int k = 0; k < n && !rc; k++) {
		const char *name = cxl_memdev_get_devname(pick[k]);
		uint64_t len =
			p.size ? size :
				 cxl_memdev_get_label_size(pick[k]) - offset;
		char *buf;
		int err;

		if (op == LABEL_WRITE)
			len = data_len;
		buf = op == LABEL_WRITE ? data : calloc(1, len ? len : 1);
		if (!buf)
			err = -ENOMEM;
		else if (op == LABEL_READ)
			err = cxl_memdev_read_label(pick[k], buf, len, offset);
		else
			err = cxl_memdev_write_label(pick[k], buf, len, offset);
		if (err) {
			pr_err("%s: label %s failed: %s", name,
			       op == LABEL_READ ? "read" : "write",
			       strerror(-err));
			rc = EXIT_FAIL;
		} else if (op == LABEL_READ &&
			   (fwrite(buf, 1, len, out) != len || fflush(out))) {
			pr_err("%s: cannot write: %s",
			       p.output ? p.output : "standard output",
			       strerror(errno));
			rc = EXIT_FAIL;
		} else {
			count++;
		}
		if (buf != data)
			free(buf);
	}
	if (out != stdout && out && fclose(out) && !rc) {
		pr_err("%s: cannot write: %s", p.output, strerror(errno));
		rc = EXIT_FAIL;
	}
	free(data);
	free(pick);
	cxl_unref(ctx);
	if (rc)
		return rc;
	pr_info("%s %d mem%s", verb[op], count, count > 1 ? "s" : "");
	return EXIT_OK;
}

int cmd_read_labels(int argc, char **argv)
{
	return label_action(argc, argv, LABEL_READ);
}

int cmd_zero_labels(int argc, char **argv)
{
	return label_action(argc, argv, LABEL_ZERO);
}

int cmd_write_labels(int argc, char **argv)
{
	return label_action(argc, argv, LABEL_WRITE);
}
