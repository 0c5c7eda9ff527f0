// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl update-firmware: send a firmware image to each named DIMM over
 * the Intel firmware update DSMs, wait for the DIMM to check it, and arm
 * (or, with -D, disarm) the DIMM for the bus's next activation; without
 * -f, only arm or disarm.  Each DIMM done is printed with its firmware
 * object, as upstream prints it.
 *
 * Everything that can be checked before the first call is: the options,
 * the image (a regular, non-empty file, read whole once), then per DIMM
 * its family and the platform's functions, a running scrub, and the
 * image against the DIMM's storage size.  A transfer that fails after it
 * started is aborted, so the DIMM keeps no partial image staged.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <ndcmd/call.h>
#include <ndcmd/fw-intel.h>
#include <util/json.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "json.h"

/* Far beyond any DIMM's storage: an image this large is refused. */
#define IMAGE_MAX (64u << 20)
/* Room an ioctl's buffer keeps for the header, SEND_DATA's and status. */
#define SEND_MAX (4u << 20)

struct fw_opts {
	const char *bus, *sysroot, *file;
	bool force;
	int arm, disarm; /* -1: not given */
	int verbose;
};

struct image {
	uint8_t *data;
	uint32_t size;
};

static int read_image(const char *file, struct image *img)
{
	struct stat st;
	ssize_t got;
	size_t off = 0;
	int fd;

	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		pr_err("firmware image '%s': %s", file, strerror(errno));
		return -errno;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		pr_err("firmware image '%s': not a regular file", file);
		close(fd);
		return -EINVAL;
	}
	if (st.st_size == 0 || st.st_size > IMAGE_MAX) {
		pr_err("firmware image '%s': %s (%lld bytes)", file,
		       st.st_size ? "too large for any DIMM" : "empty",
		       (long long)st.st_size);
		close(fd);
		return -EINVAL;
	}
	img->size = (uint32_t)st.st_size;
	img->data = malloc(img->size);
	while (img->data && off < img->size) {
		got = read(fd, img->data + off, img->size - off);
		if (got <= 0)
			break;
		off += (size_t)got;
	}
	close(fd);
	if (!img->data || off != img->size) {
		pr_err("firmware image '%s': read %zu of %u bytes", file, off,
		       img->size);
		free(img->data);
		img->data = NULL;
		return -EIO;
	}
	return 0;
}

static void say_call(struct ndctl_dimm *dimm, const char *what, int rc,
		     unsigned int func, uint32_t status)
{
	const char *name = ndctl_dimm_get_devname(dimm);

	if (status)
		pr_err("%s: %s failed: %s (firmware status %#x)", name, what,
		       nd_fw_status_reason(nd_fw_status(func, status)), status);
	else
		pr_err("%s: %s failed: %s", name, what, nd_reply_reason(rc));
}

/* Whether the DIMM can take an update; said when not. */
static int check_supported(struct ndctl_dimm *dimm)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	uint64_t mask;
	int family;

	switch (ndctl_dimm_fw_update_supported(dimm)) {
	case 0:
		return 0;
	case -ENOTTY:
		family = ndctl_dimm_get_dsm_family(dimm, &mask);
		if (family < 0)
			pr_err("%s: firmware update: the DIMM has no NFIT DSM "
			       "family; nothing was sent",
			       name);
		else
			pr_err("%s: firmware update: DSM family %d is not "
			       "Intel's, the only one with firmware update; "
			       "nothing was sent",
			       name, family);
		return -ENOTTY;
	case -EOPNOTSUPP:
		pr_err("%s: firmware update: the kernel offers no ND_CMD_CALL "
		       "for the DIMM; nothing was sent",
		       name);
		return -EOPNOTSUPP;
	default:
		pr_err("%s: firmware update: the platform does not offer all "
		       "five firmware update functions; nothing was sent",
		       name);
		return -EIO;
	}
}

/*
 * The DIMM checks the image after FINISH_UPDATE; it has no notification,
 * so it is asked again at the interval its firmware gives, up to the
 * time its firmware gives (at least a second).
 */
