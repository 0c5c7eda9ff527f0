/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One "DIMM health" interface over every DSM family upstream ndctl
 * decodes (Intel, HPE1, MSFT, Hyper-V, PAPR): how to ask for the SMART
 * data, the alarm thresholds, a threshold change and a SMART injection,
 * and what the replies say, in one vocabulary.  Pure functions on the
 * payload bytes of ND_CMD_CALL; the ioctl that carries them is libndctl's.
 *
 * Temperatures are kept as the DSMs carry them: 1/16 degree Celsius in
 * the low 15 bits and the sign in bit 15 (nd_temp_decode()).
 */
#ifndef NDCMD_HEALTH_H
#define NDCMD_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Which fields of struct nd_health the reply vouches for. */
enum {
	ND_HEALTH_V_STATE = 1 << 0,
	ND_HEALTH_V_SPARES = 1 << 1,
	ND_HEALTH_V_USED = 1 << 2,
	ND_HEALTH_V_MTEMP = 1 << 3,
	ND_HEALTH_V_CTEMP = 1 << 4,
	ND_HEALTH_V_SHUTDOWN_COUNT = 1 << 5,
	ND_HEALTH_V_ALARM = 1 << 9,
	ND_HEALTH_V_SHUTDOWN = 1 << 10,
};

/* The health state bits; none set is "ok". */
enum {
	ND_HEALTH_NON_CRITICAL = 1 << 0,
	ND_HEALTH_CRITICAL = 1 << 1,
	ND_HEALTH_FATAL = 1 << 2,
};

/* Alarms (tripped, or enabled in a threshold's alarm control). */
enum {
	ND_ALARM_SPARES = 1 << 0,
	ND_ALARM_MTEMP = 1 << 1,
	ND_ALARM_CTEMP = 1 << 2,
};

struct nd_health {
	unsigned int valid; /* ND_HEALTH_V_* */
	unsigned int state; /* ND_HEALTH_* */
	unsigned int media_temp, ctrl_temp; /* encoded */
	unsigned int spares; /* percent of spare capacity left */
	unsigned int alarm; /* ND_ALARM_*: tripped */
	unsigned int life_used; /* percent */
	unsigned int shutdown_state; /* 0 clean, else dirty */
	uint64_t shutdown_count;
};

struct nd_thresholds {
	unsigned int alarm_control; /* ND_ALARM_*: enabled */
	unsigned int media_temp, ctrl_temp; /* encoded */
	unsigned int spares;
};

/* What a SMART injection sets (one field per call, as upstream sends). */
enum nd_inject_field {
	ND_INJECT_MTEMP = 1 << 0,
	ND_INJECT_SPARES = 1 << 1,
	ND_INJECT_FATAL = 1 << 2,
	ND_INJECT_SHUTDOWN = 1 << 3,
	ND_INJECT_CTEMP = 1 << 4,
};

struct nd_inject {
	enum nd_inject_field field;
	bool enable; /* false: back to the device's own value */
	unsigned int value; /* encoded temperature, or spares percent */
};

/* One DSM call: its function number and payload sizes. */
struct nd_dsm {
	unsigned int func;
	uint32_t in, out;
};

/*
 * A family's calls.  decode functions get the payload (input then the
 * output received), return 0 or an errno of call.h, and set *status to
 * the firmware status word when the reply holds one.
 */
struct nd_health_family {
	unsigned int family;
	const char *name;
	/* The SMART data: one call, and Hyper-V's second for the count. */
	struct nd_dsm smart, smart2;
	void (*smart_encode)(uint8_t *payload);
	int (*smart_decode)(const uint8_t *p, size_t len, struct nd_health *h,
			    uint32_t *status);
	int (*smart2_decode)(const uint8_t *p, size_t len, struct nd_health *h,
			     uint32_t *status);
	/* Alarm thresholds; func 0: the family has none. */
	struct nd_dsm thresh;
	int (*thresh_decode)(const uint8_t *p, size_t len,
			     struct nd_thresholds *t, uint32_t *status);
	/* Setting them: a read-modify-write of what thresh returned. */
	struct nd_dsm set_thresh;
	void (*set_thresh_encode)(uint8_t *p, const struct nd_thresholds *t);
	int (*set_thresh_decode)(const uint8_t *p, size_t len,
				 uint32_t *status);
	/* SMART injection: the fields it can set; 0: none. */
	unsigned int inject_fields;
	struct nd_dsm inject;
	void (*inject_encode)(uint8_t *p, const struct nd_inject *inj);
	int (*inject_decode)(const uint8_t *p, size_t len, uint32_t *status);
	/* Name a failure status ("hardware error"), for messages. */
	const char *(*status_reason)(uint32_t status);
};

/* The family's calls, or NULL when none is decoded here. */
const struct nd_health_family *nd_health_family(unsigned int family);

/* Celsius from the DSM encoding and back (truncating, as upstream). */
double nd_temp_decode(unsigned int temp);
unsigned int nd_temp_encode(double celsius);
/* Whether celsius fits the encoding (|t| < 2048). */
bool nd_temp_in_range(double celsius);

/* "ok", "non-critical", "critical" or "fatal": the worst state set. */
const char *nd_health_state_name(unsigned int state);

/* The families' tables, one file each. */
extern const struct nd_health_family nd_health_intel;
extern const struct nd_health_family nd_health_hpe1;
extern const struct nd_health_family nd_health_msft;
extern const struct nd_health_family nd_health_hyperv;
extern const struct nd_health_family nd_health_papr;

#endif
