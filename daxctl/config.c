// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time reconfiguration: the sections of the daxctl config directory,
 * matched to a device by something that survives a reboot (a namespace's
 * uuid, or a dynamic device's region and range), turned into the request
 * reconfigure-device runs, and written back by --save-config.
 *
 * Every file is read whole before anything is applied: one bad key or
 * line anywhere in the directory and nothing is, so a half-understood
 * config never half-applies.  Every error names the file and the line.
 * The text itself is parsed in config-parse.c; this file walks the
 * directory, and writes it.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <daxchange/decide.h>
#include <devstate/context.h>
#include <devstate/parse.h>
#include <devstate/state.h>
#include <devstate/words.h>
#include <util/log.h>
#include <util/size.h>
#include <util/sysfs.h>
#include <util/config-parse.h>
#include "config.h"
#include "reconfigure.h"

/*
 * What a boot service reads is bounded: 4 MiB is some 30,000 sections,
 * far more than any machine has dax devices.
 */
#define CONF_MAX_BYTES (4 << 20)

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static const char *file_kind(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return "a directory";
	case S_IFIFO:
		return "a FIFO";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	case S_IFLNK:
		return "a symbolic link";
	default:
		return "not a regular file";
	}
}

/*
 * The bytes of dir's file name (path in messages), at most
 * CONF_MAX_BYTES.  Only a regular file is opened, and it is opened
 * without following a link and without blocking, so a FIFO, a device or
 * a link to one named *.conf is an error, not a hang at boot.
 */
static int read_conf(int dfd, const char *name, const char *path, char **buf,
		     size_t *len)
{
	struct stat st;
	size_t got = 0, cap;
	char *text, *grown;
	ssize_t n = 0;
	int fd, err = 0;

	*buf = NULL;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW)) {
		pr_err("%s: cannot read: %s", path, strerror(errno));
		return -EIO;
	}
	if (!S_ISREG(st.st_mode))
		goto not_regular;
	fd = openat(dfd, name,
		    O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		pr_err("%s: cannot read: %s", path, strerror(errno));
		return -EIO;
	}
	/* It may have been swapped since fstatat(). */
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		goto not_regular;
	}
	if (st.st_size > CONF_MAX_BYTES) {
		close(fd);
		goto too_big;
	}
	/* st_size is a hint: the file may grow while it is read. */
	cap = (size_t)st.st_size + 1;
	text = NULL;
	do {
		if (got == cap || !text) {
			if (text)
				cap = cap * 2 > CONF_MAX_BYTES + 1 ?
					      CONF_MAX_BYTES + 1 :
					      cap * 2;
			grown = realloc(text, cap);
			if (!grown) {
				close(fd);
				free(text);
				pr_err("%s: out of memory", path);
				return -ENOMEM;
			}
			text = grown;
		}
		n = read(fd, text + got, cap - got);
		err = errno;
		if (n > 0)
			got += (size_t)n;
		/* One byte past the limit tells a file that is too big. */
	} while ((n > 0 || (n < 0 && err == EINTR)) && got <= CONF_MAX_BYTES);
	close(fd);
	if (n < 0) {
		pr_err("%s: cannot read: %s", path, strerror(err));
		free(text);
		return -EIO;
	}
	if (got > CONF_MAX_BYTES) {
		free(text);
		goto too_big;
	}
	*buf = text;
	*len = got;
	return 0;
too_big:
	pr_err("%s: more than %d MiB: too big for a daxctl config file", path,
	       CONF_MAX_BYTES >> 20);
	return -EFBIG;
not_regular:
	pr_err("%s: %s, not a regular file; only regular files named *.conf "
	       "are read",
	       path, file_kind(st.st_mode));
	return -EINVAL;
}

static int conf_name(const char *name)
{
	size_t len = strlen(name);

	/* Hidden files include the ones --save-config is writing. */
	return name[0] != '.' && len > 5 && !strcmp(name + len - 5, ".conf");
}

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The *.conf names in the directory dfd, sorted (so files are read, and
 * errors named, in one order whatever the directory's).  Returns their
 * number, or -errno.
 */
static int conf_names(int dfd, char ***names)
{
	int fd = dup(dfd), count = 0, alloc = 0, rc = 0;
	struct dirent *e;
	char **grown;
	DIR *d;

	*names = NULL;
	d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		rc = -errno;
		if (fd >= 0)
			close(fd);
		return rc;
	}
	errno = 0;
	while ((e = readdir(d))) {
		if (!conf_name(e->d_name))
			continue;
		if (count == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			grown = realloc(*names, (size_t)alloc * sizeof(*grown));
			if (!grown) {
				rc = -ENOMEM;
				break;
			}
			*names = grown;
		}
		(*names)[count] = strdup(e->d_name);
		if (!(*names)[count]) {
			rc = -ENOMEM;
			break;
		}
		count++;
		errno = 0;
	}
	if (!rc && errno)
		rc = -errno;
	closedir(d);
	if (rc) {
		while (count)
			free((*names)[--count]);
		free(*names);
		*names = NULL;
		return rc;
	}
	if (count > 1)
		qsort(*names, (size_t)count, sizeof(**names), by_strcmp);
	return count;
}

