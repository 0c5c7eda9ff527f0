// SPDX-License-Identifier: GPL-2.0
/*
 * --save-config: a device's setup written to its own file in the config
 * directory after a successful reconfigure, atomically (a synced temp
 * file, created exclusively, renamed over the old one, and the directory
 * synced), with everything that could fail the save checked before the
 * device changes.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <devstate/context.h>
#include <devstate/state.h>
#include <devstate/words.h>
#include <util/config-dir.h>
#include <util/file.h>
#include <util/log.h>
#include <util/size.h>
#include <util/sysfs.h>
#include "config.h"

/* What a --save-config error says of the device. */
#define NOT_CHANGED "; not changed"
#define NOT_SAVED "; it is reconfigured, but its setup is not saved"

static int save_path(const char *dir, const struct config_id *id, char *buf,
		     size_t len)
{
	char stem[64];

	config_id_stem(id, stem, sizeof(stem));
	return snprintf(buf, len, "%s/%s.conf", dir, stem) >= (int)len ?
		       -ENAMETOOLONG :
		       0;
}

/*
 * The directory --save-config writes to, opened for *at() calls so that
 * every later step is in this one directory: it must exist, be a
 * directory and not a symbolic link (a link planted there would send
 * root's write elsewhere).  A descriptor, or a negative errno after one
 * line naming dir.
 */
static int open_save_dir(const char *dir, const char *dev, const char *tail)
{
	char path[4096];
	struct stat st;
	size_t len;
	int fd, err;

	/* "dir/" would follow a link that "dir" does not. */
	len = (size_t)snprintf(path, sizeof(path), "%s", dir);
	if (len >= sizeof(path)) {
		pr_err("%s: --save-config: %s: path too long%s", dev, dir,
		       tail);
		return -ENAMETOOLONG;
	}
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	err = errno;
	if (err == ENOENT)
		pr_err("%s: --save-config: %s: no such directory (create it, "
		       "or give --config-dir)%s",
		       dev, dir, tail);
	else if (!lstat(path, &st) && S_ISLNK(st.st_mode))
		pr_err("%s: --save-config: %s is a symbolic link; give the "
		       "directory itself%s",
		       dev, dir, tail);
	else if (err == ENOTDIR)
		pr_err("%s: --save-config: %s is not a directory%s", dev, dir,
		       tail);
	else
		pr_err("%s: --save-config: cannot open %s: %s%s", dev, dir,
		       strerror(err), tail);
	return -err;
}

/*
 * A new file in dfd, ".NAME.XXXXXXXX" with a random tail: hidden, so no
 * reader takes it for a config file, and created with O_EXCL and
 * O_NOFOLLOW, so whatever anyone planted at any name is never opened,
 * let alone written through.  Its name goes to tmp.
 */
static int create_temp(int dfd, const char *name, char *tmp, size_t len)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	unsigned char rnd[8];
	struct timespec now;
	int tries, i, fd;
	size_t at;

	for (tries = 0; tries < 100; tries++) {
		if (getrandom(rnd, sizeof(rnd), GRND_NONBLOCK) !=
		    (ssize_t)sizeof(rnd)) {
			/* Unique enough with O_EXCL retrying on a clash. */
			clock_gettime(CLOCK_MONOTONIC, &now);
			for (i = 0; i < (int)sizeof(rnd); i++)
				rnd[i] = (unsigned char)((now.tv_nsec >>
							  (i * 4)) ^
							 getpid() ^ tries);
		}
		at = (size_t)snprintf(tmp, len, ".%s.", name);
		if (at + sizeof(rnd) >= len) {
			errno = ENAMETOOLONG;
			return -1;
		}
		for (i = 0; i < (int)sizeof(rnd); i++)
			tmp[at++] = digits[rnd[i] % (sizeof(digits) - 1)];
		tmp[at] = '\0';
		fd = openat(dfd, tmp,
			    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
				    O_CLOEXEC,
			    0644);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int config_save_prepare(struct devstate_ctx *ds, struct daxctl_dev *dev,
			const char *dir, struct config_id *id)
{
	const char *name = daxctl_dev_get_devname(dev);
	char path[4096], tmp[NAME_MAX + 1];
	struct config cfg;
	int i, fd, dfd, rc = 0;

	if (!dir)
		dir = DAXCTL_CONF_DIR;
	if (config_identify(ds, dev, id)) {
		pr_err("%s: --save-config: %s, nothing to key the saved "
		       "setup by%s; not changed",
		       name,
		       id->nd ? "its namespace has no uuid" : "it has no range",
		       id->nd ? " (ndctl init-labels, then create-namespace, "
				"gives it one)" :
				"");
		return -ENOENT;
	}
	if (save_path(dir, id, path, sizeof(path))) {
		pr_err("%s: --save-config: %s: path too long; not changed",
		       name, dir);
		return -ENAMETOOLONG;
	}
	/*
   * Everything about the directory that can fail the save fails
   * here, before the device changes: it is there, a directory of its
   * own, and a file can be made in it (tried, as permission bits do
   * not tell root about a read-only mount or an immutable directory).
   */
	dfd = open_save_dir(dir, name, NOT_CHANGED);
	if (dfd < 0)
		return dfd;
	fd = create_temp(dfd, strrchr(path, '/') + 1, tmp, sizeof(tmp));
	if (fd < 0) {
		pr_err("%s: --save-config: cannot write in %s: %s; not changed",
		       name, dir, strerror(errno));
		rc = -errno;
		close(dfd);
		return rc;
	}
	close(fd);
	unlinkat(dfd, tmp, 0);
	close(dfd);
	if (config_load(dir, &dax_config_words, &cfg)) {
		pr_err("%s: --save-config: the config in %s has errors; not "
		       "changed",
		       name, dir);
		rc = -EINVAL;
	}
	for (i = 0; i < cfg.count && !rc; i++) {
		if (!config_matches(&cfg.s[i], id) ||
		    !strcmp(cfg.s[i].file, path))
			continue;
		pr_err("%s: --save-config: [reconfigure-device %s] in %s:%d "
		       "already matches it (remove it, or reconfigure without "
		       "--save-config); not changed",
		       name, cfg.s[i].name, cfg.s[i].file, cfg.s[i].line);
		rc = -EEXIST;
	}
	config_free(&cfg);
	return rc;
}

static struct daxctl_dev *find_dev(struct devstate_ctx *ds,
				   const struct config_id *id)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	struct config_id cur;

	daxctl_region_foreach (ds->dax, region)
		daxctl_dev_foreach (region, dev)
			if (!config_identify(ds, dev, &cur) &&
			    config_same_id(&cur, id))
				return dev;
	return NULL;
}

