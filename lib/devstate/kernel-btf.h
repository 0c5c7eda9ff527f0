/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether the running kernel has a function, from the BTF it publishes
 * (sys/kernel/btf/vmlinux, and one file per loaded module): the name in
 * its string section.  Evidence of a feature whose own sysfs attribute
 * shows only on a device that may not exist yet.
 */
#ifndef DEVSTATE_KERNEL_BTF_H
#define DEVSTATE_KERNEL_BTF_H

#include <stddef.h>

struct sysroot;

/*
 * 1 when name is a string of the BTF of object ("vmlinux", or a module's
 * name) under root, 0 when it is not, -ENOENT without that BTF (a kernel
 * built without CONFIG_DEBUG_INFO_BTF, a module not loaded), -EBADMSG for
 * a file that is not BTF.
 */
int kernel_btf_has_name(struct sysroot *root, const char *object,
			const char *name);
/* The same over a BTF image already read (the unit test's). */
int btf_has_name(const unsigned char *btf, size_t len, const char *name);

#endif