static int wait_finished(struct ndctl_dimm *dimm, const struct nd_fw_info *fw,
			 uint32_t ctx)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	uint64_t waited = 0, limit = fw->max_query_time_us;
	uint64_t interval = fw->query_interval_us;
	uint32_t status;
	uint64_t rev;
	int rc;

	if (limit < 1000000)
		limit = 1000000;
	if (interval < 1000)
		interval = 1000;
	if (interval > 1000000)
		interval = 1000000;
	for (;;) {
		struct timespec ts = { .tv_sec = (time_t)(interval / 1000000),
				       .tv_nsec = (long)(interval % 1000000) *
						  1000 };

		rc = ndctl_dimm_fw_query(dimm, ctx, &rev, &status);
		if (rc != -EBUSY || waited >= limit)
			break;
		nanosleep(&ts, NULL);
		waited += interval;
	}
	if (rc == -EBUSY) {
		pr_err("%s: the DIMM did not finish checking the image in %llu "
		       "ms",
		       name, (unsigned long long)(limit / 1000));
		return -ETIMEDOUT;
	}
	if (rc) {
		say_call(dimm, "checking the image", rc,
			 ND_INTEL_FW_FINISH_QUERY, status);
		return rc;
	}
	if (!rev) {
		pr_err("%s: the DIMM reports no new firmware after the update",
		       name);
		return -EIO;
	}
	pr_debug("%s: firmware %#llx staged", name, (unsigned long long)rev);
	return 0;
}

static int send_image(struct ndctl_dimm *dimm, const struct nd_fw_info *fw,
		      uint32_t ctx, const struct image *img)
{
	uint32_t chunk = fw->max_send_len, off, len, status;
	int rc = 0, fd;

	if (chunk > SEND_MAX)
		chunk = SEND_MAX;
	/* One open for the thousands of pieces a small chunk makes. */
	fd = ndctl_dimm_open_channel(dimm);
	if (fd < 0) {
		pr_err("%s: opening its device node failed: %s",
		       ndctl_dimm_get_devname(dimm), strerror(-fd));
		return fd;
	}
	for (off = 0; off < img->size; off += len) {
		len = img->size - off < chunk ? img->size - off : chunk;
		rc = ndctl_dimm_fw_send(fd, ctx, off, img->data + off, len,
					&status);
		if (rc) {
			char what[64];

			snprintf(what, sizeof(what), "sending bytes %u-%u", off,
				 off + len - 1);
			say_call(dimm, what, rc, ND_INTEL_FW_SEND_DATA, status);
			break;
		}
	}
	close(fd);
	return rc;
}

static void abort_update(struct ndctl_dimm *dimm, uint32_t ctx)
{
	uint32_t status;
	int rc = ndctl_dimm_fw_finish(dimm, ctx, true, &status);

	if (rc)
		say_call(dimm, "aborting the update", rc,
			 ND_INTEL_FW_FINISH_UPDATE, status);
	else
		pr_info("%s: the update was aborted, nothing is staged",
			ndctl_dimm_get_devname(dimm));
}

static int start_update(struct ndctl_dimm *dimm, const struct fw_opts *o,
			uint32_t *ctx)
{
	uint32_t status, other;
	int rc, tries;

	for (tries = 0; tries < 3; tries++) {
		rc = ndctl_dimm_fw_start(dimm, ctx, &status);
		if (rc != -EBUSY || nd_fw_status(ND_INTEL_FW_START_UPDATE,
						 status) != ND_FW_EBUSY)
			break;
		if (!o->force) {
			pr_err("%s: busy with another firmware update; --force "
			       "aborts it",
			       ndctl_dimm_get_devname(dimm));
			return rc;
		}
		/*
		 * The other update's context is not known: abort with the
		 * one the refusal returned, as upstream does, and retry.
		 */
		other = *ctx;
		ndctl_dimm_fw_finish(dimm, other, true, &status);
	}
	if (rc)
		say_call(dimm, "starting the update", rc,
			 ND_INTEL_FW_START_UPDATE, status);
	return rc;
}

