// SPDX-License-Identifier: GPL-2.0
/*
 * util/sysfs.c keeps every path inside the root: a tree built here holds
 * absolute and relative links that point out of it, ".." chains that
 * climb past it, loops, and a FIFO where an attribute belongs.  Every
 * check runs with openat2 (where the kernel has it) and again with the
 * component walk forced, the resolver of kernels without openat2.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <util/sysfs.h>
#include "tap.h"

static char base[PATH_MAX / 2];

/* base/rel into path (PATH_MAX bytes). */
static char *at(char *path, const char *rel)
{
	if ((size_t)snprintf(path, PATH_MAX, "%s/%s", base, rel) >= PATH_MAX) {
		fprintf(stderr, "%s/%s: too long\n", base, rel);
		exit(1);
	}
	return path;
}

static void put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	at(path, rel);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static void dir(const char *rel)
{
	char path[PATH_MAX];

	at(path, rel);
	if (mkdir(path, 0755)) {
		perror(path);
		exit(1);
	}
}

static void link_to(const char *rel, const char *target)
{
	char path[PATH_MAX];

	at(path, rel);
	if (symlink(target, path)) {
		perror(path);
		exit(1);
	}
}

static char *slurp(const char *rel)
{
	static char buf[256];
	char path[PATH_MAX];
	FILE *f;
	size_t n;

	at(path, rel);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/*
 * base/root is the root; base/outside and base/rootb (whose name starts
 * with the root's) are what links try to reach.
 */
static void build_tree(void)
{
	char target[PATH_MAX];
	int i;

	dir("root");
	dir("outside");
	dir("outside/device_dax");
	put("outside/device_dax/unbind", "");
	put("outside/secret", "outside\n");
	link_to("outside/link", "somewhere");
	dir("rootb");
	put("rootb/secret", "rootb\n");

	dir("root/inside");
	put("root/inside/attr", "inside\n");
	/* Absolute: under the root it means root/inside. */
	link_to("root/abs", "/inside");
	/* Absolute, to a host path that is not under the root. */
	at(target, "outside");
	link_to("root/escape_abs", target);
	/* Relative, climbing past the root: ".." stops at it. */
	dir("root/deep");
	link_to("root/deep/escape_rel", "../../../../../../outside");
	/* Shares the root's name as a prefix: "/tmp/x/root" vs "rootb". */
	link_to("root/sibling", "../rootb");
	link_to("root/loop1", "loop2");
	link_to("root/loop2", "loop1");
	/* Nested: a link to a link to a link, relative and absolute. */
	link_to("root/n1", "deep/n2");
	link_to("root/deep/n2", "/deep/n3");
	link_to("root/deep/n3", "../inside");
	/* 40 links in a row resolve (the kernel's limit), 41 do not. */
	for (i = 0; i < 41; i++) {
		char name[32];

		snprintf(name, sizeof(name), "root/chain%d", i);
		snprintf(target, sizeof(target), i ? "chain%d" : "inside",
			 i - 1);
		link_to(name, target);
	}
	/* A fixture's shape: relative device and driver links. */
	dir("root/sys");
	dir("root/sys/bus");
	dir("root/sys/bus/x");
	dir("root/sys/bus/x/devices");
	dir("root/sys/devices");
	dir("root/sys/devices/p");
	dir("root/sys/devices/p/dev0");
	put("root/sys/devices/p/dev0/size", "4096\n");
	link_to("root/sys/devices/p/dev0/driver", "../../../bus/x/drivers/drv");
	link_to("root/sys/bus/x/devices/dev0", "../../../devices/p/dev0");
	/* Hostile values. */
	dir("root/vals");
	put("root/vals/neg", "-1\n");
	put("root/vals/abc", "abc\n");
	put("root/vals/space", " 12\n");
	put("root/vals/trail", "12abc\n");
	put("root/vals/hex", "0x10\n");
	put("root/vals/bare0x", "0x\n");
	put("root/vals/big", "18446744073709551616\n");
	put("root/vals/intneg", "-1\n");
	put("root/vals/intbig", "2147483648\n");
	put("root/vals/long", "0123456789abcdef0123456789\n");
	put("root/vals/align3", "3\n");
	put("root/vals/align2m", "2097152\n");
	put("root/vals/node1024", "1024\n");
	put("root/vals/node-5", "-5\n");
	at(target, "root/vals/fifo");
	if (mkfifo(target, 0644)) {
		perror(target);
		exit(1);
	}
	at(target, "root/vals/nul");
	{
		FILE *f = fopen(target, "w");

		if (!f || fwrite("12\00034\n", 1, 6, f) != 6 || fclose(f)) {
			perror(target);
			exit(1);
		}
	}
}

static void confinement(struct sysroot *r, const char *how)
{
	char buf[64], **names = NULL;
	uint64_t u;
	char *canon;
	int rc, v;

	rc = sysfs_read(r, buf, sizeof(buf), "abs/attr");
	tap_ok(!rc && !strcmp(buf, "inside"),
	       "%s: an absolute link is taken from the root (rc %d)", how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "escape_abs/secret");
	tap_ok(rc == -ENOENT, "%s: no way out by an absolute link (rc %d)", how,
	       rc);
	rc = sysfs_read(r, buf, sizeof(buf), "deep/escape_rel/secret");
	tap_ok(rc == -ENOENT, "%s: ../ past the root stops at it (rc %d)", how,
	       rc);
	rc = sysfs_read(r, buf, sizeof(buf), "../outside/secret");
	tap_ok(rc == -ENOENT, "%s: a path of its own that climbs out (rc %d)",
	       how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "sibling/secret");
	tap_ok(rc == -ENOENT, "%s: ../rootb is not the sibling tree (rc %d)",
	       how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "loop1/x");
	tap_ok(rc == -ELOOP, "%s: a symlink loop is ELOOP (rc %d)", how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "n1/attr");
	tap_ok(!rc && !strcmp(buf, "inside"),
	       "%s: nested relative and absolute links (rc %d)", how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "chain39/attr");
	tap_ok(!rc, "%s: 40 links in a row resolve (rc %d)", how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "chain40/attr");
	tap_ok(rc == -ELOOP, "%s: 41 links in a row are ELOOP (rc %d)", how,
	       rc);
	rc = sysfs_read_u64(r, &u, "sys/bus/x/devices/dev0/size");
	tap_ok(!rc && u == 4096, "%s: a fixture's relative links (rc %d)", how,
	       rc);
	tap_ok(sysfs_has_link(r, "sys/bus/x/devices/dev0/driver"),
	       "%s: a dangling driver link is present", how);
	rc = sysfs_link_name(r, buf, sizeof(buf),
			     "sys/bus/x/devices/dev0/driver");
	tap_ok(!rc && !strcmp(buf, "drv"), "%s: and names its driver (rc %d)",
	       how, rc);

	/* Writes: the escape a test run must never make. */
	rc = sysfs_write(r, "dax0.0", "escape_abs/device_dax/unbind");
	tap_ok(rc == -ENOENT && !strcmp(slurp("outside/device_dax/unbind"), ""),
	       "%s: no write through an absolute link out (rc %d)", how, rc);
	rc = sysfs_write(r, "dax0.0", "deep/escape_rel/device_dax/unbind");
	tap_ok(rc == -ENOENT && !strcmp(slurp("outside/device_dax/unbind"), ""),
	       "%s: no write through ../ out (rc %d)", how, rc);

	tap_ok(!sysfs_exists(r, "escape_abs/secret") &&
		       !sysfs_exists(r, "deep/escape_rel/secret"),
	       "%s: what lies outside does not exist", how);
	tap_ok(sysfs_exists(r, "n1/attr") && sysfs_exists(r, "inside"),
	       "%s: what lies inside does", how);
	tap_ok(!sysfs_has_link(r, "escape_abs/link"),
	       "%s: no link seen through a link out", how);
	rc = sysfs_link_name(r, buf, sizeof(buf), "deep/escape_rel/link");
	tap_ok(rc == -ENOENT, "%s: nor read (rc %d)", how, rc);
	rc = sysfs_list(r, "", &names, "escape_abs");
	tap_ok(rc == 0 && !names, "%s: nor a directory out listed (rc %d)", how,
	       rc);
	sysfs_free_names(names);
	rc = sysfs_list(r, "chain", &names, "n1/..");
	tap_ok(rc == 41, "%s: \"..\" goes up from a link's target (%d)", how,
	       rc);
	sysfs_free_names(names);

	canon = sysfs_canonical(r, "sys/bus/x/devices/dev0");
	tap_ok(canon && !strcmp(canon, "sys/devices/p/dev0"),
	       "%s: canonical path of a device (%s)", how, canon);
	free(canon);
	canon = sysfs_canonical(r, "n1/attr");
	tap_ok(canon && !strcmp(canon, "inside/attr"),
	       "%s: canonical path through nested links (%s)", how, canon);
	free(canon);
	canon = sysfs_canonical(r, "abs");
	tap_ok(canon && !strcmp(canon, "inside"),
	       "%s: canonical path of an absolute link (%s)", how, canon);
	free(canon);
	canon = sysfs_canonical(r, "sibling");
	tap_ok(!canon, "%s: no canonical path in rootb, beside root (%s)", how,
	       canon);
	free(canon);
	canon = sysfs_canonical(r, "escape_abs");
	tap_ok(!canon, "%s: nor out through a link (%s)", how, canon);
	free(canon);
	canon = sysfs_canonical(r, "..");
	tap_ok(canon && !strcmp(canon, ""), "%s: \"..\" of the root (%s)", how,
	       canon);
	free(canon);

	/* Hostile values: refused, never a number. */
	rc = sysfs_read(r, buf, sizeof(buf), "vals/fifo");
	tap_ok(rc == -EINVAL, "%s: a FIFO is not read (rc %d)", how, rc);
	rc = sysfs_write(r, "1", "vals/fifo");
	tap_ok(rc == -EINVAL || rc == -ENXIO, "%s: nor written (rc %d)", how,
	       rc);
	rc = sysfs_read(r, buf, sizeof(buf), "inside");
	tap_ok(rc == -EINVAL || rc == -EISDIR,
	       "%s: a directory is not an attribute (rc %d)", how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "abs");
	tap_ok(rc == -ELOOP, "%s: an attribute path ending in a link (rc %d)",
	       how, rc);
	rc = sysfs_read(r, buf, 8, "vals/long");
	tap_ok(rc == -EOVERFLOW, "%s: a value longer than the buffer (rc %d)",
	       how, rc);
	rc = sysfs_read(r, buf, sizeof(buf), "vals/nul");
	tap_ok(rc == -EINVAL, "%s: a value holding a NUL (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/neg");
	tap_ok(rc == -EINVAL, "%s: u64 \"-1\" (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/abc");
	tap_ok(rc == -EINVAL, "%s: u64 \"abc\" (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/space");
	tap_ok(rc == -EINVAL, "%s: u64 \" 12\" (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/trail");
	tap_ok(rc == -EINVAL, "%s: u64 \"12abc\" (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/bare0x");
	tap_ok(rc == -EINVAL, "%s: u64 \"0x\" (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/big");
	tap_ok(rc == -EINVAL, "%s: u64 2^64 (rc %d)", how, rc);
	rc = sysfs_read_u64(r, &u, "vals/hex");
	tap_ok(!rc && u == 16, "%s: u64 \"0x10\" (rc %d)", how, rc);
	rc = sysfs_read_int(r, &v, "vals/intneg");
	tap_ok(!rc && v == -1, "%s: int \"-1\" (rc %d)", how, rc);
	rc = sysfs_read_int(r, &v, "vals/intbig");
	tap_ok(rc == -EINVAL, "%s: int 2^31 (rc %d)", how, rc);
	rc = sysfs_read_int(r, &v, "vals/abc");
	tap_ok(rc == -EINVAL, "%s: int \"abc\" (rc %d)", how, rc);
	rc = sysfs_read_align(r, &u, "vals/align3");
	tap_ok(rc == -EINVAL, "%s: align 3 (rc %d)", how, rc);
	rc = sysfs_read_align(r, &u, "vals/align2m");
	tap_ok(!rc && u == 2097152, "%s: align 2M (rc %d)", how, rc);
	rc = sysfs_read_node(r, &v, "vals/node1024");
	tap_ok(rc == -EINVAL, "%s: node 1024 (rc %d)", how, rc);
	rc = sysfs_read_node(r, &v, "vals/node-5");
	tap_ok(rc == -EINVAL, "%s: node -5 (rc %d)", how, rc);
	rc = sysfs_read_node(r, &v, "vals/intneg");
	tap_ok(!rc && v == -1, "%s: node -1 (rc %d)", how, rc);
}

/* Under "/" the same tree is reached by its host path. */
static void slash_root(enum sysroot_resolver how, const char *name)
{
	struct sysroot *r = sysroot_open("/");
	char want[PATH_MAX], *canon;
	int rc;

	if (!r) {
		tap_ok(false, "%s: open \"/\"", name);
		return;
	}
	rc = sysroot_set_resolver(r, how);
	if (rc) {
		printf("# %s: not available (%d)\n", name, rc);
		sysroot_close(r);
		return;
	}
	canon = sysfs_canonical(r, "%s/root/sys/bus/x/devices/dev0", base);
	at(want, "root/sys/devices/p/dev0");
	tap_ok(canon && !strcmp(canon, want + 1),
	       "%s under \"/\": canonical (%s)", name, canon);
	free(canon);
	sysroot_close(r);
}

int main(void)
{
	static const struct {
		enum sysroot_resolver how;
		const char *name;
	} resolvers[] = {
		{ SYSROOT_RESOLVE_OPENAT2, "openat2" },
		{ SYSROOT_RESOLVE_WALK, "walk" },
	};
	char root[PATH_MAX], *tmp, *real;
	struct sysroot *r;
	size_t i;

	tmp = getenv("TMPDIR");
	snprintf(base, sizeof(base), "%s/test-sysfs.XXXXXX",
		 tmp ? tmp : "/tmp");
	if (!mkdtemp(base)) {
		perror(base);
		return 1;
	}
	/* The root's path is compared resolved; so is base. */
	real = realpath(base, NULL);
	if (!real || strlen(real) >= sizeof(base))
		return 1;
	strcpy(base, real);
	free(real);
	build_tree();
	at(root, "root");

	for (i = 0; i < sizeof(resolvers) / sizeof(resolvers[0]); i++) {
		r = sysroot_open(root);
		if (!r) {
			tap_ok(false, "open %s", root);
			break;
		}
		if (sysroot_set_resolver(r, resolvers[i].how)) {
			printf("# %s: not on this kernel\n", resolvers[i].name);
		} else {
			confinement(r, resolvers[i].name);
		}
		tap_ok(sysroot_set_resolver(r, SYSROOT_RESOLVE_PLAIN) ==
			       -EINVAL,
		       "plain lookups are refused under %s", root);
		sysroot_close(r);
	}
	slash_root(SYSROOT_RESOLVE_OPENAT2, "openat2");
	slash_root(SYSROOT_RESOLVE_PLAIN, "plain");
	slash_root(SYSROOT_RESOLVE_WALK, "walk");

	if (!tap_failed) {
		char cmd[PATH_MAX + 16];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
		if (system(cmd))
			printf("# could not remove %s\n", base);
	}
	return tap_done();
}
