// SPDX-License-Identifier: GPL-2.0
/*
 * libcxl's parsing: target_list on its own, then the library's view of a
 * tree captured from a real QEMU CXL boot against the tree's own files,
 * read here with plain stdio.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <util/sysfs.h>

#include "tap.h"

static void target_lists(void)
{
	int ids[4];

	tap_ok(cxl_parse_target_list("", ids, 4) == 0, "empty target_list");
	tap_ok(cxl_parse_target_list("12", ids, 4) == 1 && ids[0] == 12,
	       "one target");
	tap_ok(cxl_parse_target_list("0,1,2", ids, 4) == 3 && ids[0] == 0 &&
		       ids[1] == 1 && ids[2] == 2,
	       "three targets in order");
	tap_ok(cxl_parse_target_list("1,2,3,4,5", ids, 4) == -E2BIG,
	       "more targets than room: -E2BIG");
	tap_ok(cxl_parse_target_list("1,", ids, 4) == -EINVAL,
	       "trailing comma: -EINVAL");
	tap_ok(cxl_parse_target_list("1,,2", ids, 4) == -EINVAL,
	       "empty id: -EINVAL");
	tap_ok(cxl_parse_target_list("-1", ids, 4) == -EINVAL,
	       "negative id: -EINVAL");
	tap_ok(cxl_parse_target_list("x", ids, 4) == -EINVAL,
	       "not a number: -EINVAL");
	tap_ok(cxl_parse_target_list("99999", ids, 4) == -EINVAL,
	       "id above 16 bits: -EINVAL");
}

/* A file of the fixture, trimmed, or NULL. */
static char *slurp(const char *fixture, const char *path)
{
	static char buf[256];
	char full[4096];
	size_t n;
	FILE *f;

	snprintf(full, sizeof(full), "%s/%s", fixture, path);
	f = fopen(full, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static int decoders_checked;

static void check_decoders(const char *fixture, struct cxl_port *port,
			   const char *port_path)
{
	struct cxl_decoder *d;
	struct cxl_port *child;

	cxl_decoder_foreach(port, d) {
		char path[4096], *text;
		struct cxl_target *t;
		int ids[64], n, k = 0;

		snprintf(path, sizeof(path), "%s/%s/target_list", port_path,
			 cxl_decoder_get_devname(d));
		text = slurp(fixture, path);
		n = text ? cxl_parse_target_list(text, ids, 64) : 0;
		/* The library lists the last position first, as upstream. */
		cxl_target_foreach(d, t) {
			k++;
			if (cxl_target_get_id(t) != ids[n - k] ||
			    cxl_target_get_position(t) != n - k)
				break;
		}
		tap_ok(n >= 0 && k == n && cxl_decoder_get_nr_targets(d) == n,
		       "%s: %d targets as target_list \"%s\"",
		       cxl_decoder_get_devname(d), n, text ? text : "");
		snprintf(path, sizeof(path), "%s/%s/size", port_path,
			 cxl_decoder_get_devname(d));
		text = slurp(fixture, path);
		tap_ok(text && strtoull(text, NULL, 0) ==
				       cxl_decoder_get_size(d),
		       "%s: size %s", cxl_decoder_get_devname(d),
		       text ? text : "(none)");
		decoders_checked++;
	}
	cxl_port_foreach(port, child) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", port_path,
			 cxl_port_get_devname(child));
		check_decoders(fixture, child, path);
	}
	cxl_endpoint_foreach(port, child) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", port_path,
			 cxl_port_get_devname(child));
		check_decoders(fixture, child, path);
	}
}

static void fixture_tree(const char *fixture)
{
	struct sysroot *root = sysroot_open(fixture);
	struct cxl_memdev *m;
	struct cxl_port *bus;
	struct cxl_ctx *ctx;
	int memdevs = 0;

	if (!tap_ok(root && cxl_new(&ctx, root) == 0, "read %s", fixture))
		return;
	sysroot_close(root);
	cxl_memdev_foreach(ctx, m) {
		char path[256], *text;

		snprintf(path, sizeof(path), "sys/bus/cxl/devices/%s/serial",
			 cxl_memdev_get_devname(m));
		text = slurp(fixture, path);
		tap_ok(text && strtoull(text, NULL, 0) ==
				       cxl_memdev_get_serial(m),
		       "%s: serial %s", cxl_memdev_get_devname(m),
		       text ? text : "(none)");
		snprintf(path, sizeof(path),
			 "sys/bus/cxl/devices/%s/pmem/size",
			 cxl_memdev_get_devname(m));
		text = slurp(fixture, path);
		tap_ok(text && strtoull(text, NULL, 0) ==
				       cxl_memdev_get_pmem_size(m),
		       "%s: pmem size %s", cxl_memdev_get_devname(m),
		       text ? text : "(none)");
		memdevs++;
	}
	tap_ok(memdevs > 0, "the fixture has memdevs (%d)", memdevs);
	cxl_bus_foreach(ctx, bus) {
		char path[256];

		snprintf(path, sizeof(path), "sys/bus/cxl/devices/%s",
			 cxl_port_get_devname(bus));
		check_decoders(fixture, bus, path);
	}
	tap_ok(decoders_checked > 0, "the fixture has decoders (%d)",
	       decoders_checked);
	cxl_unref(ctx);
}

int main(int argc, char **argv)
{
	target_lists();
	for (int i = 1; i < argc; i++)
		fixture_tree(argv[i]);
	return tap_done();
}
