// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl create-nfit: write an NFIT that describes the persistent memory
 * ranges given with --add-spa to a file, byte for byte the table
 * upstream's command writes, for tests that boot a kernel with a table
 * of their own (an initrd ACPI override).  It only writes the file; it
 * never reads or touches this machine's ACPI tables.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <format/acpi-table.h>
#include <util/command.h>
#include <util/file.h>
#include <util/log.h>
#include <util/options.h>
#include <util/size.h>
#include "builtin.h"

#define DEFAULT_NFIT "local_nfit.bin"
/* Range indexes are 16 bits; no test needs more than a handful. */
#define RANGES_MAX 1024

/* "SIZE,OFFSET", each as upstream's sizes (4096, 0x1000, 2M, 1G...). */
static int parse_range(const char *arg, struct nfit_range *r)
{
	const char *comma = strchr(arg, ',');
	char size[64];

	if (!comma || (size_t)(comma - arg) >= sizeof(size))
		return -EINVAL;
	memcpy(size, arg, comma - arg);
	size[comma - arg] = '\0';
	if (parse_size(size, &r->size) || parse_size(comma + 1, &r->base))
		return -EINVAL;
	return 0;
}

/*
 * Upstream's file: created 0660 (less the umask), an existing one only
 * overwritten with --force.
 */
static int write_table(const char *path, const uint8_t *t, size_t len,
		       bool force)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0660);

	if (fd < 0 && errno == EEXIST && force)
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0660);
	if (fd < 0 && errno == EEXIST) {
		pr_err("%s: exists; --force overwrites it", path);
		return -EEXIST;
	}
	return write_new_file(fd, path, t, len);
}

int cmd_create_nfit(int argc, char **argv)
{
	const char *items[RANGES_MAX], *output = DEFAULT_NFIT;
	struct opt_list spas = { .items = items, .max = RANGES_MAX };
	struct nfit_range ranges[RANGES_MAX];
	bool force = false;
	struct opt options[] = {
		OPT_LST('a', "add-spa", &spas, "SIZE,OFFSET",
			"add a persistent memory range (repeatable)"),
		OPT_STR('o', "output", &output, "FILE",
			"write the table to FILE (default " DEFAULT_NFIT ")"),
		OPT_BOOL('f', "force", &force, "overwrite FILE if it exists"),
		OPT_TERM,
	};
	uint8_t *table;
	size_t len;
	int i, rc;

	i = parse_options(argc, argv, options,
			  "ndctl create-nfit -a SIZE,OFFSET... [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (!spas.n) {
		pr_err("give at least one range: --add-spa=SIZE,OFFSET");
		return EXIT_USAGE;
	}
	for (i = 0; i < spas.n; i++)
		if (parse_range(items[i], &ranges[i])) {
			pr_err("invalid --add-spa '%s': expected SIZE,OFFSET "
			       "(such as 1G,4G)",
			       items[i]);
			return EXIT_USAGE;
		}
	len = nfit_build(ranges, spas.n, &table);
	if (!len) {
		pr_err("out of memory");
		return EXIT_FAIL;
	}
	rc = write_table(output, table, len, force);
	free(table);
	if (rc)
		return EXIT_FAIL;
	pr_info("wrote %zu bytes to %s", len, output);
	return EXIT_OK;
}
