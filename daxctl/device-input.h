/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --input of create-device and reconfigure-device: one device object as
 * daxctl list prints it, every key checked before any is used.
 */
#ifndef DAXCTL_DEVICE_INPUT_H
#define DAXCTL_DEVICE_INPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <daxchange/dax-steps.h>

/* More ranges than a device is ever split into by hand. */
#define INPUT_RANGES_MAX 64

struct device_input {
	char region_id[16]; /* N of the chardev "daxN.M"; "" without one */
	bool has_size, has_align;
	uint64_t size, align; /* size: its mappings' total when it has them */
	struct dax_range ranges[INPUT_RANGES_MAX]; /* in page_offset order */
	unsigned int nr_ranges; /* 0: no "mappings" */
};

/* What the dax bus takes as a device align on x86_64. */
bool is_dax_align(uint64_t align);

/*
 * Read and check file.  0, or with one line printed naming the file, key
 * and value: -EINVAL for a value that is not what daxctl list prints
 * (a usage error), -EIO when the file cannot be read.
 */
int device_input_read(const char *file, struct device_input *in);

#endif
