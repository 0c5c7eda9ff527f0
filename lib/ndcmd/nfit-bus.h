/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The NFIT bus family of ND_CMD_CALL (ACPI 6.2+ root device _DSM):
 * translate a system physical address to the DIMMs behind it, and the
 * ARS error injection functions (inject, clear the injection, list what
 * is injected).  Payloads only: the header is call.h's.
 */
#ifndef NDCMD_NFIT_BUS_H
#define NDCMD_NFIT_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	ND_NFIT_TRANSLATE_SPA = 5,
	ND_NFIT_ARS_INJECT_SET = 7,
	ND_NFIT_ARS_INJECT_CLEAR = 8,
	ND_NFIT_ARS_INJECT_GET = 9,
};

/* Input and output sizes of each payload. */
#define ND_INJECT_SET_IN 17
#define ND_INJECT_SET_OUT 4
#define ND_INJECT_CLEAR_IN 16
#define ND_INJECT_CLEAR_OUT 4
#define ND_INJECT_GET_HDR 8
#define ND_INJECT_GET_RECORD 16
#define ND_TRANSLATE_SPA_IN 8
#define ND_TRANSLATE_SPA_HDR 20 /* status .. num_nvdimms, after the SPA */
#define ND_TRANSLATE_SPA_DEVICE 16

/* Inject a poison over [base, base + length); notify: tell the OS. */
void nd_inject_set_encode(uint8_t *buf, uint64_t base, uint64_t length,
			  bool notify);
/* Status 1: not supported; 2: invalid parameters. */
int nd_inject_set_decode(const uint8_t *buf, size_t len, uint32_t *status);
void nd_inject_clear_encode(uint8_t *buf, uint64_t base, uint64_t length);
int nd_inject_clear_decode(const uint8_t *buf, size_t len, uint32_t *status);

struct nd_inject_list {
	uint32_t status, count;
	const uint8_t *records;
};
/* The request asks for out bytes of list: zeroes. */
void nd_inject_get_encode(uint8_t *buf, uint32_t out);
/* -EBADMSG when count records do not fit in what came back. */
int nd_inject_get_decode(const uint8_t *buf, size_t len,
			 struct nd_inject_list *list);
void nd_inject_get_record(const struct nd_inject_list *list, uint32_t i,
			  uint64_t *base, uint64_t *length);

/* A run of 512-byte blocks. */
struct nd_block_run {
	uint64_t block, count;
};
/*
 * The injected ranges that start inside [start, start + size) as block
 * runs relative to start, sorted, overlapping and adjoining runs merged
 * (a range is rounded out to whole blocks).  Fills up to max runs and
 * returns how many there are in all.
 */
uint32_t nd_inject_list_to_runs(const struct nd_inject_list *list,
				uint64_t start, uint64_t size,
				struct nd_block_run *runs, uint32_t max);

/* Total payload size (input and output) to translate with room for n. */
uint32_t nd_translate_spa_size(uint32_t ndimms);
void nd_translate_spa_encode(uint8_t *buf, uint64_t spa, uint32_t ndimms);
struct nd_spa_device {
	uint32_t handle;
	uint64_t dpa;
};
/*
 * The first DIMM the address maps to (a mirror lists more).  -ENXIO
 * when the firmware finds no DIMM there (status 2, or none listed).
 */
int nd_translate_spa_decode(const uint8_t *buf, size_t len, uint32_t *status,
			    struct nd_spa_device *dev);

#endif
