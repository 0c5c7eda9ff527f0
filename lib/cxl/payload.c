// SPDX-License-Identifier: GPL-2.0
/*
 * The memdev mailbox payloads' wire form (payload.h).  Offsets are the
 * specification's; every multi-byte field is little endian.
 */
#include <errno.h>
#include <string.h>

#include "payload.h"

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) | (uint32_t)get16(p + 2) << 16;
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* A 16-byte text field, not always NUL-terminated on the wire. */
static void get_text16(char *dst, const uint8_t *src)
{
	memcpy(dst, src, 16);
	dst[16] = '\0';
}

int cxl_identify_decode(const uint8_t *buf, size_t len, struct cxl_identify *id)
{
	if (len < CXL_IDENTIFY_OUT_SIZE)
		return -EIO;
	get_text16(id->fw_revision, buf);
	id->total_bytes = get64(buf + 0x10) * CXL_CAPACITY_UNIT;
	id->volatile_only_bytes = get64(buf + 0x18) * CXL_CAPACITY_UNIT;
	id->persistent_only_bytes = get64(buf + 0x20) * CXL_CAPACITY_UNIT;
	id->partition_align_bytes = get64(buf + 0x28) * CXL_CAPACITY_UNIT;
	/* 0x30: four event log sizes, not needed here. */
	id->lsa_size = get32(buf + 0x38);
	return 0;
}

int cxl_partition_decode(const uint8_t *buf, size_t len,
			 struct cxl_partition *p)
{
	if (len < CXL_PARTITION_OUT_SIZE)
		return -EIO;
	p->active_volatile_bytes = get64(buf) * CXL_CAPACITY_UNIT;
	p->active_persistent_bytes = get64(buf + 8) * CXL_CAPACITY_UNIT;
	p->next_volatile_bytes = get64(buf + 16) * CXL_CAPACITY_UNIT;
	p->next_persistent_bytes = get64(buf + 24) * CXL_CAPACITY_UNIT;
	return 0;
}

int cxl_set_partition_encode(uint64_t volatile_bytes, uint8_t flags,
			     uint8_t *buf, size_t len)
{
	if (len < CXL_SET_PARTITION_IN_SIZE)
		return -ENOSPC;
	if (volatile_bytes % CXL_CAPACITY_UNIT)
		return -EINVAL;
	memset(buf, 0, CXL_SET_PARTITION_IN_SIZE);
	put64(buf, volatile_bytes / CXL_CAPACITY_UNIT);
	buf[8] = flags;
	/* buf[9]: reserved. */
	return 0;
}

int cxl_fw_info_decode(const uint8_t *buf, size_t len, struct cxl_fw_info *fw)
{
	if (len < CXL_FW_INFO_OUT_SIZE)
		return -EIO;
	fw->num_slots = buf[0];
	fw->active_slot = buf[1] & 0x7;
	fw->staged_slot = (buf[1] >> 3) & 0x7;
	fw->online_activate = buf[2] & 1;
	/* 3..0xf reserved; the four slots' revisions from 0x10. */
	for (int i = 0; i < CXL_FW_SLOTS; i++)
		get_text16(fw->slot_version[i], buf + 0x10 + 0x10 * i);
	return 0;
}

int cxl_alert_config_decode(const uint8_t *buf, size_t len,
			    struct cxl_alert_config *a)
{
	if (len < CXL_ALERT_OUT_SIZE)
		return -EIO;
	a->valid = buf[0];
	a->writable = buf[1];
	a->life_used_crit = buf[2];
	a->warn[CXL_ALERT_LIFE_USED] = buf[3];
	a->over_temp_crit = get16(buf + 4);
	a->under_temp_crit = get16(buf + 6);
	a->warn[CXL_ALERT_OVER_TEMP] = get16(buf + 8);
	a->warn[CXL_ALERT_UNDER_TEMP] = get16(buf + 10);
	a->warn[CXL_ALERT_VOLATILE_ERR] = get16(buf + 12);
	a->warn[CXL_ALERT_PMEM_ERR] = get16(buf + 14);
	return 0;
}

void cxl_alert_threshold_range(enum cxl_alert a, long *min, long *max)
{
	switch (a) {
	case CXL_ALERT_LIFE_USED:
		*min = 0;
		*max = 100;
		break;
	case CXL_ALERT_OVER_TEMP:
	case CXL_ALERT_UNDER_TEMP:
		*min = INT16_MIN;
		*max = INT16_MAX;
		break;
	default:
		*min = 0;
		*max = UINT16_MAX;
		break;
	}
}

int cxl_set_alert_encode(const struct cxl_alert_request *r, uint8_t *buf,
			 size_t len)
{
	if (len < CXL_SET_ALERT_IN_SIZE)
		return -ENOSPC;
	for (int i = 0; i < CXL_ALERT_NR; i++) {
		long min, max;

		cxl_alert_threshold_range(i, &min, &max);
		if (r->warn[i] < min || r->warn[i] > max)
			return -ERANGE;
	}
	memset(buf, 0, CXL_SET_ALERT_IN_SIZE);
	buf[0] = r->valid;
	buf[1] = r->enable;
	buf[2] = (uint8_t)r->warn[CXL_ALERT_LIFE_USED];
	/* buf[3]: reserved. */
	put16(buf + 4, (uint16_t)r->warn[CXL_ALERT_OVER_TEMP]);
	put16(buf + 6, (uint16_t)r->warn[CXL_ALERT_UNDER_TEMP]);
	put16(buf + 8, (uint16_t)r->warn[CXL_ALERT_VOLATILE_ERR]);
	put16(buf + 10, (uint16_t)r->warn[CXL_ALERT_PMEM_ERR]);
	return 0;
}
