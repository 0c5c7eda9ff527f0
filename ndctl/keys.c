// SPDX-License-Identifier: GPL-2.0
/*
 * NVDIMM passphrase keys in the kernel's user keyring and their blobs
 * under the keys directory (keys.h).  The blobs are written mode 0600
 * with O_EXCL, read only when they are regular files of at most 4 KiB,
 * and their bytes never reach a message.
 */
#include <errno.h>
#include <fcntl.h>
#include <keyutils.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <util/file.h>
#include <util/log.h>
#include "keys.h"

#define BLOB_MAX 4096

const char *nd_keys_dir(void)
{
	return NDCTL_KEYS_DIR;
}

static const char *kind_prefix(enum nd_key_kind kind)
{
	switch (kind) {
	case ND_KEY_USER:
		return "nvdimm";
	case ND_KEY_USER_OLD:
		return "nvdimm-old";
	case ND_KEY_MASTER:
		return "nvdimm-master";
	case ND_KEY_MASTER_OLD:
		return "nvdimm-master-old";
	}
	return "nvdimm";
}

static const char *dimm_id(struct ndctl_dimm *dimm)
{
	const char *id = ndctl_dimm_get_unique_id(dimm);

	return id ? id : "";
}

int nd_key_desc(struct ndctl_dimm *dimm, enum nd_key_kind kind, char *buf,
		size_t len)
{
	if (!*dimm_id(dimm)) {
		pr_err("%s: the DIMM has no unique id to name its key",
		       ndctl_dimm_get_devname(dimm));
		return -ENXIO;
	}
	if ((size_t)snprintf(buf, len, "%s:%s", kind_prefix(kind),
			     dimm_id(dimm)) >= len)
		return -ENAMETOOLONG;
	return 0;
}

int nd_key_path(struct ndctl_dimm *dimm, enum nd_key_kind kind, char *buf,
		size_t len)
{
	char host[HOST_NAME_MAX + 1];

	if (gethostname(host, sizeof(host)))
		return -errno;
	host[HOST_NAME_MAX] = 0;
	if (!*dimm_id(dimm))
		return -ENXIO;
	if ((size_t)snprintf(buf, len, "%s/%s_%s_%s.blob", nd_keys_dir(),
			     kind_prefix(kind), dimm_id(dimm), host) >= len)
		return -ENAMETOOLONG;
	return 0;
}

long nd_key_find(struct ndctl_dimm *dimm, enum nd_key_kind kind)
{
	char desc[128];
	long key;
	int rc = nd_key_desc(dimm, kind, desc, sizeof(desc));

	if (rc)
		return rc;
	key = keyctl_search(KEY_SPEC_USER_KEYRING, "encrypted", desc, 0);
	return key < 0 ? -ENOKEY : key;
}

