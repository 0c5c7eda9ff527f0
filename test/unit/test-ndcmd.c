// SPDX-License-Identifier: GPL-2.0
/*
 * The command channel's codecs on byte buffers: each request's bytes,
 * each reply's fields, and what a short, oversized, self-contradicting
 * or failed reply gives.  The bus layouts are checked against the
 * kernel's own structs (linux/ndctl.h) as a second source.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/ndctl.h>

#include <ndcmd/ars.h>
#include <ndcmd/bytes.h>
#include <ndcmd/call.h>
#include <ndcmd/fw-intel.h>
#include <ndcmd/health.h>
#include <ndcmd/nfit-bus.h>

#include "tap.h"

static void test_layouts_match_kernel(void)
{
	tap_ok(ND_ARS_CAP_SIZE == sizeof(struct nd_cmd_ars_cap),
	       "ARS_CAP is %zu bytes as the kernel's struct",
	       sizeof(struct nd_cmd_ars_cap));
	tap_ok(ND_ARS_START_SIZE == sizeof(struct nd_cmd_ars_start),
	       "ARS_START size");
	tap_ok(ND_ARS_STATUS_HDR_SIZE == sizeof(struct nd_cmd_ars_status),
	       "ARS_STATUS header size");
	tap_ok(ND_ARS_RECORD_SIZE == sizeof(struct nd_ars_record),
	       "ARS record size");
	tap_ok(ND_CLEAR_ERROR_SIZE == sizeof(struct nd_cmd_clear_error),
	       "CLEAR_ERROR size");
	tap_ok(ND_PKG_HDR_SIZE == sizeof(struct nd_cmd_pkg) &&
		       offsetof(struct nd_cmd_pkg, nd_fw_size) == 60,
	       "nd_cmd_pkg header is 64 bytes, fw_size at 60");
	tap_ok(offsetof(struct nd_cmd_ars_cap, clear_err_unit) == 24 &&
		       offsetof(struct nd_cmd_ars_status, num_records) == 44 &&
		       offsetof(struct nd_cmd_clear_error, cleared) == 24,
	       "field offsets as the kernel's");
}

static void test_pkg(void)
{
	struct nd_pkg sent = { .family = ND_FAMILY_INTEL,
			       .command = 1,
			       .size_in = 0,
			       .size_out = 132,
			       .fw_size = 132 },
		      got;
	uint8_t hdr[ND_PKG_HDR_SIZE + 4];
	struct nd_cmd_pkg k;

	memset(hdr, 0xaa, sizeof(hdr));
	nd_pkg_encode(hdr, &sent);
	memcpy(&k, hdr, sizeof(k));
	tap_ok(k.nd_family == 0 && k.nd_command == 1 && k.nd_size_in == 0 &&
		       k.nd_size_out == 132 && k.nd_fw_size == 132 &&
		       !k.nd_reserved2[0] && !k.nd_reserved2[8],
	       "pkg header as the kernel reads it, reserved words zero");
	tap_ok(hdr[ND_PKG_HDR_SIZE] == 0xaa, "header writes 64 bytes only");
	tap_ok(nd_pkg_decode(hdr, 63, &got) == -EMSGSIZE,
	       "a header of 63 bytes is short");
	nd_pkg_decode(hdr, 64, &got);
	tap_ok(nd_pkg_out_received(&sent, &got) == 132,
	       "untouched fw_size: the full output");
	got.fw_size = 20;
	tap_ok(nd_pkg_out_received(&sent, &got) == 20,
	       "firmware returned 20 bytes: 20 vouched for");
	got.fw_size = 4096;
	tap_ok(nd_pkg_out_received(&sent, &got) == 132,
	       "oversized fw_size: only what was asked for");
	got.fw_size = 132;
	got.command = 2;
	tap_ok(nd_pkg_out_received(&sent, &got) == 0,
	       "a header naming another call vouches for nothing");
}

static void put_cap_reply(uint8_t *b, uint32_t status, uint32_t max_out,
			  uint32_t unit)
{
	put_le32(b + 16, status);
	put_le32(b + 20, max_out);
	put_le32(b + 24, unit);
}

static void test_ars_cap(void)
{
	uint8_t b[ND_ARS_CAP_SIZE + 8];
	struct nd_ars_cap cap;
	struct nd_cmd_ars_cap k;

	nd_ars_cap_encode(b, 0x100000000ull, 0x2000000);
	memcpy(&k, b, sizeof(k));
	tap_ok(k.address == 0x100000000ull && k.length == 0x2000000 &&
		       !k.status && !k.max_ars_out,
	       "ARS_CAP request: address and length, the rest zero");
	/* nfit_test's reply: both types, 4128 bytes of status, unit 256. */
	put_cap_reply(b, 3u << 16, 4128, 256);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == 0 &&
		       cap.max_ars_out == 4128 && cap.clear_err_unit == 256 &&
		       cap.address == 0x100000000ull,
	       "ARS_CAP reply decoded");
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE - 1, &cap) == -EMSGSIZE,
	       "ARS_CAP reply of 31 bytes is short");
	tap_ok(nd_ars_cap_decode(b, sizeof(b), &cap) == 0,
	       "ARS_CAP reply with trailing bytes: extra ignored");
	put_cap_reply(b, 1, 4128, 256);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EOPNOTSUPP,
	       "ARS_CAP status 1: not supported");
	put_cap_reply(b, 3, 4128, 256);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EIO &&
		       cap.status == 3,
	       "ARS_CAP status 3: a failure, status kept");
	put_cap_reply(b, 0, 4128, 256);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EOPNOTSUPP,
	       "ARS_CAP with no scrub type for the range");
	put_cap_reply(b, 2u << 16, 4128, 96);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EBADMSG,
	       "clear unit 96 is not a power of two");
	put_cap_reply(b, 2u << 16, 4128, 0);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EBADMSG,
	       "clear unit 0 is refused");
	put_cap_reply(b, 2u << 16, 40, 256);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EBADMSG,
	       "max_ars_out of 40 cannot hold a status header");
	put_cap_reply(b, 2u << 16, 0xffffffffu, 256);
	tap_ok(nd_ars_cap_decode(b, ND_ARS_CAP_SIZE, &cap) == -EBADMSG,
	       "max_ars_out past the ioctl bound is refused");
}

