// SPDX-License-Identifier: GPL-2.0
/*
 * btf_has_name() (lib/devstate/kernel-btf.c) on BTF images laid out as
 * include/uapi/linux/btf.h has them: whole names found, parts of names
 * and other sections not, and a header that does not add up refused.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <devstate/kernel-btf.h>
#include "tap.h"

/* Header, 8 bytes of "types", then the strings. */
static size_t image(unsigned char *buf, const char *strings, size_t slen)
{
	uint16_t magic = 0xeb9f;
	uint32_t v[5] = { 24, 0, 8, 8, (uint32_t)slen };

	memcpy(buf, &magic, 2);
	buf[2] = 1;
	buf[3] = 0;
	memcpy(buf + 4, v, sizeof(v));
	memcpy(buf + 24, "func_in_types\0", 8);
	memcpy(buf + 32, strings, slen);
	return 32 + slen;
}

int main(void)
{
	static const char strings[] = "\0dev_dax_probe\0memmap_on_memory_store"
				      "\0xmemmap_on_memory_show\0";
	unsigned char buf[256];
	size_t len = image(buf, strings, sizeof(strings) - 1);

	tap_ok(btf_has_name(buf, len, "memmap_on_memory_store") == 1,
	       "a name of the string section is found");
	tap_ok(btf_has_name(buf, len, "dev_dax_probe") == 1,
	       "the first name after the empty one too");
	tap_ok(btf_has_name(buf, len, "memmap_on_memory_show") == 0,
	       "the tail of a longer name is not the name");
	tap_ok(btf_has_name(buf, len, "memmap_on_memory") == 0, "nor its head");
	tap_ok(btf_has_name(buf, len, "func_in") == 0,
	       "the type section is not searched");
	buf[0] ^= 0xff;
	tap_ok(btf_has_name(buf, len, "dev_dax_probe") == -EBADMSG,
	       "a wrong magic is not BTF");
	buf[0] ^= 0xff;
	tap_ok(btf_has_name(buf, len - 1, "dev_dax_probe") == -EBADMSG,
	       "a string section past the end is refused");
	tap_ok(btf_has_name(buf, 10, "dev_dax_probe") == -EBADMSG,
	       "a short header is refused");
	len = image(buf, "\0unterminated", 13);
	tap_ok(btf_has_name(buf, len, "nothing") == -EBADMSG,
	       "a last string without its NUL is refused");
	return tap_done();
}