char *nd_key_read_blob(int dirfd, const char *path, const char *label,
		       const char *prefix, const char *handle, size_t *size)
{
	size_t pre = prefix ? strlen(prefix) : 0, post = 0, off = 0;
	struct stat st;
	char *blob;
	ssize_t n;
	int fd;

	fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		pr_err("key blob %s: %s", label, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    st.st_size > BLOB_MAX) {
		pr_err("key blob %s: not a regular file of 1 to %d bytes",
		       label, BLOB_MAX);
		close(fd);
		return NULL;
	}
	if (handle)
		post = strlen(" keyhandle=") + strlen(handle);
	blob = malloc(pre + (size_t)st.st_size + post + 1);
	if (!blob) {
		close(fd);
		return NULL;
	}
	memcpy(blob, prefix ? prefix : "", pre);
	while (off < (size_t)st.st_size) {
		n = read(fd, blob + pre + off, (size_t)st.st_size - off);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	if (off != (size_t)st.st_size) {
		pr_err("key blob %s: short read", label);
		free(blob);
		return NULL;
	}
	*size = pre + off;
	if (handle)
		*size += (size_t)sprintf(blob + *size, " keyhandle=%s", handle);
	blob[*size] = 0;
	return blob;
}

long nd_key_load(struct ndctl_dimm *dimm, enum nd_key_kind kind)
{
	char desc[128], path[PATH_MAX], *blob;
	size_t size;
	long key;
	int rc;

	rc = nd_key_desc(dimm, kind, desc, sizeof(desc));
	if (!rc)
		rc = nd_key_path(dimm, kind, path, sizeof(path));
	if (rc)
		return rc;
	if (access(path, F_OK))
		return -ENOKEY;
	/* A blob there that cannot be read is said as such, not missing. */
	blob = nd_key_read_blob(AT_FDCWD, path, path, "load ", NULL, &size);
	if (!blob)
		return -EIO;
	key = add_key("encrypted", desc, blob, size, KEY_SPEC_USER_KEYRING);
	rc = errno;
	/* The wrapped key is not secret, but nothing keeps it around. */
	memset(blob, 0, size);
	free(blob);
	if (key < 0) {
		pr_err("%s: loading %s from %s failed: %s (is its "
		       "key-encryption key loaded?)",
		       ndctl_dimm_get_devname(dimm), desc, path, strerror(rc));
		return -rc;
	}
	return key;
}

long nd_key_get(struct ndctl_dimm *dimm, enum nd_key_kind kind)
{
	char path[PATH_MAX];
	long key = nd_key_find(dimm, kind);

	if (key > 0)
		return key;
	key = nd_key_load(dimm, kind);
	if (key == -ENOKEY) {
		if (nd_key_path(dimm, kind, path, sizeof(path)))
			path[0] = 0;
		pr_err("%s: no %s key in the user keyring and no blob at %s",
		       ndctl_dimm_get_devname(dimm), kind_prefix(kind), path);
	}
	return key;
}

int nd_kek_check(const char *kek)
{
	const char *colon = kek ? strchr(kek, ':') : NULL;
	char type[16];
	size_t tlen;

	if (!colon || colon == kek || !colon[1]) {
		pr_err("key handle '%s': want user:NAME or trusted:NAME",
		       kek ? kek : "");
		return -EINVAL;
	}
	tlen = (size_t)(colon - kek);
	if (tlen >= sizeof(type)) {
		pr_err("key handle '%s': type must be user or trusted", kek);
		return -EINVAL;
	}
	memcpy(type, kek, tlen);
	type[tlen] = 0;
	if (strcmp(type, "user") && strcmp(type, "trusted")) {
		pr_err("key handle '%s': type must be user or trusted", kek);
		return -EINVAL;
	}
	if (keyctl_search(KEY_SPEC_USER_KEYRING, type, colon + 1, 0) < 0) {
		pr_err("key handle '%s': no %s key '%s' in the user keyring "
		       "('ndctl load-keys' loads it)",
		       kek, type, colon + 1);
		return -ENOKEY;
	}
	return 0;
}

long nd_key_create(struct ndctl_dimm *dimm, enum nd_key_kind kind,
		   const char *kek)
{
	const char *name = ndctl_dimm_get_devname(dimm);
	char desc[128], path[PATH_MAX], cmd[256];
	void *buf = NULL;
	long key, size;
	int rc, fd;

	rc = nd_key_desc(dimm, kind, desc, sizeof(desc));
	if (!rc)
		rc = nd_key_path(dimm, kind, path, sizeof(path));
	if (rc)
		return rc;
	if (nd_key_find(dimm, kind) > 0) {
		pr_err("%s: %s is already in the user keyring", name, desc);
		return -EEXIST;
	}
	if (snprintf(cmd, sizeof(cmd), "new enc32 %s 32", kek) >=
	    (int)sizeof(cmd))
		return -ENAMETOOLONG;
	if (mkdir(nd_keys_dir(), 0700) && errno != EEXIST) {
		pr_err("keys directory %s: %s", nd_keys_dir(), strerror(errno));
		return -errno;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
		  0600);
	if (fd < 0) {
		rc = -errno;
		pr_err("%s: key blob %s: %s", name, path, strerror(errno));
		return rc;
	}
	key = add_key("encrypted", desc, cmd, strlen(cmd),
		      KEY_SPEC_USER_KEYRING);
	if (key < 0) {
		rc = -errno;
		pr_err("%s: creating %s wrapped by %s failed: %s", name, desc,
		       kek, strerror(errno));
		goto fail;
	}
	size = keyctl_read_alloc(key, &buf);
	if (size <= 0) {
		rc = size < 0 ? -errno : -EIO;
		pr_err("%s: exporting %s failed: %s", name, desc,
		       strerror(-rc));
		goto fail;
	}
	rc = write_all(fd, buf, (size_t)size);
	free(buf);
	if (!rc && fsync(fd))
		rc = -errno;
	if (rc) {
		pr_err("%s: writing key blob %s failed: %s", name, path,
		       strerror(-rc));
		goto fail;
	}
	close(fd);
	return key;
fail:
	if (key > 0)
		keyctl_unlink(key, KEY_SPEC_USER_KEYRING);
	close(fd);
	unlink(path);
	return rc;
}

void nd_key_unlink(long key)
{
	if (key > 0)
		keyctl_unlink((key_serial_t)key, KEY_SPEC_USER_KEYRING);
}

int nd_key_discard(struct ndctl_dimm *dimm, enum nd_key_kind kind)
{
	char path[PATH_MAX];
	long key = nd_key_find(dimm, kind);
	int rc;

	if (key > 0)
		keyctl_unlink(key, KEY_SPEC_USER_KEYRING);
	rc = nd_key_path(dimm, kind, path, sizeof(path));
	if (rc)
		return rc;
	if (unlink(path) && errno != ENOENT) {
		rc = -errno;
		pr_err("%s: deleting key blob %s failed: %s",
		       ndctl_dimm_get_devname(dimm), path, strerror(errno));
		return rc;
	}
	return 0;
}

int nd_key_rename(struct ndctl_dimm *dimm, enum nd_key_kind from,
		  enum nd_key_kind to)
{
	char src[PATH_MAX], dst[PATH_MAX];
	int rc = nd_key_path(dimm, from, src, sizeof(src));

	if (!rc)
		rc = nd_key_path(dimm, to, dst, sizeof(dst));
	if (rc)
		return rc;
	if (rename(src, dst)) {
		rc = -errno;
		pr_err("%s: renaming key blob %s to %s failed: %s",
		       ndctl_dimm_get_devname(dimm), src, dst, strerror(errno));
		return rc;
	}
	return 0;
}

char *nd_key_kek(struct ndctl_dimm *dimm, enum nd_key_kind kind)
{
	long key = nd_key_find(dimm, kind);
	char *buf = NULL, *kek = NULL, *sp, *end;

	if (key <= 0 || keyctl_read_alloc(key, (void **)&buf) < 0)
		return NULL;
	/* "FORMAT KEK LEN HEX": the second word. */
	sp = strchr(buf, ' ');
	if (sp) {
		end = strchr(sp + 1, ' ');
		if (end)
			kek = strndup(sp + 1, (size_t)(end - sp - 1));
	}
	free(buf);
	return kek;
}
