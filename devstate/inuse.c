// SPDX-License-Identifier: GPL-2.0
/*
 * Is a device in use?  See inuse.h for what counts.  Mounts, swap and the
 * processes' open files and maps are read once per command, on the first
 * check that needs them; a mapping of a device-dax character device
 * outlives the descriptor that made it, so maps are read as well as fds.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <util/log.h>
#include <util/sysfs.h>
#include "inuse.h"

/* A device file a process has open (rdev set) or mapped (path set). */
struct proc_use {
	pid_t pid;
	char comm[32];
	bool chr;
	dev_t rdev;
	char path[64];
};

struct inuse {
	struct daxctl_ctx *dax;
	struct sysroot *root;
	bool procs_read;
	struct proc_use *procs;
	size_t nprocs;
	int *excl;
	size_t nexcl;
	/* Why the last check said "in use", for the one-line refusal. */
	char why[512];
};

struct inuse *inuse_new(struct sysroot *root, struct daxctl_ctx *dax)
{
	struct inuse *iu = calloc(1, sizeof(*iu));

	if (!iu)
		return NULL;
	iu->dax = dax;
	iu->root = sysroot_ref(root);
	return iu;
}

void inuse_free(struct inuse *iu)
{
	size_t i;

	if (!iu)
		return;
	for (i = 0; i < iu->nexcl; i++)
		close(iu->excl[i]);
	free(iu->excl);
	free(iu->procs);
	sysroot_close(iu->root);
	free(iu);
}

static void set_why(struct inuse *iu, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_why(struct inuse *iu, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(iu->why, sizeof(iu->why), fmt, ap);
	va_end(ap);
}

static int refuse(struct inuse *iu, const char *object)
{
	pr_err("%s is in use: %s; nothing was changed (--force does not "
	       "override this)",
	       object, iu->why);
	return -EBUSY;
}

/* A file under the root, for the files that are not sysfs attributes. */
static FILE *root_fopen(struct inuse *iu, const char *rel)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", sysroot_path(iu->root), rel);
	return fopen(path, "re");
}