static int update_dimm(struct ndctl_dimm *dimm, const struct fw_opts *o,
		       const struct image *img)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	struct nd_fw_info fw;
	uint32_t ctx, status;
	int rc;

	rc = check_supported(dimm);
	if (rc)
		return rc;
	if (ndctl_bus_get_scrub_state(ndctl_dimm_get_bus(dimm)) > 0 &&
	    !o->force) {
		pr_err("%s: a scrub is running on %s; retry after 'ndctl "
		       "wait-scrub', or --force",
		       name, ndctl_bus_get_devname(ndctl_dimm_get_bus(dimm)));
		return -EBUSY;
	}
	rc = ndctl_dimm_fw_get_info(dimm, &fw, &status);
	if (rc) {
		say_call(dimm, "reading the firmware information", rc,
			 ND_INTEL_FW_GET_INFO, status);
		return rc;
	}
	if (img->size > fw.storage_size) {
		pr_err("%s: firmware image of %u bytes is larger than the "
		       "DIMM's %u-byte store; nothing was sent",
		       name, img->size, fw.storage_size);
		return -ENOSPC;
	}
	if (!fw.max_send_len) {
		pr_err("%s: the DIMM takes 0 bytes per transfer; nothing was "
		       "sent",
		       name);
		return -EINVAL;
	}
	rc = start_update(dimm, o, &ctx);
	if (rc)
		return rc;
	pr_debug("%s: uploading firmware (%u bytes, %u per call)", name,
		 img->size, fw.max_send_len);
	rc = send_image(dimm, &fw, ctx, img);
	if (!rc) {
		rc = ndctl_dimm_fw_finish(dimm, ctx, false, &status);
		if (rc)
			say_call(dimm, "finishing the update", rc,
				 ND_INTEL_FW_FINISH_UPDATE, status);
	}
	if (rc) {
		abort_update(dimm, ctx);
		return rc;
	}
	return wait_finished(dimm, &fw, ctx);
}

/*
 * Arm or disarm for activation.  Arming past what the platform can
 * activate at once trips the bus's "overflow": without --force, a DIMM
 * that would trip it is not armed (or is disarmed again).  Returns 0
 * when the DIMM ends as asked.
 */
static int toggle_arm(struct ndctl_dimm *dimm, const struct fw_opts *o,
		      bool fatal)
{
	struct ndctl_bus *bus = ndctl_dimm_get_bus(dimm);
	const char *name = ndctl_dimm_get_devname(dimm);
	int rc;

	if (o->disarm > 0) {
		rc = ndctl_dimm_fw_activate_arm(dimm, false);
		if (rc)
			pr_err("%s: disarm failed: %s", name, strerror(-rc));
		return rc;
	}
	if (ndctl_bus_get_fw_activate_state(bus) == NDCTL_FWA_INVALID) {
		/* After an update the image is staged all the same. */
		if (fatal)
			pr_err("%s: not armed: %s has no firmware activation",
			       name, ndctl_bus_get_devname(bus));
		else
			pr_info("%s: staged, not armed: %s has no firmware "
				"activation",
				name, ndctl_bus_get_devname(bus));
		return -EOPNOTSUPP;
	}
	if (ndctl_bus_get_fw_activate_state(bus) == NDCTL_FWA_ARM_OVERFLOW &&
	    !o->force) {
		pr_err("%s: not armed: %s already armed more than it can "
		       "activate at once (overflow); --force arms anyway",
		       name, ndctl_bus_get_devname(bus));
		return -ENOSPC;
	}
	rc = ndctl_dimm_fw_activate_arm(dimm, true);
	if (rc) {
		pr_err("%s: arm failed: %s", name, strerror(-rc));
		return rc;
	}
	if (!o->force &&
	    ndctl_bus_get_fw_activate_state(bus) == NDCTL_FWA_ARM_OVERFLOW) {
		pr_err("%s: disarmed again: arming it overflows what %s can "
		       "activate at once; --force arms anyway",
		       name, ndctl_bus_get_devname(bus));
		ndctl_dimm_fw_activate_arm(dimm, false);
		return -ENOSPC;
	}
	return 0;
}

static struct json_object *dimm_json(struct ndctl_dimm *dimm, bool human)
{
	struct nd_json_flags flags = { .human = human };
	struct json_object *jdimm = nd_dimm_to_json(dimm, &flags);
	struct json_object *jfw = nd_dimm_firmware_to_json(dimm, human);

	if (jfw)
		json_object_object_add(jdimm, "firmware", jfw);
	return jdimm;
}