static void test_ars_start(void)
{
	uint8_t b[ND_ARS_START_SIZE];
	struct nd_cmd_ars_start k;
	uint32_t status, t;

	nd_ars_start_encode(b, 0x1000, 0x2000, ND_ARS_TYPE_PERSISTENT, 0);
	memcpy(&k, b, sizeof(k));
	tap_ok(k.address == 0x1000 && k.length == 0x2000 &&
		       k.type == ND_ARS_TYPE_PERSISTENT && !k.flags,
	       "ARS_START request");
	put_le32(b + 28, 1);
	tap_ok(nd_ars_start_decode(b, sizeof(b), &status, &t) == 0 && t == 1,
	       "ARS_START ok, scrub time 1");
	put_le32(b + 24, 6);
	tap_ok(nd_ars_start_decode(b, sizeof(b), &status, &t) == -EBUSY,
	       "ARS_START status 6: busy");
	put_le32(b + 24, 2);
	tap_ok(nd_ars_start_decode(b, sizeof(b), &status, &t) == -EINVAL,
	       "ARS_START status 2: invalid parameter");
	tap_ok(nd_ars_start_decode(b, 27, &status, &t) == -EMSGSIZE,
	       "ARS_START reply of 27 bytes is short");
}

static void put_record(uint8_t *rec, uint32_t handle, uint64_t addr,
		       uint64_t len)
{
	put_le32(rec, handle);
	put_le64(rec + 8, addr);
	put_le64(rec + 16, len);
}

static void test_ars_status(void)
{
	uint8_t b[ND_ARS_STATUS_HDR_SIZE + 3 * ND_ARS_RECORD_SIZE];
	struct nd_ars_status st;
	struct nd_ars_rec rec;
	const uint32_t full = ND_ARS_STATUS_HDR_SIZE + 2 * ND_ARS_RECORD_SIZE;

	nd_ars_status_encode(b, sizeof(b));
	tap_ok(get_le32(b + 4) == sizeof(b) && !get_le32(b),
	       "ARS_STATUS request: out_length is the buffer size");
	memset(b, 0, sizeof(b));
	put_le32(b + 4, full);
	put_le64(b + 8, 0x100000000ull);
	put_le64(b + 16, 0x8000000);
	put_le16(b + 40, ND_ARS_TYPE_PERSISTENT);
	put_le32(b + 44, 2);
	put_record(b + 48, 7, 0x100001000ull, 512);
	put_record(b + 72, 8, 0x100400000ull, 4096);
	tap_ok(nd_ars_status_decode(b, full, &st) == 0 && st.num_records == 2 &&
		       st.length == 0x8000000,
	       "ARS_STATUS with two records");
	nd_ars_status_record(&st, 1, &rec);
	tap_ok(rec.handle == 8 && rec.address == 0x100400000ull &&
		       rec.length == 4096,
	       "second record's handle, address, length");
	tap_ok(nd_ars_status_decode(b, full - 1, &st) == -EMSGSIZE,
	       "out_length past what came back: short");
	put_le32(b + 44, 3);
	tap_ok(nd_ars_status_decode(b, full, &st) == -EBADMSG,
	       "three records claimed in the room of two");
	put_le32(b + 44, 0x0aaaaaab);
	tap_ok(nd_ars_status_decode(b, full, &st) == -EBADMSG,
	       "a record count that overflows a 32-bit product");
	put_le32(b + 44, 2);
	put_le32(b, 1u << 16);
	tap_ok(nd_ars_status_decode(b, full, &st) == -EBUSY,
	       "extended status 1: scrub in progress");
	put_le32(b, 2u << 16);
	tap_ok(nd_ars_status_decode(b, full, &st) == -EAGAIN,
	       "extended status 2: no scrub this boot");
	put_le32(b, 3u << 16);
	tap_ok(nd_ars_status_decode(b, full, &st) == 0,
	       "interrupted without overflow: results stand");
	put_le16(b + 42, ND_ARS_FLAG_OVERFLOW);
	tap_ok(nd_ars_status_decode(b, full, &st) == -ENOSPC,
	       "interrupted by an overflow");
	put_le32(b, 4);
	tap_ok(nd_ars_status_decode(b, full, &st) == -EIO, "status 4: failure");
	put_le32(b, 0);
	put_le32(b + 4, 40);
	tap_ok(nd_ars_status_decode(b, full, &st) == -EBADMSG,
	       "out_length of 40 is less than the header");
	tap_ok(nd_ars_status_decode(b, 7, &st) == -EMSGSIZE,
	       "7 bytes: not even a status");
}

