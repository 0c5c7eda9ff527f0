// SPDX-License-Identifier: GPL-2.0
/*
 * cxl update-firmware: hand a firmware image to memdevs through the
 * kernel's firmware upload (the kernel transfers it over the mailbox
 * and activates it), cancel an upload under way, or wait for one to
 * end; then print each memdev's firmware state, as v81 does.  Without
 * -F, -c or -w it only prints.
 *
 * The image is read whole, and every memdev checked for the kernel's
 * firmware loader, before the first byte goes anywhere: a missing or
 * empty file, or a kernel without the loader, changes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cxl/libcxl.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>

#include "builtin.h"
#include "filter.h"
#include "json.h"
#include "mbox-cmd.h"

struct fw_params {
	const char *bus, *sysroot, *file;
	bool serial, cancel, wait;
	int verbose;
};

/* The whole image in *image (malloc'd): 0, or -errno. */
static int read_image(const char *path, uint8_t **image, size_t *len)
{
	struct stat st;
	size_t done = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		rc = fstat(fd, &st) < 0 ? -errno : -EINVAL;
		close(fd);
		return rc;
	}
	*len = (size_t)st.st_size;
	*image = malloc(*len ? *len : 1);
	if (!*image) {
		close(fd);
		return -ENOMEM;
	}
	while (done < *len) {
		ssize_t n = read(fd, *image + done, *len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? -errno : -EIO;
			break;
		}
		done += (size_t)n;
	}
	close(fd);
	if (rc) {
		free(*image);
		*image = NULL;
	}
	return rc;
}

/*
 * Until the kernel's upload is idle with nothing left to send.  The
 * loader's status attribute is not notified, so it is read once a
 * second, as v81 does.
 */
static void wait_idle(struct cxl_memdev *memdev)
{
	const struct timespec second = { .tv_sec = 1 };

	while (cxl_memdev_fw_update_in_progress(memdev) ||
	       cxl_memdev_fw_remaining(memdev) > 0)
		nanosleep(&second, NULL);
}

int cmd_update_firmware(int argc, char **argv)
{
	struct fw_params p = { 0 };
	const struct opt options[] = {
		OPT_MEMDEV_TARGETS(&p.bus, &p.verbose, &p.serial),
		OPT_STR('F', "firmware-file", &p.file, "FILE",
			"the firmware image to send"),
		OPT_BOOL('c', "cancel", &p.cancel,
			 "cancel a firmware update under way"),
		OPT_BOOL('w', "wait", &p.wait,
			 "return when the update has ended"),
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	struct cxl_json_flags f = { .firmware = true };
	struct mbox_targets t = { 0 };
	struct json_object *jdevs;
	uint8_t *image = NULL;
	size_t len = 0;
	int i, rc, done = 0;
	const char *what;

	i = parse_options(argc, argv, options,
			  "cxl update-firmware <mem0> [<mem1>..<memN>] "
			  "[<options>]");
	if (i == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	if (p.cancel && p.file) {
		pr_err("-c/--cancel and -F/--firmware-file %s: one or the "
		       "other",
		       p.file);
		return EXIT_USAGE;
	}
	log_set_verbose(p.verbose);
	if (p.file) {
		rc = read_image(p.file, &image, &len);
		if (rc || !len) {
			pr_err("%s: cannot read the firmware image: %s", p.file,
			       rc ? strerror(-rc) : "empty file");
			free(image);
			return EXIT_FAIL;
		}
	}
	rc = mbox_targets_get(&t, p.sysroot, p.bus, p.serial, argc - i,
			      argv + i);
	for (int k = 0; k < t.nr && !rc; k++) {
		struct cxl_memdev *m = t.memdevs[k];

		if ((p.file || p.cancel || p.wait) &&
		    !cxl_memdev_has_fw_loader(m)) {
			pr_err("%s: no firmware upload for it in this kernel "
			       "(firmware/%s is missing; 6.6 has it)",
			       cxl_memdev_get_devname(m),
			       cxl_memdev_get_devname(m));
			rc = EXIT_FAIL;
		}
	}
	if (rc) {
		free(image);
		mbox_targets_free(&t);
		return rc;
	}
	f.human = mbox_human();
	jdevs = json_object_new_array();
	for (int k = 0; k < t.nr; k++) {
		struct cxl_memdev *m = t.memdevs[k];
		const char *name = cxl_memdev_get_devname(m);
		int err = 0;

		if (p.cancel) {
			err = cxl_memdev_cancel_fw_update(m);
			if (err)
				pr_err("%s: cannot cancel: %s", name,
				       err == -ENXIO ? "no update under way" :
						       strerror(-err));
			rc = err ? EXIT_FAIL : rc;
			done += !err;
			/* As v81: a cancel prints no memdev. */
			continue;
		}
		if (image) {
			err = cxl_memdev_update_fw(m, image, len);
			if (err) {
				pr_err("%s: cannot hand %s to the kernel: %s",
				       name, p.file, strerror(-err));
				rc = EXIT_FAIL;
			}
		}
		if (p.wait && !err)
			wait_idle(m);
		done += !err;
		json_object_array_add(jdevs, cxl_memdev_json(m, &f));
	}
	mbox_print_memdevs(jdevs);
	what = p.cancel ? "cancelled" : p.wait ? "completed" : "started";
	pr_info("firmware update %s on %d mem device%s", what, done,
		done > 1 ? "s" : "");
	free(image);
	mbox_targets_free(&t);
	return rc;
}
