// SPDX-License-Identifier: GPL-2.0
/*
 * The config directory reader (lib/util/config-dir.c) on directories
 * this test makes: which files it reads, in what order, and what it
 * refuses without reading (a FIFO must not block it); the mode and
 * memmap words read as the values of the tables the caller gives.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <devstate/words.h>
#include <util/config-dir.h>
#include "tap.h"

static char dir[64];

static void put(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static void drop(const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
}

#define SECTION(name, uuid) \
	"[reconfigure-device " name "]\nnvdimm.uuid = " uuid "\nmode = devdax\n"

int main(void)
{
	struct config cfg;
	char path[128];
	int rc;

	snprintf(dir, sizeof(dir), "/tmp/test-config-dir.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/none", dir);
	rc = config_load(path, &dax_config_words, &cfg);
	tap_ok(!rc && !cfg.count, "a missing directory: an empty config");
	config_free(&cfg);

	put("b.conf", SECTION("two", "22222222-2222-2222-2222-222222222222"));
	put("a.conf", SECTION("one", "11111111-1111-1111-1111-111111111111"));
	put(".hidden.conf",
	    SECTION("hidden", "33333333-3333-3333-3333-333333333333"));
	put("notes.txt", "not a config file\n");
	put("c.conf.bak", "[broken\n");
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(!rc && cfg.count == 2, "two *.conf files read, the rest not");
	tap_ok(cfg.count == 2 && !strcmp(cfg.s[0].name, "one") &&
		       !strcmp(cfg.s[1].name, "two"),
	       "in name order, whatever the directory's order");
	tap_ok(cfg.count == 2 && strstr(cfg.s[0].file, "/a.conf") &&
		       cfg.s[0].line == 1,
	       "each section knows its file and line");
	config_free(&cfg);

	put("c.conf", SECTION("one", "44444444-4444-4444-4444-444444444444"));
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL, "a section name twice across files: an error");
	config_free(&cfg);
	drop("c.conf");

	snprintf(path, sizeof(path), "%s/fifo.conf", dir);
	if (mkfifo(path, 0600)) {
		perror(path);
		return 1;
	}
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL, "a FIFO named *.conf is refused, not read");
	config_free(&cfg);
	drop("fifo.conf");

	snprintf(path, sizeof(path), "%s/sub.conf", dir);
	mkdir(path, 0700);
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL, "a directory named *.conf is refused");
	config_free(&cfg);
	rmdir(path);

	put("d.conf", "mode = devdax\n");
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL, "a key before any section is an error");
	config_free(&cfg);
	drop("d.conf");

	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(!rc && cfg.count == 2, "back to the two good files");
	tap_ok(cfg.count == 2 && cfg.s[0].mode == DAXCTL_DEV_MODE_DEVDAX &&
		       cfg.s[0].memmap == -1,
	       "mode = devdax reads as the dax mode's value, memmap unset");
	config_free(&cfg);

	put("e.conf", "[reconfigure-device three]\n"
		      "nvdimm.uuid = 55555555-5555-5555-5555-555555555555\n"
		      "memmap = pmem\n");
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(!rc && cfg.count == 3 && cfg.s[2].mode == -1 &&
		       cfg.s[2].memmap == MEMMAP_PMEM,
	       "memmap = pmem reads as MEMMAP_PMEM, mode left to the default");
	config_free(&cfg);
	put("e.conf", "[reconfigure-device three]\n"
		      "nvdimm.uuid = 55555555-5555-5555-5555-555555555555\n"
		      "memmap = dev\n");
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL,
	       "memmap = dev, an alias --map takes, is no config word");
	config_free(&cfg);
	put("e.conf", "[reconfigure-device three]\n"
		      "nvdimm.uuid = 55555555-5555-5555-5555-555555555555\n"
		      "mode = unbound\n");
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL,
	       "mode = unbound, printed but never taken, neither");
	config_free(&cfg);
	put("e.conf", "[reconfigure-device three]\n"
		      "nvdimm.uuid = 55555555-5555-5555-5555-555555555555\n"
		      "compound = true\n");
	rc = config_load(dir, &dax_config_words, &cfg);
	tap_ok(rc == -EINVAL,
	       "compound without a mode: the default, system-ram, refuses it");
	config_free(&cfg);
	drop("e.conf");
	drop("a.conf");
	drop("b.conf");
	drop(".hidden.conf");
	drop("notes.txt");
	drop("c.conf.bak");
	rmdir(dir);
	return tap_done();
}
