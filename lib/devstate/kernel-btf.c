// SPDX-License-Identifier: GPL-2.0
/*
 * A name in the kernel's BTF (kernel-btf.h).  The layout, from the
 * kernel's include/uapi/linux/btf.h: a header (magic 0xeb9f, version,
 * flags, hdr_len, then the offsets and lengths of the type and string
 * sections, counted from the header's end), the string section a run of
 * NUL-terminated names starting with the empty one.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <util/sysfs.h>
#include "kernel-btf.h"

#define BTF_MAGIC 0xeb9f
#define BTF_MAX (64u << 20) /* vmlinux's is about 6 MiB */

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

int btf_has_name(const unsigned char *btf, size_t len, const char *name)
{
	uint32_t hdr_len, str_off, str_len;
	size_t nlen = strlen(name);
	const unsigned char *s, *end;
	uint16_t magic;

	/* magic(2) version(1) flags(1) hdr_len type_off type_len str_off str_len */
	if (len < 24)
		return -EBADMSG;
	memcpy(&magic, btf, sizeof(magic));
	/* Written in the kernel's byte order: the running one's. */
	if (magic != BTF_MAGIC)
		return -EBADMSG;
	hdr_len = get32(btf + 4);
	str_off = get32(btf + 16);
	str_len = get32(btf + 20);
	if (hdr_len < 24 || hdr_len > len || str_off > len - hdr_len ||
	    str_len > len - hdr_len - str_off)
		return -EBADMSG;
	s = btf + hdr_len + str_off;
	end = s + str_len;
	/* Each string, whole: a name that only ends another does not count. */
	while (s < end) {
		const unsigned char *nul = memchr(s, '\0', end - s);

		if (!nul)
			return -EBADMSG;
		if ((size_t)(nul - s) == nlen && !memcmp(s, name, nlen))
			return 1;
		s = nul + 1;
	}
	return 0;
}

int kernel_btf_has_name(struct sysroot *root, const char *object,
			const char *name)
{
	unsigned char *buf = NULL, *grown;
	size_t len = 0, cap = 0, n;
	int rc;
	FILE *f;

	f = sysfs_open_lines(root, "sys/kernel/btf/%s", object);
	if (!f)
		return -ENOENT;
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 1u << 20;
			grown = cap <= BTF_MAX ? realloc(buf, cap) : NULL;
			if (!grown) {
				free(buf);
				fclose(f);
				return cap > BTF_MAX ? -EFBIG : -ENOMEM;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n);
	rc = ferror(f) ? -EIO : btf_has_name(buf, len, name);
	fclose(f);
	free(buf);
	return rc;
}