static void test_clear_error(void)
{
	uint8_t b[ND_CLEAR_ERROR_SIZE];
	uint64_t cleared;
	uint32_t status;

	tap_ok(nd_clear_error_encode(b, 0x1000, 512, 256) == 0 &&
		       get_le64(b) == 0x1000 && get_le64(b + 8) == 512,
	       "CLEAR_ERROR request");
	tap_ok(nd_clear_error_encode(b, 0x1080, 512, 256) == -EINVAL,
	       "address not a multiple of the clear unit");
	tap_ok(nd_clear_error_encode(b, 0x1000, 100, 256) == -EINVAL,
	       "length not a multiple of the clear unit");
	tap_ok(nd_clear_error_encode(b, 0x1000, 0, 256) == -EINVAL,
	       "zero length");
	tap_ok(nd_clear_error_encode(b, 0xffffffffffffff00ull, 512, 256) ==
		       -EINVAL,
	       "a range that wraps past 2^64");
	nd_clear_error_encode(b, 0x1000, 512, 256);
	put_le64(b + 24, 512);
	tap_ok(nd_clear_error_decode(b, sizeof(b), &status, &cleared) == 0 &&
		       cleared == 512,
	       "cleared 512 bytes");
	put_le64(b + 24, 1024);
	tap_ok(nd_clear_error_decode(b, sizeof(b), &status, &cleared) ==
		       -EBADMSG,
	       "cleared more than asked");
	put_le32(b + 16, 3);
	tap_ok(nd_clear_error_decode(b, sizeof(b), &status, &cleared) == -EIO &&
		       status == 3,
	       "clear failed: status 3");
	tap_ok(nd_clear_error_decode(b, 31, &status, &cleared) == -EMSGSIZE,
	       "clear reply of 31 bytes");
}

static void test_inject(void)
{
	uint8_t b[ND_INJECT_SET_IN + ND_INJECT_SET_OUT];
	uint32_t status;

	nd_inject_set_encode(b, 0x100002000ull, 256, true);
	tap_ok(get_le64(b) == 0x100002000ull && get_le64(b + 8) == 256 &&
		       b[16] == 1 && !get_le32(b + 17),
	       "inject: base, length, notify option, status zero");
	nd_inject_set_encode(b, 0, 256, false);
	tap_ok(b[16] == 0, "inject without notify");
	tap_ok(nd_inject_set_decode(b, sizeof(b), &status) == 0,
	       "inject status 0");
	put_le32(b + 17, 2);
	tap_ok(nd_inject_set_decode(b, sizeof(b), &status) == -EINVAL,
	       "inject status 2: invalid parameter");
	put_le32(b + 17, 1);
	tap_ok(nd_inject_set_decode(b, sizeof(b), &status) == -EOPNOTSUPP,
	       "inject status 1: not supported");
	tap_ok(nd_inject_set_decode(b, 20, &status) == -EMSGSIZE,
	       "inject reply without its status");
	nd_inject_clear_encode(b, 0x5000, 512);
	tap_ok(get_le64(b) == 0x5000 && get_le64(b + 8) == 512 &&
		       nd_inject_clear_decode(b, 20, &status) == 0,
	       "clear injection request and reply");
	put_le32(b + 16, 4);
	tap_ok(nd_inject_clear_decode(b, 20, &status) == -EIO,
	       "clear injection status 4: failure");
}

static void put_inj_rec(uint8_t *b, uint32_t i, uint64_t base, uint64_t len)
{
	put_le64(b + ND_INJECT_GET_HDR + i * 16, base);
	put_le64(b + ND_INJECT_GET_HDR + i * 16 + 8, len);
}

static void test_inject_list(void)
{
	uint8_t b[ND_INJECT_GET_HDR + 8 * 16];
	struct nd_inject_list list;
	struct nd_block_run runs[8];
	const uint64_t ns = 0x100000000ull, size = 0x1000000;
	uint32_t n;

	nd_inject_get_encode(b, sizeof(b));
	put_le32(b + 4, 6);
	/* Blocks 42..49 injected as 8 clear units of 256 bytes, shuffled. */
	put_inj_rec(b, 0, ns + 46 * 512, 256);
	put_inj_rec(b, 1, ns + 42 * 512, 256);
	put_inj_rec(b, 2, ns + 43 * 512 + 256, 1024);
	/* Outside: before, at the end, and in another namespace. */
	put_inj_rec(b, 3, ns - 512, 512);
	put_inj_rec(b, 4, ns + size, 512);
	put_inj_rec(b, 5, ns + 1000 * 512, 512);
	tap_ok(nd_inject_get_decode(b, ND_INJECT_GET_HDR + 6 * 16, &list) ==
			       0 &&
		       list.count == 6,
	       "injection list of six records");
	n = nd_inject_list_to_runs(&list, ns, size, runs, 8);
	tap_ok(n == 2 && runs[0].block == 42 && runs[0].count == 5 &&
		       runs[1].block == 1000 && runs[1].count == 1,
	       "records merged: 42+5 (adjoining 42, 43-45, 46), 1000+1; "
	       "got %u runs, first %llu+%llu",
	       n, (unsigned long long)runs[0].block,
	       (unsigned long long)runs[0].count);
	n = nd_inject_list_to_runs(&list, ns, size, runs, 1);
	tap_ok(n > 1, "room for one run: the count says there are more");
	tap_ok(nd_inject_get_decode(b, ND_INJECT_GET_HDR + 5 * 16, &list) ==
		       -EBADMSG,
	       "six records claimed, five came back");
	put_le32(b + 4, 0xffffffffu);
	tap_ok(nd_inject_get_decode(b, sizeof(b), &list) == -EBADMSG,
	       "a count of 2^32-1 records");
	put_le32(b, 3);
	tap_ok(nd_inject_get_decode(b, sizeof(b), &list) == -EIO,
	       "injection list with a failure status");
	tap_ok(nd_inject_get_decode(b, 7, &list) == -EMSGSIZE,
	       "injection list of 7 bytes");
	/* A range ending at 2^64 - 1 must not wrap the block count. */
	put_le32(b, 0);
	put_le32(b + 4, 1);
	put_inj_rec(b, 0, ns, 0xffffffffffffffffull);
	nd_inject_get_decode(b, ND_INJECT_GET_HDR + 16, &list);
	n = nd_inject_list_to_runs(&list, ns, size, runs, 8);
	tap_ok(n == 1 && runs[0].block == 0 &&
		       runs[0].count == 0x80000000000000ull,
	       "a 2^64-1 byte range rounds to 2^55 blocks, no wrap");
}

