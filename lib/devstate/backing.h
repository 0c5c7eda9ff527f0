/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a dax region is carved from: the one reader of the namespace
 * behind a dax device.  It sits here, above both libraries, so that
 * libdaxctl reads only the dax bus and never an nd attribute.  It reads
 * the nd dax device's four attributes and its namespace's two by path
 * rather than through the command's nd context: opening that context
 * walks the whole nd bus (ndctl list opens 264 files on the devdax
 * fixture), and daxctl list and reconfigure-device need six reads.
 */
#ifndef DEVSTATE_BACKING_H
#define DEVSTATE_BACKING_H

#include <stdbool.h>
#include <stdint.h>
#include <daxctl/libdaxctl.h>

/*
 * Static regions under an nd dax device ("dax0.1") sit on a namespace
 * with an info block; the rest (hmem, CXL) are dynamic ranges with
 * their memmap always in DRAM.
 */
struct dev_backing {
	bool nd; /* namespace-backed, with an info block */
	char claim[32]; /* nd dax device, e.g. "dax0.1" */
	char ns[32]; /* namespace, e.g. "namespace0.0" */
	bool memmap_pmem; /* nd mode "pmem": memmap in the reserve */
	uint64_t ns_start, ns_size;
	/*
	 * The namespace's size could not be read, or read 0 (a claimed
	 * namespace has capacity): the negative errno, else 0.
	 */
	int ns_err;
	uint64_t align; /* nd dax align */
	/* What the nd dax device accepts as align, 0-terminated. */
	uint64_t supported_aligns[8];
};
/* Fills b in (zeroed when region is not nd); 0 or -ENAMETOOLONG. */
int dev_backing_read(struct daxctl_region *region, struct dev_backing *b);

#endif
