/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVDIMM passphrase keys: kernel "encrypted" keys in the user keyring,
 * named nvdimm:<id> (nvdimm-master:<id> for the master passphrase),
 * each wrapped by a key-encryption key that is a "user" or "trusted"
 * (TPM) key, and kept across boots as the blob the kernel exports, one
 * file per DIMM under the keys directory, as upstream names them.  The
 * passphrases themselves stay in the kernel: only key serials and the
 * wrapped blobs pass through here, and neither is ever printed.
 */
#ifndef NDCTL_KEYS_H
#define NDCTL_KEYS_H

#include <stddef.h>
#include <ndctl/libndctl.h>

enum nd_key_kind {
	ND_KEY_USER,
	ND_KEY_USER_OLD,
	ND_KEY_MASTER,
	ND_KEY_MASTER_OLD,
};

/* The keys directory (NDCTL_KEYS_DIR unless -p names another). */
const char *nd_keys_dir(void);

/* The key's description and its blob's path; 0 or -errno. */
int nd_key_desc(struct ndctl_dimm *dimm, enum nd_key_kind kind, char *buf,
		size_t len);
int nd_key_path(struct ndctl_dimm *dimm, enum nd_key_kind kind, char *buf,
		size_t len);
/* The key's serial in the user keyring, or -errno (-ENOKEY). */
long nd_key_find(struct ndctl_dimm *dimm, enum nd_key_kind kind);
/* The key loaded from its blob into the user keyring: serial or -errno. */
long nd_key_load(struct ndctl_dimm *dimm, enum nd_key_kind kind);
/* Found, or else loaded; said when neither: serial or -ENOKEY. */
long nd_key_get(struct ndctl_dimm *dimm, enum nd_key_kind kind);
/*
 * A new key wrapped by kek ("user:NAME" or "trusted:NAME"), added to
 * the keyring and its blob written (refused if either exists).
 */
long nd_key_create(struct ndctl_dimm *dimm, enum nd_key_kind kind,
		   const char *kek);
/* A key (by serial) out of the user keyring; its blob stays. */
void nd_key_unlink(long key);
/* The key out of the keyring and its blob deleted; 0 or -errno. */
int nd_key_discard(struct ndctl_dimm *dimm, enum nd_key_kind kind);
/* The blob renamed from one kind to another (the user key to old). */
int nd_key_rename(struct ndctl_dimm *dimm, enum nd_key_kind from,
		  enum nd_key_kind to);
/* A kek handle well formed and its key in the user keyring; said if not. */
int nd_kek_check(const char *kek);
/* The kek that wraps the DIMM's key ("user:NAME"), malloc'ed, or NULL. */
char *nd_key_kek(struct ndctl_dimm *dimm, enum nd_key_kind kind);
/*
 * A blob file's bytes, with "load " before them when the key type
 * wants it and " keyhandle=H" after them for a trusted key; NULL with
 * the reason said, naming label.  dirfd as openat()'s.
 */
char *nd_key_read_blob(int dirfd, const char *path, const char *label,
		       const char *prefix, const char *handle, size_t *size);

#endif