static void test_translate_spa(void)
{
	uint8_t b[64];
	struct nd_spa_device dev;
	uint32_t status, size = nd_translate_spa_size(1);

	tap_ok(size == 44, "translate SPA with one device: 44 bytes");
	nd_translate_spa_encode(b, 0x100001000ull, 1);
	tap_ok(get_le64(b) == 0x100001000ull && get_le64(b + 16) == 36,
	       "request: the address, the room left preset");
	put_le32(b + 24, 1);
	put_le32(b + 28, 0x101);
	put_le64(b + 36, 0x1000);
	tap_ok(nd_translate_spa_decode(b, size, &status, &dev) == 0 &&
		       dev.handle == 0x101 && dev.dpa == 0x1000,
	       "handle 0x101 at DPA 0x1000");
	tap_ok(nd_translate_spa_decode(b, size - 1, &status, &dev) == -EBADMSG,
	       "a device record cut short");
	tap_ok(nd_translate_spa_decode(b, 27, &status, &dev) == -EMSGSIZE,
	       "no room for the count");
	put_le32(b + 24, 0);
	tap_ok(nd_translate_spa_decode(b, size, &status, &dev) == -ENXIO,
	       "no DIMM listed");
	put_le32(b + 8, 2);
	tap_ok(nd_translate_spa_decode(b, size, &status, &dev) == -ENXIO,
	       "status 2: invalid SPA");
	put_le32(b + 8, 3);
	tap_ok(nd_translate_spa_decode(b, size, &status, &dev) == -EIO,
	       "status 3: failure");
}

/* nfit_test's default SMART record (tools/testing/nvdimm/test/nfit.c). */
static void intel_smart_default(uint8_t *p)
{
	memset(p, 0, 132);
	put_le32(p + 4, 0x1 | 0x2 | 0x200 | 0x4 | 0x400 | 0x20 | 0x8 | 0x10);
	p[12] = 1; /* non-critical */
	p[13] = 75;
	p[14] = 5;
	p[15] = 0x1 | 0x2;
	put_le16(p + 16, 23 * 16);
	put_le16(p + 18, 25 * 16);
	put_le32(p + 20, 42);
	p[24] = 1;
	put_le16(p + 25, 40 * 16);
}

