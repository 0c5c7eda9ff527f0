// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl load-keys: put the NVDIMM passphrase keys into the user keyring
 * from the keys directory, as a boot does before libnvdimm loads (so the
 * kernel can unlock the DIMMs): first the key-encryption key,
 * nvdimm-master.blob, as a "user" key, or as a "trusted" (TPM) key when
 * a TPM handle is given or tpm.handle holds one; then every DIMM's
 * nvdimm_<id>_<host>.blob as the encrypted key nvdimm:<id>.  A key
 * already in the keyring is left as it is.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <keyutils.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "keys.h"

/* The TPM handle in tpm.handle, its first line, or NULL. */
static char *read_tpm_handle(int dirfd)
{
	char buf[128], *nl;
	ssize_t n;
	int fd = openat(dirfd, "tpm.handle", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return NULL;
	buf[n] = 0;
	nl = strchr(buf, '\n');
	if (nl)
		*nl = 0;
	return buf[0] ? strdup(buf) : NULL;
}

static int load_master(int dirfd, const char *dir, const char *tpm)
{
	const char *type = tpm ? "trusted" : "user";
	char label[PATH_MAX], *blob;
	size_t size;
	long key;
	int err;

	if (keyctl_search(KEY_SPEC_USER_KEYRING, type, "nvdimm-master", 0) >
	    0) {
		pr_debug("the %s key nvdimm-master is already loaded", type);
		return 0;
	}
	snprintf(label, sizeof(label), "%s/nvdimm-master.blob", dir);
	blob = nd_key_read_blob(dirfd, "nvdimm-master.blob", label,
				tpm ? "load " : NULL, tpm, &size);
	if (!blob)
		return -ENOKEY;
	key = add_key(type, "nvdimm-master", blob, size, KEY_SPEC_USER_KEYRING);
	err = errno;
	/* A user master key's blob is the key itself: wipe it. */
	memset(blob, 0, size);
	free(blob);
	if (key < 0) {
		pr_err("%s/nvdimm-master.blob: loading the %s key failed: %s",
		       dir, type, strerror(err));
		return -err;
	}
	printf("nvdimm master key loaded.\n");
	return 0;
}

/* The id in "nvdimm_<id>_<host>.blob", or NULL for another file. */
static char *blob_id(const char *fname)
{
	const char *id, *end;
	size_t len = strlen(fname);

	if (strncmp(fname, "nvdimm_", 7) || len < 5 ||
	    strcmp(fname + len - 5, ".blob"))
		return NULL;
	id = fname + 7;
	end = strchr(id, '_');
	if (!end || end == id)
		return NULL;
	return strndup(id, (size_t)(end - id));
}

static int load_dimm_keys(int dirfd, const char *dir)
{
	DIR *d = fdopendir(dup(dirfd));
	struct dirent *de;
	int failed = 0;

	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		char desc[160], label[PATH_MAX], *id, *blob;
		size_t size;
		long key;

		if (de->d_type != DT_REG && de->d_type != DT_UNKNOWN)
			continue;
		id = blob_id(de->d_name);
		if (!id)
			continue;
		snprintf(desc, sizeof(desc), "nvdimm:%s", id);
		free(id);
		if (keyctl_search(KEY_SPEC_USER_KEYRING, "encrypted", desc, 0) >
		    0)
			continue;
		snprintf(label, sizeof(label), "%s/%s", dir, de->d_name);
		blob = nd_key_read_blob(dirfd, de->d_name, label, "load ", NULL,
					&size);
		if (!blob) {
			failed++;
			continue;
		}
		key = add_key("encrypted", desc, blob, size,
			      KEY_SPEC_USER_KEYRING);
		if (key < 0) {
			pr_err("%s/%s: loading %s failed: %s", dir, de->d_name,
			       desc, strerror(errno));
			failed++;
		}
		free(blob);
	}
	closedir(d);
	return failed ? -EIO : 0;
}

int cmd_load_keys(int argc, char **argv)
{
	const char *dir = NULL, *tpm_opt = NULL;
	int verbose = 0;
	const struct opt options[] = {
		OPT_STR('p', "key-path", &dir, "DIR",
			"the keys directory (default " NDCTL_KEYS_DIR ")"),
		OPT_STR('t', "tpm-handle", &tpm_opt, "HANDLE",
			"the TPM handle of a trusted key-encryption key"),
		OPT_VERBOSE(&verbose),
		OPT_TERM,
	};
	char *tpm = NULL;
	int i, dirfd, rc;

	i = parse_options(argc, argv, options,
			  "ndctl load-keys [-p <key-path>] [-t <tpm-handle>]");
	log_set_verbose(verbose);
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (!dir)
		dir = nd_keys_dir();
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		pr_err("keys directory %s: %s", dir, strerror(errno));
		return EXIT_FAIL;
	}
	tpm = tpm_opt ? strdup(tpm_opt) : read_tpm_handle(dirfd);
	rc = load_master(dirfd, dir, tpm);
	free(tpm);
	if (!rc)
		rc = load_dimm_keys(dirfd, dir);
	close(dirfd);
	return rc ? EXIT_FAIL : EXIT_OK;
}
