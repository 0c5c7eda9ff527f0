// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: every reply parser of the command channel on any
 * bytes, as a firmware (or a kernel bug) could return them.  The first
 * byte picks the parser, the rest is the reply, in an exact-size copy so
 * any read past its end is caught.  What a parser accepts must hold
 * together: records it vouches for lie inside the reply, and block runs
 * come out sorted and apart.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ndcmd/ars.h>
#include <ndcmd/call.h>
#include <ndcmd/fw-intel.h>
#include <ndcmd/health.h>
#include <ndcmd/nfit-bus.h>

static void family(const struct nd_health_family *f, const uint8_t *p,
		   size_t len, unsigned int which)
{
	struct nd_thresholds t;
	struct nd_health h;
	uint32_t status = 0;

	switch (which % 5) {
	case 0:
		if (!f->smart_decode(p, len, &h, &status) &&
		    (h.state & ~7u || h.alarm & ~7u))
			abort();
		break;
	case 1:
		if (f->smart2_decode)
			f->smart2_decode(p, len, &h, &status);
		break;
	case 2:
		if (f->thresh_decode)
			f->thresh_decode(p, len, &t, &status);
		break;
	case 3:
		if (f->set_thresh_decode)
			f->set_thresh_decode(p, len, &status);
		break;
	case 4:
		if (f->inject_decode)
			f->inject_decode(p, len, &status);
		break;
	}
	if (f->status_reason)
		(void)f->status_reason(status);
}

static void inject_list(const uint8_t *p, size_t len)
{
	struct nd_block_run runs[64];
	struct nd_inject_list list;
	uint64_t start, size;
	uint32_t n, i;

	if (nd_inject_get_decode(p, len, &list))
		return;
	if (ND_INJECT_GET_HDR + (uint64_t)list.count * ND_INJECT_GET_RECORD >
	    len)
		abort();
	start = len > 8 ? p[len - 1] * 4096ull : 0;
	size = len > 8 ? (p[len - 2] + 1) * 65536ull : 1;
	n = nd_inject_list_to_runs(&list, start, size, runs, 64);
	for (i = 1; i < n && i < 64; i++)
		if (runs[i].block <= runs[i - 1].block + runs[i - 1].count)
			abort();
}

/*
 * The firmware update replies, on every input whatever the pick (so the
 * seeds keep their meaning): a decoder that accepts a reply vouches for
 * a whole layout, and a SEND_DATA length past the reply is refused.
 */
static void fw_replies(const uint8_t *p, size_t len)
{
	struct nd_fw_info info;
	uint32_t status, ctx, data_len;
	uint64_t rev;

	if (!nd_fw_info_decode(p, len, &info, &status) && len < ND_FW_INFO_OUT)
		abort();
	if (!nd_fw_start_decode(p, len, &ctx, &status) && len < ND_FW_START_OUT)
		abort();
	data_len = len >= 12 ? (uint32_t)p[8] | (uint32_t)p[9] << 8 : 0;
	if (!nd_fw_send_decode(p, len, data_len, &status) &&
	    len < ND_FW_SEND_HDR + (size_t)data_len + ND_FW_SEND_OUT)
		abort();
	if (!nd_fw_finish_decode(p, len, &status) &&
	    len < ND_FW_FINISH_IN + ND_FW_FINISH_OUT)
		abort();
	if (!nd_fw_query_decode(p, len, &rev, &status) &&
	    len < ND_FW_QUERY_IN + ND_FW_QUERY_OUT)
		abort();
	if (!nd_fw_status_reason(
		    nd_fw_status(ND_INTEL_FW_FINISH_QUERY, status)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct nd_ars_status st;
	struct nd_ars_rec rec;
	struct nd_spa_device dev;
	struct nd_ars_cap cap;
	struct nd_pkg sent = { 0, 1, 0, 132, 132 }, got;
	uint64_t cleared;
	uint32_t status, t, i;
	uint8_t *p, pick;

	if (!len || len > (1u << 16))
		return 0;
	pick = data[0];
	len--;
	p = malloc(len ? len : 1);
	if (!p)
		return 0;
	memcpy(p, data + 1, len);
	switch (pick % 12) {
	case 0:
		nd_ars_cap_decode(p, len, &cap);
		break;
	case 1:
		nd_ars_start_decode(p, len, &status, &t);
		break;
	case 2:
		if (!nd_ars_status_decode(p, len, &st)) {
			if (ND_ARS_STATUS_HDR_SIZE +
				    (uint64_t)st.num_records *
					    ND_ARS_RECORD_SIZE >
			    len)
				abort();
			for (i = 0; i < st.num_records; i++)
				nd_ars_status_record(&st, i, &rec);
		}
		break;
	case 3:
		nd_clear_error_decode(p, len, &status, &cleared);
		break;
	case 4:
		nd_inject_set_decode(p, len, &status);
		nd_inject_clear_decode(p, len, &status);
		break;
	case 5:
		inject_list(p, len);
		break;
	case 6:
		nd_translate_spa_decode(p, len, &status, &dev);
		break;
	case 7:
		if (!nd_pkg_decode(p, len, &got) &&
		    nd_pkg_out_received(&sent, &got) > sent.size_out)
			abort();
		break;
	default: {
		static const unsigned int families[] = {
			ND_FAMILY_INTEL,  ND_FAMILY_HPE1, ND_FAMILY_MSFT,
			ND_FAMILY_HYPERV, ND_FAMILY_PAPR,
		};
		const struct nd_health_family *f = nd_health_family(
			families[(pick % 12) - 8 + (pick >> 7)]);

		if (f)
			family(f, p, len, pick >> 4);
		break;
	}
	}
	fw_replies(p, len);
	free(p);
	return 0;
}