static void test_intel(void)
{
	const struct nd_health_family *f = nd_health_family(ND_FAMILY_INTEL);
	struct nd_thresholds t;
	struct nd_health h;
	struct nd_inject inj;
	uint8_t p[160];
	uint32_t status;

	tap_ok(f && f->smart.func == 1 && f->smart.in == 0 &&
		       f->smart.out == 132,
	       "Intel SMART: function 1, 132 bytes out");
	intel_smart_default(p);
	tap_ok(f->smart_decode(p, 132, &h, &status) == 0 &&
		       h.state == ND_HEALTH_NON_CRITICAL && h.spares == 75 &&
		       h.life_used == 5 && h.shutdown_count == 42 &&
		       nd_temp_decode(h.media_temp) == 23.0 &&
		       nd_temp_decode(h.ctrl_temp) == 25.0 &&
		       h.alarm == (ND_ALARM_SPARES | ND_ALARM_MTEMP) &&
		       !h.shutdown_state,
	       "nfit_test's default SMART record decoded");
	tap_ok((h.valid & ND_HEALTH_V_ALARM) && (h.valid & ND_HEALTH_V_CTEMP) &&
		       (h.valid & ND_HEALTH_V_SHUTDOWN),
	       "validity flags carried over");
	p[35] = 1;
	f->smart_decode(p, 132, &h, &status);
	tap_ok(h.shutdown_state == 1, "shutdown state at byte 35");
	tap_ok(f->smart_decode(p, 131, &h, &status) == -EMSGSIZE,
	       "SMART reply of 131 bytes is short");
	tap_ok(f->smart_decode(p, 160, &h, &status) == 0,
	       "oversized SMART reply: the layout's bytes are read");
	put_le32(p, 4);
	tap_ok(f->smart_decode(p, 132, &h, &status) == -EIO && status == 4 &&
		       !strcmp(f->status_reason(status), "hardware error"),
	       "status 4: hardware error, no fields taken");
	tap_ok(!h.valid, "a failed reply vouches for no field");
	put_le32(p, 1);
	tap_ok(f->smart_decode(p, 4, &h, &status) == -EOPNOTSUPP,
	       "status 1 in a 4-byte reply: not supported");
	put_le32(p, 9);
	tap_ok(f->smart_decode(p, 132, &h, &status) == -EBUSY,
	       "status 9: not ready");
	tap_ok(f->smart_decode(p, 3, &h, &status) == -EMSGSIZE,
	       "3 bytes: no status");

	memset(p, 0, 12);
	put_le16(p + 4, 0x3);
	p[6] = 5;
	put_le16(p + 7, 40 * 16);
	put_le16(p + 9, 30 * 16);
	tap_ok(f->thresh_decode(p, 12, &t, &status) == 0 &&
		       t.alarm_control == (ND_ALARM_SPARES | ND_ALARM_MTEMP) &&
		       t.spares == 5 && nd_temp_decode(t.media_temp) == 40.0 &&
		       nd_temp_decode(t.ctrl_temp) == 30.0,
	       "thresholds: spares 5, 40 C, 30 C, two alarms");
	tap_ok(f->thresh_decode(p, 11, &t, &status) == -EMSGSIZE,
	       "thresholds of 11 bytes");

	f->thresh_decode(p, 12, &t, &status);
	t.spares = 42;
	f->set_thresh_encode(p, &t);
	tap_ok(get_le16(p) == 3 && p[2] == 42 && get_le16(p + 3) == 640 &&
		       get_le16(p + 5) == 480 && !get_le32(p + 7),
	       "set thresholds: 7 bytes in, status after");
	put_le32(p + 7, 3);
	tap_ok(f->set_thresh_decode(p, 11, &status) == -EINVAL,
	       "set thresholds status 3: invalid parameter");
	tap_ok(f->set_thresh_decode(p, 10, &status) == -EMSGSIZE,
	       "set thresholds reply without its status");

	inj = (struct nd_inject){ ND_INJECT_MTEMP, true, nd_temp_encode(42) };
	f->inject_encode(p, &inj);
	tap_ok(get_le64(p) == 1 && p[8] == 1 && get_le16(p + 9) == 672 &&
		       f->inject.in == 15 && f->inject.out == 4,
	       "inject media temperature 42 C: flag 1, 672");
	inj = (struct nd_inject){ ND_INJECT_SPARES, true, 42 };
	f->inject_encode(p, &inj);
	tap_ok(get_le64(p) == 2 && p[11] == 1 && p[12] == 42,
	       "inject spares 42");
	inj = (struct nd_inject){ ND_INJECT_FATAL, false, 0 };
	f->inject_encode(p, &inj);
	tap_ok(get_le64(p) == 4 && p[13] == 0, "uninject fatal");
	inj = (struct nd_inject){ ND_INJECT_SHUTDOWN, true, 0 };
	f->inject_encode(p, &inj);
	tap_ok(get_le64(p) == 8 && p[14] == 1, "inject unsafe shutdown");
	tap_ok(!(f->inject_fields & ND_INJECT_CTEMP),
	       "Intel cannot inject a controller temperature");
	put_le32(p + 15, 7 | 0x10000);
	tap_ok(f->inject_decode(p, 19, &status) == -ENXIO &&
		       !strcmp(f->status_reason(status),
			       "SMART injection is disabled"),
	       "extended status: injection disabled");
}

static void test_temperature(void)
{
	tap_ok(nd_temp_decode(0x8000 | 160) == -10.0, "-10 C decoded");
	tap_ok(nd_temp_encode(-10) == (0x8000 | 160), "-10 C encoded");
	tap_ok(nd_temp_encode(42.9) == 42 * 16,
	       "fractions truncated, as upstream");
	tap_ok(nd_temp_decode(0x7fff) == 2047.9375, "largest encodable");
	tap_ok(!nd_temp_in_range(2048) && nd_temp_in_range(2047.5) &&
		       !nd_temp_in_range(-5000),
	       "range of the encoding");
	tap_ok(!strcmp(nd_health_state_name(0), "ok") &&
		       !strcmp(nd_health_state_name(ND_HEALTH_NON_CRITICAL |
						    ND_HEALTH_FATAL),
			       "fatal"),
	       "state names: none is ok, the worst wins");
}

