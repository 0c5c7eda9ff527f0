// SPDX-License-Identifier: GPL-2.0
/*
 * The memdev mailbox payloads (lib/cxl/payload.c) on byte buffers laid
 * out by hand from the specification's tables: every field at its
 * offset, little endian, capacities in 256 MiB units.
 */
#include <errno.h>
#include <string.h>

#include <cxl/payload.h>

#include "tap.h"

#define MIB (1ULL << 20)

static void put_le(uint8_t *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void identify(void)
{
	uint8_t b[CXL_IDENTIFY_OUT_SIZE] = { 0 };
	struct cxl_identify id;

	/* A full 16-byte revision, no NUL on the wire. */
	memcpy(b, "ABCDEFGHIJKLMNOP", 16);
	put_le(b + 0x10, 4, 8); /* total: 1 GiB */
	put_le(b + 0x18, 1, 8); /* volatile only: 256 MiB */
	put_le(b + 0x20, 2, 8); /* persistent only: 512 MiB */
	put_le(b + 0x28, 1, 8); /* alignment: 256 MiB */
	put_le(b + 0x38, 0x100000, 4);
	tap_ok(cxl_identify_decode(b, sizeof(b), &id) == 0, "identify decodes");
	tap_ok(!strcmp(id.fw_revision, "ABCDEFGHIJKLMNOP"),
	       "identify: a 16-byte revision is terminated");
	tap_ok(id.total_bytes == 1024 * MIB &&
		       id.volatile_only_bytes == 256 * MIB &&
		       id.persistent_only_bytes == 512 * MIB,
	       "identify: capacities in 256 MiB units");
	tap_ok(id.partition_align_bytes == 256 * MIB,
	       "identify: partition alignment");
	tap_ok(id.lsa_size == 0x100000, "identify: label area size at 0x38");
	tap_ok(cxl_identify_decode(b, sizeof(b) - 1, &id) == -EIO,
	       "identify: a short payload is -EIO");
}

static void partition(void)
{
	uint8_t b[CXL_PARTITION_OUT_SIZE] = { 0 };
	uint8_t in[CXL_SET_PARTITION_IN_SIZE + 2];
	struct cxl_partition p;

	put_le(b, 1, 8);
	put_le(b + 8, 3, 8);
	put_le(b + 16, 2, 8);
	put_le(b + 24, 0x100000000ULL, 8);
	tap_ok(cxl_partition_decode(b, sizeof(b), &p) == 0 &&
		       p.active_volatile_bytes == 256 * MIB &&
		       p.active_persistent_bytes == 768 * MIB &&
		       p.next_volatile_bytes == 512 * MIB,
	       "get partition info: active and next sizes");
	tap_ok(p.next_persistent_bytes == 0x100000000ULL * 256 * MIB,
	       "get partition info: all 64 bits of a capacity");

	memset(in, 0xee, sizeof(in));
	tap_ok(cxl_set_partition_encode(768 * MIB, 0, in, sizeof(in)) == 0,
	       "set partition info encodes");
	tap_ok(in[0] == 3 && in[1] == 0 && in[7] == 0 && in[8] == 0 &&
		       in[9] == 0,
	       "set partition info: 3 units, no flags, reserved zero");
	tap_ok(in[10] == 0xee, "set partition info: 10 bytes, no more");
	tap_ok(cxl_set_partition_encode(100 * MIB, 0, in, sizeof(in)) ==
		       -EINVAL,
	       "set partition info: not 256 MiB aligned is -EINVAL");
	tap_ok(cxl_set_partition_encode(0, 1, in, 9) == -ENOSPC,
	       "set partition info: too small a buffer");
	cxl_set_partition_encode(0, 1, in, sizeof(in));
	tap_ok(in[8] == 1, "set partition info: the immediate flag byte");
}

static void fw_info(void)
{
	uint8_t b[CXL_FW_INFO_OUT_SIZE] = { 0 };
	struct cxl_fw_info fw;

	b[0] = 2;
	b[1] = 2 | 1 << 3; /* active slot 2, staged slot 1 */
	b[2] = 1;
	memcpy(b + 0x10, "BWFW VERSION 00", 15);
	memcpy(b + 0x20, "0123456789abcdef", 16);
	tap_ok(cxl_fw_info_decode(b, sizeof(b), &fw) == 0, "fw info decodes");
	tap_ok(fw.num_slots == 2 && fw.active_slot == 2 &&
		       fw.staged_slot == 1 && fw.online_activate,
	       "fw info: slots, active 2:0, staged 5:3, live activation");
	tap_ok(!strcmp(fw.slot_version[0], "BWFW VERSION 00") &&
		       !strcmp(fw.slot_version[1], "0123456789abcdef") &&
		       !fw.slot_version[2][0] && !fw.slot_version[3][0],
	       "fw info: each slot's revision, empty ones empty");
	b[1] = 0x3f;
	cxl_fw_info_decode(b, sizeof(b), &fw);
	tap_ok(fw.active_slot == 7 && fw.staged_slot == 7,
	       "fw info: the two slot fields do not bleed");
}

static void alerts(void)
{
	uint8_t b[CXL_ALERT_OUT_SIZE] = { 0 };
	uint8_t in[CXL_SET_ALERT_IN_SIZE];
	struct cxl_alert_config a;
	struct cxl_alert_request r = { 0 };

	b[0] = 0x11;
	b[1] = 0x1f;
	b[2] = 95;
	b[3] = 80;
	put_le(b + 4, 100, 2);
	put_le(b + 6, 0xfffb, 2); /* -5 C */
	put_le(b + 8, 70, 2);
	put_le(b + 10, 10, 2);
	put_le(b + 12, 1000, 2);
	put_le(b + 14, 65535, 2);
	tap_ok(cxl_alert_config_decode(b, sizeof(b), &a) == 0,
	       "alert config decodes");
	tap_ok(a.valid == 0x11 && a.writable == 0x1f,
	       "alert config: valid and programmable bits");
	tap_ok(a.life_used_crit == 95 && a.warn[CXL_ALERT_LIFE_USED] == 80,
	       "alert config: life used critical and warning");
	tap_ok(a.over_temp_crit == 100 && a.under_temp_crit == 0xfffb,
	       "alert config: temperatures as their raw 16 bits (as v81)");
	tap_ok(a.warn[CXL_ALERT_OVER_TEMP] == 70 &&
		       a.warn[CXL_ALERT_UNDER_TEMP] == 10 &&
		       a.warn[CXL_ALERT_VOLATILE_ERR] == 1000 &&
		       a.warn[CXL_ALERT_PMEM_ERR] == 65535,
	       "alert config: the warning thresholds in order");

	r.valid = 0x1f;
	r.enable = 0x05;
	r.warn[CXL_ALERT_LIFE_USED] = 50;
	r.warn[CXL_ALERT_OVER_TEMP] = 85;
	r.warn[CXL_ALERT_UNDER_TEMP] = -10;
	r.warn[CXL_ALERT_VOLATILE_ERR] = 300;
	r.warn[CXL_ALERT_PMEM_ERR] = 0x1234;
	tap_ok(cxl_set_alert_encode(&r, in, sizeof(in)) == 0,
	       "set alert config encodes");
	tap_ok(in[0] == 0x1f && in[1] == 0x05 && in[2] == 50 && in[3] == 0,
	       "set alert config: valid, enable, life used, reserved");
	tap_ok(in[4] == 85 && in[5] == 0 && in[6] == 0xf6 && in[7] == 0xff,
	       "set alert config: temperatures, negative in two's "
	       "complement");
	tap_ok(in[8] == 0x2c && in[9] == 1 && in[10] == 0x34 && in[11] == 0x12,
	       "set alert config: error counts little endian");
	r.warn[CXL_ALERT_LIFE_USED] = 101;
	tap_ok(cxl_set_alert_encode(&r, in, sizeof(in)) == -ERANGE,
	       "set alert config: life used above 100 is -ERANGE");
	r.warn[CXL_ALERT_LIFE_USED] = 0;
	r.warn[CXL_ALERT_UNDER_TEMP] = -32769;
	tap_ok(cxl_set_alert_encode(&r, in, sizeof(in)) == -ERANGE,
	       "set alert config: a temperature below 16 bits");
	r.warn[CXL_ALERT_UNDER_TEMP] = 0;
	r.warn[CXL_ALERT_PMEM_ERR] = 65536;
	tap_ok(cxl_set_alert_encode(&r, in, sizeof(in)) == -ERANGE,
	       "set alert config: an error count above 16 bits");
}

int main(void)
{
	identify();
	partition();
	fw_info();
	alerts();
	return tap_done();
}
