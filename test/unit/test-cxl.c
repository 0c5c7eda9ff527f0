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
#include <unistd.h>

#include <cxl/libcxl.h>
#include <daxctl/libdaxctl.h>
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

	cxl_decoder_foreach (port, d) {
		char path[4096], *text;
		struct cxl_target *t;
		int ids[64], n, k = 0;

		snprintf(path, sizeof(path), "%s/%s/target_list", port_path,
			 cxl_decoder_get_devname(d));
		text = slurp(fixture, path);
		n = text ? cxl_parse_target_list(text, ids, 64) : 0;
		/* The library lists the last position first, as upstream. */
		cxl_target_foreach (d, t) {
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
	cxl_port_foreach (port, child) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", port_path,
			 cxl_port_get_devname(child));
		check_decoders(fixture, child, path);
	}
	cxl_endpoint_foreach (port, child) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", port_path,
			 cxl_port_get_devname(child));
		check_decoders(fixture, child, path);
	}
}

/*
 * DPA left per partition: the tree's pmem and ram sizes less the
 * dpa_size of the endpoint's decoders of that mode, read here from the
 * files; a memdev without an endpoint has none to give (-ENXIO).
 */
static void dpa_accounting(const char *fixture, struct cxl_ctx *ctx)
{
	static const enum cxl_mode modes[] = { CXL_MODE_RAM, CXL_MODE_PMEM };
	struct cxl_memdev *m;

	cxl_memdev_foreach (ctx, m) {
		struct cxl_port *ep = cxl_memdev_get_endpoint(m);
		const char *name = cxl_memdev_get_devname(m);

		for (int k = 0; k < 2; k++) {
			const char *mode = cxl_mode_name(modes[k]);
			unsigned long long left;
			struct cxl_decoder *d;
			char path[256], *text;
			uint64_t avail;
			int rc = cxl_memdev_dpa_available(m, modes[k], &avail);

			if (!ep) {
				tap_ok(rc == -ENXIO,
				       "%s: no endpoint, no %s DPA (%d)", name,
				       mode, rc);
				continue;
			}
			snprintf(path, sizeof(path),
				 "sys/bus/cxl/devices/%s/%s/size", name, mode);
			text = slurp(fixture, path);
			left = text ? strtoull(text, NULL, 0) : 0;
			cxl_decoder_foreach (ep, d) {
				bool same_mode;

				/* slurp() has one buffer: mode, then size. */
				snprintf(path, sizeof(path),
					 "sys/bus/cxl/devices/%s/mode",
					 cxl_decoder_get_devname(d));
				text = slurp(fixture, path);
				same_mode = text && !strcmp(text, mode);
				snprintf(path, sizeof(path),
					 "sys/bus/cxl/devices/%s/dpa_size",
					 cxl_decoder_get_devname(d));
				text = slurp(fixture, path);
				if (same_mode && text)
					left -= strtoull(text, NULL, 0);
			}
			tap_ok(rc == 0 && avail == left,
			       "%s: %s DPA left %llu (the files: %llu)", name,
			       mode, (unsigned long long)avail, left);
		}
	}
}

/* A region's dax region is there exactly when regionN/dax_regionN is. */
static void dax_region_of(const char *fixture, struct daxctl_ctx *dax,
			  struct cxl_region *r)
{
	char path[256];
	bool has;

	snprintf(path, sizeof(path), "%s/sys/bus/cxl/devices/%s/dax_region%d",
		 fixture, cxl_region_get_devname(r), cxl_region_get_id(r));
	has = access(path, F_OK) == 0;
	tap_ok((cxl_region_get_daxctl_region(r, dax) != NULL) == has,
	       "%s: %s dax region", cxl_region_get_devname(r),
	       has ? "has a" : "has no");
}

static void dax_regions(const char *fixture, struct cxl_ctx *ctx)
{
	struct daxctl_ctx *dax;
	struct cxl_port *bus;
	struct cxl_decoder *d;
	struct cxl_region *r;

	if (!tap_ok(daxctl_new(&dax, cxl_get_root(ctx)) == 0,
		    "%s: libdaxctl over the same root", fixture))
		return;
	cxl_bus_foreach (ctx, bus)
		cxl_decoder_foreach (bus, d)
			cxl_region_foreach (d, r)
				dax_region_of(fixture, dax, r);
	daxctl_unref(dax);
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
	cxl_memdev_foreach (ctx, m) {
		char path[256], *text;

		snprintf(path, sizeof(path), "sys/bus/cxl/devices/%s/serial",
			 cxl_memdev_get_devname(m));
		text = slurp(fixture, path);
		tap_ok(text && strtoull(text, NULL, 0) ==
				       cxl_memdev_get_serial(m),
		       "%s: serial %s", cxl_memdev_get_devname(m),
		       text ? text : "(none)");
		snprintf(path, sizeof(path), "sys/bus/cxl/devices/%s/pmem/size",
			 cxl_memdev_get_devname(m));
		text = slurp(fixture, path);
		tap_ok(text && strtoull(text, NULL, 0) ==
				       cxl_memdev_get_pmem_size(m),
		       "%s: pmem size %s", cxl_memdev_get_devname(m),
		       text ? text : "(none)");
		memdevs++;
	}
	tap_ok(memdevs > 0, "the fixture has memdevs (%d)", memdevs);
	cxl_bus_foreach (ctx, bus) {
		char path[256];

		snprintf(path, sizeof(path), "sys/bus/cxl/devices/%s",
			 cxl_port_get_devname(bus));
		check_decoders(fixture, bus, path);
	}
	tap_ok(decoders_checked > 0, "the fixture has decoders (%d)",
	       decoders_checked);
	dpa_accounting(fixture, ctx);
	dax_regions(fixture, ctx);
	cxl_unref(ctx);
}

int main(int argc, char **argv)
{
	target_lists();
	for (int i = 1; i < argc; i++)
		fixture_tree(argv[i]);
	return tap_done();
}