static void test_hpe1(void)
{
	const struct nd_health_family *f = nd_health_family(ND_FAMILY_HPE1);
	uint8_t p[4 + 128];
	struct nd_thresholds t;
	struct nd_health h;
	uint32_t status;
	uint8_t *d = p + 8;

	f->smart_encode(p);
	tap_ok(f->smart.in == 4 && get_le32(p) == 0x23f && get_le32(p + 4) == 3,
	       "HPE1 SMART asks for its fields, status preset to failure");
	put_le32(p + 4, 0);
	put_le32(d, 0x3f);
	d[4] = ND_HEALTH_CRITICAL;
	put_le16(d + 5, 30 * 16);
	d[7] = 90;
	put_le16(d + 8, 0x3);
	d[10] = 12;
	d[11] = 2;
	tap_ok(f->smart_decode(p, sizeof(p), &h, &status) == 0 &&
		       h.state == ND_HEALTH_CRITICAL && h.spares == 90 &&
		       h.life_used == 12 && !h.shutdown_state &&
		       h.alarm == (ND_ALARM_SPARES | ND_ALARM_MTEMP) &&
		       nd_temp_decode(h.media_temp) == 30.0,
	       "HPE1 SMART decoded; last save good is a clean shutdown");
	d[11] = 0;
	f->smart_decode(p, sizeof(p), &h, &status);
	tap_ok(h.shutdown_state == 1, "HPE1: no good save is dirty");
	tap_ok(f->smart_decode(p, sizeof(p) - 1, &h, &status) == -EMSGSIZE,
	       "HPE1 SMART of 131 bytes");
	put_le32(p + 4, 2);
	tap_ok(f->smart_decode(p, sizeof(p), &h, &status) == -EINVAL,
	       "HPE1 status 2");
	memset(p, 0, 36);
	put_le16(p + 4, 0x1);
	put_le16(p + 6, 45 * 16);
	p[8] = 10;
	tap_ok(f->thresh_decode(p, 36, &t, &status) == 0 &&
		       t.alarm_control == ND_ALARM_MTEMP && t.spares == 10 &&
		       nd_temp_decode(t.media_temp) == 45.0,
	       "HPE1 thresholds");
	tap_ok(!f->inject_fields && !f->set_thresh.func,
	       "HPE1 has no injection or threshold setting");
}

static void test_msft(void)
{
	const struct nd_health_family *f = nd_health_family(ND_FAMILY_MSFT);
	struct nd_health h;
	uint8_t p[13];
	uint32_t status;

	memset(p, 0, sizeof(p));
	put_le16(p + 6, 31);
	p[10] = 97;
	tap_ok(f->smart.func == 11 &&
		       f->smart_decode(p, 13, &h, &status) == 0 &&
		       h.state == 0 && h.life_used == 3 &&
		       nd_temp_decode(h.media_temp) == 31.0 && !h.alarm,
	       "MSFT healthy: 31 C, 3%% used");
	p[9] = 0x4;
	p[10] = 0;
	f->smart_decode(p, 13, &h, &status);
	tap_ok(h.state == (ND_HEALTH_FATAL | ND_HEALTH_NON_CRITICAL) &&
		       h.alarm == ND_ALARM_CTEMP && h.life_used == 100,
	       "MSFT: no life left is fatal, ES temperature warns");
	p[10] = 250;
	f->smart_decode(p, 13, &h, &status);
	tap_ok(h.life_used == 0, "MSFT lifetime past 100: no negative use");
	tap_ok(f->smart_decode(p, 12, &h, &status) == -EMSGSIZE,
	       "MSFT reply of 12 bytes");
	put_le32(p, 3);
	tap_ok(f->smart_decode(p, 13, &h, &status) == -EIO &&
		       !strcmp(f->status_reason(status),
			       "I2C communication error"),
	       "MSFT status 3");
}

static void test_hyperv(void)
{
	const struct nd_health_family *f = nd_health_family(ND_FAMILY_HYPERV);
	struct nd_health h;
	uint8_t p[8] = { 0 };
	uint32_t status;

	put_le32(p + 4, 0x4 | 0x8);
	tap_ok(f->smart_decode(p, 8, &h, &status) == 0 &&
		       h.state == (ND_HEALTH_FATAL | ND_HEALTH_NON_CRITICAL),
	       "Hyper-V health bits 2 and 3");
	put_le32(p + 4, 17);
	tap_ok(f->smart2.func == 2 &&
		       f->smart2_decode(p, 8, &h, &status) == 0 &&
		       h.shutdown_count == 17 &&
		       (h.valid & ND_HEALTH_V_SHUTDOWN_COUNT),
	       "Hyper-V second call: 17 unsafe shutdowns");
	put_le32(p, 1);
	tap_ok(f->smart_decode(p, 8, &h, &status) == -EIO,
	       "Hyper-V any status is a failure");
	tap_ok(f->smart_decode(p, 7, &h, &status) == -EIO,
	       "Hyper-V status read before the length");
	memset(p, 0, 8);
	tap_ok(f->smart_decode(p, 7, &h, &status) == -EMSGSIZE,
	       "Hyper-V reply of 7 bytes");
}

static void test_papr(void)
{
	const struct nd_health_family *f = nd_health_family(ND_FAMILY_PAPR);
	struct nd_inject inj = { ND_INJECT_SHUTDOWN, true, 0 };
	uint8_t p[2 * 192];
	struct nd_health h;
	uint32_t status;

	memset(p, 0, sizeof(p));
	put_le32(p + 8, 0x3);
	p[8 + 5] = 1;
	put_le16(p + 8 + 10, 2);
	put_le16(p + 8 + 12, 80);
	put_le64(p + 8 + 16, 9);
	tap_ok(f->smart_decode(p, 192, &h, &status) == 0 &&
		       h.state == ND_HEALTH_CRITICAL && h.shutdown_state == 1 &&
		       h.life_used == 20 && h.shutdown_count == 9,
	       "PAPR health: critical, dirty, 20%% used, 9 shutdowns");
	put_le16(p + 8 + 10, 4);
	tap_ok(f->smart_decode(p, 192, &h, &status) == -EBADMSG,
	       "PAPR health 4 is no state");
	put_le32(p, (uint32_t)-EIO);
	tap_ok(f->smart_decode(p, 192, &h, &status) == -EIO,
	       "PAPR negative status");
	put_le32(p, 0);
	tap_ok(f->smart_decode(p, 31, &h, &status) == -EMSGSIZE,
	       "PAPR health cut short");
	f->inject_encode(p, &inj);
	tap_ok(get_le32(p + 8) == 2 && p[8 + 5] == 1 && f->inject.in == 192 &&
		       f->inject.out == 192,
	       "PAPR inject unsafe shutdown, as upstream sends it");
}