static int write_setup(FILE *f, struct daxctl_dev *dev,
		       const struct config_id *id)
{
	struct dev_state st;
	char stem[64], buf[32];
	bool ram;

	dev_state_from_dax(dev, &st);
	ram = st.setup.mode == DAXCTL_DEV_MODE_RAM;
	config_id_stem(id, stem, sizeof(stem));
	fprintf(f,
		"# Written by daxctl reconfigure-device --save-config for %s%s%s%s.\n"
		"# daxdev-reconfigure@.service reapplies it when the device "
		"appears.\n",
		st.dev, st.backing.nd ? " (" : "", st.backing.ns,
		st.backing.nd ? ")" : "");
	fprintf(f, "[reconfigure-device %s]\n", stem);
	if (id->nd)
		fprintf(f, "nvdimm.uuid = %s\n", id->uuid);
	else
		fprintf(f, "dax.region = %d\ndax.range = %#llx-%#llx\n",
			id->region, (unsigned long long)id->start,
			(unsigned long long)id->end);
	fprintf(f, "mode = %s\n",
		dax_mode_name(ram ? DAXCTL_DEV_MODE_RAM :
				    DAXCTL_DEV_MODE_DEVDAX));
	if (ram) {
		fprintf(f, "online = %s\n",
			st.blocks.online ? "true" : "false");
		fprintf(f, "movable = %s\n",
			!st.blocks.online || st.blocks.online_movable ==
						     st.blocks.online ?
				"true" :
				"false");
		fprintf(f, "memmap = %s\n",
			memmap_location_name(st.setup.memmap_on_memory ?
						     MEMMAP_PMEM :
						     MEMMAP_DRAM));
	} else {
		fprintf(f, "memmap = %s\n",
			memmap_location_name(st.setup.memmap_pmem ?
						     MEMMAP_PMEM :
						     MEMMAP_DRAM));
		fprintf(f, "compound = %s\n",
			st.cfg.compound ? "true" : "false");
		/* Only a patched kernel has the setting; a stock one, none. */
		if (daxctl_dev_has_control(dev, "vmemmap_head_only"))
			fprintf(f, "vmemmap_head_only = %s\n",
				st.cfg.head_only ? "true" : "false");
	}
	fprintf(f, "align = %s\n", size_exact(st.cfg.align, buf, sizeof(buf)));
	return ferror(f) ? -EIO : 0;
}

/*
 * text as dir's file name, atomically: into a new temp file, synced,
 * renamed over name (so a reader sees the old file or the new one, never
 * a part), and the directory synced so the rename survives a crash.  A
 * failure removes the temp file.  0 or -errno.
 */
static int replace_file(int dfd, const char *name, const char *text, size_t len)
{
	char tmp[NAME_MAX + 1];
	int fd, rc;

	fd = create_temp(dfd, name, tmp, sizeof(tmp));
	if (fd < 0)
		return -errno;
	rc = write_all(fd, text, len);
	if (!rc && fsync(fd))
		rc = -errno;
	if (close(fd) && !rc)
		rc = -errno;
	if (!rc && renameat(dfd, tmp, dfd, name))
		rc = -errno;
	if (rc) {
		unlinkat(dfd, tmp, 0);
		return rc;
	}
	return fsync(dfd) ? -errno : 0;
}

int config_save(struct devstate_ctx *ds, const struct config_id *id,
		const char *dir)
{
	char path[4096], desc[96], *text = NULL;
	struct daxctl_dev *dev;
	size_t len = 0;
	const char *name;
	int rc, dfd;
	FILE *f;

	if (!dir)
		dir = DAXCTL_CONF_DIR;
	config_describe_id(id, desc, sizeof(desc));
	daxctl_refresh(ds->dax);
	dev = find_dev(ds, id);
	if (!dev) {
		pr_err("%s: --save-config: no dax device has it now; nothing "
		       "saved",
		       desc);
		return -ENODEV;
	}
	name = daxctl_dev_get_devname(dev);
	if (save_path(dir, id, path, sizeof(path)))
		return -ENAMETOOLONG;
	f = open_memstream(&text, &len);
	if (!f) {
		pr_err("%s: --save-config: out of memory", name);
		return -ENOMEM;
	}
	rc = write_setup(f, dev, id);
	if (fclose(f) && !rc)
		rc = -ENOMEM;
	if (!rc) {
		dfd = open_save_dir(dir, name, NOT_SAVED);
		if (dfd < 0) {
			free(text);
			return dfd;
		}
		rc = replace_file(dfd, strrchr(path, '/') + 1, text, len);
		close(dfd);
	}
	free(text);
	if (rc) {
		pr_err("%s: --save-config: cannot write %s: %s%s", name, path,
		       strerror(-rc), NOT_SAVED);
		return rc;
	}
	pr_info("%s: saved its setup to %s (%s)", name, path, desc);
	return 0;
}
