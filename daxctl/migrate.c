// SPDX-License-Identifier: GPL-2.0
/*
 * daxctl migrate-device-model: install the modprobe policy that keeps
 * the old dax_pmem_compat driver (the /sys/class/dax model) from loading
 * and binds nd dax claims with dax_pmem, so device-dax instances live on
 * /sys/bus/dax where kmem can take them.  Takes effect at the next boot
 * or once the dax modules are reloaded.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"

#define MODPROBE_DIR "/etc/modprobe.d"
#define MODPROBE_POLICY MODPROBE_DIR "/daxctl.conf"

/* nd:t7 is the modalias of an nd dax claim (ND_DEVICE_DAX_PMEM). */
static const char policy[] =
	"# Installed by daxctl migrate-device-model: use the /sys/bus/dax\n"
	"# device model (dax_pmem), never the /sys/class/dax one.\n"
	"blacklist dax_pmem_compat\n"
	"alias nd:t7* dax_pmem\n";

/* 1: the file holds exactly the policy; 0: it differs; <0: errno. */
static int holds_policy(const char *path)
{
	char buf[sizeof(policy) + 1];
	ssize_t len;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	len = read(fd, buf, sizeof(buf));
	close(fd);
	if (len < 0)
		return -errno;
	return (size_t)len == strlen(policy) && !memcmp(buf, policy, len);
}

static int write_policy(const char *path)
{
	ssize_t len = strlen(policy);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	int rc = 0;

	if (fd < 0 && errno == ENOENT && !mkdir(MODPROBE_DIR, 0755))
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	if (write(fd, policy, len) != len)
		rc = -EIO;
	if (close(fd) && !rc)
		rc = -errno;
	if (rc)
		unlink(path);
	return rc;
}

int cmd_migrate_device_model(int argc, char **argv)
{
	struct opt options[] = { OPT_TERM };
	int i, rc;

	i = parse_options(argc, argv, options, "daxctl migrate-device-model");
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	rc = holds_policy(MODPROBE_POLICY);
	if (rc == 1) {
		pr_info("%s is already installed", MODPROBE_POLICY);
		return EXIT_OK;
	}
	if (rc == 0) {
		/* Someone else's file: never overwrite it. */
		pr_err("%s exists with other contents: left as it is; remove "
		       "it to install daxctl's policy",
		       MODPROBE_POLICY);
		return EXIT_FAIL;
	}
	rc = rc == -ENOENT ? write_policy(MODPROBE_POLICY) : rc;
	if (rc) {
		pr_err("cannot install %s: %s", MODPROBE_POLICY, strerror(-rc));
		return EXIT_FAIL;
	}
	pr_info(" success: installed %s", MODPROBE_POLICY);
	return EXIT_OK;
}