/* A GET_INFO reply as nfit_test's emulation fills it. */
static void fill_info(uint8_t *p)
{
	memset(p, 0, ND_FW_INFO_OUT);
	put_le32(p + 4, 0x40000); /* storage */
	put_le32(p + 8, 64); /* max send */
	put_le32(p + 12, 250000); /* query interval */
	put_le32(p + 16, 3000000); /* max query */
	p[20] = 1;
	put_le32(p + 24, 0x00020003);
	put_le64(p + 28, 0x0102030405060708ULL);
	put_le64(p + 36, 0x1112131415161718ULL);
}

static void test_fw_info(void)
{
	uint8_t p[ND_FW_INFO_OUT + 8];
	struct nd_fw_info info;
	uint32_t status;

	fill_info(p);
	tap_ok(!nd_fw_info_decode(p, ND_FW_INFO_OUT, &info, &status) &&
		       status == 0 && info.storage_size == 0x40000 &&
		       info.max_send_len == 64 &&
		       info.query_interval_us == 250000 &&
		       info.max_query_time_us == 3000000 &&
		       info.update_cap == 1 && info.fis_version == 0x20003 &&
		       info.run_version == 0x0102030405060708ULL &&
		       info.updated_version == 0x1112131415161718ULL,
	       "FW_GET_INFO: every field at its offset");
	memset(p + ND_FW_INFO_OUT, 0xff, 8);
	tap_ok(!nd_fw_info_decode(p, sizeof(p), &info, &status) &&
		       info.updated_version == 0x1112131415161718ULL,
	       "FW_GET_INFO: bytes past the layout are not read");
	tap_ok(nd_fw_info_decode(p, ND_FW_INFO_OUT - 1, &info, &status) ==
			       -EMSGSIZE &&
		       !info.run_version,
	       "FW_GET_INFO one byte short: refused, nothing vouched for");
	tap_ok(nd_fw_info_decode(p, 3, &info, &status) == -EMSGSIZE &&
		       status == 0,
	       "FW_GET_INFO without a whole status word");
	put_le32(p, 4);
	tap_ok(nd_fw_info_decode(p, 4, &info, &status) == -EIO && status == 4 &&
		       nd_fw_status(ND_INTEL_FW_GET_INFO, status) ==
			       ND_FW_EHWERR,
	       "FW_GET_INFO hardware error: the status alone is enough");
	put_le32(p, 1);
	tap_ok(nd_fw_info_decode(p, ND_FW_INFO_OUT, &info, &status) ==
		       -EOPNOTSUPP,
	       "FW_GET_INFO not supported");
}

static void test_fw_start(void)
{
	uint8_t p[ND_FW_START_OUT];
	uint32_t ctx, status;

	put_le32(p, 0);
	put_le32(p + 4, 0xdeadbeef);
	tap_ok(!nd_fw_start_decode(p, sizeof(p), &ctx, &status) &&
		       ctx == 0xdeadbeef,
	       "START_UPDATE: the context");
	tap_ok(nd_fw_start_decode(p, 7, &ctx, &status) == -EMSGSIZE && ctx == 0,
	       "START_UPDATE cut short");
	put_le32(p, 7 | 0x10000);
	tap_ok(nd_fw_start_decode(p, sizeof(p), &ctx, &status) == -EBUSY &&
		       nd_fw_status(ND_INTEL_FW_START_UPDATE, status) ==
			       ND_FW_EBUSY,
	       "START_UPDATE extended 1: busy with another update");
}

static void test_fw_send(void)
{
	uint8_t data[5] = { 1, 2, 3, 4, 5 };
	uint8_t p[ND_FW_SEND_HDR + 5 + ND_FW_SEND_OUT];
	uint32_t in, status;

	memset(p, 0xaa, sizeof(p));
	in = nd_fw_send_encode(p, 7, 0x100, data, 5);
	tap_ok(in == ND_FW_SEND_HDR + 5 && get_le32(p) == 7 &&
		       get_le32(p + 4) == 0x100 && get_le32(p + 8) == 5 &&
		       !memcmp(p + 12, data, 5) && get_le32(p + 17) == 0,
	       "SEND_DATA: context, offset, length, data, a zeroed status");
	tap_ok(!nd_fw_send_decode(p, sizeof(p), 5, &status),
	       "SEND_DATA: status after the data");
	tap_ok(nd_fw_send_decode(p, sizeof(p) - 1, 5, &status) == -EMSGSIZE,
	       "SEND_DATA: status cut short");
	put_le32(p + 17, 7 | 0x10000);
	tap_ok(nd_fw_send_decode(p, sizeof(p), 5, &status) == -EINVAL &&
		       nd_fw_status(ND_INTEL_FW_SEND_DATA, status) ==
			       ND_FW_EINVAL_CTX,
	       "SEND_DATA extended 1: a bad context, not busy");
	put_le32(p + 17, 3);
	tap_ok(nd_fw_send_decode(p, sizeof(p), 5, &status) == -EINVAL,
	       "SEND_DATA: an invalid offset");
}

