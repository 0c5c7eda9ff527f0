// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl split-acpi: from the SRAT, SLIT and NFIT a machine's firmware
 * gave (as "acpixtract -a" dumps them: srat.dat, slit.dat, nfit.dat in
 * one directory), write edited copies (srat.dat.new, ...) in which one
 * proximity domain's memory is split into --nodes domains, for a test
 * kernel booted with them (an initrd ACPI table override).  Only files
 * are read and written; this machine's own tables are never touched.
 * Every table is built before any is written: a bad input writes none.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <format/acpi-split.h>
#include <format/acpi-table.h>
#include <util/command.h>
#include <util/file.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"

/* More than the nodes a test asks for; the SLIT grows as the square. */
#define NODES_MAX 1024
/* A dumped table is a few KiB; an NFIT of many DIMMs some more. */
#define TABLE_MAX (16 << 20)

enum { SRAT, SLIT, NFIT, TABLES };
static const char *const table_file[TABLES] = { "srat", "slit", "nfit" };
static const char *const table_sig[TABLES] = { "SRAT", "SLIT", "NFIT" };

/* A decimal int, as upstream's --pxm and --nodes take it. */
static int parse_int(const char *s, int *v)
{
	char *end;
	long l;

	errno = 0;
	l = strtol(s, &end, 10);
	if (errno || end == s || *end || l < INT_MIN || l > INT_MAX)
		return -EINVAL;
	*v = (int)l;
	return 0;
}

/*
 * DIR/NAME.dat, whole.  0; -ENOENT when it is missing (the NFIT may
 * be); else -errno, said.
 */
static int read_table(const char *path, const char *sig, uint8_t **t,
		      size_t *len)
{
	const char *why;
	size_t size = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY), err;

	*t = NULL;
	if (fd < 0) {
		err = errno;
		if (err != ENOENT)
			pr_err("%s: cannot open: %s", path, strerror(err));
		return -err;
	}
	*t = malloc(TABLE_MAX + 1);
	if (!*t) {
		close(fd);
		pr_err("out of memory");
		return -ENOMEM;
	}
	while (size <= TABLE_MAX &&
	       (n = read(fd, *t + size, TABLE_MAX + 1 - size)) > 0)
		size += n;
	err = n < 0 ? errno : 0;
	close(fd);
	if (err || size > TABLE_MAX) {
		pr_err("%s: %s", path,
		       err ? strerror(err) : "larger than any ACPI table");
		free(*t);
		*t = NULL;
		return err ? -err : -EFBIG;
	}
	why = acpi_check(*t, size, sig, len);
	if (why) {
		pr_err("%s: %s", path, why);
		free(*t);
		*t = NULL;
		return -EINVAL;
	}
	return 0;
}

/* DIR/NAME.dat.new, replaced; 0640 as upstream creates it. */
static int write_table(const char *path, const uint8_t *t, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	int rc;

	rc = write_new_file(fd, path, t, len);
	if (!rc)
		pr_info("created: %s", path);
	return rc;
}

int cmd_split_acpi(int argc, char **argv)
{
	const char *dir = ".", *pxm_arg = NULL, *nodes_arg = NULL;
	int verbose = 0;
	struct opt options[] = {
		OPT_STR('d', "directory", &dir, "DIR",
			"where acpixtract -a dumped srat.dat, slit.dat and "
			"nfit.dat (default .)"),
		OPT_STR('p', "pxm", &pxm_arg, "N",
			"the proximity domain to split (default 0)"),
		OPT_STR('n', "nodes", &nodes_arg, "N",
			"split it into N domains, a power of 2 (default 2)"),
		OPT_VERBOSE(&verbose),
		OPT_TERM,
	};
	struct acpi_split s = { .pxm = 0, .nodes = 2 };
	struct acpi_edit e[TABLES] = { 0 };
	char in[TABLES][PATH_MAX], out[TABLES][PATH_MAX];
	uint8_t *t[TABLES] = { 0 };
	size_t len[TABLES];
	int i, rc = EXIT_FAIL;

	i = parse_options(argc, argv, options, "daxctl split-acpi [<options>]");
	log_set_verbose(verbose);
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (pxm_arg && parse_int(pxm_arg, &s.pxm)) {
		pr_err("invalid --pxm '%s': expected a number", pxm_arg);
		return EXIT_USAGE;
	}
	if (nodes_arg && (parse_int(nodes_arg, &s.nodes) || s.nodes < 2 ||
			  s.nodes > NODES_MAX || (s.nodes & (s.nodes - 1)))) {
		pr_err("invalid --nodes '%s': expected a power of 2 from 2 to "
		       "%d",
		       nodes_arg, NODES_MAX);
		return EXIT_USAGE;
	}
	for (i = 0; i < TABLES; i++)
		if (snprintf(in[i], sizeof(in[i]), "%s/%s.dat", dir,
			     table_file[i]) >= (int)sizeof(in[i]) ||
		    snprintf(out[i], sizeof(out[i]), "%s/%s.dat.new", dir,
			     table_file[i]) >= (int)sizeof(out[i])) {
			pr_err("--directory '%s': the path is too long", dir);
			return EXIT_USAGE;
		}
	for (i = 0; i < TABLES; i++) {
		int err = read_table(in[i], table_sig[i], &t[i], &len[i]);

		/* A machine without NVDIMMs has no NFIT: SRAT and SLIT do. */
		if (err == -ENOENT && i != NFIT)
			pr_err("%s: cannot open: %s", in[i], strerror(ENOENT));
		if (err && (err != -ENOENT || i != NFIT))
			goto out;
	}
	if (acpi_split_srat(t[SRAT], len[SRAT], &s, &e[SRAT]) ||
	    acpi_split_slit(t[SLIT], len[SLIT], &s, &e[SLIT])) {
		pr_err("%s", e[SRAT].why[0] ? e[SRAT].why : e[SLIT].why);
		goto out;
	}
	if (t[NFIT]) {
		int err = acpi_split_nfit(t[NFIT], len[NFIT], &s, &e[NFIT]);

		if (err && err != -ENOENT) {
			pr_err("%s", e[NFIT].why);
			goto out;
		}
		if (err)
			pr_debug("%s", e[NFIT].why);
	}
	for (i = 0; i < TABLES; i++)
		if (e[i].table && write_table(out[i], e[i].table, e[i].len))
			goto out;
	/*
	 * As upstream: no nfit.dat.new unless the NFIT was split, so one
	 * left from an earlier run is not taken for this one's.
	 */
	if (!e[NFIT].table && unlink(out[NFIT]) && errno != ENOENT) {
		pr_err("%s: cannot remove: %s", out[NFIT], strerror(errno));
		goto out;
	}
	rc = EXIT_OK;
out:
	for (i = 0; i < TABLES; i++) {
		free(t[i]);
		free(e[i].table);
	}
	return rc;
}
