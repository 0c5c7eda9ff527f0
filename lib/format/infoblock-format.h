/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pfn and dax info block (struct nd_pfn_sb in the kernel's
 * drivers/nvdimm/pfn.h): 4 KiB at offset 4 KiB of a namespace in fsdax or
 * devdax mode, all fields little-endian, closed by a Fletcher-64 checksum
 * of the block with the checksum field zero.  Parsing only; no I/O.
 */
#ifndef NDCTL_INFOBLOCK_FORMAT_H
#define NDCTL_INFOBLOCK_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memmap/memmap.h>

#define INFOBLOCK_OFFSET 4096
#define INFOBLOCK_SIZE 4096
/*
 * What read-infoblock saves and parses, and write-infoblock writes to a
 * file: a namespace's first 8 KiB, the info block in its second half,
 * as upstream's tools exchange them.
 */
#define INFOBLOCK_IMAGE_SIZE (INFOBLOCK_OFFSET + INFOBLOCK_SIZE)

struct pfn_info {
	char signature[17]; /* "NVDIMM_PFN_INFO" or "NVDIMM_DAX_INFO" */
	uint8_t uuid[16], parent_uuid[16];
	uint32_t flags;
	uint16_t version_major, version_minor;
	uint64_t dataoff; /* the data's offset in the namespace */
	uint64_t npfns;
	uint32_t mode; /* 1: memmap in DRAM, 2: in the reserve */
	uint32_t start_pad, end_trunc;
	uint32_t align; /* minor 2 on */
	uint32_t page_size; /* minor 4 on */
	uint16_t page_struct_size; /* minor 4 on */
	uint64_t checksum; /* as stored */
	bool checksum_ok; /* stored == computed */
};

/* The kernel's nd_fletcher64 over len bytes (a multiple of 4). */
uint64_t infoblock_fletcher64(const void *buf, size_t len);

/*
 * Parse the INFOBLOCK_SIZE bytes at buf.  -ENOENT when the signature is
 * not a pfn or dax one (sig then holds what was there, printable, or
 * "" for a zeroed block), -EINVAL when len is short.
 */
int infoblock_parse(const void *buf, size_t len, struct pfn_info *info,
		    char sig[17]);

/* Lay the fields of info out as a block at buf, checksum included. */
void infoblock_format(const struct pfn_info *info, void *buf);

/*
 * The info block the kernel would write (nd_pfn_init()) for a namespace
 * of size bytes at offset in its region: fsdax or devdax, memmap in DRAM
 * (mode 1) or on the device (mode 2), version 1.4, uuids left zero.  An
 * offset short of the align records the padding (start_pad) as the
 * upstream tool does.  0, or a memmap_error.
 */
int infoblock_layout(const struct memmap_profile *p, uint64_t offset,
		     uint64_t size, uint64_t align, enum memmap_location loc,
		     bool devdax, struct pfn_info *info);

#endif
