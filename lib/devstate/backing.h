/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a dax region is carved from: the one reader of the namespace
 * behind a dax device.  It sits here, above both libraries, so that
 * libdaxctl reads only the dax bus and never an nd attribute.  It reads
 * through the command's nd library (devstate_nd(), found through the
 * dax library's userdata), which reads the bus on first use: looking up
 * one nd dax device and its namespace lists the bus's and the region's
 * directories and reads six attributes of those two devices: nine
 * opens on the devdax fixture, where opening the context used to read
 * the whole bus first.
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
/*
 * Fills b in (zeroed when region is not nd, or its dax library was not
 * opened by devstate_open()); 0 or -ENAMETOOLONG.  The nd library is
 * the command's: it shows the state of its last refresh.
 */
int dev_backing_read(struct daxctl_region *region, struct dev_backing *b);

#endif