/*
 * Every *.conf in dir, in name order.  A missing directory is an empty
 * config.  Returns 0, or -EINVAL after naming every error.
 */
static int config_load(const char *dir, struct config *cfg)
{
	char **names = NULL, *path, *text;
	int dfd, n, i, errors = 0;
	size_t len = 0;

	*cfg = (struct config){ 0 };
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 && errno == ENOENT)
		return 0;
	n = dfd < 0 ? -errno : conf_names(dfd, &names);
	if (n < 0) {
		pr_err("%s: cannot read the config directory: %s", dir,
		       strerror(-n));
		if (dfd >= 0)
			close(dfd);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (asprintf(&path, "%s/%s", dir, names[i]) < 0) {
			pr_err("%s/%s: out of memory", dir, names[i]);
			errors++;
		} else if (read_conf(dfd, names[i], path, &text, &len)) {
			errors++;
			free(path);
		} else {
			errors += config_parse(cfg, path, text, len);
			free(text);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	close(dfd);
	errors += config_check_names(cfg);
	return errors ? -EINVAL : 0;
}

static int identify(struct devstate *ds, struct daxctl_dev *dev,
		    struct config_id *id)
{
	struct daxctl_region *region = daxctl_dev_get_region(dev);
	struct daxctl_backing b;
	uint64_t size = daxctl_dev_get_size(dev);

	*id = (struct config_id){ .region = daxctl_region_get_id(region) };
	if (daxctl_region_get_backing(region, &b))
		b = (struct daxctl_backing){ 0 };
	if (b.nd) {
		id->nd = true;
		if (sysfs_read(ds->root, id->uuid, sizeof(id->uuid),
			       "sys/bus/nd/devices/%s/uuid", b.ns) ||
		    !config_valid_uuid(id->uuid)) {
			id->uuid[0] = '\0';
			return -ENOENT;
		}
		lower(id->uuid);
		return 0;
	}
	id->start = daxctl_dev_get_resource(dev);
	if (!id->start || !size)
		return -ENOENT;
	id->end = id->start + size - 1;
	return 0;
}

static bool same_id(const struct config_id *a, const struct config_id *b)
{
	if (a->nd || b->nd)
		return a->nd && b->nd && !strcmp(a->uuid, b->uuid);
	return a->region == b->region && a->start == b->start &&
	       a->end == b->end;
}

static bool matches(const struct section *s, const struct config_id *id)
{
	if (id->nd)
		return s->uuid && !strcmp(s->uuid, id->uuid);
	return s->has_range && s->region == id->region &&
	       s->start == id->start && s->end == id->end;
}

static const char *describe_id(const struct config_id *id, char *buf,
			       size_t len)
{
	if (id->nd)
		snprintf(buf, len, "namespace uuid %s", id->uuid);
	else
		snprintf(buf, len, "region %d, range %#llx-%#llx", id->region,
			 (unsigned long long)id->start,
			 (unsigned long long)id->end);
	return buf;
}

/* The file and section name a device's saved setup goes to. */
static void id_stem(const struct config_id *id, char *buf, size_t len)
{
	if (id->nd)
		snprintf(buf, len, "%s", id->uuid);
	else
		snprintf(buf, len, "region%d-%#llx", id->region,
			 (unsigned long long)id->start);
}

static const char *conf_dir(const struct reconf_opts *o)
{
	return o->config_dir ? o->config_dir : DAXCTL_CONF_DIR;
}

bool config_request_usage(const struct reconf_opts *o, char **name)
{
	const char *slash = strrchr(*name, '/');

	if (o->mode || o->memmap || o->align || o->compound >= 0 ||
	    o->head_only >= 0 || o->size || o->movable >= 0 || o->no_online ||
	    o->region || o->save_config) {
		pr_err("--check-config takes the settings from %s: give no "
		       "--mode, --memmap, --[no-]compound, "
		       "--[no-]vmemmap-head-only, --align, --[no-]movable, "
		       "--no-online, --region or --save-config with it",
		       conf_dir(o));
		return false;
	}
	if (slash)
		*name = (char *)slash + 1;
	if (!strcmp(*name, "all")) {
		pr_err("--check-config takes one device, as udev names it, "
		       "not 'all'");
		return false;
	}
	return true;
}

bool config_request(struct devstate *ds, const struct reconf_opts *o,
		    struct dax_request *req, const char *name, int *status)
{
	const char *dir = conf_dir(o);
	const struct section *hit = NULL;
	enum memmap_location location;
	struct daxctl_dev *dev;
	struct config_id id;
	struct config cfg;
	char desc[96], b1[32];
	bool ram, ok = false;
	int i;

	*status = EXIT_FAIL;
	if (config_load(dir, &cfg)) {
		pr_err("%s: nothing applied: the config in %s has errors", name,
		       dir);
		config_free(&cfg);
		return false;
	}
	dev = daxctl_get_dev(ds->dax, name);
	if (!dev) {
		pr_err("%s: no such dax device", name);
		goto out;
	}
	if (identify(ds, dev, &id)) {
		pr_info("%s: %s, nothing a config section can match; left as "
			"it is",
			name,
			id.nd ? "its namespace has no uuid (no label)" :
				"it has no range");
		*status = EXIT_OK;
		goto out;
	}
	for (i = 0; i < cfg.count; i++) {
		if (!matches(&cfg.s[i], &id))
			continue;
		if (hit) {
			pr_err("%s: both [reconfigure-device %s] (%s:%d) and "
			       "[reconfigure-device %s] (%s:%d) match it; "
			       "nothing applied",
			       name, hit->name, hit->file, hit->line,
			       cfg.s[i].name, cfg.s[i].file, cfg.s[i].line);
			goto out;
		}
		hit = &cfg.s[i];
	}
	describe_id(&id, desc, sizeof(desc));
	if (!hit) {
		pr_info("%s: no section in %s matches it (%s); left as it is",
			name, dir, desc);
		*status = EXIT_OK;
		goto out;
	}

	/* Upstream's defaults: system-ram, online, movable. */
	if (parse_dax_mode(hit->mode ? hit->mode : "system-ram", &req->mode) ||
	    (hit->memmap &&
	     parse_memmap_location("memmap", hit->memmap, &location)))
		goto out;
	req->has_mode = true;
	ram = req->mode == DAXCTL_DEV_MODE_RAM;
	if (hit->memmap)
		req->location = location;
	req->align = hit->align;
	if (ram) {
		req->no_online = hit->online == 0;
		req->movable = hit->movable;
	} else {
		req->compound = hit->compound;
		req->head_only = hit->head_only;
	}
	pr_info("%s: [reconfigure-device %s] in %s:%d matches it (%s): mode "
		"%s%s%s%s%s%s%s%s%s",
		name, hit->name, hit->file, hit->line, desc,
		dax_mode_name(req->mode),
		ram ? (req->no_online ? ", offline" : ", online") : "",
		ram && req->movable == 0 ? ", not movable" : "",
		hit->memmap ? ", memmap " : "", hit->memmap ? hit->memmap : "",
		req->compound == 0 ? ", no compound pages" :
		req->compound == 1 ? ", compound pages" :
				     "",
		req->head_only == 0 ? ", two vmemmap pages per compound page" :
		req->head_only == 1 ? ", one vmemmap page per compound page" :
				      "",
		req->align ? ", align " : "",
		req->align ? size_exact(req->align, b1, sizeof(b1)) : "");
	*status = EXIT_OK;
	ok = true;
out:
	config_free(&cfg);
	return ok;
}

/* What a --save-config error says of the device. */
#define NOT_CHANGED "; not changed"
#define NOT_SAVED "; it is reconfigured, but its setup is not saved"

static int save_path(const char *dir, const struct config_id *id, char *buf,
		     size_t len)
{
	char stem[64];

	id_stem(id, stem, sizeof(stem));
	return snprintf(buf, len, "%s/%s.conf", dir, stem) >= (int)len ?
		       -ENAMETOOLONG :
		       0;
}

/*
 * The directory --save-config writes to, opened for *at() calls so that
 * every later step is in this one directory: it must exist, be a
 * directory and not a symbolic link (a link planted there would send
 * root's write elsewhere).  A descriptor, or -1 after one line naming dir.
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
		return -1;
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
	return -1;
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

int config_save_prepare(struct devstate *ds, struct daxctl_dev *dev,
			const char *dir, struct config_id *id)
{
	const char *name = daxctl_dev_get_devname(dev);
	char path[4096], tmp[NAME_MAX + 1];
	struct config cfg;
	int i, fd, dfd, rc = EXIT_OK;

	if (!dir)
		dir = DAXCTL_CONF_DIR;
	if (identify(ds, dev, id)) {
		pr_err("%s: --save-config: %s, nothing to key the saved "
		       "setup by%s; not changed",
		       name,
		       id->nd ? "its namespace has no uuid" : "it has no range",
		       id->nd ? " (ndctl init-labels, then create-namespace, "
				"gives it one)" :
				"");
		return EXIT_FAIL;
	}
	if (save_path(dir, id, path, sizeof(path))) {
		pr_err("%s: --save-config: %s: path too long; not changed",
		       name, dir);
		return EXIT_FAIL;
	}
	/*
   * Everything about the directory that can fail the save fails
   * here, before the device changes: it is there, a directory of its
   * own, and a file can be made in it (tried, as permission bits do
   * not tell root about a read-only mount or an immutable directory).
   */
	dfd = open_save_dir(dir, name, NOT_CHANGED);
	if (dfd < 0)
		return EXIT_FAIL;
	fd = create_temp(dfd, strrchr(path, '/') + 1, tmp, sizeof(tmp));
	if (fd < 0) {
		pr_err("%s: --save-config: cannot write in %s: %s; not changed",
		       name, dir, strerror(errno));
		close(dfd);
		return EXIT_FAIL;
	}
	close(fd);
	unlinkat(dfd, tmp, 0);
	close(dfd);
	if (config_load(dir, &cfg)) {
		pr_err("%s: --save-config: the config in %s has errors; not "
		       "changed",
		       name, dir);
		rc = EXIT_FAIL;
	}
	for (i = 0; i < cfg.count && rc == EXIT_OK; i++) {
		if (!matches(&cfg.s[i], id) || !strcmp(cfg.s[i].file, path))
			continue;
		pr_err("%s: --save-config: [reconfigure-device %s] in %s:%d "
		       "already matches it (remove it, or reconfigure without "
		       "--save-config); not changed",
		       name, cfg.s[i].name, cfg.s[i].file, cfg.s[i].line);
		rc = EXIT_FAIL;
	}
	config_free(&cfg);
	return rc;
}