/* Undo the octal escapes (\040 for a space) of mountinfo and swaps. */
static void unescape(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
		    s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
					(s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

static void add_use(struct inuse *iu, pid_t pid, const char *comm, bool chr,
		    dev_t rdev, const char *path)
{
	struct proc_use *grown;

	grown = realloc(iu->procs, (iu->nprocs + 1) * sizeof(*grown));
	if (!grown)
		return;
	iu->procs = grown;
	grown[iu->nprocs] =
		(struct proc_use){ .pid = pid, .chr = chr, .rdev = rdev };
	snprintf(grown[iu->nprocs].comm, sizeof(grown->comm), "%s", comm);
	snprintf(grown[iu->nprocs].path, sizeof(grown->path), "%s",
		 path ? path : "");
	iu->nprocs++;
}

/* The device files among a process's open descriptors. */
static void read_fds(struct inuse *iu, const char *proc, pid_t pid,
		     const char *comm)
{
	char dir[PATH_MAX + 32], link[PATH_MAX + 300];
	struct dirent *d;
	struct stat st;
	DIR *fds;

	snprintf(dir, sizeof(dir), "%s/%d/fd", proc, (int)pid);
	fds = opendir(dir);
	if (!fds)
		return;
	while ((d = readdir(fds))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(link, sizeof(link), "%s/%s", dir, d->d_name);
		if (stat(link, &st) ||
		    !(S_ISBLK(st.st_mode) || S_ISCHR(st.st_mode)))
			continue;
		add_use(iu, pid, comm, S_ISCHR(st.st_mode), st.st_rdev, NULL);
	}
	closedir(fds);
}

/* The /dev files a process has mapped (the path is the last field). */
static void read_maps(struct inuse *iu, const char *proc, pid_t pid,
		      const char *comm)
{
	char path[PATH_MAX + 32], line[PATH_MAX + 128], *file, *nl;
	FILE *maps;

	snprintf(path, sizeof(path), "%s/%d/maps", proc, (int)pid);
	maps = fopen(path, "re");
	if (!maps)
		return;
	while (fgets(line, sizeof(line), maps)) {
		file = strstr(line, " /dev/");
		if (!file)
			continue;
		file++;
		nl = strchr(file, '\n');
		if (nl)
			*nl = '\0';
		add_use(iu, pid, comm, false, 0, file);
	}
	fclose(maps);
}

static void read_procs(struct inuse *iu)
{
	char proc[PATH_MAX], path[PATH_MAX + 300], comm[32];
	struct dirent *d;
	FILE *f;
	DIR *dir;
	pid_t pid;

	if (iu->procs_read)
		return;
	iu->procs_read = true;
	snprintf(proc, sizeof(proc), "%s/proc", sysroot_path(iu->root));
	dir = opendir(proc);
	if (!dir)
		return;
	while ((d = readdir(dir))) {
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		pid = (pid_t)atoi(d->d_name);
		/* Our own exclusive opens are the guard, not a user. */
		if (pid == getpid())
			continue;
		snprintf(path, sizeof(path), "%s/%d/comm", proc, (int)pid);
		comm[0] = '\0';
		f = fopen(path, "re");
		if (f) {
			if (fgets(comm, sizeof(comm), f))
				comm[strcspn(comm, "\n")] = '\0';
			fclose(f);
		}
		read_fds(iu, proc, pid, comm);
		read_maps(iu, proc, pid, comm);
	}
	closedir(dir);
}

/* A process with device devnum open, or "/dev/<node>" mapped. */
static bool process_uses(struct inuse *iu, const char *node, dev_t devnum,
			 bool chr)
{
	char path[80];
	size_t i;

	read_procs(iu);
	snprintf(path, sizeof(path), "/dev/%s", node);
	for (i = 0; i < iu->nprocs; i++) {
		const struct proc_use *u = &iu->procs[i];

		/* Block and character numbers are separate spaces. */
		if (u->path[0] ? !strcmp(u->path, path) :
				 devnum && u->chr == chr && u->rdev == devnum) {
			set_why(iu, "%s is %s by process %d (%s)", path,
				u->path[0] ? "mapped" : "open", (int)u->pid,
				u->comm);
			return true;
		}
	}
	return false;
}

/* "259:0" from a sysfs dev attribute; 0 when there is none. */
static dev_t read_devnum(struct inuse *iu, const char *fmt, const char *name)
{
	unsigned int maj, min;
	char buf[32];

	if (sysfs_read(iu->root, buf, sizeof(buf), fmt, name) ||
	    sscanf(buf, "%u:%u", &maj, &min) != 2)
		return 0;
	return makedev(maj, min);
}

static bool mounted(struct inuse *iu, const char *node, dev_t devnum)
{
	char line[PATH_MAX * 2], target[PATH_MAX], fstype[64], *sep;
	unsigned int maj, min;
	bool found = false;
	FILE *f;

	f = root_fopen(iu, "proc/self/mountinfo");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		/* id parent major:minor root target options ... - fstype */
		if (sscanf(line, "%*d %*d %u:%u %*s %4095s", &maj, &min,
			   target) != 3 ||
		    makedev(maj, min) != devnum)
			continue;
		sep = strstr(line, " - ");
		if (!sep || sscanf(sep, " - %63s", fstype) != 1)
			snprintf(fstype, sizeof(fstype), "?");
		unescape(target);
		set_why(iu, "%s is mounted on %s (%s)", node, target, fstype);
		found = true;
	}
	fclose(f);
	return found;
}

static bool swap_on(struct inuse *iu, const char *node, dev_t devnum)
{
	char line[PATH_MAX + 128], file[PATH_MAX], path[PATH_MAX * 2];
	const char *base;
	bool found = false;
	struct stat st;
	FILE *f;

	f = root_fopen(iu, "proc/swaps");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%4095s", file) != 1 || file[0] != '/')
			continue;
		unescape(file);
		snprintf(path, sizeof(path), "%s%s", sysroot_path(iu->root),
			 file);
		base = strrchr(file, '/') + 1;
		if (!stat(path, &st) ?
			    S_ISBLK(st.st_mode) && st.st_rdev == devnum :
			    !strcmp(base, node)) {
			set_why(iu, "%s is in use as swap", node);
			found = true;
		}
	}
	fclose(f);
	return found;
}

/* device-mapper and md stack on a disk through holders/. */
static bool held(struct inuse *iu, const char *node)
{
	char **names = NULL, dmname[128];
	int n;

	n = sysfs_list(iu->root, "", &names, "sys/class/block/%s/holders",
		       node);
	if (n > 0) {
		if (!sysfs_read(iu->root, dmname, sizeof(dmname),
				"sys/class/block/%s/dm/name", names[0]))
			set_why(iu, "%s is held by %s (device-mapper %s)", node,
				names[0], dmname);
		else
			set_why(iu, "%s is held by %s", node, names[0]);
	}
	sysfs_free_names(names);
	return n > 0;
}

static bool node_in_use(struct inuse *iu, const char *node)
{
	dev_t devnum = read_devnum(iu, "sys/class/block/%s/dev", node);

	return mounted(iu, node, devnum) || swap_on(iu, node, devnum) ||
	       held(iu, node) || process_uses(iu, node, devnum, false);
}

/*
 * Open the whole disk with O_EXCL and keep it: the kernel refuses that
 * while anything (a filesystem, dm, swap, another O_EXCL opener) claims
 * the disk or a partition, and while we hold it nobody else can.
 */
