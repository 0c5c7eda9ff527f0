// SPDX-License-Identifier: GPL-2.0
/*
 * Is a device in use?  See inuse.h for what counts.  The cost of the
 * answer must not grow with the host where the target does not need it:
 *
 * - A block device is answered by one O_EXCL open of the whole disk
 *   (blockdev_in_use() says why that is enough).  Only when the kernel
 *   refuses it are mountinfo, swaps and holders/ read, to name the holder,
 *   and the processes scanned only when none of those is it.
 *
 * - A device-dax character device has no exclusive open, and a mapping
 *   of it outlives the descriptor that made it.  The kernel counts the
 *   files of all of them, open or kept by a mapping, in the device_dax
 *   module's references (dax_files_open() says how), so when that count
 *   says there are none no process is read at all.  Otherwise only a
 *   scan of the processes finds the users.  The scan stats each
 *   process's fd links (st_rdev answers, no path is compared), then the
 *   links of its file mappings in map_files whose bounds fit the
 *   device's alignment (the kernel refuses any other devdax mapping),
 *   and stops at the first holder of the device asked about.  What it
 *   saw stays for the next device the same command asks about, which
 *   resumes where it stopped.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <util/log.h>
#include <util/sysfs.h>
#include "inuse.h"

/* getdents64() and /proc/PID/maps reads; maps lines straddle reads. */
#define SCAN_BUF_SIZE (64 * 1024)

/* A device a process has open (fd) or mapped. */
struct dev_use {
	pid_t pid;
	dev_t rdev;
	bool mapped;
};

/*
 * One walk of /proc for the users of character (or block) devices of
 * one major.  It records every such device each process it reads holds,
 * so a second lookup in the same command first looks at what was seen
 * and then resumes the walk where the first one stopped.
 */
struct proc_scan {
	bool started;
	bool done;
	bool chr;
	unsigned int major;
	/* map_files entries not aligned to this cannot be the device. */
	unsigned long align;
	DIR *proc;
	/* Our own exclusive opens are the guard, not a user. */
	pid_t self;
	/* A holder found by its fds whose mappings were not read yet. */
	pid_t maps_pending;
	/* map_files' links need CAP_SYS_ADMIN; without it, read maps. */
	bool no_map_files;
	struct dev_use *uses;
	size_t nuses;
	size_t cap;
	char *buf;
};

/* A block device this command holds with O_EXCL. */
struct excl_claim {
	int fd;
	char name[32];
};

