/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mailbox payloads of the memdev commands cxl sends through
 * CXL_MEM_SEND_COMMAND, as plain structs, and their little-endian wire
 * form: decode from the device's output bytes, encode into the input
 * bytes.  Pure: no I/O, so test/unit/test-cxl-payload.c checks each
 * layout on byte buffers.  Capacities on the wire count 256 MiB units;
 * the structs hold bytes.
 */
#ifndef CXL_PAYLOAD_H
#define CXL_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#define CXL_CAPACITY_UNIT (256ULL << 20)

/* Identify Memory Device (CXL 2.0 8.2.9.5.1.1): output 0x43 bytes. */
#define CXL_IDENTIFY_OUT_SIZE 0x43
struct cxl_identify {
	char fw_revision[17]; /* NUL-terminated */
	uint64_t total_bytes, volatile_only_bytes, persistent_only_bytes;
	uint64_t partition_align_bytes; /* 0: not partitionable */
	uint32_t lsa_size;
};
int cxl_identify_decode(const uint8_t *buf, size_t len,
			struct cxl_identify *id);

/* Get Partition Info (CXL 2.0 8.2.9.5.2.1): output 0x20 bytes. */
#define CXL_PARTITION_OUT_SIZE 0x20
struct cxl_partition {
	uint64_t active_volatile_bytes, active_persistent_bytes;
	uint64_t next_volatile_bytes, next_persistent_bytes;
};
int cxl_partition_decode(const uint8_t *buf, size_t len,
			 struct cxl_partition *p);

/*
 * Set Partition Info (CXL 2.0 8.2.9.5.2.2): input 0x0a bytes, the new
 * volatile capacity and a flags byte (bit 0: immediately, which cxl
 * never sets: the change takes effect at the next reset).
 * -EINVAL when volatile_bytes is not a multiple of 256 MiB.
 */
#define CXL_SET_PARTITION_IN_SIZE 0x0a
int cxl_set_partition_encode(uint64_t volatile_bytes, uint8_t flags,
			     uint8_t *buf, size_t len);

/* Get FW Info (CXL 2.0 8.2.9.2.1): output 0x50 bytes. */
#define CXL_FW_INFO_OUT_SIZE 0x50
#define CXL_FW_SLOTS 4
struct cxl_fw_info {
	unsigned int num_slots;
	unsigned int active_slot; /* slot info bits 2:0 */
	unsigned int staged_slot; /* bits 5:3; 0: none */
	int online_activate; /* activation capabilities bit 0 */
	char slot_version[CXL_FW_SLOTS][17]; /* "" for an empty slot */
};
int cxl_fw_info_decode(const uint8_t *buf, size_t len, struct cxl_fw_info *fw);

/* Get Alert Configuration (CXL 3.0 8.2.9.8.3.2): output 0x10 bytes. */
#define CXL_ALERT_OUT_SIZE 0x10
enum cxl_alert {
	CXL_ALERT_LIFE_USED,
	CXL_ALERT_OVER_TEMP,
	CXL_ALERT_UNDER_TEMP,
	CXL_ALERT_VOLATILE_ERR,
	CXL_ALERT_PMEM_ERR,
	CXL_ALERT_NR,
};
struct cxl_alert_config {
	uint8_t valid; /* bit per enum cxl_alert: the warning is set */
	uint8_t writable; /* bit per enum cxl_alert: programmable */
	uint8_t life_used_crit;
	/* Celsius; as v81 lists them, the raw 16 bits unsigned. */
	uint16_t over_temp_crit, under_temp_crit;
	/* Programmable warning thresholds, indexed by enum cxl_alert. */
	int32_t warn[CXL_ALERT_NR];
};
int cxl_alert_config_decode(const uint8_t *buf, size_t len,
			    struct cxl_alert_config *a);

/*
 * Set Alert Configuration (CXL 3.0 8.2.9.8.3.3): input 0x0c bytes.
 * valid: the alerts this request changes; enable: which of them turn
 * on; warn[]: their thresholds (life used 0..100, temperatures signed
 * 16 bits, error counts 0..65535).  -ERANGE for a threshold out of its
 * field.
 */
#define CXL_SET_ALERT_IN_SIZE 0x0c
struct cxl_alert_request {
	uint8_t valid, enable;
	int32_t warn[CXL_ALERT_NR];
};
int cxl_set_alert_encode(const struct cxl_alert_request *r, uint8_t *buf,
			 size_t len);
/* The range a threshold of that alert may take, inclusive. */
void cxl_alert_threshold_range(enum cxl_alert a, long *min, long *max);

#endif