static bool claim_exclusive(struct inuse *iu, const char *blockdev)
{
	char path[PATH_MAX];
	int fd, *grown;

	snprintf(path, sizeof(path), "%s/dev/%s", sysroot_path(iu->root),
		 blockdev);
	fd = open(path, O_RDONLY | O_EXCL | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno != EBUSY)
			return false;
		set_why(iu,
			"/dev/%s cannot be opened exclusively (claimed by "
			"the kernel or another program)",
			blockdev);
		return true;
	}
	grown = realloc(iu->excl, (iu->nexcl + 1) * sizeof(*grown));
	if (!grown) {
		close(fd);
		return false;
	}
	iu->excl = grown;
	iu->excl[iu->nexcl++] = fd;
	return false;
}

static bool blockdev_in_use(struct inuse *iu, const char *blockdev)
{
	char **parts = NULL;
	bool busy;
	int i, n;

	if (!blockdev || !blockdev[0])
		return false;
	busy = node_in_use(iu, blockdev);
	n = sysfs_list(iu->root, blockdev, &parts, "sys/class/block/%s",
		       blockdev);
	for (i = 0; !busy && i < n; i++)
		if (sysfs_exists(iu->root, "sys/class/block/%s/%s/partition",
				 blockdev, parts[i]))
			busy = node_in_use(iu, parts[i]);
	sysfs_free_names(parts);
	return busy || claim_exclusive(iu, blockdev);
}

static bool daxdev_in_use(struct inuse *iu, struct daxctl_dev *dev,
			  bool memory_ok)
{
	const char *name = daxctl_dev_get_devname(dev);
	struct daxctl_memblocks mb;
	char why[160];
	int rc;

	if (daxctl_dev_get_mode(dev) == DAXCTL_DEV_MODE_RAM) {
		if (memory_ok)
			return false;
		rc = daxctl_dev_get_memblocks(dev, &mb);
		if (rc) {
			/* Blocks it cannot count may be online: in use. */
			set_why(iu,
				"the memory blocks of %s cannot be counted: %s",
				name,
				daxctl_dev_memblock_error(dev, rc, why,
							  sizeof(why)));
			return true;
		}
		if (!mb.online)
			return false;
		set_why(iu,
			"%s has %u memory block%s online as system RAM "
			"(daxctl offline-memory %s)",
			name, mb.online, mb.online == 1 ? "" : "s", name);
		return true;
	}
	return process_uses(iu, name,
			    read_devnum(iu, "sys/bus/dax/devices/%s/dev", name),
			    true);
}

static bool namespace_in_use(struct inuse *iu, struct ndctl_namespace *ns)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);
	struct daxctl_dev *dev;
	const char *chardev;

	chardev = claim ? ndctl_claim_get_chardev(claim) : "";
	if (chardev[0]) {
		dev = daxctl_get_dev(iu->dax, chardev);
		return dev && daxdev_in_use(iu, dev, false);
	}
	return blockdev_in_use(iu, claim ? ndctl_claim_get_blockdev(claim) :
					   ndctl_namespace_get_blockdev(ns));
}

int inuse_check_namespace(struct inuse *iu, struct ndctl_namespace *ns)
{
	return namespace_in_use(iu, ns) ?
		       refuse(iu, ndctl_namespace_get_devname(ns)) :
		       0;
}

/* The namespace of the region in use, with why naming it. */
static bool region_in_use(struct inuse *iu, struct ndctl_region *region)
{
	struct ndctl_namespace *ns;
	char inner[sizeof(iu->why)];

	ndctl_namespace_foreach (region, ns)
		if (namespace_in_use(iu, ns)) {
			snprintf(inner, sizeof(inner), "%s", iu->why);
			set_why(iu, "%s: %s", ndctl_namespace_get_devname(ns),
				inner);
			return true;
		}
	return false;
}

int inuse_check_region(struct inuse *iu, struct ndctl_region *region)
{
	return region_in_use(iu, region) ?
		       refuse(iu, ndctl_region_get_devname(region)) :
		       0;
}

int inuse_check_dimm(struct inuse *iu, struct ndctl_dimm *dimm)
{
	struct ndctl_region *region;
	char inner[sizeof(iu->why)];

	ndctl_region_foreach (ndctl_dimm_get_bus(dimm), region)
		if (ndctl_region_uses_dimm(region, dimm) &&
		    region_in_use(iu, region)) {
			snprintf(inner, sizeof(inner), "%s", iu->why);
			set_why(iu, "%s: %s", ndctl_region_get_devname(region),
				inner);
			return refuse(iu, ndctl_dimm_get_devname(dimm));
		}
	return 0;
}

int inuse_check_daxdev(struct inuse *iu, struct daxctl_dev *dev, bool memory_ok)
{
	return daxdev_in_use(iu, dev, memory_ok) ?
		       refuse(iu, daxctl_dev_get_devname(dev)) :
		       0;
}