static struct daxctl_dev *find_dev(struct devstate *ds,
				   const struct config_id *id)
{
	struct daxctl_region *region;
	struct daxctl_dev *dev;
	struct config_id cur;

	daxctl_region_foreach (ds->dax, region)
		daxctl_dev_foreach (region, dev)
			if (!identify(ds, dev, &cur) && same_id(&cur, id))
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
	ram = st.dax_mode == DAXCTL_DEV_MODE_RAM;
	id_stem(id, stem, sizeof(stem));
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
			memmap_location_name(st.memmap_on_memory ?
						     MEMMAP_PMEM :
						     MEMMAP_DRAM));
	} else {
		fprintf(f, "memmap = %s\n",
			memmap_location_name(st.dax_memmap_pmem ? MEMMAP_PMEM :
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

static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
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

int config_save(struct devstate *ds, const struct config_id *id,
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
	describe_id(id, desc, sizeof(desc));
	daxctl_refresh(ds->dax);
	dev = find_dev(ds, id);
	if (!dev) {
		pr_err("%s: --save-config: no dax device has it now; nothing "
		       "saved",
		       desc);
		return EXIT_FAIL;
	}
	name = daxctl_dev_get_devname(dev);
	if (save_path(dir, id, path, sizeof(path)))
		return EXIT_FAIL;
	f = open_memstream(&text, &len);
	if (!f) {
		pr_err("%s: --save-config: out of memory", name);
		return EXIT_FAIL;
	}
	rc = write_setup(f, dev, id);
	if (fclose(f) && !rc)
		rc = -ENOMEM;
	if (!rc) {
		dfd = open_save_dir(dir, name, NOT_SAVED);
		if (dfd < 0) {
			free(text);
			return EXIT_FAIL;
		}
		rc = replace_file(dfd, strrchr(path, '/') + 1, text, len);
		close(dfd);
	}
	free(text);
	if (rc) {
		pr_err("%s: --save-config: cannot write %s: %s%s", name, path,
		       strerror(-rc), NOT_SAVED);
		return EXIT_FAIL;
	}
	pr_info("%s: saved its setup to %s (%s)", name, path, desc);
	return EXIT_OK;
}