static void test_fw_finish(void)
{
	uint8_t p[ND_FW_FINISH_IN + ND_FW_FINISH_OUT];
	uint32_t status;

	memset(p, 0xaa, sizeof(p));
	nd_fw_finish_encode(p, 9, false);
	tap_ok(p[0] == 0 && !p[1] && !p[2] && !p[3] && get_le32(p + 4) == 9 &&
		       get_le32(p + 8) == 0,
	       "FINISH_UPDATE: flags 0, the context");
	nd_fw_finish_encode(p, 9, true);
	tap_ok(p[0] == 1 && get_le32(p + 4) == 9,
	       "FINISH_UPDATE abort: flag 1");
	tap_ok(!nd_fw_finish_decode(p, sizeof(p), &status), "FINISH ok");
	tap_ok(nd_fw_finish_decode(p, ND_FW_FINISH_IN, &status) == -EMSGSIZE,
	       "FINISH without its status");
	put_le32(p + 8, 7 | 0x20000);
	tap_ok(nd_fw_finish_decode(p, sizeof(p), &status) == -EIO &&
		       nd_fw_status(ND_INTEL_FW_FINISH_UPDATE, status) ==
			       ND_FW_ALREADY_DONE,
	       "FINISH extended 2: already done");
	put_le32(p + 8, 7 | 0x30000);
	tap_ok(nd_fw_status(ND_INTEL_FW_FINISH_UPDATE, get_le32(p + 8)) ==
		       ND_FW_EBADFW,
	       "FINISH extended 3: bad image");
	put_le32(p + 8, 7 | 0x40000);
	tap_ok(nd_fw_status(ND_INTEL_FW_FINISH_UPDATE, get_le32(p + 8)) ==
		       ND_FW_ABORTED,
	       "FINISH extended 4: aborted");
}

static void test_fw_query(void)
{
	uint8_t p[ND_FW_QUERY_IN + ND_FW_QUERY_OUT];
	uint32_t status;
	uint64_t rev;

	nd_fw_query_encode(p, 0x55);
	tap_ok(get_le32(p) == 0x55 && get_le32(p + 4) == 0 &&
		       get_le64(p + 8) == 0,
	       "FINISH_QUERY: the context, output zeroed");
	put_le64(p + 8, 0xabcdef01ULL);
	tap_ok(!nd_fw_query_decode(p, sizeof(p), &rev, &status) &&
		       rev == 0xabcdef01ULL,
	       "FINISH_QUERY: the new revision");
	tap_ok(nd_fw_query_decode(p, sizeof(p) - 1, &rev, &status) ==
			       -EMSGSIZE &&
		       rev == 0,
	       "FINISH_QUERY: revision cut short");
	put_le32(p + 4, 7 | 0x20000);
	tap_ok(nd_fw_query_decode(p, 8, &rev, &status) == -EBUSY &&
		       nd_fw_status(ND_INTEL_FW_FINISH_QUERY, status) ==
			       ND_FW_EBUSY,
	       "FINISH_QUERY extended 2: still checking (busy)");
	put_le32(p + 4, 7 | 0x30000);
	tap_ok(nd_fw_query_decode(p, sizeof(p), &rev, &status) == -EIO &&
		       nd_fw_status(ND_INTEL_FW_FINISH_QUERY, status) ==
			       ND_FW_EBADFW,
	       "FINISH_QUERY extended 3: verification failed");
	put_le32(p + 4, 7 | 0x40000);
	tap_ok(nd_fw_status(ND_INTEL_FW_FINISH_QUERY, get_le32(p + 4)) ==
		       ND_FW_ESEQUENCE,
	       "FINISH_QUERY extended 4: out of order");
	put_le32(p + 4, 8);
	tap_ok(nd_fw_query_decode(p, sizeof(p), &rev, &status) == -EAGAIN &&
		       nd_fw_status(ND_INTEL_FW_FINISH_QUERY, status) ==
			       ND_FW_ENORES,
	       "FINISH_QUERY no resources: timed out");
	tap_ok(nd_fw_status(ND_INTEL_FW_FINISH_QUERY, 7 | 0x50000) ==
			       ND_FW_EUNKNOWN &&
		       nd_fw_status(ND_INTEL_FW_FINISH_QUERY, 0x1234) ==
			       ND_FW_EUNKNOWN &&
		       nd_fw_status(ND_INTEL_FW_FINISH_QUERY, 6) ==
			       ND_FW_EUNKNOWN,
	       "unknown codes stay unknown");
	tap_ok(!strcmp(nd_fw_status_reason(ND_FW_EBADFW),
		       "the DIMM rejected the image"),
	       "status reasons");
}

int main(void)
{
	test_layouts_match_kernel();
	test_pkg();
	test_ars_cap();
	test_ars_start();
	test_ars_status();
	test_clear_error();
	test_inject();
	test_inject_list();
	test_translate_spa();
	test_intel();
	test_temperature();
	test_hpe1();
	test_msft();
	test_hyperv();
	test_papr();
	test_fw_info();
	test_fw_start();
	test_fw_send();
	test_fw_finish();
	test_fw_query();
	tap_ok(!nd_health_family(2) && !nd_health_family(99),
	       "HPE2 and unknown families have no decoder");
	return tap_done();
}