struct inuse {
	struct daxctl_ctx *dax;
	struct sysroot *root;
	struct proc_scan scan;
	struct excl_claim *excl;
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

static void scan_reset(struct proc_scan *scan)
{
	char *buf = scan->buf;

	if (scan->proc)
		closedir(scan->proc);
	free(scan->uses);
	*scan = (struct proc_scan){ .buf = buf };
}

void inuse_free(struct inuse *iu)
{
	size_t i;

	if (!iu)
		return;
	for (i = 0; i < iu->nexcl; i++)
		close(iu->excl[i].fd);
	free(iu->excl);
	scan_reset(&iu->scan);
	free(iu->scan.buf);
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

/* The process's name, read only when it is named in a refusal. */
static void proc_comm(struct inuse *iu, pid_t pid, char *comm, size_t len)
{
	char path[32];
	FILE *f;

	snprintf(comm, len, "?");
	snprintf(path, sizeof(path), "proc/%d/comm", (int)pid);
	f = root_fopen(iu, path);
	if (!f)
		return;
	if (fgets(comm, (int)len, f))
		comm[strcspn(comm, "\n")] = '\0';
	fclose(f);
}

static void add_use(struct proc_scan *scan, pid_t pid, dev_t rdev, bool mapped)
{
	struct dev_use *grown;
	size_t i;

	/* One record per device and kind is enough to name a process. */
	for (i = scan->nuses; i > 0 && scan->uses[i - 1].pid == pid; i--)
		if (scan->uses[i - 1].rdev == rdev &&
		    scan->uses[i - 1].mapped == mapped)
			return;
	if (scan->nuses == scan->cap) {
		size_t cap = scan->cap ? 2 * scan->cap : 16;

		grown = realloc(scan->uses, cap * sizeof(*grown));
		if (!grown)
			return;
		scan->uses = grown;
		scan->cap = cap;
	}
	scan->uses[scan->nuses++] =
		(struct dev_use){ .pid = pid, .rdev = rdev, .mapped = mapped };
}

/* The first use of rdev recorded at or after index from. */
static const struct dev_use *find_use(const struct proc_scan *scan, size_t from,
				      dev_t rdev)
{
	size_t i;

	for (i = from; i < scan->nuses; i++)
		if (scan->uses[i].rdev == rdev)
			return &scan->uses[i];
	return NULL;
}

static void note_if_device(struct proc_scan *scan, const struct stat *st,
			   pid_t pid, bool mapped)
{
	bool type = scan->chr ? S_ISCHR(st->st_mode) : S_ISBLK(st->st_mode);

	if (type && major(st->st_rdev) == scan->major)
		add_use(scan, pid, st->st_rdev, mapped);
}

/*
 * A map_files entry is named "start-end" in hex.  device-dax refuses to
 * map, or split a mapping, at an address not aligned to the device's
 * alignment, so an entry that is not aligned maps some other file and
 * needs no stat.
 */
static bool range_aligned(const char *name, unsigned long align)
{
	unsigned long start, end;
	char *dash, *tail;

	if (align <= 4096)
		return true;
	start = strtoul(name, &dash, 16);
	if (*dash != '-')
		return true;
	end = strtoul(dash + 1, &tail, 16);
	return !((start | end) & (align - 1));
}

/*
 * Stat the links in /proc/PID/fd or /proc/PID/map_files: stat follows
 * each to the file it names, whose st_rdev says which device it is.
 * Returns 0 or the negative errno of the open or the listing, or -EPERM
 * when a link cannot be followed: map_files lists its entries to anyone
 * who may read the process, but follows them only with CAP_SYS_ADMIN.
 * Only an empty getdents64() is the end: one that is cut short by a
 * pending signal looks just like a short last one.
 */
static int scan_links(struct proc_scan *scan, pid_t pid, const char *what,
		      bool mapped)
{
	struct dirent64 *d;
	char rel[32];
	struct stat st;
	ssize_t n = 0, off;
	int dir, rc = 0;

	snprintf(rel, sizeof(rel), "%d/%s", (int)pid, what);
	dir = openat(dirfd(scan->proc), rel,
		     O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return -errno;
	while (!rc && (n = getdents64(dir, scan->buf, SCAN_BUF_SIZE)) > 0)
		for (off = 0; !rc && off < n; off += d->d_reclen) {
			d = (struct dirent64 *)(scan->buf + off);
			if (d->d_name[0] == '.' ||
			    (mapped && !range_aligned(d->d_name, scan->align)))
				continue;
			if (!fstatat(dir, d->d_name, &st, 0))
				note_if_device(scan, &st, pid, mapped);
			else if (errno == EPERM)
				rc = -EPERM;
		}
	if (!rc && n < 0)
		rc = -errno;
	close(dir);
	return rc;
}

/* A maps line's path from " /dev/" on, stat'ed under the root. */
static void note_mapped_path(struct inuse *iu, pid_t pid, const char *file)
{
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof(path), "%s%s", sysroot_path(iu->root), file);
	if (!stat(path, &st))
		note_if_device(&iu->scan, &st, pid, true);
}

/*
 * Without map_files: /proc/PID/maps in large reads, looking only at the
 * lines memmem() finds a " /dev/" path on.  A read may end inside a
 * line, so the incomplete tail moves to the front for the next one.
 */
static void scan_maps_text(struct inuse *iu, pid_t pid)
{
	struct proc_scan *scan = &iu->scan;
	char rel[32], *buf = scan->buf, *p, *end, *hit, *eol;
	size_t keep = 0, len;
	ssize_t n;
	int fd;

	snprintf(rel, sizeof(rel), "%d/maps", (int)pid);
	fd = openat(dirfd(scan->proc), rel, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	while ((n = read(fd, buf + keep, SCAN_BUF_SIZE - 1 - keep)) > 0) {
		len = keep + (size_t)n;
		end = memrchr(buf, '\n', len);
		if (!end) {
			/* A line longer than the buffer has no device path. */
			keep = len < SCAN_BUF_SIZE - 1 ? len : 0;
			continue;
		}
		for (p = buf; p < end; p = eol + 1) {
			hit = memmem(p, (size_t)(end - p), " /dev/", 6);
			if (!hit)
				break;
			eol = memchr(hit, '\n', (size_t)(end + 1 - hit));
			*eol = '\0';
			note_mapped_path(iu, pid, hit + 1);
		}
		keep = len - (size_t)(end + 1 - buf);
		memmove(buf, end + 1, keep);
	}
	close(fd);
}

static void scan_maps(struct inuse *iu, pid_t pid)
{
	struct proc_scan *scan = &iu->scan;
	int rc;

	if (!scan->no_map_files) {
		rc = scan_links(scan, pid, "map_files", true);
		/* Gone (or a kernel thread, which maps nothing). */
		if (!rc || rc == -ENOENT || rc == -ESRCH)
			return;
		if (rc == -EPERM)
			scan->no_map_files = true;
	}
	scan_maps_text(iu, pid);
}

/*
 * Start a walk for devices of this kind and major, or keep the one
 * under way when it already looks at every entry this one would.
 */
static bool scan_start(struct inuse *iu, bool chr, unsigned int maj,
		       unsigned long align)
{
	struct proc_scan *scan = &iu->scan;
	char proc[PATH_MAX];

	if (scan->started && scan->chr == chr && scan->major == maj &&
	    scan->align <= align)
		return true;
	scan_reset(scan);
	if (!scan->buf)
		scan->buf = malloc(SCAN_BUF_SIZE);
	if (!scan->buf)
		return false;
	scan->started = true;
	scan->chr = chr;
	scan->major = maj;
	scan->align = align;
	snprintf(proc, sizeof(proc), "%s/proc", sysroot_path(iu->root));
	scan->self = getpid();
	scan->proc = opendir(proc);
	scan->done = !scan->proc;
	return true;
}

/*
 * The first process found holding device rdev (a character device when
 * chr), reading /proc only as far as that takes.  Its fds are read
 * first: a holder found there is named without reading its mappings.
 */
static bool find_holder(struct inuse *iu, bool chr, dev_t rdev,
			unsigned long align, struct dev_use *holder)
{
	struct proc_scan *scan = &iu->scan;
	const struct dev_use *use;
	struct dirent *d;
	size_t from;
	pid_t pid;

	if (!scan_start(iu, chr, major(rdev), align))
		return false;
	use = find_use(scan, 0, rdev);
	if (!use && scan->maps_pending) {
		from = scan->nuses;
		scan_maps(iu, scan->maps_pending);
		scan->maps_pending = 0;
		use = find_use(scan, from, rdev);
	}
	while (!use && !scan->done) {
		d = readdir(scan->proc);
		if (!d) {
			scan->done = true;
			break;
		}
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		pid = (pid_t)atoi(d->d_name);
		if (pid == scan->self)
			continue;
		from = scan->nuses;
		scan_links(scan, pid, "fd", false);
		use = find_use(scan, from, rdev);
		if (use) {
			scan->maps_pending = pid;
			break;
		}
		scan_maps(iu, pid);
		use = find_use(scan, from, rdev);
	}
	if (use)
		*holder = *use;
	return use;
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

/* "pmem0" and its partitions ("pmem0p1", ...); caller frees. */
static int disk_and_partitions(struct inuse *iu, const char *blockdev,
			       char ***nodes)
{
	char **parts = NULL, **out;
	int i, n, count = 0;

	n = sysfs_list(iu->root, blockdev, &parts, "sys/class/block/%s",
		       blockdev);
	out = calloc((size_t)(n > 0 ? n : 0) + 2, sizeof(*out));
	if (!out) {
		sysfs_free_names(parts);
		return -ENOMEM;
	}
	out[count++] = strdup(blockdev);
	for (i = 0; i < n; i++)
		if (sysfs_exists(iu->root, "sys/class/block/%s/%s/partition",
				 blockdev, parts[i]))
			out[count++] = strdup(parts[i]);
	sysfs_free_names(parts);
	for (i = 0; i < count; i++)
		if (!out[i]) {
			sysfs_free_names(out);
			return -ENOMEM;
		}
	*nodes = out;
	return count;
}

/* A claim the kernel names: a mount, swap, or dm/md through holders/. */
static bool claimed_by_kernel(struct inuse *iu, const char *node)
{
	dev_t devnum = read_devnum(iu, "sys/class/block/%s/dev", node);

	return (devnum && mounted(iu, node, devnum)) ||
	       (devnum && swap_on(iu, node, devnum)) || held(iu, node);
}

/*
 * Open the whole disk with O_EXCL and keep it: while we hold it nobody
 * else can mount or claim the disk or a partition.  Returns 0 when it is
 * held (now or by an earlier check of this command), -EBUSY when the
 * kernel refuses because someone else claims it, or another negative
 * errno when it cannot be opened at all (no node under --sysroot).
 */
static int claim_exclusive(struct inuse *iu, const char *blockdev)
{
	struct excl_claim *grown;
	char path[PATH_MAX];
	size_t i;
	int fd;

	for (i = 0; i < iu->nexcl; i++)
		if (!strcmp(iu->excl[i].name, blockdev))
			return 0;
	snprintf(path, sizeof(path), "%s/dev/%s", sysroot_path(iu->root),
		 blockdev);
	fd = open(path, O_RDONLY | O_EXCL | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -errno;
	grown = realloc(iu->excl, (iu->nexcl + 1) * sizeof(*grown));
	if (!grown) {
		close(fd);
		return -ENOMEM;
	}
	iu->excl = grown;
	grown[iu->nexcl].fd = fd;
	snprintf(grown[iu->nexcl].name, sizeof(grown->name), "%s", blockdev);
	iu->nexcl++;
	return 0;
}

/*
 * Refused O_EXCL with no mount, swap or holder to show for it: another
 * program's exclusive open.  Only a scan of the processes names it.
 */
static void name_exclusive_opener(struct inuse *iu, char **nodes, int n)
{
	struct dev_use holder;
	char comm[32];
	dev_t devnum;
	int i;

	for (i = 0; i < n; i++) {
		devnum = read_devnum(iu, "sys/class/block/%s/dev", nodes[i]);
		if (!devnum || !find_holder(iu, false, devnum, 4096, &holder))
			continue;
		proc_comm(iu, holder.pid, comm, sizeof(comm));
		set_why(iu,
			"/dev/%s cannot be opened exclusively: process %d "
			"(%s) has it %s",
			nodes[i], (int)holder.pid, comm,
			holder.mapped ? "mapped" : "open");
		return;
	}
	set_why(iu,
		"/dev/%s cannot be opened exclusively (claimed by the kernel "
		"or another program)",
		nodes[0]);
}

/*
 * A namespace's block device is free when the kernel lets us open the
 * whole disk with O_EXCL: a mounted filesystem, swap, device-mapper, md
 * and every other exclusive opener claim the disk (or a partition, which
 * claims the disk too), and the kernel refuses O_EXCL while any does.
 *
 * What O_EXCL does not see is a process that opened the disk without it,
 * or mapped it, and the processes are deliberately not scanned for that.
 * The O_EXCL we hold cannot keep such an opener out either (a plain open
 * still succeeds), so a scan would only be a snapshot, and one that
 * refuses against a passing blkid or udev probe.  Nor does the kernel
 * need it: removing the disk fails that program's I/O (a mapping of a
 * block device is page cache in DRAM, never the persistent memory
 * itself), the way upstream ndctl, which takes the same O_EXCL and
 * nothing more, lets it.  A mapping of the persistent memory itself goes
 * through a DAX filesystem, which is mounted, or the devdax character
 * device, which is scanned for.
 *
 * A refusal is explained by the mount, swap or holder, or else by the
 * process that has the disk open; reading those costs only then.
 */
static bool blockdev_in_use(struct inuse *iu, const char *blockdev)
{
	char **nodes = NULL;
	bool busy = false;
	int i, n, rc;

	if (!blockdev || !blockdev[0])
		return false;
	rc = claim_exclusive(iu, blockdev);
	if (!rc)
		return false;
	n = disk_and_partitions(iu, blockdev, &nodes);
	if (n <= 0) {
		set_why(iu, "%s: cannot list its partitions", blockdev);
		return true;
	}
	for (i = 0; !busy && i < n; i++)
		busy = claimed_by_kernel(iu, nodes[i]);
	/* No node to open (--sysroot): the kernel's claims answered. */
	if (!busy && rc == -EBUSY) {
		name_exclusive_opener(iu, nodes, n);
		busy = true;
	}
	sysfs_free_names(nodes);
	return busy;
}

/* The device's alignment: the kernel aligns every mapping of it to this. */
static unsigned long dax_align(struct inuse *iu, const char *name)
{
	uint64_t align;

	if (sysfs_read_u64(iu->root, &align, "sys/bus/dax/devices/%s/align",
			   name) ||
	    !align || (align & (align - 1)))
		return 4096;
	return (unsigned long)align;
}

/*
 * Whether any file of any device-dax character device may be open, as
 * the kernel counts them.  chrdev_open() takes two references on the
 * module that owns the device's cdev and file operations, device_dax,
 * for every file it opens (cdev_get() and fops_get()), and __fput()
 * drops them only when the file's last user lets go of it: its last
 * descriptor, and its last mapping, which holds the file too.  The
 * module's other references are one for each module that uses its
 * symbols (a link in holders/).  So refcnt equal to the number of
 * holders says no process has any device-dax device open or mapped,
 * through whatever node, and a scan could find nothing.  Anything
 * else (more references, device_dax built in and so without refcnt,
 * a value that does not parse, holders/ unreadable) sends the check
 * to the scan, which is never wrong in the other direction.
 */
static bool dax_files_open(struct inuse *iu)
{
	char **names = NULL;
	int refs, holders;

	if (sysfs_read_int(iu->root, &refs, "sys/module/device_dax/refcnt"))
		return true;
	holders = sysfs_list(iu->root, "", &names,
			     "sys/module/device_dax/holders");
	sysfs_free_names(names);
	return holders < 0 || refs != holders;
}

static bool daxdev_in_use(struct inuse *iu, struct daxctl_dev *dev,
			  bool memory_ok)
{
	const char *name = daxctl_dev_get_devname(dev);
	struct daxctl_memblocks mb;
	struct dev_use holder;
	char comm[32], why[160];
	dev_t devnum;
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
	if (!dax_files_open(iu))
		return false;
	devnum = read_devnum(iu, "sys/bus/dax/devices/%s/dev", name);
	if (!devnum ||
	    !find_holder(iu, true, devnum, dax_align(iu, name), &holder))
		return false;
	proc_comm(iu, holder.pid, comm, sizeof(comm));
	set_why(iu, "/dev/%s is %s by process %d (%s)", name,
		holder.mapped ? "mapped" : "open", (int)holder.pid, comm);
	return true;
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

const char *inuse_namespace_user(struct inuse *iu, struct ndctl_namespace *ns)
{
	return namespace_in_use(iu, ns) ? iu->why : NULL;
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