static bool valid_dimm_name(const char *arg)
{
	unsigned int id;
	char tail;

	return !strcmp(arg, "all") || sscanf(arg, "nmem%u%c", &id, &tail) == 1;
}

static bool named(struct ndctl_dimm *dimm, int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], "all") || nd_dimm_matches(dimm, argv[i]))
			return true;
	return false;
}

static int check_options(struct fw_opts *o, int argc, char **argv)
{
	int i;

	if (!argc) {
		pr_err("name the DIMMs to update (nmemN..., or all)");
		return EXIT_USAGE;
	}
	for (i = 0; i < argc; i++)
		if (!valid_dimm_name(argv[i])) {
			pr_err("'%s' is not a DIMM name (nmemN, or all)",
			       argv[i]);
			return EXIT_USAGE;
		}
	if (o->arm > 0 && o->disarm > 0) {
		pr_err("--arm and --disarm together: pick one");
		return EXIT_USAGE;
	}
	if (o->disarm == 0) {
		pr_err("--no-disarm is not an action: --arm arms");
		return EXIT_USAGE;
	}
	if (!o->file) {
		if (o->arm < 0 && o->disarm < 0) {
			pr_err("without --firmware, say --arm or --disarm");
			return EXIT_USAGE;
		}
		if (o->arm == 0) {
			pr_err("--no-arm is not an action: --disarm disarms");
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int cmd_update_firmware(int argc, char **argv)
{
	struct fw_opts o = { .arm = -1, .disarm = -1 };
	const struct opt options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "the DIMMs are on this bus"),
		OPT_STR('f', "firmware", &o.file, "FILE",
			"the firmware image to send"),
		OPT_BOOL('i', "force", &o.force,
			 "update despite a running scrub, abort another "
			 "update, arm despite an overflow"),
		{ 'A', "arm", OPT_NEGFLAG, &o.arm, NULL,
		  "arm the DIMMs for activation (the default)" },
		{ 'D', "disarm", OPT_NEGFLAG, &o.disarm, NULL,
		  "disarm the DIMMs for activation" },
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct image img = { 0 };
	struct json_object *jdimms;
	struct ndctl_dimm *dimm;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;
	int i, rc, done = 0, failed = 0, found = 0;
	bool human = isatty(STDOUT_FILENO);

	i = parse_options(argc, argv, options,
			  "ndctl update-firmware <nmem0> [<nmem1>..<nmemN>] "
			  "[<options>]");
	log_set_verbose(o.verbose);
	argc -= i;
	argv += i;
	rc = check_options(&o, argc, argv);
	if (rc)
		return rc;
	if (o.file && read_image(o.file, &img))
		return EXIT_FAIL;
	if (devstate_open(&ds, o.sysroot, DEVSTATE_ND)) {
		devstate_close(&ds);
		free(img.data);
		return EXIT_FAIL;
	}
	if (nd_check_filters_matched(ds.nd, o.bus, NULL, NULL, NULL)) {
		rc = EXIT_FAIL;
		goto out;
	}
	jdimms = json_object_new_array();
	ndctl_bus_foreach (ds.nd, bus) {
		if (!nd_bus_matches(bus, o.bus))
			continue;
		ndctl_dimm_foreach (bus, dimm) {
			if (!named(dimm, argc, argv))
				continue;
			found++;
			if (o.file) {
				if (update_dimm(dimm, &o, &img)) {
					failed++;
					continue;
				}
				/* The image is staged: arming is a bonus. */
				toggle_arm(dimm, &o, false);
			} else if (toggle_arm(dimm, &o, true)) {
				failed++;
				continue;
			}
			json_object_array_add(jdimms, dimm_json(dimm, human));
			done++;
		}
	}
	if (!found) {
		pr_err("%s: no such DIMM%s", argv[0],
		       o.bus ? " on that bus" : "");
		failed++;
	}
	if (done) {
		if (human && done == 1)
			json_print(stdout,
				   json_object_array_get_idx(jdimms, 0));
		else
			json_print(stdout, jdimms);
	}
	json_object_put(jdimms);
	fprintf(stderr, "updated %d nmem%s.\n", done, done > 1 ? "s" : "");
	rc = failed ? EXIT_FAIL : EXIT_OK;
out:
	devstate_close(&ds);
	free(img.data);
	return rc;
}
